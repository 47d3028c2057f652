package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.Q850Cause;

/**
 * The call ended; exactly one per call. {@code farEnd} tells whether the far end or the network cleared it (true) or the application did (false). The channel is IDLE again, or OUT_OF_SERVICE if the span failed.
 *
 * <p>Thread-safety: immutable.
 */
public record CallDisconnected(
        long sequence, long atNanos, ChannelId channel, CallId call, Q850Cause cause, boolean farEnd)
        implements CallEvent {}
