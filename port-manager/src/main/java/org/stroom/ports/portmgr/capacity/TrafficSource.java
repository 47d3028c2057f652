package org.stroom.ports.portmgr.capacity;

/**
 * Where a module's busy-hour figures come from.
 *
 * <p>Thread-safety: immutable.
 */
public enum TrafficSource {
    /** Entered by the planner (sales sizing, customer figures). */
    CONFIGURED,
    /** Measured by the port manager over busy hours and replicated to the peer. */
    MEASURED
}
