package org.stroom.ports.hal.api.event;

import org.stroom.ports.t1.SpanLocation;

/**
 * An event about a span: alarms and D-channel.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface SpanEvent extends HalEvent permits SpanAlarmRaised, SpanAlarmCleared, DChannelUp, DChannelDown {
    /** @return the span position */
    SpanLocation span();
}
