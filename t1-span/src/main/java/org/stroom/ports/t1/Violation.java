package org.stroom.ports.t1;

import java.util.Objects;

/**
 * One broken configuration rule.
 *
 * @param field path of the offending field, e.g. {@code "spans[2].framing"}
 * @param rule short stable rule id, e.g. {@code "pri-needs-esf"}; tools may match on it
 * @param problem what is wrong, with the offending value
 * @param fix what to change to satisfy the rule
 *     <p>Thread-safety: immutable.
 */
public record Violation(String field, String rule, String problem, String fix) {
    /** Rejects nulls. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** @return {@code "field: problem. Fix: fix [rule]"} */
    public String message() {
        return field + ": " + problem + ". Fix: " + fix + " [" + rule + "]";
    }

    @Override
    public String toString() {
        return message();
    }
}
