package org.stroom.ports.hal.api.event;

import org.stroom.ports.t1.SpanLocation;

/**
 * The PRI D-channel went down; the span carries no PRI calls.
 *
 * <p>Thread-safety: immutable.
 */
public record DChannelDown(long sequence, long atNanos, SpanLocation span) implements SpanEvent {}
