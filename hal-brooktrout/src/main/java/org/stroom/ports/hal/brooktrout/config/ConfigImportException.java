package org.stroom.ports.hal.brooktrout.config;

import java.util.List;
import java.util.stream.Collectors;
import org.stroom.ports.hal.api.HalException;

/**
 * A Brooktrout configuration file could not be imported. Lists every problem found, each with its file
 * and line, one per line of the message.
 *
 * <p>Thread-safety: immutable.
 */
public class ConfigImportException extends HalException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /**
     * @param problems at least one problem, in file order; never null
     */
    public ConfigImportException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in file order */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
