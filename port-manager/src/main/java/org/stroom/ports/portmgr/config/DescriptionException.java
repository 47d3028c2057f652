package org.stroom.ports.portmgr.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A system description file could not be used. {@link #unusable()} is true when the file could not
 * be read or parsed at all (exit code 2), false when it parsed but broke rules (exit code 1).
 *
 * <p>Thread-safety: immutable.
 */
public class DescriptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final boolean unusable;

    /** A single problem that makes the file unusable (syntax, I/O). */
    public DescriptionException(Problem problem) {
        this(List.of(problem), true);
    }

    /**
     * @param problems every problem found, at least one
     * @param unusable whether the file could not be parsed at all
     */
    public DescriptionException(List<Problem> problems, boolean unusable) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.unusable = unusable;
    }

    /** @return every problem found */
    public List<Problem> problems() {
        return problems;
    }

    /** @return whether the file could not be parsed at all */
    public boolean unusable() {
        return unusable;
    }
}
