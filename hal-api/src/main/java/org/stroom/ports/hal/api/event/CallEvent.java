package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;

/**
 * An event about a call on a channel.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface CallEvent extends ChannelEvent
        permits CallOffered,
                CallAlerting,
                CallConnected,
                CallDisconnected,
                DigitReceived,
                DigitsCollected,
                DigitsSent,
                PlayDone,
                RecordDone,
                FaxPageSent,
                FaxPageReceived,
                FaxDone {
    /** @return the call */
    CallId call();
}
