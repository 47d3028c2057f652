/**
 * Failover monitoring between an active system and its standby: the
 * {@link org.stroom.ports.portmgr.cluster.FailoverMonitor} state machine (heartbeats with application health,
 * controlled shutdown, failover-now, suspend, failback with wait-to-restore and lock-out), the
 * {@link org.stroom.ports.portmgr.cluster.PeerLink} transport with an in-memory implementation, and the drivers
 * for both ends.
 *
 * <p>Thread-safety: the monitor and drivers belong to one thread; links and messages are thread-safe.
 */
package org.stroom.ports.portmgr.cluster;
