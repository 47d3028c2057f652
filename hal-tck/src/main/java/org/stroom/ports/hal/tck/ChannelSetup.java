package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.Optional;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.Q850Cause;

/**
 * Brings an IDLE channel into a given state through the public API and the far end, and back to
 * IDLE afterwards.
 *
 * <p>Thread-safety: immutable.
 */
public enum ChannelSetup {
    /** Left IDLE. */
    IDLE(ChannelState.IDLE, false),
    /** An inbound call offered, not yet accepted. */
    OFFERED_INBOUND(ChannelState.OFFERED, true),
    /** An inbound call accepted (ringback). */
    ALERTING_INBOUND(ChannelState.ALERTING, true),
    /** An outbound call placed to a far end that answers only after 60 s; no time let pass. */
    DIALLING_OUTBOUND(ChannelState.DIALLING, false),
    /** An inbound call answered. */
    CONNECTED_INBOUND(ChannelState.CONNECTED, true),
    /** An outbound call answered by the far end. */
    CONNECTED_OUTBOUND(ChannelState.CONNECTED, false),
    /** Administratively blocked. */
    BLOCKED(ChannelState.BLOCKED, false);

    private final ChannelState state;
    private final boolean inbound;

    ChannelSetup(ChannelState state, boolean inbound) {
        this.state = state;
        this.inbound = inbound;
    }

    /** @return the state the channel is brought to */
    public ChannelState state() {
        return state;
    }

    /** @return whether the call on the channel, if any, is inbound */
    public boolean inbound() {
        return inbound;
    }

    /**
     * Brings the IDLE {@code channel} to {@link #state()} (an outbound call may already be ALERTING
     * on a real-time backend).
     *
     * @return the call now on the channel, if any
     */
    public Optional<CallId> bringTo(TckSession s, ChannelId channel) {
        switch (this) {
            case IDLE:
                return Optional.empty();
            case OFFERED_INBOUND:
                return Optional.of(s.offer(channel));
            case ALERTING_INBOUND: {
                CallId call = s.offer(channel);
                s.backend().accept(channel);
                s.awaitState(channel, ChannelState.ALERTING, TckSession.SIGNALLING);
                return Optional.of(call);
            }
            case DIALLING_OUTBOUND:
                return Optional.of(s.place(channel, OutboundBehaviour.answer(Duration.ofSeconds(60))));
            case CONNECTED_INBOUND:
                return Optional.of(s.connectInbound(channel));
            case CONNECTED_OUTBOUND:
                return Optional.of(s.connectOutbound(channel, false));
            case BLOCKED:
                s.backend().setBlocked(channel, true);
                s.awaitState(channel, ChannelState.BLOCKED, TckSession.SIGNALLING);
                return Optional.empty();
            default:
                throw new AssertionError("unhandled setup " + this);
        }
    }

    /** Returns {@code channel} to IDLE from whatever this setup left it in. */
    public void release(TckSession s, ChannelId channel, Optional<CallId> call) {
        if (this == BLOCKED) {
            s.backend().setBlocked(channel, false);
        } else if (call.isPresent()) {
            s.backend().hangUp(channel, Q850Cause.NORMAL_CLEARING);
            s.expectDisconnected(call.get(), TckSession.SIGNALLING);
        }
        s.awaitState(channel, ChannelState.IDLE, TckSession.SIGNALLING);
    }
}
