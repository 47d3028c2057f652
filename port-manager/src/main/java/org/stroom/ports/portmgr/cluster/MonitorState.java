package org.stroom.ports.portmgr.cluster;

/**
 * State of the monitored peer as the standby sees it (the states of the telephony failover servers customers
 * know).
 *
 * <p>Thread-safety: immutable.
 */
public enum MonitorState {
    /** Monitored, answering heartbeats, healthy. */
    OK,
    /** At least one heartbeat missed (or answered unhealthy), fewer than the failover count. */
    SUSPECT,
    /**
     * The peer is considered failed: the failover count was reached, it announced a controlled shutdown, or an
     * operator commanded failover. Whether this system took over is {@link FailoverMonitor#promoted()}.
     */
    FAILURE,
    /** Monitoring paused for maintenance: no heartbeat, no failover. */
    SUSPENDED,
    /** Monitoring stopped. */
    STOPPED,
    /** Data is being replicated: a scheduled backup, or the replication back to the peer before failback. */
    REPLICATING
}
