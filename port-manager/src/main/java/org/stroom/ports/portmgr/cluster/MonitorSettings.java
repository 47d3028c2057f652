package org.stroom.ports.portmgr.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and thresholds of the failover monitor. The defaults are those of the telephony failover servers
 * customers already use: a heartbeat every 2000 ms, 1000 ms to answer, a warning after 5 consecutive misses,
 * failover after 15, or 30 right after the monitor's own restart (until the peer first answers).
 *
 * @param heartbeatInterval time between heartbeats, &gt; 0
 * @param heartbeatTimeout time a heartbeat may take to be answered, &gt; 0 and &lt; the interval
 * @param warnAfterMisses consecutive misses before a warning, &ge; 1
 * @param failoverAfterMisses consecutive misses before failover, &ge; warnAfterMisses
 * @param failoverAfterRestartMisses consecutive misses before failover right after the monitor started, until
 *     the peer first answers healthy; &ge; failoverAfterMisses
 * @param waitToRestore how long the peer must answer healthy before automatic failback, &ge; 0
 * @param lockoutFailovers promotions within {@code lockoutWindow} after which automatic failback is locked out
 *     (flapping), &ge; 1
 * @param lockoutWindow the window for counting promotions, &gt; 0
 * @param autoFailback whether to fail back automatically once the peer has been healthy for wait-to-restore
 * @param promoteOnControlledShutdown whether a controlled-shutdown notice triggers promotion at once (else the
 *     monitor waits for an operator's failover-now)
 *     <p>Thread-safety: immutable.
 */
public record MonitorSettings(
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        int warnAfterMisses,
        int failoverAfterMisses,
        int failoverAfterRestartMisses,
        Duration waitToRestore,
        int lockoutFailovers,
        Duration lockoutWindow,
        boolean autoFailback,
        boolean promoteOnControlledShutdown) {
    /**
     * @throws IllegalArgumentException naming the setting out of range
     */
    public MonitorSettings {
        Objects.requireNonNull(heartbeatInterval, "monitor settings: heartbeatInterval");
        Objects.requireNonNull(heartbeatTimeout, "monitor settings: heartbeatTimeout");
        Objects.requireNonNull(waitToRestore, "monitor settings: waitToRestore");
        Objects.requireNonNull(lockoutWindow, "monitor settings: lockoutWindow");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException(
                    "monitor settings: heartbeatInterval = " + heartbeatInterval + " must be positive");
        }
        if (heartbeatTimeout.isNegative()
                || heartbeatTimeout.isZero()
                || heartbeatTimeout.compareTo(heartbeatInterval) >= 0) {
            throw new IllegalArgumentException("monitor settings: heartbeatTimeout = " + heartbeatTimeout
                    + " must be positive and shorter than heartbeatInterval = " + heartbeatInterval);
        }
        if (warnAfterMisses < 1
                || failoverAfterMisses < warnAfterMisses
                || failoverAfterRestartMisses < failoverAfterMisses) {
            throw new IllegalArgumentException("monitor settings: need 1 <= warnAfterMisses (" + warnAfterMisses
                    + ") <= failoverAfterMisses (" + failoverAfterMisses + ") <= failoverAfterRestartMisses ("
                    + failoverAfterRestartMisses + ")");
        }
        if (waitToRestore.isNegative()) {
            throw new IllegalArgumentException("monitor settings: waitToRestore = " + waitToRestore + " is negative");
        }
        if (lockoutFailovers < 1 || lockoutWindow.isNegative() || lockoutWindow.isZero()) {
            throw new IllegalArgumentException("monitor settings: lockoutFailovers = " + lockoutFailovers
                    + " must be >= 1 and lockoutWindow = " + lockoutWindow + " positive");
        }
    }

    /**
     * @return 2000 ms interval, 1000 ms timeout, warn after 5, failover after 15 (30 after restart), 5 minutes
     *     wait-to-restore, automatic failback locked out after 3 failovers in 24 h, promote on a controlled
     *     shutdown
     */
    public static MonitorSettings defaults() {
        return new MonitorSettings(
                Duration.ofMillis(2000),
                Duration.ofMillis(1000),
                5,
                15,
                30,
                Duration.ofMinutes(5),
                3,
                Duration.ofHours(24),
                true,
                true);
    }

    /** @return a copy with another wait-to-restore */
    public MonitorSettings withWaitToRestore(Duration d) {
        return new MonitorSettings(
                heartbeatInterval,
                heartbeatTimeout,
                warnAfterMisses,
                failoverAfterMisses,
                failoverAfterRestartMisses,
                d,
                lockoutFailovers,
                lockoutWindow,
                autoFailback,
                promoteOnControlledShutdown);
    }

    /** @return a copy with automatic failback on or off */
    public MonitorSettings withAutoFailback(boolean on) {
        return new MonitorSettings(
                heartbeatInterval,
                heartbeatTimeout,
                warnAfterMisses,
                failoverAfterMisses,
                failoverAfterRestartMisses,
                waitToRestore,
                lockoutFailovers,
                lockoutWindow,
                on,
                promoteOnControlledShutdown);
    }

    /** @return a copy that waits for an operator after a controlled-shutdown notice, or not */
    public MonitorSettings withPromoteOnControlledShutdown(boolean on) {
        return new MonitorSettings(
                heartbeatInterval,
                heartbeatTimeout,
                warnAfterMisses,
                failoverAfterMisses,
                failoverAfterRestartMisses,
                waitToRestore,
                lockoutFailovers,
                lockoutWindow,
                autoFailback,
                on);
    }
}
