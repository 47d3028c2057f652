package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.hal.softport.Sim.ch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.HalEvent;

class CallControlTest {
    private final Sim sim = Sim.onePri();
    private final ChannelId c1 = ch(1);

    @AfterEach
    void close() {
        sim.close();
    }

    private ChannelState state(ChannelId c) {
        return sim.backend.channel(c).state();
    }

    @Test
    void inboundCallIsOfferedAcceptedAnsweredAndClearedByTheApplication() {
        CallId call = sim.farEnd().offerCall(1, "3125550100", "2125551234");

        CallOffered offered = sim.events.last(CallOffered.class);
        assertThat(offered.call()).isEqualTo(call);
        assertThat(offered.dnis()).isEqualTo("3125550100");
        assertThat(offered.ani()).isEqualTo("2125551234");
        assertThat(sim.backend.channel(c1).call()).contains(call);

        sim.backend.accept(c1);
        assertThat(state(c1)).isEqualTo(ChannelState.ALERTING);
        sim.backend.answer(c1);
        assertThat(state(c1)).isEqualTo(ChannelState.CONNECTED);
        assertThat(sim.events.last(CallConnected.class).call()).isEqualTo(call);

        sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING);
        assertThat(state(c1)).isEqualTo(ChannelState.DISCONNECTING);
        assertThat(sim.events.of(CallDisconnected.class)).isEmpty();
        // Being cleared already: a second hang-up is refused, as by the vendor backends.
        assertThatThrownBy(() -> sim.backend.hangUp(c1, Q850Cause.USER_BUSY))
                .isInstanceOf(WrongStateException.class)
                .hasMessageContaining("DISCONNECTING");
        sim.advanceMillis(50);
        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.call()).isEqualTo(call);
        assertThat(d.cause()).isEqualTo(Q850Cause.NORMAL_CLEARING);
        assertThat(d.farEnd()).isFalse();
        assertThat(d.atNanos()).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.IDLE);
        assertThat(sim.backend.channel(c1).call()).isEmpty();
        assertThat(sim.backend.history(c1))
                .extracting(StateChange::to)
                .containsExactly(
                        ChannelState.OFFERED,
                        ChannelState.ALERTING,
                        ChannelState.CONNECTED,
                        ChannelState.DISCONNECTING,
                        ChannelState.IDLE);
    }

    @Test
    void rejectedInboundCallEndsWithTheGivenCause() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.reject(c1, Q850Cause.CALL_REJECTED);
        sim.advanceMillis(50);

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.cause()).isEqualTo(Q850Cause.CALL_REJECTED);
        assertThat(d.farEnd()).isFalse();
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void callerAbandoningBeforeAnswerIsAFarEndDisconnect() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.advance(Duration.ofSeconds(5));
        sim.farEnd().hangUp(c1);
        sim.advanceMillis(50);

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.farEnd()).isTrue();
        assertThat(d.cause()).isEqualTo(Q850Cause.NORMAL_CLEARING);
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void farEndHangUpOfAConnectedCallReleasesTheChannel() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.farEnd().hangUp(c1);
        assertThat(state(c1)).isEqualTo(ChannelState.DISCONNECTING);
        sim.advanceMillis(50);
        assertThat(sim.events.last(CallDisconnected.class).farEnd()).isTrue();
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void unansweredInboundCallIsClearedByTheNetworkAfterTheRingTimeout() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.advance(Duration.ofSeconds(179));
        assertThat(state(c1)).isEqualTo(ChannelState.OFFERED);
        sim.advance(Duration.ofSeconds(2));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.cause()).isEqualTo(Q850Cause.NO_ANSWER);
        assertThat(d.farEnd()).isTrue();
    }

    @Test
    void outboundCallRingsAfterProceedingAndConnectsAfterTheAnswerDelay() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.answer(Duration.ofSeconds(3)));
        CallId call = sim.backend.placeCall(c1, OutboundCall.to("3125551000"));

        assertThat(state(c1)).isEqualTo(ChannelState.DIALLING);
        sim.advanceMillis(200);
        assertThat(state(c1)).isEqualTo(ChannelState.ALERTING);
        assertThat(sim.events.last(CallAlerting.class).atNanos())
                .isEqualTo(Duration.ofMillis(200).toNanos());
        sim.advance(Duration.ofMillis(2800));
        CallConnected connected = sim.events.last(CallConnected.class);
        assertThat(connected.call()).isEqualTo(call);
        assertThat(connected.atNanos()).isEqualTo(Duration.ofSeconds(3).toNanos());
        assertThat(state(c1)).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void outboundToABusyNumberIsClearedWithCause17() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.busy());
        CallId call = sim.backend.placeCall(c1, OutboundCall.to("3125551000"));
        sim.advance(Duration.ofSeconds(1));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.call()).isEqualTo(call);
        assertThat(d.cause()).isEqualTo(Q850Cause.USER_BUSY);
        assertThat(d.farEnd()).isTrue();
        assertThat(sim.events.of(CallAlerting.class)).isEmpty();
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void outboundWithoutAnswerIsClearedWithCause19AtTheCallTimeout() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.noAnswer());
        sim.backend.placeCall(
                c1,
                new OutboundCall(
                        new org.stroom.ports.hal.api.DialString("3125551000"),
                        Optional.empty(),
                        Duration.ofSeconds(30)));
        sim.advance(Duration.ofSeconds(29));
        assertThat(state(c1)).isEqualTo(ChannelState.ALERTING);
        sim.advance(Duration.ofSeconds(2));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.cause()).isEqualTo(Q850Cause.NO_ANSWER);
        assertThat(d.farEnd()).isFalse();
    }

    @Test
    void outboundToAnInvalidNumberIsClearedWithCause28() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.rejectInvalidNumber());
        sim.backend.placeCall(c1, OutboundCall.to("999"));
        sim.advance(Duration.ofSeconds(1));

        assertThat(sim.events.last(CallDisconnected.class).cause()).isEqualTo(Q850Cause.INVALID_NUMBER_FORMAT);
    }

    @Test
    void outboundBehaviourCanDifferPerNumber() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.answer(Duration.ZERO));
        sim.farEnd().setOutboundBehaviour("5551", OutboundBehaviour.busy());
        sim.backend.placeCall(ch(1), OutboundCall.to("5551"));
        sim.backend.placeCall(ch(2), OutboundCall.to("5552"));
        sim.advance(Duration.ofSeconds(1));

        assertThat(sim.events.of(CallDisconnected.class, ch(1))).singleElement().satisfies(d -> assertThat(d.cause())
                .isEqualTo(Q850Cause.USER_BUSY));
        assertThat(state(ch(2))).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void glareGivesTheChannelToTheInboundCallAndFailsOurOutboundWithCause44() {
        ChannelId c23 = ch(23);
        CallId ours = sim.backend.placeCall(c23, OutboundCall.to("3125551000"));
        CallId theirs = sim.farEnd().offerCall(23, "3125550100", "2125550000");

        List<HalEvent> events = sim.events.all();
        assertThat(events).hasSize(2);
        CallDisconnected lost = (CallDisconnected) events.get(0);
        assertThat(lost.call()).isEqualTo(ours);
        assertThat(lost.cause()).isEqualTo(Q850Cause.CHANNEL_NOT_AVAILABLE);
        assertThat(lost.farEnd()).isTrue();
        CallOffered won = (CallOffered) events.get(1);
        assertThat(won.call()).isEqualTo(theirs);
        assertThat(sim.backend.channel(c23).state()).isEqualTo(ChannelState.OFFERED);
        assertThat(sim.backend.channel(c23).call()).contains(theirs);
        // the outbound call's timers are gone: nothing more happens to the inbound call
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.events.of(CallDisconnected.class)).hasSize(1);
    }

    @Test
    void huntingByDidStartsAtTheTopAndCollidesWithAnUnacknowledgedOutboundCall() {
        CallId first = sim.farEnd().offerCallToDid("3125550142", "").orElseThrow();
        assertThat(sim.backend.channel(ch(23)).call()).contains(first);

        CallId ours = sim.backend.placeCall(ch(22), OutboundCall.to("3125551000"));
        CallId second = sim.farEnd().offerCallToDid("3125550143", "").orElseThrow();

        assertThat(sim.events.last(CallDisconnected.class).call()).isEqualTo(ours);
        assertThat(sim.backend.channel(ch(22)).call()).contains(second);
    }

    @Test
    void afterTheNetworkAcknowledgedOurSetupTheFarEndCannotSeizeTheChannel() {
        sim.backend.placeCall(c1, OutboundCall.to("3125551000"));
        sim.advanceMillis(200);

        assertThatThrownBy(() -> sim.farEnd().offerCall(1, "3125550100", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only on idle channels");
        Optional<CallId> hunted = sim.farEnd().offerCallToDid("3125550100", "");
        assertThat(hunted).isPresent();
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.ALERTING);
    }

    @Test
    void huntingReturnsEmptyWhenEveryChannelIsBusy() {
        for (int i = 0; i < 23; i++) {
            assertThat(sim.farEnd().offerCallToDid("3125550100", "")).isPresent();
        }
        assertThat(sim.farEnd().offerCallToDid("3125550100", "")).isEmpty();
        assertThat(sim.farEnd().stats()).isEqualTo(new TrafficStats(24, 23, 1));
    }

    @Test
    void wrongStateOperationsThrowAndLeaveTheChannelUsable() {
        assertThatThrownBy(() -> sim.backend.answer(c1))
                .isInstanceOf(WrongStateException.class)
                .hasMessageContaining("answer")
                .hasMessageContaining("IDLE");
        assertThatThrownBy(() -> sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING))
                .isInstanceOf(WrongStateException.class);
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
        assertThat(sim.backend.history(c1)).isEmpty();

        sim.farEnd().offerCall(1, "3125550100", "");
        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("1")))
                .isInstanceOf(WrongStateException.class);
        sim.backend.answer(c1);
        assertThat(state(c1)).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void outboundCallsCannotBeAnswered() {
        sim.backend.placeCall(c1, OutboundCall.to("3125551000"));
        sim.advanceMillis(200);
        assertThatThrownBy(() -> sim.backend.answer(c1)).hasMessageContaining("outbound call");
        assertThat(state(c1)).isEqualTo(ChannelState.ALERTING);
    }

    @Test
    void outOfServiceBackendRefusesInboundSilentlyAndOutboundWithAnError() {
        sim.backend.setInService(false);

        sim.farEnd().offerCall(1, "3125550100", "");
        assertThat(sim.events.all()).isEmpty();
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);
        assertThat(sim.farEnd().offerCallToDid("3125550100", "")).isEmpty();
        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("1")))
                .hasMessageContaining("out of service");
        assertThat(sim.backend.spans().get(0).usable()).isFalse();

        sim.backend.setInService(true);
        sim.farEnd().offerCall(1, "3125550100", "");
        assertThat(sim.events.of(CallOffered.class)).hasSize(1);
    }

    @Test
    void callsInProgressContinueWhenTheBackendGoesOutOfService() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.backend.setInService(false);
        sim.advance(Duration.ofMinutes(5));
        assertThat(state(c1)).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void blockingTakesAnIdleChannelOutOfTrafficUntilUnblocked() {
        sim.backend.setBlocked(c1, true);
        assertThat(state(c1)).isEqualTo(ChannelState.BLOCKED);
        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("1")))
                .isInstanceOf(WrongStateException.class);
        sim.backend.setBlocked(c1, false);
        assertThat(state(c1)).isEqualTo(ChannelState.IDLE);

        sim.farEnd().offerCall(1, "3125550100", "");
        assertThatThrownBy(() -> sim.backend.setBlocked(c1, true)).isInstanceOf(WrongStateException.class);
    }

    @Test
    void eventSequenceNumbersIncreaseByOneAndTimesNeverGoBack() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.accept(c1);
        sim.backend.answer(c1);
        sim.backend.placeCall(ch(2), OutboundCall.to("3125551000"));
        sim.advance(Duration.ofSeconds(5));
        sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING);
        sim.advance(Duration.ofSeconds(1));

        List<HalEvent> events = sim.events.all();
        assertThat(events).hasSizeGreaterThan(5);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(events.get(i - 1).sequence() + 1);
            assertThat(events.get(i).atNanos())
                    .isGreaterThanOrEqualTo(events.get(i - 1).atNanos());
        }
    }
}
