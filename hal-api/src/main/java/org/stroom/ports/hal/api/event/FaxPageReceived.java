package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * A fax page was received and confirmed; {@code page} counts from 1.
 *
 * <p>Thread-safety: immutable.
 */
public record FaxPageReceived(long sequence, long atNanos, ChannelId channel, CallId call, int page, int bps)
        implements CallEvent {}
