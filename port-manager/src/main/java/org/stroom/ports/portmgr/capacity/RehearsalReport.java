package org.stroom.ports.portmgr.capacity;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a set of rehearsed failures.
 *
 * @param system the system rehearsed
 * @param baseline the verdict with nothing failed
 * @param cases one entry per rehearsed failure (copied)
 *     <p>Thread-safety: immutable.
 */
public record RehearsalReport(String system, Verdict baseline, List<Case> cases) {
    /** Copies the cases. */
    public RehearsalReport {
        Objects.requireNonNull(system, "rehearsal report: system");
        Objects.requireNonNull(baseline, "rehearsal report: baseline");
        cases = List.copyOf(cases);
    }

    /**
     * One rehearsed failure.
     *
     * @param failures what failed
     * @param verdict the verdict
     *     <p>Thread-safety: immutable.
     */
    public record Case(FailureSet failures, Verdict verdict) {
        /** Checks for null. */
        public Case {
            Objects.requireNonNull(failures, "rehearsal case: failures");
            Objects.requireNonNull(verdict, "rehearsal case: verdict");
        }
    }

    /** @return the worst grade over all cases (the baseline's if there is no case) */
    public Grade worst() {
        Grade g = baseline.grade();
        for (Case c : cases) {
            g = g.worse(c.verdict().grade());
        }
        return g;
    }

    /** @return how many cases ended with this grade */
    public long count(Grade grade) {
        return cases.stream().filter(c -> c.verdict().grade() == grade).count();
    }

    /** @return the cases that did not pass */
    public List<Case> notPassing() {
        return cases.stream().filter(c -> c.verdict().grade() != Grade.PASS).toList();
    }

    /** @return a summary line, e.g. {@code "Passive: 1025 single failures: 1010 PASS, 15 DEGRADED, 0 FAIL"} */
    public String summary() {
        return system + ": " + cases.size() + " single failures: " + count(Grade.PASS) + " PASS, "
                + count(Grade.DEGRADED) + " DEGRADED, " + count(Grade.FAIL) + " FAIL (baseline "
                + baseline.grade() + ")";
    }
}
