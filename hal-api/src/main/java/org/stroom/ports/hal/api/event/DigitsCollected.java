package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.TerminationReason;

/**
 * A digit collection ended with the digits received.
 *
 * <p>Thread-safety: immutable.
 */
public record DigitsCollected(
        long sequence, long atNanos, ChannelId channel, CallId call, String digits, TerminationReason reason)
        implements CallEvent {}
