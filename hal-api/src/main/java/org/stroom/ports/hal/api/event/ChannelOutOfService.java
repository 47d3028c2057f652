package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.ChannelId;

/**
 * The channel can no longer carry calls; {@code reason} says why (span alarm, D-channel down, board fault, stuck, locked).
 *
 * <p>Thread-safety: immutable.
 */
public record ChannelOutOfService(long sequence, long atNanos, ChannelId channel, String reason)
        implements ChannelEvent {}
