package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.FaxResult;

/**
 * A fax session ended; {@code pages} were transferred, {@code sending} tells the direction.
 *
 * <p>Thread-safety: immutable.
 */
public record FaxDone(
        long sequence,
        long atNanos,
        ChannelId channel,
        CallId call,
        FaxResult result,
        int pages,
        int bps,
        boolean sending)
        implements CallEvent {}
