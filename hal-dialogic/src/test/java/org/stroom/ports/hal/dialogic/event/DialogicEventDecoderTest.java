package org.stroom.ports.hal.dialogic.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.dialogic.jna.Crn;
import org.stroom.ports.hal.dialogic.jna.DeviceKind;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.DtiDevice;
import org.stroom.ports.hal.dialogic.jna.DxConstants;
import org.stroom.ports.hal.dialogic.jna.FaxDevice;
import org.stroom.ports.hal.dialogic.jna.FxConstants;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.hal.dialogic.jna.LineDevice;
import org.stroom.ports.hal.dialogic.jna.RawSrlEvent;
import org.stroom.ports.hal.dialogic.jna.VoiceDevice;

/** Pure decoding of events recorded from the emulator (see RecordedFixturesTest) and of edge cases. */
class DialogicEventDecoderTest {
    private static List<DialogicEvent> decode(String fixture) {
        return EventFixtures.load(fixture).stream()
                .map(r -> DialogicEventDecoder.decode(r.kind(), r.raw()))
                .toList();
    }

    private static RawSrlEvent raw(long device, long type) {
        return new RawSrlEvent(device, type, 0, 0, 0, new byte[0]);
    }

    @Test
    void decodesTheRecordedInboundCall() {
        LineDevice line = new LineDevice(1);
        Crn crn = new Crn(0x10001);
        VoiceDevice voice = new VoiceDevice(3);
        assertThat(decode("inbound-call.events"))
                .containsExactly(
                        new GcEvent.Opened(line),
                        new GcEvent.Unblocked(line),
                        new GcEvent.Offered(line, crn),
                        new GcEvent.Accepted(line, crn),
                        new GcEvent.Answered(line, crn),
                        new VoiceEvent.PlayDone(voice, DxConstants.TM_EOD, 8000),
                        new VoiceEvent.DigitsDone(voice, DxConstants.TM_MAXDTMF, 2),
                        new GcEvent.Disconnected(line, crn, GcConstants.GCRV_NORMAL),
                        new GcEvent.Dropped(line, crn),
                        new GcEvent.Released(line, crn));
    }

    @Test
    void decodesTheRecordedOutboundCallsAndTrunkAlarm() {
        LineDevice line = new LineDevice(2);
        DtiDevice trunk = new DtiDevice(1);
        Crn busy = new Crn(0x10001);
        Crn ok = new Crn(0x10002);
        assertThat(decode("outbound-and-alarm.events"))
                .containsExactly(
                        new GcEvent.Opened(line),
                        new GcEvent.Unblocked(line),
                        new GcEvent.Disconnected(line, busy, GcConstants.GCRV_BUSY),
                        new GcEvent.Dropped(line, busy),
                        new GcEvent.Released(line, busy),
                        new GcEvent.Alerting(line, ok),
                        new GcEvent.Connected(line, ok),
                        new DtiEvent.TrunkAlarm(trunk, DtConstants.DTT1_RED, false),
                        new GcEvent.Alarm(line, DtConstants.DTT1_RED, false),
                        new GcEvent.Blocked(line),
                        new GcEvent.Disconnected(line, ok, GcConstants.GCRV_ALARM),
                        new DtiEvent.TrunkAlarm(trunk, DtConstants.DTT1_RED, true),
                        new GcEvent.Alarm(line, DtConstants.DTT1_RED, true),
                        new GcEvent.Unblocked(line));
    }

    @Test
    void decodesTheRecordedFaxSessionAndTellsCollidingCodesApartByDevice() {
        FaxDevice fax = new FaxDevice(1);
        VoiceDevice voice = new VoiceDevice(2);
        assertThat(decode("fax-and-collision.events"))
                .containsExactly(
                        new FaxEvent.PhaseB(fax),
                        new FaxEvent.PageDone(fax, 1),
                        new FaxEvent.PageDone(fax, 2),
                        new FaxEvent.Sent(fax, 2),
                        new VoiceEvent.Reset(voice),
                        new FaxEvent.Failed(fax, FxConstants.ESTAT_EFX_ABORTCMD, 0),
                        new VoiceEvent.NoStop(voice));
    }

