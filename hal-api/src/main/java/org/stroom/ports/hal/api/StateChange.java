package org.stroom.ports.hal.api;

import java.util.Objects;

/**
 * One transition of a channel's state.
 *
 * @param from state before
 * @param to state after
 * @param atNanos backend clock time
 * @param reason what caused it, e.g. {@code "answer"} or {@code "far-end hang-up"}
 *     <p>Thread-safety: immutable.
 */
public record StateChange(ChannelState from, ChannelState to, long atNanos, String reason) {
    /** Rejects nulls. */
    public StateChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
