package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * An inbound call arrived on the channel (channel now OFFERED). {@code dnis} is the dialled number (DID), {@code ani} the caller's number or empty when withheld.
 *
 * <p>Thread-safety: immutable.
 */
public record CallOffered(long sequence, long atNanos, ChannelId channel, CallId call, String dnis, String ani)
        implements CallEvent {}
