package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Example;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DialString;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;

/**
 * Outbound calls: answered, busy, not answered within our timeout, refused by the network as an
 * invalid number, abandoned by us while ringing, cleared by the far end; bad numbers are refused
 * before dialling. The channel is IDLE and usable after each.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface OutboundCallContract extends TckContract {

    @Example
    default void answeredCallConnectsAfterRinging() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.place(ch, OutboundBehaviour.answer(Duration.ofSeconds(2)));
            assertThat(s.backend().channel(ch).call())
                    .as("call on %s after placeCall", ch)
                    .contains(call);
            assertThat(s.state(ch)).isIn(ChannelState.DIALLING, ChannelState.ALERTING);
            CallConnected connected =
                    s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            assertThat(connected.channel()).isEqualTo(ch);
            Optional<CallAlerting> alerting =
                    s.recorder().first(CallAlerting.class, e -> e.call().equals(call));
            alerting.ifPresent(a -> assertThat(a.sequence())
                    .as("CallAlerting comes before CallConnected")
                    .isLessThan(connected.sequence()));
            s.awaitState(ch, ChannelState.CONNECTED, TckSession.SIGNALLING);
            CallDisconnected d = s.hangUp(ch, call);
            assertThat(d.farEnd()).isFalse();
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void busyFarEndEndsTheCallWithCause17() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.place(ch, OutboundBehaviour.busy(Duration.ofMillis(500)));
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.USER_BUSY);
            assertThat(d.farEnd()).as("the network cleared the call").isTrue();
            assertThat(s.recorder().first(CallConnected.class, e -> e.call().equals(call)))
                    .isEmpty();
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.assertUsable(ch, "a busy outbound call");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void unansweredCallEndsWithCause19AtItsTimeout() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            Duration timeout = Duration.ofSeconds(5);
            CallId call = s.place(
                    ch,
                    OutboundBehaviour.noAnswer(),
                    new OutboundCall(new DialString(TckSession.NUMBER), Optional.empty(), timeout));
            s.expectNone(
                    CallDisconnected.class,
                    e -> e.call().equals(call),
                    timeout.multipliedBy(8).dividedBy(10),
                    "CallDisconnected before 80 % of the 5 s answer timeout");
            CallDisconnected d = s.expect(
                    CallDisconnected.class,
                    e -> e.call().equals(call),
                    timeout.multipliedBy(4).dividedBy(10),
                    "CallDisconnected by 120 % of the 5 s answer timeout");
            assertThat(d.cause()).isEqualTo(Q850Cause.NO_ANSWER);
            assertThat(s.recorder().first(CallConnected.class, e -> e.call().equals(call)))
                    .isEmpty();
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.assertUsable(ch, "an unanswered outbound call");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void numberRefusedByTheNetworkEndsWithCause28AndLeavesTheChannelUsable() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.place(ch, OutboundBehaviour.rejectInvalidNumber(Duration.ofMillis(200)));
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.INVALID_NUMBER_FORMAT);
            assertThat(d.farEnd()).isTrue();
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            CallId next = s.connectOutbound(ch, false);
            s.hangUp(ch, next);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void malformedNumberIsRefusedBeforeDiallingWithTheBadCharacter() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            assertThatThrownBy(() -> s.backend().placeCall(ch, OutboundCall.to("555-01x4")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("'-'")
                    .hasMessageContaining("position 4");
            assertThat(s.state(ch)).isEqualTo(ChannelState.IDLE);
            CallId call = s.connectOutbound(ch, false);
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void weCanAbandonARingingCall() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.place(ch, OutboundBehaviour.answer(Duration.ofSeconds(5)));
            s.advance(Duration.ofSeconds(1));
            s.backend().hangUp(ch, Q850Cause.NORMAL_CLEARING);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.farEnd()).isFalse();
            s.expectNone(
                    CallConnected.class,
                    e -> e.call().equals(call),
                    Duration.ofSeconds(6),
                    "CallConnected after we abandoned the call");
            assertThat(s.state(ch)).isEqualTo(ChannelState.IDLE);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void farEndClearsAnsweredOutboundCall() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, false);
            s.harness().farEndHangUp(ch);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.farEnd()).isTrue();
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }
}
