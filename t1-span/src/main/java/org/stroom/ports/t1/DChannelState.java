package org.stroom.ports.t1;

/**
 * State of a PRI span's D-channel (Q.921 link). Kept apart from alarms: a span can be alarm-free with
 * its D-channel down, and then carries no PRI calls.
 *
 * <p>Thread-safety: immutable.
 */
public enum DChannelState {
    /** Layer 2 established; calls can be signalled. */
    UP,
    /** Layer 2 down. */
    DOWN,
    /** The span has no D-channel (CAS). */
    NOT_APPLICABLE
}