    @Test
    void decodesTheRecordedDChannelFailureAndBoardFault() {
        LineDevice line = new LineDevice(2);
        DtiDevice trunk = new DtiDevice(1);
        Crn crn = new Crn(0x10001);
        List<DialogicEvent> events = decode("dchannel-and-board-fault.events");
        assertThat(events)
                .containsExactly(
                        new GcEvent.Opened(line),
                        new GcEvent.Unblocked(line),
                        new GcEvent.Offered(line, crn),
                        new GcEvent.Answered(line, crn),
                        new GcEvent.DChannelStatus(line, GcConstants.GCLS_OUT_OF_SERVICE),
                        new GcEvent.Blocked(line),
                        new GcEvent.Disconnected(line, crn, GcConstants.GCRV_SIGNALLING),
                        new GcEvent.Dropped(line, crn),
                        new GcEvent.Released(line, crn),
                        new GcEvent.DChannelStatus(line, GcConstants.GCLS_INSERVICE),
                        new GcEvent.Unblocked(line),
                        new DtiEvent.ServiceChange(trunk, DtConstants.EDT_FWERR),
                        new GcEvent.DChannelStatus(line, GcConstants.GCLS_OUT_OF_SERVICE),
                        new GcEvent.Blocked(line),
                        new DtiEvent.ServiceChange(trunk, DtConstants.EDT_SUCC),
                        new GcEvent.DChannelStatus(line, GcConstants.GCLS_INSERVICE),
                        new GcEvent.Unblocked(line));
        assertThat(((GcEvent.DChannelStatus) events.get(4)).up()).isFalse();
        assertThat(((GcEvent.DChannelStatus) events.get(9)).up()).isTrue();
        assertThat(((DtiEvent.ServiceChange) events.get(11)).inService()).isFalse();
        assertThat(((DtiEvent.ServiceChange) events.get(14)).inService()).isTrue();
    }

    @Test
    void sameTypeDecodesByDeviceKind() {
        assertThat(DialogicEventDecoder.decode(DeviceKind.VOICE, raw(5, 0xA2)))
                .isEqualTo(new VoiceEvent.ResetFailed(new VoiceDevice(5)));
        assertThat(DialogicEventDecoder.decode(DeviceKind.FAX, raw(5, 0xA2)))
                .isEqualTo(new FaxEvent.Received(new FaxDevice(5), 0));
        assertThat(DialogicEventDecoder.decode(DeviceKind.UNKNOWN, raw(5, 0xA2)))
                .isEqualTo(new DialogicEvent.Unattributed(5, 0xA2));
    }

    @Test
    void digitCallStatusDecodesToTheDigit() {
        assertThat(DialogicEventDecoder.decode(
                        DeviceKind.VOICE, new RawSrlEvent(3, DxConstants.TDX_CST, 0, 0, 0, new byte[] {8, 0, '7', 0})))
                .isEqualTo(new VoiceEvent.DigitDetected(new VoiceDevice(3), '7'));
    }

    @Test
    void malformedInputDecodesToOtherInsteadOfFailing() {
        assertThat(DialogicEventDecoder.decode(DeviceKind.GC_LINE, raw(4, GcConstants.GCEV_OFFERED)))
                .as("call event without a CRN")
                .isEqualTo(new GcEvent.Other(new LineDevice(4), Optional.empty(), GcConstants.GCEV_OFFERED));
        assertThat(DialogicEventDecoder.decode(DeviceKind.DTI_BOARD, raw(4, DtConstants.DTEV_T1ERRC)))
                .as("alarm without data")
                .isEqualTo(new DtiEvent.Other(new DtiDevice(4), DtConstants.DTEV_T1ERRC));
        assertThat(DialogicEventDecoder.decode(
                        DeviceKind.GC_LINE,
                        new RawSrlEvent(4, GcConstants.GCEV_D_CHAN_STATUS, 0, 0, 0, new byte[] {2})))
                .as("D-channel status shorter than an int")
                .isEqualTo(new GcEvent.Other(new LineDevice(4), Optional.empty(), GcConstants.GCEV_D_CHAN_STATUS));
        assertThat(DialogicEventDecoder.decode(DeviceKind.DTI_BOARD, raw(4, DtConstants.DTEV_OUTSERVICE)))
                .as("out-of-service notice without data")
                .isEqualTo(new DtiEvent.Other(new DtiDevice(4), DtConstants.DTEV_OUTSERVICE));
        assertThat(DialogicEventDecoder.decode(DeviceKind.GC_LINE, raw(0, GcConstants.GCEV_OPENEX)))
                .as("no line device")
                .isEqualTo(new DialogicEvent.Unattributed(0, GcConstants.GCEV_OPENEX));
    }

