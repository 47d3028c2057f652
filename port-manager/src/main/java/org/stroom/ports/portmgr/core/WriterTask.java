package org.stroom.ports.portmgr.core;

/**
 * Work run on the core's writer thread between two inputs, e.g. reading a consistent view of the state or
 * encoding a snapshot. It must not change the state: changes go through inputs, or replay would miss them.
 *
 * <p>Thread-safety: runs on the writer thread, the only thread that may touch the state machine.
 */
@FunctionalInterface
public interface WriterTask<T> {
    /**
     * @param lastAppliedIndex journal index of the last input applied before this task, or
     *     {@link org.stroom.ports.portmgr.journal.Journal#NO_INDEX}
     * @return the task's result, delivered through the future returned by {@link EventCore#execute}
     */
    T run(long lastAppliedIndex);
}
