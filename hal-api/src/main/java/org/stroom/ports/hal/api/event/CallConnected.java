package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * The call was answered (channel now CONNECTED).
 *
 * <p>Thread-safety: immutable.
 */
public record CallConnected(long sequence, long atNanos, ChannelId channel, CallId call) implements CallEvent {}
