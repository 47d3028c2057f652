package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * Sending DTMF digits finished.
 *
 * <p>Thread-safety: immutable.
 */
public record DigitsSent(long sequence, long atNanos, ChannelId channel, CallId call, String digits)
        implements CallEvent {}
