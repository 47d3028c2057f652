package org.stroom.ports.hal.api.event;

import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

/**
 * An alarm cleared on the span.
 *
 * <p>Thread-safety: immutable.
 */
public record SpanAlarmCleared(long sequence, long atNanos, SpanLocation span, Alarm alarm) implements SpanEvent {}
