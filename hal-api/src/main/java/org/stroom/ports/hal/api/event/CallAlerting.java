package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;

/**
 * The call is ringing: an accepted inbound call, or the far end of an outbound call (channel now ALERTING).
 *
 * <p>Thread-safety: immutable.
 */
public record CallAlerting(long sequence, long atNanos, ChannelId channel, CallId call) implements CallEvent {}
