package org.stroom.ports.portmgr.cluster;

/**
 * Why the standby considers taking over.
 *
 * <p>Thread-safety: immutable.
 */
public enum TakeoverCause {
    /** Consecutive heartbeats missed or answered unhealthy (uncontrolled loss). */
    MISSED_HEARTBEATS,
    /** The peer announced a controlled shutdown. */
    CONTROLLED_SHUTDOWN,
    /** An operator commanded failover now. */
    OPERATOR_COMMAND
}