    /** One raw event per leaf record; a new record without a decoding path fails this test. */
    @Test
    void everyEventRecordIsProducedByTheDecoder() {
        long crn = 0x10001;
        List<DialogicEvent> decoded = List.of(
                gc(GcConstants.GCEV_OPENEX, 0, 0),
                gc(GcConstants.GCEV_OPENEX_FAIL, 0, GcConstants.GCRV_INTERNAL),
                gc(GcConstants.GCEV_BLOCKED, 0, 0),
                gc(GcConstants.GCEV_UNBLOCKED, 0, 0),
                gc(GcConstants.GCEV_ALARM, 0, 0x1B),
                gc(GcConstants.GCEV_RESETLINEDEV, 0, 0),
                gc(GcConstants.GCEV_DETECTED, crn, 0),
                gc(GcConstants.GCEV_OFFERED, crn, 0),
                gc(GcConstants.GCEV_ACCEPT, crn, 0),
                gc(GcConstants.GCEV_ANSWERED, crn, 0),
                gc(GcConstants.GCEV_DIALING, crn, 0),
                gc(GcConstants.GCEV_PROCEEDING, crn, 0),
                gc(GcConstants.GCEV_ALERTING, crn, 0),
                gc(GcConstants.GCEV_CONNECTED, crn, 0),
                gc(GcConstants.GCEV_DISCONNECTED, crn, GcConstants.GCRV_BUSY),
                gc(GcConstants.GCEV_DROPCALL, crn, 0),
                gc(GcConstants.GCEV_RELEASECALL, crn, 0),
                gc(GcConstants.GCEV_TASKFAIL, crn, GcConstants.GCRV_PROTOCOL),
                gc(GcConstants.GCEV_FACILITY, crn, 0),
                DialogicEventDecoder.decode(
                        DeviceKind.GC_LINE,
                        new RawSrlEvent(1, GcConstants.GCEV_D_CHAN_STATUS, 0, 0, 0, new byte[] {2, 0, 0, 0})),
                of(DeviceKind.VOICE, DxConstants.TDX_PLAY),
                of(DeviceKind.VOICE, DxConstants.TDX_RECORD),
                of(DeviceKind.VOICE, DxConstants.TDX_GETDIG),
                of(DeviceKind.VOICE, DxConstants.TDX_NOSTOP),
                of(DeviceKind.VOICE, DxConstants.TDX_RESET),
                of(DeviceKind.VOICE, DxConstants.TDX_RESETERR),
                of(DeviceKind.VOICE, DxConstants.TDX_DIAL),
                of(DeviceKind.VOICE, DxConstants.TDX_ERROR),
                DialogicEventDecoder.decode(
                        DeviceKind.VOICE, new RawSrlEvent(1, DxConstants.TDX_CST, 0, 0, 0, new byte[] {8, 0, '#', 0})),
                DialogicEventDecoder.decode(
                        DeviceKind.VOICE, new RawSrlEvent(1, DxConstants.TDX_CST, 0, 0, 0, new byte[] {1, 0, 0, 0})),
                of(DeviceKind.FAX, FxConstants.TFX_PHASEB),
                of(DeviceKind.FAX, FxConstants.TFX_PHASED),
                of(DeviceKind.FAX, FxConstants.TFX_FAXSEND),
                of(DeviceKind.FAX, FxConstants.TFX_FAXRECV),
                of(DeviceKind.FAX, FxConstants.TFX_FAXERROR),
                of(DeviceKind.FAX, FxConstants.TFX_T38GW),
                DialogicEventDecoder.decode(
                        DeviceKind.DTI_BOARD, new RawSrlEvent(1, DtConstants.DTEV_T1ERRC, 0, 0, 0, new byte[] {1, 0})),
                DialogicEventDecoder.decode(
                        DeviceKind.DTI_BOARD,
                        new RawSrlEvent(1, DtConstants.DTEV_OUTSERVICE, 0, 0, 0, new byte[] {8, 0})),
                of(DeviceKind.DTI_TIMESLOT, DtConstants.DTEV_SIG),
                of(DeviceKind.UNKNOWN, 0x123));
        Set<Class<?>> produced = new HashSet<>();
        decoded.forEach(e -> produced.add(e.getClass()));
        assertThat(produced).containsExactlyInAnyOrderElementsOf(leaves(DialogicEvent.class));
    }

    private static DialogicEvent gc(int type, long crn, int result) {
        return DialogicEventDecoder.decode(DeviceKind.GC_LINE, new RawSrlEvent(1, type, crn, result, 0, new byte[0]));
    }

    private static DialogicEvent of(DeviceKind kind, int type) {
        return DialogicEventDecoder.decode(kind, raw(1, type));
    }

    private static Set<Class<?>> leaves(Class<?> root) {
        Set<Class<?>> out = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else if (c.isRecord()) {
                out.add(c);
            }
        }
        return out;
    }
}
