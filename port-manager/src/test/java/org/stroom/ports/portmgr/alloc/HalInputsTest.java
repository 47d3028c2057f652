package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

class HalInputsTest {
    private static final String M = "node-001";
    private static final SpanLocation SPAN = new SpanLocation(M, 0, 2);
    private static final ChannelId CH = new ChannelId(SPAN, 5);
    private static final CallId CALL = new CallId(77);
    private static final long AT = 4242;

    /** One event of every HAL event type and the input it must map to (empty: not about allocation). */
    private static Map<HalEvent, Optional<Input>> expectations() {
        Map<HalEvent, Optional<Input>> m = new LinkedHashMap<>();
        m.put(new CallOffered(1, 9, CH, CALL, "5551000", ""), Optional.of(new Input.CallActive(AT, CH, 77, true)));
        m.put(new CallAlerting(1, 9, CH, CALL), Optional.of(new Input.CallActive(AT, CH, 77, false)));
        m.put(new CallConnected(1, 9, CH, CALL), Optional.of(new Input.CallActive(AT, CH, 77, false)));
        m.put(new CallDisconnected(1, 9, CH, CALL, firstCause(), true), Optional.of(new Input.CallEnded(AT, CH, 77)));
        m.put(new DigitReceived(1, 9, CH, CALL, '5'), Optional.empty());
        m.put(new DigitsCollected(1, 9, CH, CALL, "12", TerminationReason.values()[0]), Optional.empty());
        m.put(new DigitsSent(1, 9, CH, CALL, "12"), Optional.empty());
        m.put(new PlayDone(1, 9, CH, CALL, TerminationReason.values()[0], 100), Optional.empty());
        m.put(new RecordDone(1, 9, CH, CALL, Path.of("x.wav"), TerminationReason.values()[0], 100), Optional.empty());
        m.put(new FaxPageSent(1, 9, CH, CALL, 1, 14400), Optional.empty());
        m.put(new FaxPageReceived(1, 9, CH, CALL, 1, 14400), Optional.empty());
        m.put(new FaxDone(1, 9, CH, CALL, FaxResult.values()[0], 1, 14400, true), Optional.empty());
        m.put(new ChannelInService(1, 9, CH), Optional.of(new Input.ChannelServiceChanged(AT, CH, true)));
        m.put(new ChannelOutOfService(1, 9, CH, "stuck"), Optional.of(new Input.ChannelServiceChanged(AT, CH, false)));
        m.put(
                new SpanAlarmRaised(1, 9, SPAN, Alarm.RED),
                Optional.of(new Input.SpanAlarmChanged(AT, SPAN, Alarm.RED, true)));
        m.put(
                new SpanAlarmCleared(1, 9, SPAN, Alarm.RED),
                Optional.of(new Input.SpanAlarmChanged(AT, SPAN, Alarm.RED, false)));
        m.put(new DChannelUp(1, 9, SPAN), Optional.of(new Input.DChannelChanged(AT, SPAN, true)));
        m.put(new DChannelDown(1, 9, SPAN), Optional.of(new Input.DChannelChanged(AT, SPAN, false)));
        BoardId board = new BoardId(M, 0);
        m.put(new BoardFault(1, 9, board, "dsp"), Optional.of(new Input.BoardFaultChanged(AT, board, true)));
        m.put(new BoardRecovered(1, 9, board), Optional.of(new Input.BoardFaultChanged(AT, board, false)));
        return m;
    }

    private static Q850Cause firstCause() {
        return new Q850Cause(16);
    }

    @Test
    void everyHalEventTypeHasADecidedMapping() {
        assertThat(expectations().keySet().stream().map(Object::getClass).distinct())
                .as("an expectation for every HalEvent type (decide whether a new one changes allocation)")
                .containsExactlyInAnyOrderElementsOf(InputSamples.leafTypes(HalEvent.class));
    }

    @Test
    void mapsEachEventAndStampsTheRingTime() {
        expectations().forEach((event, expected) -> assertThat(HalInputs.from(event, M, AT))
                .as(event.getClass().getSimpleName())
                .isEqualTo(expected));
    }

    @Test
    void rehomesLocationsToTheReportingMachine() {
        ChannelId local = new ChannelId(new SpanLocation("localhost", 0, 2), 5);
        assertThat(HalInputs.from(new CallOffered(1, 9, local, CALL, "1", ""), M, AT))
                .contains(new Input.CallActive(AT, CH, 77, true));
        assertThat(HalInputs.from(new BoardFault(1, 9, new BoardId("localhost", 0), "x"), M, AT))
                .contains(new Input.BoardFaultChanged(AT, new BoardId(M, 0), true));
    }

    @Test
    void rejectsABlankMachineName() {
        assertThatThrownBy(() -> HalInputs.from(new DChannelUp(1, 9, SPAN), " ", AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machine");
    }
}
