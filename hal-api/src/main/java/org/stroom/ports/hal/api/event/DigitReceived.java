package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * A DTMF digit was detected on a connected call.
 *
 * <p>Thread-safety: immutable.
 */
public record DigitReceived(long sequence, long atNanos, ChannelId channel, CallId call, char digit)
        implements CallEvent {}
