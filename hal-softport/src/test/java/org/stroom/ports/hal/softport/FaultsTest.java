package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.hal.softport.Sim.ch;
import static org.stroom.ports.hal.softport.Sim.span;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.PerformanceCounters;

class FaultsTest {
    private final Sim sim = new Sim(SoftBackend.builder(Sim.MACHINE)
            .board(BoardModel.TR1034_2T1, Sim.pri("P", 3125550100L), Sim.cas("C", 3125550300L)));
    private final Faults faults = sim.backend.faults();
    private final ChannelId c1 = ch(1);

    @AfterEach
    void close() {
        sim.close();
    }

    private void connectInbound(ChannelId c) {
        sim.backend.farEnd(c.span()).offerCall(c.ds0(), "3125550100", "");
        sim.backend.answer(c);
    }

    private long ms() {
        return sim.clock.nanos() / 1_000_000;
    }

    @Test
    void yellowAloneKeepsChannelsAndCallsUsable() {
        connectInbound(c1);
        faults.raiseDefect(span(0, 1), Defect.RAI);
        sim.advanceMillis(499);
        assertThat(sim.events.of(SpanAlarmRaised.class)).isEmpty();
        sim.advanceMillis(1);
        assertThat(sim.events.last(SpanAlarmRaised.class).alarm()).isEqualTo(Alarm.YELLOW);
        assertThat(sim.backend.span(span(0, 1)).usable()).isTrue();
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        assertThat(sim.backend.channel(ch(2)).state()).isEqualTo(ChannelState.IDLE);

        faults.clearDefect(span(0, 1), Defect.RAI);
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.events.last(SpanAlarmCleared.class).alarm()).isEqualTo(Alarm.YELLOW);
        assertThat(sim.events.of(ChannelOutOfService.class)).isEmpty();
    }

    @Test
    void blueAlarmTakesTheSpanOutAndBringsItBackAfterTheClearTime() {
        connectInbound(c1);
        faults.raiseDefect(span(0, 1), Defect.AIS);
        sim.advanceMillis(2500);

        assertThat(sim.events.last(SpanAlarmRaised.class).alarm()).isEqualTo(Alarm.BLUE);
        assertThat(sim.events.last(CallDisconnected.class).cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
        assertThat(sim.backend.channels().stream()
                        .filter(c -> c.id().span().equals(span(0, 1)))
                        .map(ChannelInfo::state))
                .containsOnly(ChannelState.OUT_OF_SERVICE);
        assertThat(sim.backend.channel(ch(0, 2, 1)).state()).isEqualTo(ChannelState.IDLE);
        assertThatThrownBy(() -> sim.farEnd().offerCall(2, "3125550100", ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BLUE");
        assertThat(sim.farEnd().offerCallToDid("3125550100", "")).isEmpty();

        faults.clearDefect(span(0, 1), Defect.AIS);
        long cleared = ms();
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.events.last(SpanAlarmCleared.class).atNanos() / 1_000_000 - cleared)
                .isEqualTo(10_000);
        assertThat(sim.events.of(ChannelInService.class)).hasSize(23);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void aDefectShorterThanTheSetTimeRaisesNoAlarm() {
        faults.raiseDefect(span(0, 1), Defect.LOF);
        sim.advance(Duration.ofSeconds(2));
        faults.clearDefect(span(0, 1), Defect.LOF);
        sim.advance(Duration.ofSeconds(30));

        assertThat(sim.events.all()).isEmpty();
    }

    @Test
    void callsSurviveADChannelFailureUntilT309ButIdleChannelsGoOutAtOnce() {
        connectInbound(c1);
        sim.events.clear();
        faults.setDChannel(span(0, 1), false);

        assertThat(sim.events.of(DChannelDown.class)).hasSize(1);
        assertThat(sim.events.of(ChannelOutOfService.class)).hasSize(22);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        assertThat(sim.backend.span(span(0, 1)).usable()).isFalse();
        sim.advance(Duration.ofSeconds(89));
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        sim.advance(Duration.ofSeconds(1));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.cause().code()).isEqualTo(27);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);

        faults.setDChannel(span(0, 1), true);
        assertThat(sim.events.of(DChannelUp.class)).hasSize(1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void aDChannelFailureClearsACallNotYetActiveAtOnce() {
        ChannelId c2 = ch(2);
        connectInbound(c1);
        sim.backend.farEnd(c2.span()).offerCall(c2.ds0(), "3125550101", "");
        assertThat(sim.backend.channel(c2).state()).isEqualTo(ChannelState.OFFERED);
        sim.events.clear();

        faults.setDChannel(span(0, 1), false);

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.channel()).isEqualTo(c2);
        assertThat(d.cause().code()).isEqualTo(27);
        assertThat(d.farEnd()).isTrue();
        assertThat(sim.events.of(CallDisconnected.class)).hasSize(1);
        assertThat(sim.backend.channel(c2).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        assertThat(sim.backend.channel(c1).state())
                .as("an active call waits for T309")
                .isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void aDChannelBackBeforeT309KeepsTheCall() {
        connectInbound(c1);
        faults.setDChannel(span(0, 1), false);
        sim.advance(Duration.ofSeconds(30));
        faults.setDChannel(span(0, 1), true);
        sim.advance(Duration.ofMinutes(5));

        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        assertThat(sim.events.of(CallDisconnected.class)).isEmpty();
    }

    @Test
    void aCallEndingWhileTheDChannelIsDownLeavesItsChannelOutOfService() {
        connectInbound(c1);
        faults.setDChannel(span(0, 1), false);
        sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING);
        sim.advance(Duration.ofSeconds(1));

        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        assertThat(sim.events.last(ChannelOutOfService.class).channel()).isEqualTo(c1);
    }

    @Test
    void aCasSpanHasNoDChannel() {
        assertThatThrownBy(() -> faults.setDChannel(span(0, 2), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EM_WINK_START");
    }

    @Test
    void aBoardFaultTakesEveryChannelOutAndClearsCallsWithCause41() {
        connectInbound(c1);
        BoardId board = new BoardId(Sim.MACHINE, 0);
        faults.boardFault(board, "DSP watchdog");

        assertThat(sim.events.last(BoardFault.class).reason()).isEqualTo("DSP watchdog");
        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.cause()).isEqualTo(Q850Cause.TEMPORARY_FAILURE);
        assertThat(d.farEnd()).isFalse();
        assertThat(sim.backend.channels()).hasSize(47).allSatisfy(c -> assertThat(c.state())
                .isEqualTo(ChannelState.OUT_OF_SERVICE));
        assertThat(sim.events.last(ChannelOutOfService.class).reason()).contains("DSP watchdog");
        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("1")))
                .isInstanceOf(WrongStateException.class);

        faults.boardRecover(board);
        assertThat(sim.events.of(BoardRecovered.class)).hasSize(1);
        assertThat(sim.backend.channels()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ChannelState.IDLE));
    }

    @Test
    void aStuckChannelStaysOutOfServiceUntilReleased() {
        faults.stickChannel(c1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        assertThat(sim.events.last(ChannelOutOfService.class).reason()).contains("stuck");
        sim.advance(Duration.ofHours(1));
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);

        faults.unstickChannel(c1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void aBlockedChannelReturnsBlockedAfterAFault() {
        sim.backend.setBlocked(c1, true);
        faults.stickChannel(c1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        faults.unstickChannel(c1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.BLOCKED);
    }

    @Test
    void anArmedVendorErrorFailsTheNextOperationOnlyAndLeavesTheChannelAsItWas() {
        sim.farEnd().offerCall(1, "3125550100", "");
        faults.failNextOperation(c1, "BT_ERR_LINE_BUSY", -17, "line busy");

        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("1")))
                .isInstanceOf(WrongStateException.class);
        assertThatThrownBy(() -> sim.backend.answer(c1)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.vendor()).isEqualTo("softport");
            assertThat(e.function()).isEqualTo("answer");
            assertThat(e.device()).isEqualTo(c1.toString());
            assertThat(e.code()).isEqualTo(-17);
            assertThat(e.symbol()).isEqualTo("BT_ERR_LINE_BUSY");
            assertThat(e.vendorText()).isEqualTo("line busy");
        });
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.OFFERED);
        sim.backend.answer(c1);
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void severeDefectsCountSeverelyErroredSeconds() {
        faults.setErrorRates(span(0, 2), 3, 1, 0);
        faults.raiseDefect(span(0, 1), Defect.LOS);
        sim.advance(Duration.ofSeconds(5));
        faults.clearDefect(span(0, 1), Defect.LOS);
        sim.advance(Duration.ofSeconds(5));

        PerformanceCounters pri = sim.backend.span(span(0, 1)).counters();
        assertThat(pri.seconds()).isEqualTo(10);
        assertThat(pri.severelyErroredSeconds()).isEqualTo(5);
        PerformanceCounters cas = sim.backend.span(span(0, 2)).counters();
        assertThat(cas.bipolarViolations()).isEqualTo(30);
        assertThat(cas.crcErrors()).isEqualTo(10);
        assertThat(cas.erroredSeconds()).isEqualTo(10);
        assertThat(cas.severelyErroredSeconds()).isZero();
    }
}
