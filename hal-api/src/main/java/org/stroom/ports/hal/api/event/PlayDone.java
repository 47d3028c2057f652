package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.TerminationReason;

/**
 * Playback ended; {@code playedMillis} is how much was played.
 *
 * <p>Thread-safety: immutable.
 */
public record PlayDone(
        long sequence, long atNanos, ChannelId channel, CallId call, TerminationReason reason, long playedMillis)
        implements CallEvent {}
