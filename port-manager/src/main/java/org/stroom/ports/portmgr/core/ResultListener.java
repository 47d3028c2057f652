package org.stroom.ports.portmgr.core;

/**
 * Notified of every applied input and its result, in journal order, after the input's reply: the place for
 * metrics and for notifying subscribers of state changes.
 *
 * <p>Thread-safety: called on the core's reply thread only; an exception thrown here stops the core fail-fast.
 */
@FunctionalInterface
public interface ResultListener<I, R> {
    /**
     * @param journalIndex journal index of the input (an append counter when the journal is off)
     * @param input the input as submitted (its time is the stamp it was applied and journaled with, not its own
     *     field)
     * @param result its result
     */
    void onResult(long journalIndex, I input, R result);
}
