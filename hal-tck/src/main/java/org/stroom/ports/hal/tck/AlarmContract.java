package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Example;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.SpanInfo;
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
import org.stroom.ports.t1.AlarmTimings;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * Alarms, D-channel and board faults, and what they do to channels: a defect becomes an alarm only
 * after its integration time ({@link AlarmTimings#DEFAULT}: LOS/LOF/AIS 2.5 s, RAI 0.5 s) and clears
 * only after 10 s of clean signal; RED and BLUE take every channel of the span out of service and
 * disconnect calls in flight; clearing brings them back; YELLOW alone keeps channels usable; a short
 * defect raises nothing; a PRI D-channel going down takes the span's channels out of service; a
 * board fault takes every channel of the board out of service until it recovers.
 *
 * <p>Timing windows: "not yet" is checked at 80 % of a timing, "done" by 120 % (plus the harness's
 * grace on real time). Needs {@link Capability#LINE_DEFECTS}, {@link Capability#DCHANNEL} or
 * {@link Capability#BOARD_FAULT} as each check says.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface AlarmContract extends TckContract {

    /** The timings every backend integrates with. */
    AlarmTimings TIMINGS = AlarmTimings.DEFAULT;

    @Example
    default void lossOfSignalBecomesRedOnlyAfterItsIntegrationTime() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            SpanLocation span = s.usableSpans().get(0).location();
            s.harness().raiseDefect(span, Defect.LOS);
            s.expectNone(
                    SpanAlarmRaised.class,
                    e -> e.span().equals(span),
                    early(TIMINGS.redSet()),
                    "SpanAlarmRaised before 80 % of the 2.5 s RED integration time");
            assertThat(s.state(s.channelsOf(span).get(0)))
                    .as("channel before RED")
                    .isEqualTo(ChannelState.IDLE);
            SpanAlarmRaised red = s.expect(
                    SpanAlarmRaised.class,
                    e -> e.span().equals(span),
                    lateRest(TIMINGS.redSet()),
                    "SpanAlarmRaised RED by 120 % of the integration time");
            assertThat(red.alarm()).isEqualTo(Alarm.RED);
            assertOutOfService(s, span, "RED alarm");
            SpanInfo info = s.backend().span(span);
            assertThat(info.status().alarms()).contains(Alarm.RED);
            assertThat(info.usable()).isFalse();
            assertThatThrownBy(
                            () -> s.backend().placeCall(s.channelsOf(span).get(0), OutboundCall.to(TckSession.NUMBER)))
                    .as("placeCall on a channel of a span in RED alarm")
                    .isInstanceOf(WrongStateException.class);
        }
    }

    @Example
    default void redAlarmDisconnectsCallsInFlight() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            List<ChannelId> chs = s.idleChannels(2);
            SpanLocation span = chs.get(0).span();
            CallId connected = s.connectInbound(chs.get(0));
            CallId offered = s.offer(chs.get(1));
            s.harness().raiseDefect(span, Defect.LOF);
            for (CallId call : List.of(connected, offered)) {
                CallDisconnected d = s.expectDisconnected(call, late(TIMINGS.redSet()));
                assertThat(d.farEnd()).as("%s cleared by the network", call).isTrue();
            }
            for (ChannelId ch : chs) {
                s.awaitState(ch, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);
            }
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void clearedDefectRestoresServiceOnlyAfterTheClearTime() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            SpanLocation span = s.usableSpans().get(0).location();
            s.harness().raiseDefect(span, Defect.LOS);
            s.expect(SpanAlarmRaised.class, e -> e.span().equals(span), late(TIMINGS.redSet()), "RED");
            s.harness().clearDefect(span, Defect.LOS);
            s.expectNone(
                    SpanAlarmCleared.class,
                    e -> e.span().equals(span),
                    early(TIMINGS.clear()),
                    "SpanAlarmCleared before 80 % of the 10 s clear time");
            assertOutOfService(s, span, "RED alarm still declared");
            SpanAlarmCleared cleared = s.expect(
                    SpanAlarmCleared.class,
                    e -> e.span().equals(span),
                    lateRest(TIMINGS.clear()),
                    "SpanAlarmCleared RED");
            assertThat(cleared.alarm()).isEqualTo(Alarm.RED);
            for (ChannelId ch : s.channelsOf(span)) {
                s.expect(
                        ChannelInService.class,
                        e -> e.channel().equals(ch),
                        TckSession.SIGNALLING,
                        "ChannelInService for " + ch);
                s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            }
            assertThat(s.backend().span(span).usable()).isTrue();
            s.assertUsable(s.channelsOf(span).get(0), "a RED alarm cleared");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void alarmIndicationSignalBecomesBlueAndStopsTraffic() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            SpanLocation span = s.usableSpans().get(0).location();
            s.harness().raiseDefect(span, Defect.AIS);
            SpanAlarmRaised blue = s.expect(
                    SpanAlarmRaised.class, e -> e.span().equals(span), late(TIMINGS.blueSet()), "SpanAlarmRaised BLUE");
            assertThat(blue.alarm()).isEqualTo(Alarm.BLUE);
            assertOutOfService(s, span, "BLUE alarm");
        }
    }

    @Example
    default void yellowAloneKeepsChannelsUsable() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            ChannelId ch = s.idleChannel();
            SpanLocation span = ch.span();
            s.harness().raiseDefect(span, Defect.RAI);
            SpanAlarmRaised yellow = s.expect(
                    SpanAlarmRaised.class,
                    e -> e.span().equals(span),
                    late(TIMINGS.yellowSet()),
                    "SpanAlarmRaised YELLOW");
            assertThat(yellow.alarm()).isEqualTo(Alarm.YELLOW);
            assertThat(s.backend().span(span).status().alarms()).containsExactly(Alarm.YELLOW);
            assertThat(s.backend().span(span).usable())
                    .as("span usable in YELLOW alone")
                    .isTrue();
            assertThat(s.recorder().first(ChannelOutOfService.class, e -> e.channel()
                            .span()
                            .equals(span)))
                    .as("ChannelOutOfService in YELLOW alone")
                    .isEmpty();
            s.assertUsable(ch, "a YELLOW alarm");
            CallId out = s.connectOutbound(ch, false);
            s.hangUp(ch, out);
            s.harness().clearDefect(span, Defect.RAI);
            s.expect(
                    SpanAlarmCleared.class,
                    e -> e.span().equals(span) && e.alarm() == Alarm.YELLOW,
                    late(TIMINGS.clear()),
                    "SpanAlarmCleared YELLOW");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void defectShorterThanTheIntegrationTimeRaisesNothing() {
        try (TckSession s = openSession()) {
            s.require(Capability.LINE_DEFECTS);
            ChannelId ch = s.idleChannel();
            SpanLocation span = ch.span();
            s.harness().raiseDefect(span, Defect.LOS);
            s.advance(TIMINGS.redSet().dividedBy(2));
            s.harness().clearDefect(span, Defect.LOS);
            s.expectNone(
                    SpanAlarmRaised.class,
                    e -> e.span().equals(span),
                    TIMINGS.clear(),
                    "SpanAlarmRaised for a LOS shorter than the RED integration time");
            s.expectNone(
                    ChannelOutOfService.class,
                    e -> e.channel().span().equals(span),
                    Duration.ZERO,
                    "ChannelOutOfService for a LOS shorter than the RED integration time");
            s.assertUsable(ch, "a LOS shorter than the integration time");
        }
    }

    @Example
    default void dChannelDownTakesPriChannelsOutOfServiceUntilItIsUp() {
        try (TckSession s = openSession()) {
            s.require(Capability.DCHANNEL);
            SpanInfo pri = s.usableSpan(Signalling.ISDN_PRI)
                    .orElseThrow(() -> new AssertionError("harness lists DCHANNEL but its backend has no usable"
                            + " ISDN PRI span: " + s.backend().spans()));
            SpanLocation span = pri.location();
            s.harness().setDChannel(span, false);
            s.expect(DChannelDown.class, e -> e.span().equals(span), TckSession.SIGNALLING, "DChannelDown");
            assertThat(s.backend().span(span).status().dChannel()).isEqualTo(DChannelState.DOWN);
            assertOutOfService(s, span, "D-channel down");
            s.harness().setDChannel(span, true);
            s.expect(DChannelUp.class, e -> e.span().equals(span), TckSession.SIGNALLING, "DChannelUp");
            for (ChannelId ch : s.channelsOf(span)) {
                s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            }
            assertThat(s.backend().span(span).status().dChannel()).isEqualTo(DChannelState.UP);
            s.assertUsable(s.channelsOf(span).get(0), "the D-channel came back");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void boardFaultTakesEveryChannelOfTheBoardOutOfServiceUntilRecovery() {
        try (TckSession s = openSession()) {
            s.require(Capability.BOARD_FAULT);
            ChannelId ch = s.idleChannel();
            BoardId board = ch.board();
            CallId call = s.connectInbound(ch);
            s.harness().boardFault(board);
            s.expect(BoardFault.class, e -> e.board().equals(board), TckSession.SIGNALLING, "BoardFault");
            s.expectDisconnected(call, TckSession.SIGNALLING);
            for (ChannelId c : s.backend().channels().stream()
                    .map(i -> i.id())
                    .filter(i -> i.board().equals(board))
                    .toList()) {
                s.awaitState(c, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);
            }
            s.harness().boardRecover(board);
            s.expect(BoardRecovered.class, e -> e.board().equals(board), TckSession.SIGNALLING, "BoardRecovered");
            s.awaitState(ch, ChannelState.IDLE, late(TIMINGS.clear()));
            s.assertUsable(ch, "a board fault and recovery");
            s.clearCallsAndCheckInvariants();
        }
    }

    private static void assertOutOfService(TckSession s, SpanLocation span, String why) {
        for (ChannelId ch : s.channelsOf(span)) {
            s.awaitState(ch, ChannelState.OUT_OF_SERVICE, TckSession.SIGNALLING);
            s.expect(
                    ChannelOutOfService.class,
                    e -> e.channel().equals(ch),
                    Duration.ZERO,
                    "ChannelOutOfService for " + ch + " (" + why + ")");
        }
    }

    /** @return 80 % of {@code timing}: the alarm must not have changed yet */
    private static Duration early(Duration timing) {
        return timing.multipliedBy(8).dividedBy(10);
    }

    /** @return the rest up to 120 % of {@code timing}, after {@link #early} has passed */
    private static Duration lateRest(Duration timing) {
        return timing.multipliedBy(4).dividedBy(10);
    }

    /** @return 120 % of {@code timing} */
    private static Duration late(Duration timing) {
        return timing.multipliedBy(12).dividedBy(10);
    }
}
