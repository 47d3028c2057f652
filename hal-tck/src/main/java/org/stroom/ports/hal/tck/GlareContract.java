package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Example;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;

/**
 * Glare: the far end seizes a channel on which we are dialling. The network wins (as on a PRI
 * user side): our outbound call ends with cause 44 (requested channel not available) before the
 * inbound call is offered, so the channel is never in two calls, and the channel is usable after.
 * Needs {@link Capability#GLARE}.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface GlareContract extends TckContract {

    @Example
    default void glareGivesTheChannelToTheFarEndsCall() {
        try (TckSession s = openSession()) {
            s.require(Capability.GLARE);
            ChannelId ch = s.idleChannel();
            CallId ours = s.place(ch, OutboundBehaviour.answer(Duration.ofSeconds(30)));
            CallId theirs = s.harness().offerInbound(ch, TckSession.DNIS, TckSession.ANI);
            CallDisconnected lost = s.expectDisconnected(ours, TckSession.SIGNALLING);
            assertThat(lost.cause()).as("cause of the call that lost glare").isEqualTo(Q850Cause.CHANNEL_NOT_AVAILABLE);
            assertThat(lost.farEnd()).as("the network cleared our call").isTrue();
            CallOffered won = s.expect(
                    CallOffered.class, e -> e.call().equals(theirs), TckSession.SIGNALLING, "CallOffered after glare");
            assertThat(won.channel()).isEqualTo(ch);
            assertThat(won.sequence())
                    .as("our call ends before the far end's call is offered on the same channel")
                    .isGreaterThan(lost.sequence());
            assertThat(s.backend().channel(ch).call()).contains(theirs);
            s.expectNone(
                    CallConnected.class, e -> e.call().equals(ours), Duration.ofSeconds(31), "our call connecting");
            s.backend().answer(ch);
            s.expect(CallConnected.class, e -> e.call().equals(theirs), TckSession.SIGNALLING, "CallConnected");
            s.hangUp(ch, theirs);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void channelPlacesCallsAgainAfterGlare() {
        try (TckSession s = openSession()) {
            s.require(Capability.GLARE);
            ChannelId ch = s.idleChannel();
            CallId ours = s.place(ch, OutboundBehaviour.answer(Duration.ofSeconds(30)));
            CallId theirs = s.harness().offerInbound(ch, TckSession.DNIS, TckSession.ANI);
            s.expectDisconnected(ours, TckSession.SIGNALLING);
            s.expect(CallOffered.class, e -> e.call().equals(theirs), TckSession.SIGNALLING, "CallOffered");
            s.harness().farEndHangUp(ch);
            s.expectDisconnected(theirs, TckSession.SIGNALLING);
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            CallId again = s.connectOutbound(ch, false);
            s.hangUp(ch, again);
            s.clearCallsAndCheckInvariants();
        }
    }
}
