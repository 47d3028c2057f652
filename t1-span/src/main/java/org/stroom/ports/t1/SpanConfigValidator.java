package org.stroom.ports.t1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks span configurations against the DS1 provisioning rules and reports every broken rule at
 * once, each naming the field, the problem and the fix. Never throws on any input: a null
 * component is reported as missing.
 *
 * <p>Rules (ids in brackets): a field is missing [missing]; PRI on D4 framing [pri-needs-esf]; PRI
 * with AMI coding [pri-needs-b8zs]; a protocol that does not belong to the declared signalling mode,
 * e.g. CAS signalling on a CCS span [signalling-mode-mismatch]; PRI without a switch variant
 * [pri-switch-missing]; a switch variant on a CAS span [switch-on-cas]; clock priority outside
 * 0..8 [clock-priority-range]; two spans of one board with the same non-zero clock priority
 * [clock-priority-duplicate]; a timeslot outside 1..24 [ds0-range]; the PRI D-channel listed as
 * unprovisioned [ds0-d-channel]; a timeslot listed twice [ds0-duplicate]; no bearer left
 * [ds0-none]; DID ranges that overlap, within a span or across spans [did-overlap]; the same circuit
 * id twice [circuit-duplicate].
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class SpanConfigValidator {
    private SpanConfigValidator() {}

    /**
     * Validates one span on its own.
     *
     * @param span the configuration, may be null
     * @param path field path prefix used in messages, e.g. {@code "spans[3]"}
     * @return every broken rule
     */
    public static ValidationReport validate(SpanConfig span, String path) {
        List<Violation> out = new ArrayList<>();
        if (span == null) {
            out.add(new Violation(path, "missing", "the span configuration is missing", "describe the span"));
            return new ValidationReport(out);
        }
        missing(out, path + ".circuitId", span.circuitId(), "give the carrier's circuit id");
        missing(out, path + ".framing", span.framing(), "set D4 or ESF as ordered from the carrier");
        missing(out, path + ".lineCoding", span.lineCoding(), "set AMI or B8ZS as ordered from the carrier");
        missing(out, path + ".signallingMode", span.signallingMode(), "set CCS (PRI) or CAS (robbed-bit)");
        missing(out, path + ".signalling", span.signalling(), "set the protocol, e.g. ISDN_PRI or EM_WINK_START");
        missing(out, path + ".lineBuildOut", span.lineBuildOut(), "set the build-out, usually LONG_HAUL_0_DB");

        Signalling sig = span.signalling();
        boolean pri = sig == Signalling.ISDN_PRI;
        if (pri && span.framing() == Framing.D4) {
            out.add(new Violation(
                    path + ".framing",
                    "pri-needs-esf",
                    "ISDN PRI is declared on D4 framing; PRI runs only on ESF",
                    "set framing to ESF (ask the carrier if the circuit was ordered as D4)"));
        }
        if (pri && span.lineCoding() == LineCoding.AMI) {
            out.add(new Violation(
                    path + ".lineCoding",
                    "pri-needs-b8zs",
                    "ISDN PRI is declared with AMI coding; 64 kbit/s B-channels need B8ZS",
                    "set the line coding to B8ZS"));
        }
        if (sig != null && span.signallingMode() != null && sig.mode() != span.signallingMode()) {
            out.add(new Violation(
                    path + ".signalling",
                    "signalling-mode-mismatch",
                    sig.mode() + " signalling " + sig + " is declared on a " + span.signallingMode() + " span",
                    span.signallingMode() == SignallingMode.CCS
                            ? "use ISDN_PRI on a CCS span, or set signallingMode to CAS"
                            : "use a robbed-bit protocol (EM_WINK_START, EM_IMMEDIATE, LOOP_START, GROUND_START)"
                                    + " on a CAS span, or set signallingMode to CCS"));
        }
        if (pri && span.priSwitch() == null) {
            out.add(new Violation(
                    path + ".priSwitch",
                    "pri-switch-missing",
                    "ISDN PRI needs the carrier's switch variant",
                    "set priSwitch to NI2, ATT_4ESS, ATT_5ESS or DMS100 as the carrier specifies"));
        }
        if (sig != null && !pri && span.priSwitch() != null) {
            out.add(new Violation(
                    path + ".priSwitch",
                    "switch-on-cas",
                    "switch variant " + span.priSwitch() + " is set on a " + sig + " span; it applies only to ISDN PRI",
                    "remove priSwitch"));
        }
        if (span.clockPriority() < 0 || span.clockPriority() > SpanConfig.MAX_CLOCK_PRIORITY) {
            out.add(new Violation(
                    path + ".clockPriority",
                    "clock-priority-range",
                    "clock priority " + span.clockPriority() + " is outside 0.." + SpanConfig.MAX_CLOCK_PRIORITY,
                    "use 0 for never a clock source, or 1 (first choice) to " + SpanConfig.MAX_CLOCK_PRIORITY));
        }
        checkTimeslots(out, path, span, pri);
        checkDidOverlaps(out, List.of(span), List.of(path));
        return new ValidationReport(out);
    }

    /**
     * Validates the spans of one board: each span on its own, plus clock priorities unique among the
     * non-zero values, and DID ranges that do not overlap.
     *
     * @param spans the board's spans in port order, entries may be null
     * @param path path prefix of the board, e.g. {@code "machines[0].boards[1]"}; spans are reported as
     *     {@code path + ".spans[i]"}
     * @return every broken rule
     */
    public static ValidationReport validateBoard(List<SpanConfig> spans, String path) {
        List<String> paths = new ArrayList<>();
        ValidationReport report = ValidationReport.ok();
        for (int i = 0; i < spans.size(); i++) {
            String p = path + ".spans[" + i + "]";
            paths.add(p);
            report = report.and(validate(spans.get(i), p));
        }
        List<Violation> out = new ArrayList<>();
        Map<Integer, String> byPriority = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            SpanConfig s = spans.get(i);
            if (s == null || s.clockPriority() == 0) {
                continue;
            }
            String earlier = byPriority.putIfAbsent(s.clockPriority(), paths.get(i));
            if (earlier != null) {
                out.add(new Violation(
                        paths.get(i) + ".clockPriority",
                        "clock-priority-duplicate",
                        "clock priority " + s.clockPriority() + " is also used by " + earlier + " on the same board",
                        "give each clock-source span of a board its own priority, or 0 for never"));
            }
        }
        return report.and(new ValidationReport(out));
    }

    /**
     * Cross-span rules over a whole installation: circuit ids unique and DID ranges disjoint.
     * Per-span and per-board rules are not repeated here.
     *
     * @param spans spans from anywhere in the system
     * @param paths their field paths, same size as {@code spans}
     * @return every broken rule
     */
    public static ValidationReport validateAcrossSpans(List<SpanConfig> spans, List<String> paths) {
        if (spans.size() != paths.size()) {
            throw new IllegalArgumentException(
                    "spans and paths differ in size: " + spans.size() + " vs " + paths.size());
        }
        List<Violation> out = new ArrayList<>();
        Map<CircuitId, String> ids = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            SpanConfig s = spans.get(i);
            if (s == null || s.circuitId() == null) {
                continue;
            }
            String earlier = ids.putIfAbsent(s.circuitId(), paths.get(i));
            if (earlier != null) {
                out.add(new Violation(
                        paths.get(i) + ".circuitId",
                        "circuit-duplicate",
                        "circuit id " + s.circuitId() + " is also used by " + earlier,
                        "a circuit is plugged in one place at a time: fix the circuit id or remove one span"));
            }
        }
        checkDidOverlaps(out, spans, paths);
        return new ValidationReport(out);
    }

    private static void checkTimeslots(List<Violation> out, String path, SpanConfig span, boolean pri) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> ts = span.unprovisionedTimeslots();
        for (int i = 0; i < ts.size(); i++) {
            Integer t = ts.get(i);
            String f = path + ".unprovisionedTimeslots[" + i + "]";
            if (t == null || t < 1 || t > Ds0Layout.TIMESLOTS) {
                out.add(new Violation(
                        f, "ds0-range", "DS0 index " + t + " is outside 1..24", "use a timeslot number from 1 to 24"));
            } else if (pri && t == Ds0Layout.PRI_D_CHANNEL) {
                out.add(new Violation(
                        f,
                        "ds0-d-channel",
                        "timeslot 24 is the PRI D-channel and cannot be unprovisioned",
                        "remove 24; a PRI without its D-channel carries no calls"));
            } else if (!seen.add(t)) {
                out.add(new Violation(f, "ds0-duplicate", "timeslot " + t + " is listed twice", "list it once"));
            }
        }
        if (span.signalling() != null && span.layout().bearerCount() == 0) {
            out.add(new Violation(
                    path + ".unprovisionedTimeslots",
                    "ds0-none",
                    "no bearer timeslot is left on the span",
                    "unprovision fewer timeslots, or remove the span"));
        }
    }

    private static void checkDidOverlaps(List<Violation> out, List<SpanConfig> spans, List<String> paths) {
        List<DidRange> ranges = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            SpanConfig s = spans.get(i);
            if (s == null) {
                continue;
            }
            for (int j = 0; j < s.didRanges().size(); j++) {
                DidRange r = s.didRanges().get(j);
                String f = paths.get(i) + ".didRanges[" + j + "]";
                if (r == null) {
                    out.add(new Violation(f, "missing", "the DID range is missing", "give first-last numbers"));
                    continue;
                }
                for (int k = 0; k < ranges.size(); k++) {
                    if (ranges.get(k).overlaps(r)) {
                        out.add(new Violation(
                                f,
                                "did-overlap",
                                "DID range " + r + " overlaps " + ranges.get(k) + " at " + where.get(k),
                                "each DID number is delivered on one circuit: split or correct the ranges"));
                    }
                }
                ranges.add(r);
                where.add(f);
            }
        }
    }

    private static void missing(List<Violation> out, String field, Object value, String fix) {
        if (value == null) {
            out.add(new Violation(field, "missing", "the field is missing", fix));
        }
    }
}
