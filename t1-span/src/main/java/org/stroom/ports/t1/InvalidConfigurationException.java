package org.stroom.ports.t1;

/**
 * A configuration broke one or more rules; {@link #report()} lists all of them.
 *
 * <p>Thread-safety: immutable.
 */
public class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /** @param report the broken rules, at least one */
    public InvalidConfigurationException(ValidationReport report) {
        super(report.violations().size() + " configuration rule(s) broken:\n" + report);
        this.report = report;
    }

    /** @return every broken rule */
    public ValidationReport report() {
        return report;
    }
}
