package org.stroom.ports.simui.sim;

/**
 * Kinds of event-log entries, each with its own filter toggle in the log view.
 *
 * <p>Thread-safety: immutable.
 */
public enum LogCategory {
    /** Call progress: offered, alerting, connected, disconnected, digits. */
    CALL,
    /** Fax pages and fax results. */
    FAX,
    /** Span alarms and D-channel changes. */
    SPAN,
    /** Channels going in or out of service. */
    SERVICE,
    /** Board faults and recoveries, machines killed and revived. */
    BOARD,
    /** What the tester did, and its outcome. */
    COMMAND,
    /** The failover monitor: state changes, warnings, proofs, promotion. */
    FAILOVER,
    /** The simulator itself: loading, port manager rejections, traffic changes. */
    SYSTEM
}
