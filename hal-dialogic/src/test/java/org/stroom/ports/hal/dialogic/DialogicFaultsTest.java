package org.stroom.ports.hal.dialogic;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLong;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.hal.tck.EventInvariants;
import org.stroom.ports.hal.tck.TckSession;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * What the adapter makes of the emulator's D-channel and board faults beyond the hal-tck checks:
 * calls across a D-channel outage (T309), a board with two trunks, alarms taking the D-channel down,
 * and the D-channel state at open.
 */
@Timeout(60)
class DialogicFaultsTest {
    private static final Duration SIGNALLING = TckSession.SIGNALLING;

    private static TckSession session(String boards, long t309Ms, boolean dChannelUpAtOpen) {
        return TckSession.open(new DialogicHarness(DialogicHarness.SCALE, boards, emu -> {
            emu.emu_set_t309(new NativeLong(t309Ms));
            if (!dChannelUpAtOpen) {
                emu.emu_set_dchannel(1, 0);
            }
        }));
    }

    private static List<ChannelId> others(TckSession s, SpanLocation span, ChannelId except) {
        return s.channelsOf(span).stream().filter(c -> !c.equals(except)).toList();
    }

    @Test
    void connectedCallSurvivesADChannelOutageShorterThanT309() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            ChannelId ch = s.idleChannel();
            SpanLocation span = ch.span();
            CallId call = s.connectInbound(ch);

            s.harness().setDChannel(span, false);
            s.expect(DChannelDown.class, e -> e.span().equals(span), SIGNALLING, "DChannelDown");
            for (ChannelId other : others(s, span, ch)) {
                s.awaitState(other, ChannelState.OUT_OF_SERVICE, SIGNALLING);
            }
            assertThat(s.state(ch)).as("the connected channel keeps its call").isEqualTo(ChannelState.CONNECTED);
            s.harness().setDChannel(span, true);
            s.expect(DChannelUp.class, e -> e.span().equals(span), SIGNALLING, "DChannelUp");
            for (ChannelId other : others(s, span, ch)) {
                s.awaitState(other, ChannelState.IDLE, SIGNALLING);
            }
            assertThat(s.recorder().first(CallDisconnected.class, e -> e.call().equals(call)))
                    .isEmpty();
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void t309ExpiryClearsTheConnectedCallWithCause27AndTheChannelStaysOutOfService() {
        try (TckSession s = session("D/240JCT-T1", 3_000, true)) {
            ChannelId ch = s.idleChannel();
            SpanLocation span = ch.span();
            CallId call = s.connectInbound(ch);

            s.harness().setDChannel(span, false);
            CallDisconnected d = s.expectDisconnected(call, SIGNALLING);
            assertThat(d.cause()).isEqualTo(new Q850Cause(27));
            assertThat(d.farEnd()).isTrue();
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, SIGNALLING);
            s.expect(ChannelOutOfService.class, e -> e.channel().equals(ch), SIGNALLING, "ChannelOutOfService");
            s.harness().setDChannel(span, true);
            s.expect(ChannelInService.class, e -> e.channel().equals(ch), SIGNALLING, "ChannelInService");
            s.assertUsable(ch, "T309 expiry and the D-channel back");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void offeredCallIsClearedAtOnceWhenTheDChannelFails() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);

