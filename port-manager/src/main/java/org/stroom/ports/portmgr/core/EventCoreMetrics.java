package org.stroom.ports.portmgr.core;

/**
 * Counters of an {@link EventCore}, read without stopping it (each value is current, the set is not atomic).
 *
 * @param applied inputs applied since start
 * @param overloaded inputs answered with the overloaded result because the ring stayed full
 * @param lastAppliedIndex journal index of the last input applied
 * @param ringSize slots in the ring
 * @param ringFree free slots right now
 * @param failed whether the core has stopped after a failure
 *     <p>Thread-safety: immutable.
 */
public record EventCoreMetrics(
        long applied, long overloaded, long lastAppliedIndex, int ringSize, long ringFree, boolean failed) {}
