package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.BoardId;

/**
 * A failed board works again.
 *
 * <p>Thread-safety: immutable.
 */
public record BoardRecovered(long sequence, long atNanos, BoardId board) implements BoardEvent {}
