package org.stroom.ports.t1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The provisioning of one T1 circuit: what the carrier delivers and how the board must be set to
 * match it. Construction accepts anything (components may be null) so that user input can be
 * checked as a whole: {@link SpanConfigValidator} reports every broken rule at once, and
 * {@link #validated()} throws with all of them.
 *
 * @param circuitId the carrier's circuit id; stable across span moves
 * @param framing D4 or ESF
 * @param lineCoding AMI or B8ZS
 * @param signallingMode CCS or CAS, as ordered from the carrier
 * @param signalling protocol; must belong to {@code signallingMode}
 * @param priSwitch switch variant, required for PRI and absent (null) otherwise
 * @param clockPriority clock-source priority, 0 = never a timing source, 1 = first choice, up to
 *     {@value #MAX_CLOCK_PRIORITY}; unique among non-zero values on one board
 * @param lineBuildOut transmit build-out
 * @param didRanges DID numbers delivered on this circuit (may be empty, e.g. outbound-only spans)
 * @param unprovisionedTimeslots timeslots the carrier does not deliver (fractional T1), 1..24
 *     <p>Thread-safety: immutable (lists are copied).
 */
public record SpanConfig(
        CircuitId circuitId,
        Framing framing,
        LineCoding lineCoding,
        SignallingMode signallingMode,
        Signalling signalling,
        PriSwitch priSwitch,
        int clockPriority,
        LineBuildOut lineBuildOut,
        List<DidRange> didRanges,
        List<Integer> unprovisionedTimeslots) {

    /** Largest clock-source priority accepted. */
    public static final int MAX_CLOCK_PRIORITY = 8;

    /** Copies the lists; null lists become empty. */
    public SpanConfig {
        didRanges = didRanges == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(didRanges));
        unprovisionedTimeslots = unprovisionedTimeslots == null
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(unprovisionedTimeslots));
    }

    /**
     * A fully provisioned ISDN PRI span: ESF, B8ZS, long haul 0 dB.
     *
     * @param circuitId carrier circuit id
     * @param sw switch variant
     * @param clockPriority 0 = never a clock source
     * @param dids DID ranges delivered
     */
    public static SpanConfig pri(CircuitId circuitId, PriSwitch sw, int clockPriority, List<DidRange> dids) {
        return new SpanConfig(
                circuitId,
                Framing.ESF,
                LineCoding.B8ZS,
                SignallingMode.CCS,
                Signalling.ISDN_PRI,
                sw,
                clockPriority,
                LineBuildOut.LONG_HAUL_0_DB,
                dids,
                List.of());
    }

    /**
     * A fully provisioned robbed-bit CAS span: ESF, B8ZS, long haul 0 dB.
     *
     * @param circuitId carrier circuit id
     * @param signalling a CAS protocol
     * @param clockPriority 0 = never a clock source
     * @param dids DID ranges delivered
     */
    public static SpanConfig cas(CircuitId circuitId, Signalling signalling, int clockPriority, List<DidRange> dids) {
        return new SpanConfig(
                circuitId,
                Framing.ESF,
                LineCoding.B8ZS,
                SignallingMode.CAS,
                signalling,
                null,
                clockPriority,
                LineBuildOut.LONG_HAUL_0_DB,
                dids,
                List.of());
    }

    /** @return this configuration with another clock priority */
    public SpanConfig withClockPriority(int priority) {
        return new SpanConfig(
                circuitId,
                framing,
                lineCoding,
                signallingMode,
                signalling,
                priSwitch,
                priority,
                lineBuildOut,
                didRanges,
                unprovisionedTimeslots);
    }

    /** @return the DS0 layout; requires a non-null {@code signalling} */
    public Ds0Layout layout() {
        if (signalling == null) {
            throw new IllegalStateException("span " + circuitId + " has no signalling, so it has no DS0 layout");
        }
        return Ds0Layout.of(signalling, unprovisionedTimeslots);
    }

    /**
     * @return this configuration if it breaks no rule
     * @throws InvalidConfigurationException listing every broken rule
     */
    public SpanConfig validated() {
        SpanConfigValidator.validate(this, "span").throwIfInvalid();
        return this;
    }
}
