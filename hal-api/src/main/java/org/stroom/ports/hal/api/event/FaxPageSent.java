package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * A fax page was sent and confirmed by the receiver; {@code page} counts from 1, {@code bps} is the negotiated rate.
 *
 * <p>Thread-safety: immutable.
 */
public record FaxPageSent(long sequence, long atNanos, ChannelId channel, CallId call, int page, int bps)
        implements CallEvent {}
