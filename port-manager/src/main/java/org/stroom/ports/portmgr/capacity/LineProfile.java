package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;

/**
 * The line settings a circuit needs from the board port it is plugged into: framing, line coding, signalling
 * and, for PRI, the switch variant. A circuit can be moved to a free position only when the profiles are equal.
 *
 * @param framing D4 or ESF, non-null
 * @param lineCoding AMI or B8ZS, non-null
 * @param signalling protocol, non-null
 * @param priSwitch switch variant: required for {@link Signalling#ISDN_PRI}, null otherwise
 *     <p>Thread-safety: immutable.
 */
public record LineProfile(Framing framing, LineCoding lineCoding, Signalling signalling, PriSwitch priSwitch) {
    /**
     * @throws IllegalArgumentException when a PRI profile has no switch variant or a CAS profile has one
     */
    public LineProfile {
        Objects.requireNonNull(framing, "line profile: framing");
        Objects.requireNonNull(lineCoding, "line profile: lineCoding");
        Objects.requireNonNull(signalling, "line profile: signalling");
        if (signalling == Signalling.ISDN_PRI && priSwitch == null) {
            throw new IllegalArgumentException("line profile " + framing + "/" + lineCoding
                    + "/ISDN_PRI: the PRI switch variant is missing; give NI2, ATT_4ESS, ATT_5ESS or DMS100");
        }
        if (signalling != Signalling.ISDN_PRI && priSwitch != null) {
            throw new IllegalArgumentException("line profile " + framing + "/" + lineCoding + "/" + signalling
                    + ": a switch variant (" + priSwitch + ") only applies to ISDN_PRI; remove it");
        }
    }

    /**
     * @param config a validated span configuration
     * @return the profile the circuit needs
     */
    public static LineProfile of(SpanConfig config) {
        return new LineProfile(config.framing(), config.lineCoding(), config.signalling(), config.priSwitch());
    }

    /** @return whether a circuit with this configuration can be plugged into a position with this profile */
    public boolean accepts(SpanConfig config) {
        return equals(of(config));
    }

    /** @return whether the signalling can deliver DID digits (PRI and E&amp;M do; loop and ground start do not) */
    public boolean deliversDids() {
        return deliversDids(signalling);
    }

    static boolean deliversDids(Signalling signalling) {
        return signalling == Signalling.ISDN_PRI
                || signalling == Signalling.EM_WINK_START
                || signalling == Signalling.EM_IMMEDIATE;
    }

    @Override
    public String toString() {
        return framing + "/" + lineCoding + "/" + signalling + (priSwitch == null ? "" : "/" + priSwitch);
    }
}
