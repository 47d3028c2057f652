package org.stroom.ports.hal.brooktrout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.hal.brooktrout.jna.BfvEmulator;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckSession;
import org.stroom.ports.t1.AlarmTimings;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * D-channel and module faults through the adapter, beyond the hal-tck checks: what happens to calls
 * up, and what the PRI span's D-channel reports for alarms. The harness's PRI span is module 2 port 1,
 * its CAS span port 2.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrooktroutFaultsTest {
    private static final SpanLocation PRI = new SpanLocation("server", 2, 1);
    private static final SpanLocation CAS = new SpanLocation("server", 2, 2);
    private static final Duration T309 = Duration.ofSeconds(20);

    @Test
    void anActiveCallOutlivesTheDChannelUntilTheModulesT309ClearsItWithCause27() {
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            assertThat(BfvEmulator.INSTANCE.emu_model_set("TIME_T309_MS", (int) T309.toMillis()))
                    .isZero();
            List<ChannelId> chs = s.channelsOf(PRI);
            ChannelId busy = chs.get(0);
            CallId call = s.connectInbound(busy);
            CallId outbound = s.connectOutbound(chs.get(2), true);

            s.harness().setDChannel(PRI, false);
            s.expect(DChannelDown.class, e -> e.span().equals(PRI), Duration.ZERO, "DChannelDown");
            s.expect(ChannelOutOfService.class, e -> e.channel().equals(chs.get(1)), Duration.ZERO, "idle channel");
            assertThat(s.state(busy))
                    .as("the call survives a data-link failure")
                    .isEqualTo(ChannelState.CONNECTED);
            assertThatThrownBy(() -> s.backend().placeCall(chs.get(1), OutboundCall.to("1")))
                    .as("placeCall while the D-channel is down")
                    .isInstanceOf(WrongStateException.class);

            s.expectNone(
                    CallDisconnected.class,
                    e -> e.call().equals(call) || e.call().equals(outbound),
                    T309.minusSeconds(1),
                    "disconnect before T309");
            for (CallId c : List.of(call, outbound)) {
                CallDisconnected d = s.expectDisconnected(c, Duration.ofSeconds(2));
                assertThat(d.cause()).as("cause for %s", c).isEqualTo(new Q850Cause(27));
                assertThat(d.farEnd()).isTrue();
            }
            s.awaitState(busy, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);

            s.harness().setDChannel(PRI, true);
            s.expect(DChannelUp.class, e -> e.span().equals(PRI), Duration.ZERO, "DChannelUp");
            s.assertUsable(busy, "T309 and the D-channel's return");
            s.clearCallsAndCheckInvariants();
        }
    }

    /** Q.931 5.8.8: calls not yet active do not wait for T309 (they all did before). */
    @Test
    void callsNotYetActiveAreClearedAtOnceWithCause27WhenTheDChannelFails() {
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            assertThat(BfvEmulator.INSTANCE.emu_model_set("TIME_T309_MS", (int) T309.toMillis()))
                    .isZero();
            List<ChannelId> chs = s.channelsOf(PRI);
            CallId offered = s.offer(chs.get(0));
            CallId alerting = s.offer(chs.get(1));
            s.backend().accept(chs.get(1));
            CallId dialling = s.place(chs.get(2), OutboundBehaviour.answer(Duration.ofMinutes(5)));
            CallId active = s.connectInbound(chs.get(3));
            assertThat(List.of(s.state(chs.get(0)), s.state(chs.get(1)), s.state(chs.get(2))))
                    .containsExactly(ChannelState.OFFERED, ChannelState.ALERTING, ChannelState.DIALLING);
            Duration before = s.elapsed();

            s.harness().setDChannel(PRI, false);
            for (CallId c : List.of(offered, alerting, dialling)) {
                CallDisconnected d = s.expectDisconnected(c, Duration.ZERO);
                assertThat(d.cause()).as("cause for %s", c).isEqualTo(new Q850Cause(27));
                assertThat(d.farEnd()).as("far end for %s", c).isTrue();
            }
            assertThat(s.elapsed()).as("no backend time passed").isEqualTo(before);
            for (ChannelId ch : chs.subList(0, 3)) {
                s.awaitState(ch, ChannelState.OUT_OF_SERVICE, Duration.ZERO);
            }
            assertThat(s.recorder().first(CallDisconnected.class, e -> e.call().equals(active)))
                    .as("the active call waits for T309")
                    .isEmpty();
            assertThat(s.state(chs.get(3))).isEqualTo(ChannelState.CONNECTED);

            s.harness().setDChannel(PRI, true);
            s.expect(DChannelUp.class, e -> e.span().equals(PRI), Duration.ZERO, "DChannelUp");
            s.assertUsable(chs.get(0), "a D-channel failure that cleared its offered call");
            s.clearCallsAndCheckInvariants();
        }
    }

    /**
     * The originate cut short by the D-channel can return before the module's block report has been
     * applied; it used to be cleared then as a loss of signal (38).
     */
    @Test
    void aDiallingCallLostWithTheDChannelIsCause27EvenBeforeTheBlockIsReported() {
        BfvEmulator emu = BfvEmulator.INSTANCE;
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            ChannelId ch = s.channelsOf(PRI).get(0);
            CallId call = s.place(ch, OutboundBehaviour.answer(Duration.ofMinutes(5)));
            assertThat(s.state(ch)).isEqualTo(ChannelState.DIALLING);
            CallDisconnected d;
            emu.emu_hold_callbacks(1);
            try {
                assertThat(emu.emu_set_dchannel(PRI.board(), PRI.port(), 0)).isZero();
                d = s.expectDisconnected(call, Duration.ZERO);
                assertThat(s.backend().span(PRI).status().dChannel())
                        .as("the block is not reported yet")
                        .isEqualTo(DChannelState.UP);
            } finally {
                emu.emu_hold_callbacks(0);
            }
            assertThat(d.cause()).isEqualTo(new Q850Cause(27));
            assertThat(d.farEnd()).isTrue();
            s.expect(DChannelDown.class, e -> e.span().equals(PRI), Duration.ZERO, "DChannelDown");
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);

            s.harness().setDChannel(PRI, true);
            s.assertUsable(ch, "a D-channel failure while dialling");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void aBoardFaultEndsAFaxInProgressBeforeItsCallWithCause41() {
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            ChannelId ch = s.channelsOf(CAS).get(0);
            CallId call = s.connectInbound(ch);
            s.harness().farEndSendsFax(ch, 3);
            s.backend().receiveFax(ch, new FaxReceiveRequest(s.file("in.tif"), ""));
            s.advance(Duration.ofSeconds(5));

            s.harness().boardFault(ch.board());
            BoardFault fault = s.expect(BoardFault.class, e -> true, Duration.ZERO, "BoardFault");
            assertThat(fault.reason()).contains("module 2", "code 7");
            FaxDone done = s.expect(FaxDone.class, e -> e.call().equals(call), Duration.ZERO, "FaxDone");
            CallDisconnected d = s.expectDisconnected(call, Duration.ZERO);
            assertThat(done.result()).isEqualTo(FaxResult.HANG_UP);
            assertThat(done.sequence()).as("FaxDone before CallDisconnected").isLessThan(d.sequence());
            assertThat(d.cause()).isEqualTo(Q850Cause.TEMPORARY_FAILURE);
            assertThat(d.farEnd()).isFalse();
            assertThat(s.backend().span(PRI).status().dChannel())
                    .as("a failed module has no D-channel")
                    .isEqualTo(DChannelState.DOWN);
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);

            s.harness().boardRecover(ch.board());
            s.expect(DChannelUp.class, e -> e.span().equals(PRI), Duration.ZERO, "DChannelUp");
            s.assertUsable(ch, "a board fault and recovery");
            s.clearCallsAndCheckInvariants();
        }
    }

    /** Found in review: it was reported as our own temporary failure (41, not far end). */
    @Test
    void aLineGoingDownWhileWeDialIsClearedAsTheNetworksDoing() {
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            ChannelId ch = s.channelsOf(CAS).get(0);
            CallId call = s.place(ch, OutboundBehaviour.answer(Duration.ofSeconds(5)));
            s.advance(Duration.ofSeconds(1));
            assertThat(s.state(ch)).isEqualTo(ChannelState.DIALLING);

            s.harness().raiseDefect(CAS, Defect.LOS);
            CallDisconnected d = s.expectDisconnected(call, Duration.ZERO);
            assertThat(d.farEnd()).as("cleared by the network").isTrue();
            assertThat(d.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
            s.expect(SpanAlarmRaised.class, e -> e.span().equals(CAS), AlarmTimings.DEFAULT.redSet(), "RED");
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Test
    void aRedAlarmOnAPriSpanTakesItsDChannelDownUntilTheAlarmClears() {
        try (TckSession s = TckSession.open(new BfvEmulatorHarness())) {
            s.harness().raiseDefect(PRI, Defect.LOS);
            s.expectNone(
                    DChannelDown.class,
                    e -> true,
                    AlarmTimings.DEFAULT.redSet().dividedBy(2),
                    "DChannelDown before RED is declared");
            s.expect(DChannelDown.class, e -> e.span().equals(PRI), AlarmTimings.DEFAULT.redSet(), "DChannelDown");
            s.harness().clearDefect(PRI, Defect.LOS);
            s.expect(
                    DChannelUp.class,
                    e -> e.span().equals(PRI),
                    AlarmTimings.DEFAULT.clear().multipliedBy(2),
                    "DChannelUp once RED clears");
            assertThat(s.backend().span(PRI).status().dChannel()).isEqualTo(DChannelState.UP);
            assertThat(s.recorder().first(DChannelDown.class, e -> e.span().equals(CAS)))
                    .as("a CAS span has no D-channel")
                    .isEmpty();
            s.clearCallsAndCheckInvariants();
        }
    }
}
