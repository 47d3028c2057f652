package org.stroom.ports.hal.api.event;

import org.stroom.ports.t1.SpanLocation;

/**
 * The PRI D-channel came up.
 *
 * <p>Thread-safety: immutable.
 */
public record DChannelUp(long sequence, long atNanos, SpanLocation span) implements SpanEvent {}
