package org.stroom.ports.hal.api.event;

import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

/**
 * An integrated alarm was declared on the span.
 *
 * <p>Thread-safety: immutable.
 */
public record SpanAlarmRaised(long sequence, long atNanos, SpanLocation span, Alarm alarm) implements SpanEvent {}
