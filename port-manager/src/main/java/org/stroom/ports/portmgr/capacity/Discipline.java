package org.stroom.ports.portmgr.capacity;

/**
 * What happens to a call that finds every port of its pool busy.
 *
 * <p>Thread-safety: immutable.
 */
public enum Discipline {
    /** It is blocked (lost, or retried later): Erlang B, Extended Erlang B or Engset. */
    LOSS,
    /** It waits for a port: Erlang C. */
    QUEUE
}
