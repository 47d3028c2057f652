package org.stroom.ports.t1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every rule an input broke, in the order found.
 *
 * @param violations the broken rules; empty when the input is valid
 *     <p>Thread-safety: immutable.
 */
public record ValidationReport(List<Violation> violations) {
    /** Copies the list. */
    public ValidationReport {
        violations = Collections.unmodifiableList(new ArrayList<>(violations));
    }

    /** @return a report with no violations */
    public static ValidationReport ok() {
        return new ValidationReport(List.of());
    }

    /** @return whether no rule was broken */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** @return this report followed by {@code other}'s violations */
    public ValidationReport and(ValidationReport other) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new ValidationReport(all);
    }

    /** @return whether a violation with this rule id was found */
    public boolean hasRule(String rule) {
        return violations.stream().anyMatch(v -> v.rule().equals(rule));
    }

    /**
     * @throws InvalidConfigurationException when any rule was broken
     */
    public void throwIfInvalid() {
        if (!isValid()) {
            throw new InvalidConfigurationException(this);
        }
    }

    @Override
    public String toString() {
        return isValid() ? "valid" : violations.stream().map(Violation::message).collect(Collectors.joining("\n"));
    }
}
