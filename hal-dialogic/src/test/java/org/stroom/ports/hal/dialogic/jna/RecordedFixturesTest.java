package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.dialogic.event.EventFixtures;
import org.stroom.ports.hal.dialogic.event.GcEvent;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_DIGIT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_TPT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;
import org.stroom.ports.hal.dialogic.jna.FxStructs.DF_IOTT;

/**
 * Replays fixed scenarios against the emulator and checks that the raw events equal the fixtures checked
 * in under {@code src/test/resources/fixtures}, which the pure decoder tests read. Run with
 * {@code -Ddialogic.fixtures.update=true} to re-record them after a deliberate emulator change.
 */
@Timeout(30)
class RecordedFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("dialogic.fixtures.update");

    private static void check(String name, Consumer<EmulatorSession> scenario) throws IOException {
        EmulatorSession s = new EmulatorSession();
        scenario.accept(s);
        s.assertQueueEmpty();
        String recorded = "# recorded from the hal-dialogic emulator by RecordedFixturesTest; do not edit by hand\n"
                + s.seen().stream()
                        .map(e -> EventFixtures.format(new EventFixtures.Recorded(s.registry.kindOf(e.device()), e)))
                        .collect(Collectors.joining("\n", "", "\n"));
        Path file = Path.of(System.getProperty("dialogic.fixtures.dir", "src/test/resources/fixtures"), name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, recorded, StandardCharsets.UTF_8);
        }
        assertThat(recorded)
                .as("events of scenario %s", name)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void inboundCallWithVoice() throws IOException {
        check("inbound-call.events", s -> {
            s.calls.gcStart();
            LineDevice line = s.openLine(1, 1);
            VoiceDevice voice = s.calls.gcVoiceDevice(line);
            s.calls.gcWaitCall(line);
            s.emu.emu_inject_inbound_call(1, 1, "5551000", "4001");
            Crn crn = s.next(GcEvent.Offered.class).crn();
            s.calls.gcAcceptCall(crn, 0);
            s.next();
            s.calls.gcAnswerCall(crn, 0);
            s.next();
            Memory prompt = new Memory(8_000);
            s.calls.dxPlay(voice, DX_IOTT.memory(prompt), null, SrlConstants.EV_ASYNC);
            s.next();
            s.emu.emu_inject_digits("dxxxB1C1", "42");
            DV_DIGIT digits = new DV_DIGIT();
            s.calls.dxGetdig(
                    voice,
                    DV_TPT.table(DxConstants.DX_MAXDTMF, 2, DxConstants.TF_MAXDTMF)[0],
                    digits,
                    SrlConstants.EV_ASYNC);
            s.next();
            s.emu.emu_far_end_hangup(1, 1, 0);
            s.next();
            s.calls.gcDropCall(crn, GcConstants.GC_NORMAL_CLEARING);
            s.next();
            s.calls.gcReleaseCallEx(crn);
            s.next();
        });
    }

    @Test
    void outboundCallsAndTrunkAlarm() throws IOException {
        check("outbound-and-alarm.events", s -> {
            s.calls.gcStart();
            DtiDevice trunk = s.calls.dtOpen("dtiB2");
            s.calls.dtSetevtmsk(trunk, DtConstants.DTG_T1ERREVT, DtConstants.DTEC_RED, DtConstants.DTA_SETMSK);
            LineDevice line = s.openLine(2, 1);
            s.calls.gcSetAlarmNotifyAll(line, true);
            s.emu.emu_set_far_end("5550001", GcConstants.GCRV_BUSY, new NativeLong(500));
            Crn busy = s.calls.gcMakeCall(line, "5550001", 0);
            s.next();
            s.calls.gcDropCall(busy, GcConstants.GC_NORMAL_CLEARING);
            s.next();
            s.calls.gcReleaseCallEx(busy);
            s.next();
            s.calls.gcMakeCall(line, "5551234", 0);
            s.next();
            s.next();
            s.emu.emu_raise_alarm(2, DtConstants.DTT1_RED);
            for (int i = 0; i < 4; i++) {
                s.next(); // T1ERRC, ALARM, BLOCKED, DISCONNECTED
            }
            s.emu.emu_clear_alarm(2, DtConstants.DTT1_RED);
            for (int i = 0; i < 3; i++) {
                s.next(); // T1ERRC, ALARM(OK), UNBLOCKED
            }
        });
    }

    @Test
    void faxSessionsAndCollidingCodes() throws IOException {
        check("fax-and-collision.events", s -> {
            FaxDevice fax = s.calls.fxOpen("dxxxB1C2");
            VoiceDevice voice = s.calls.dxOpen("dxxxB1C2");
            s.calls.fxInitstat(fax, FxConstants.DF_TX);
            s.calls.fxSendfax(
                    fax, DF_IOTT.tiff(0, 0, 2), SrlConstants.EV_ASYNC | FxConstants.DF_PHASEB | FxConstants.DF_PHASED);
            for (int i = 0; i < 4; i++) {
                s.next(); // PHASEB, PHASED x2, FAXSEND
            }
            s.calls.putEvent(voice.value(), DxConstants.TDX_RESET, new byte[0]);
            s.next();
            s.emu.emu_set_time_scale(1.0);
            s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 1), SrlConstants.EV_ASYNC);
            s.calls.fxStopch(fax);
            s.next();
            s.calls.dxStopch(voice, SrlConstants.EV_ASYNC | DxConstants.EV_NOSTOP);
            s.next();
        });
    }

    @Test
    void dChannelFailureAndBoardFault() throws IOException {
        check("dchannel-and-board-fault.events", s -> {
            s.calls.gcStart();
            s.calls.dtOpen("dtiB1");
            LineDevice line = s.openLine(1, 1);
            s.calls.gcWaitCall(line);
            s.emu.emu_inject_inbound_call(1, 1, "5551000", "4001");
            Crn crn = s.next(GcEvent.Offered.class).crn();
            s.calls.gcAnswerCall(crn, 0);
            s.next();
            s.emu.emu_set_t309(new NativeLong(1_000));
            s.emu.emu_set_dchannel(1, 0);
            for (int i = 0; i < 3; i++) {
                s.next(); // D_CHAN_STATUS, BLOCKED, DISCONNECTED when T309 expires
            }
            s.calls.gcDropCall(crn, GcConstants.GC_NORMAL_CLEARING);
            s.next();
            s.calls.gcReleaseCallEx(crn);
            s.next();
            s.emu.emu_set_dchannel(1, 1);
            s.next(); // D_CHAN_STATUS
            s.next(); // UNBLOCKED
            s.emu.emu_board_fault(1, 1);
            for (int i = 0; i < 3; i++) {
                s.next(); // OUTSERVICE, D_CHAN_STATUS, BLOCKED
            }
            s.emu.emu_board_recover(1, 1);
            for (int i = 0; i < 3; i++) {
                s.next(); // OUTSERVICE, D_CHAN_STATUS, UNBLOCKED
            }
        });
    }

    @Test
    void fixturesCoverEveryLibrary() {
        List<EventFixtures.Recorded> all = new java.util.ArrayList<>();
        for (String f : new String[] {
            "inbound-call.events",
            "outbound-and-alarm.events",
            "fax-and-collision.events",
            "dchannel-and-board-fault.events"
        }) {
            all.addAll(EventFixtures.load(f));
        }
        assertThat(all.stream().map(EventFixtures.Recorded::kind).distinct())
                .contains(DeviceKind.GC_LINE, DeviceKind.VOICE, DeviceKind.FAX, DeviceKind.DTI_BOARD);
    }
}
