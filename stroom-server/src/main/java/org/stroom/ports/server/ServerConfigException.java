package org.stroom.ports.server;

import java.util.List;
import java.util.stream.Collectors;
import org.stroom.ports.portmgr.config.Problem;

/**
 * A Server configuration file cannot be used: every problem found, each with its file, line and column, the key,
 * what is wrong and what to do.
 *
 * <p>Thread-safety: immutable.
 */
public final class ServerConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param problems at least one problem, in file order
     */
    public ServerConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<Problem> problems() {
        return problems;
    }
}