            s.harness().setDChannel(ch.span(), false);
            assertThat(s.expectDisconnected(call, SIGNALLING).cause()).isEqualTo(new Q850Cause(27));
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, SIGNALLING);
            s.harness().setDChannel(ch.span(), true);
            s.awaitState(ch, ChannelState.IDLE, SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void faultOfATwoTrunkBoardIsOneBoardFaultAndTakesBothSpansOutOfService() {
        try (TckSession s = session("D/480JCT-2T1", 90_000, true)) {
            BoardId board = new BoardId("server", 0);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);

            s.harness().boardFault(board);
            BoardFault fault = s.expect(BoardFault.class, e -> e.board().equals(board), SIGNALLING, "BoardFault");
            assertThat(fault.reason()).contains("EDT_FWERR");
            CallDisconnected d = s.expectDisconnected(call, SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.TEMPORARY_FAILURE);
            assertThat(d.farEnd())
                    .as("cleared by us, as the simulated backend does")
                    .isFalse();
            for (ChannelInfo c : s.backend().channels()) {
                s.awaitState(c.id(), ChannelState.OUT_OF_SERVICE, SIGNALLING);
            }
            for (SpanInfo span : s.backend().spans()) {
                s.expect(DChannelDown.class, e -> e.span().equals(span.location()), SIGNALLING, "DChannelDown");
                assertThat(span.usable()).as("%s usable", span.location()).isFalse();
                assertThat(span.status().dChannel()).isEqualTo(DChannelState.DOWN);
            }

            s.harness().boardRecover(board);
            s.expect(BoardRecovered.class, e -> e.board().equals(board), SIGNALLING, "BoardRecovered");
            for (ChannelInfo c : s.backend().channels()) {
                s.awaitState(c.id(), ChannelState.IDLE, SIGNALLING);
            }
            assertThat(s.backend().spans()).allMatch(SpanInfo::usable);
            assertThat(s.recorder().events().stream().filter(e -> e instanceof BoardFault))
                    .as("one BoardFault for the two trunks")
                    .hasSize(1);
            assertThat(s.recorder().events().stream().filter(e -> e instanceof BoardRecovered))
                    .hasSize(1);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void redAlarmOnAPriSpanTakesItsDChannelDownUntilItClears() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            SpanLocation span = s.usableSpans().get(0).location();
            s.harness().raiseDefect(span, Defect.LOS);
            s.expect(SpanAlarmRaised.class, e -> e.span().equals(span), SIGNALLING, "RED");
            s.expect(DChannelDown.class, e -> e.span().equals(span), Duration.ZERO, "DChannelDown with RED");
            assertThat(s.backend().span(span).status().dChannel()).isEqualTo(DChannelState.DOWN);
            s.harness().clearDefect(span, Defect.LOS);
            s.expect(SpanAlarmCleared.class, e -> e.span().equals(span), Duration.ofSeconds(15), "RED cleared");
            s.expect(DChannelUp.class, e -> e.span().equals(span), Duration.ZERO, "DChannelUp when RED clears");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void callPlacedOnALineTheLibraryHasAlreadyBlockedFailsWithCause38InsteadOfThrowing() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            ChannelId ch = s.idleChannel();
            s.harness().raiseDefect(ch.span(), Defect.LOS); // blocks the lines now; RED comes after 2.5 s

            CallId call = s.backend().placeCall(ch, OutboundCall.to(TckSession.NUMBER));
            CallDisconnected d = s.expectDisconnected(call, SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
            assertThat(d.channel()).isEqualTo(ch);
            assertThat(s.backend().history(ch))
                    .extracting(StateChange::to)
                    .containsSubsequence(ChannelState.DIALLING, ChannelState.DISCONNECTING);
            s.expect(SpanAlarmRaised.class, e -> e.span().equals(ch.span()), SIGNALLING, "RED");
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, SIGNALLING);
            EventInvariants.check(s.recorder().events(), List.of(call));
        }
    }

    /**
     * The far end seizes a channel and we place a call on it before the backend has read the offer:
     * GlobalCall refuses the call (the line has a CRN); the network wins, as in glare.
     */
    @Test
    void callPlacedWhileAnOfferIsStillQueuedLosesToItWithCause44() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            List<CallId> placed = new java.util.ArrayList<>();
            for (ChannelId ch : s.idleChannels(10)) {
                CallId inbound = s.harness().offerInbound(ch, TckSession.DNIS, TckSession.ANI);
                try {
                    CallId out = s.backend().placeCall(ch, OutboundCall.to(TckSession.NUMBER));
                    placed.add(out);
                    CallDisconnected d = s.expectDisconnected(out, SIGNALLING);
                    assertThat(d.cause()).isEqualTo(Q850Cause.CHANNEL_NOT_AVAILABLE);
                } catch (WrongStateException e) {
                    // the backend had already read the offer: the channel was not IDLE any more
                }
                s.expect(CallOffered.class, e -> e.call().equals(inbound), SIGNALLING, "the inbound call offered");
                s.hangUp(ch, inbound);
            }
            EventInvariants.check(s.recorder().events(), placed);
        }
    }

    /**
     * A far-end clear meets a failure armed for the channel's next operation: the backend's own
     * gc_DropCall is refused. The channel must still come back IDLE.
     */
    @Test
    void farEndClearWhoseDropIsRefusedStillFreesTheChannel() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.harness().failNextOperation(ch);
            s.harness().farEndHangUp(ch);
            s.expectDisconnected(call, SIGNALLING);
            s.awaitState(ch, ChannelState.IDLE, SIGNALLING);
            s.assertUsable(ch, "a refused drop");
        }
    }

    /** Refused three times, the drop gives way to gc_ResetLineDev; the line is armed again afterwards. */
    @Test
    void dropRefusedAgainAndAgainEndsInALineResetThatFreesAndRearmsTheChannel() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            for (int i = 0; i < 3; i++) {
                s.harness().failNextOperation(ch);
            }
            s.harness().farEndHangUp(ch);
            s.expectDisconnected(call, SIGNALLING);
            s.awaitState(ch, ChannelState.IDLE, SIGNALLING);
            assertThat(s.backend().history(ch)).extracting(StateChange::reason).contains("line reset");
            s.assertUsable(ch, "a line reset");
        }
    }

    @Test
    void dChannelDownWhenTheBackendOpensStartsItsChannelsOutOfService() {
        try (TckSession s = session("D/240JCT-T1", 90_000, false)) {
            SpanInfo span = s.backend().spans().get(0);
            assertThat(span.status().dChannel()).isEqualTo(DChannelState.DOWN);
            assertThat(span.usable()).isFalse();
            assertThat(s.backend().channels()).allMatch(c -> c.state() == ChannelState.OUT_OF_SERVICE);

            s.harness().setDChannel(span.location(), true);
            s.expect(DChannelUp.class, e -> e.span().equals(span.location()), SIGNALLING, "DChannelUp");
            for (ChannelId ch : s.channelsOf(span.location())) {
                s.expect(ChannelInService.class, e -> e.channel().equals(ch), SIGNALLING, "ChannelInService " + ch);
            }
            s.assertUsable(s.channelsOf(span.location()).get(0), "the D-channel came up after open");
        }
    }

    /**
     * A hang-up immediately followed by a D-channel flap: the channel may go out of service while its
     * call is still being released and the span come back before the release; the release must then
     * leave it IDLE, not out of service for good.
     */
    @Test
    void channelReleasedAfterItsSpanCameBackIsIdle() {
        try (TckSession s = session("D/240JCT-T1", 90_000, true)) {
            for (int i = 0; i < 5; i++) {
                ChannelId ch = s.idleChannel();
                CallId call = s.connectInbound(ch);
                s.backend().hangUp(ch, Q850Cause.NORMAL_CLEARING);
                long ups = upsOf(s, ch);
                s.harness().setDChannel(ch.span(), false);
                s.harness().setDChannel(ch.span(), true);
                s.expectDisconnected(call, SIGNALLING);
                // The release can end before the backend has taken the D-channel down and up again, so the
                // channel is IDLE for good, and the next round finds its span usable, only after DChannelUp.
                s.expect(
                        DChannelUp.class,
                        e -> e.span().equals(ch.span()) && upsOf(s, ch) > ups,
                        SIGNALLING,
                        "DChannelUp of round " + i);
                s.awaitState(ch, ChannelState.IDLE, SIGNALLING);
            }
            s.clearCallsAndCheckInvariants();
        }
    }

    /** @return how many DChannelUp events of {@code ch}'s span the session has recorded */
    private static long upsOf(TckSession s, ChannelId ch) {
        return s.recorder().events(DChannelUp.class).stream()
                .filter(e -> e.span().equals(ch.span()))
                .count();
    }
}
