package org.stroom.ports.portmgr.capacity.check;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.Verdict;

/**
 * The verdicts of a redundancy check: normal operation of each system, then each takeover.
 *
 * @param mode the redundancy mode checked
 * @param verdicts every verdict, normal operation first (copied)
 * @param takeovers the takeover analyses behind the takeover verdicts (copied)
 *     <p>Thread-safety: immutable.
 */
public record RedundancyReport(RedundancyMode mode, List<Verdict> verdicts, List<TakeoverAnalysis> takeovers) {
    /** Copies the lists. */
    public RedundancyReport {
        Objects.requireNonNull(mode, "redundancy report: mode");
        verdicts = List.copyOf(verdicts);
        takeovers = List.copyOf(takeovers);
    }

    /** @return the worst grade of all verdicts */
    public Grade grade() {
        Grade g = Grade.PASS;
        for (Verdict v : verdicts) {
            g = g.worse(v.grade());
        }
        return g;
    }

    /**
     * @param scenarioPrefix start of a verdict's scenario title
     * @return the first verdict whose title starts with it
     * @throws IllegalArgumentException when there is none
     */
    public Verdict verdict(String scenarioPrefix) {
        return verdicts.stream()
                .filter(v -> v.scenario().startsWith(scenarioPrefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verdict titled '" + scenarioPrefix + "...'; have "
                        + verdicts.stream().map(Verdict::scenario).toList()));
    }

    /** @return every verdict rendered, separated by blank lines */
    public String describe() {
        StringBuilder b = new StringBuilder(mode + ": " + grade() + "\n");
        verdicts.forEach(v -> b.append('\n').append(v.describe()));
        return b.toString();
    }
}
