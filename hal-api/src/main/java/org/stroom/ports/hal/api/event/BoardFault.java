package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.BoardId;

/**
 * The board failed; its channels go out of service.
 *
 * <p>Thread-safety: immutable.
 */
public record BoardFault(long sequence, long atNanos, BoardId board, String reason) implements BoardEvent {}
