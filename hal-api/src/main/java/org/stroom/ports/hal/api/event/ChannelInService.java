package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.ChannelId;

/**
 * The channel can carry calls again (now IDLE).
 *
 * <p>Thread-safety: immutable.
 */
public record ChannelInService(long sequence, long atNanos, ChannelId channel) implements ChannelEvent {}
