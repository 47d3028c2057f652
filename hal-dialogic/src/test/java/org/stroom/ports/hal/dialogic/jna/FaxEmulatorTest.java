package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.event.DialogicEvent;
import org.stroom.ports.hal.dialogic.event.FaxEvent;
import org.stroom.ports.hal.dialogic.event.GcEvent;
import org.stroom.ports.hal.dialogic.event.VoiceEvent;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;
import org.stroom.ports.hal.dialogic.jna.FxStructs.DF_IOTT;

@Timeout(20)
class FaxEmulatorTest {
    private static final long SEND_FLAGS = SrlConstants.EV_ASYNC | FxConstants.DF_PHASEB | FxConstants.DF_PHASED;

    private EmulatorSession s;
    private FaxDevice fax;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
        s.emu.emu_set_fax_timing(2_000, 6_000, 1);
        fax = s.calls.fxOpen("dxxxB1C1");
    }

    @Test
    void sendReportsPhaseBEachPageAndSuccess() {
        s.calls.fxInitstat(fax, FxConstants.DF_TX);
        s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 3), SEND_FLAGS);
        assertThat(s.next()).isEqualTo(new FaxEvent.PhaseB(fax));
        assertThat(s.next()).isEqualTo(new FaxEvent.PageDone(fax, 1));
        assertThat(s.next()).isEqualTo(new FaxEvent.PageDone(fax, 2));
        assertThat(s.next()).isEqualTo(new FaxEvent.PageDone(fax, 3));
        assertThat(s.next()).isEqualTo(new FaxEvent.Sent(fax, 3));
        assertThat(s.libs.fx().ATFX_TERMMSK(fax.value()).longValue()).isEqualTo(FxConstants.TM_FXTERM);
    }

    @Test
    void pageTimingFollowsTheConfiguredPageTime() {
        s.emu.emu_set_time_scale(1.0);
        s.emu.emu_set_fax_timing(0, 200, 1);
        s.calls.fxInitstat(fax, FxConstants.DF_TX);
        long start = System.nanoTime();
        s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 2), SrlConstants.EV_ASYNC);
        assertThat(s.next()).isEqualTo(new FaxEvent.Sent(fax, 2));
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("two 200 ms pages")
                .isGreaterThanOrEqualTo(400);
    }

    @Test
    void sendBeforeInitstatFailsWithNostate() {
        assertThatThrownBy(() -> s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 1), SEND_FLAGS))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.symbol()).isEqualTo("EFX_NOSTATE");
                    assertThat(e.vendorText()).contains("fx_initstat");
                });
    }

    @Test
    void initstatDuringASessionFailsWithInvalfuncAndABusyChannelWithNotidle() {
        s.emu.emu_set_time_scale(1.0);
        s.calls.fxInitstat(fax, FxConstants.DF_TX);
        s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 1), SEND_FLAGS);
        assertThatThrownBy(() -> s.calls.fxInitstat(fax, FxConstants.DF_RX))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EFX_INVALFUNC"));
        FaxDevice second = s.calls.fxOpen("dxxxB1C1");
        s.calls.fxInitstat(second, FxConstants.DF_TX);
        assertThatThrownBy(() -> s.calls.fxSendfax(second, DF_IOTT.tiff(0, 0, 1), SEND_FLAGS))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EFX_NOTIDLE"));
        VoiceDevice voice = s.calls.dxOpen("dxxxB1C1");
        assertThatThrownBy(() -> s.calls.dxPlay(voice, DX_IOTT.memory(new Memory(8)), null, SrlConstants.EV_ASYNC))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EDX_BUSY"));
        s.calls.fxStopch(fax);
        assertThat(s.next()).isEqualTo(new FaxEvent.Failed(fax, FxConstants.ESTAT_EFX_ABORTCMD, 0));
    }

    @Test
    void receiveDeliversTheConfiguredPagesIntoATiffFile(@TempDir Path dir) {
        s.emu.emu_set_fax_timing(2_000, 6_000, 2);
        s.calls.fxInitstat(fax, FxConstants.DF_RX);
        Path file = dir.resolve("in.tif");
        s.calls.fxRcvfax(fax, file.toString(), SrlConstants.EV_ASYNC);
        assertThat(s.next()).isEqualTo(new FaxEvent.Received(fax, 2));
        assertThat(TiffInfo.read(file).pages()).isEqualTo(2);
    }

    @Test
    void faxToAVoiceAnswererFailsWhenT1Expires() {
        s.calls.gcStart();
        LineDevice line = s.openLine(1, 1); // voice dxxxB1C1
        Crn crn = s.calls.gcMakeCall(line, "5551234", 0);
        s.next(GcEvent.Alerting.class);
        s.next(GcEvent.Connected.class);
        s.calls.fxInitstat(fax, FxConstants.DF_TX);
        s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 1), SEND_FLAGS);
        assertThat(s.next()).isEqualTo(new FaxEvent.Failed(fax, FxConstants.ESTAT_EFX_T1EXPTX, 0));
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_CONNECTED);
    }

    @Test
    void faxMachineFarEndSendsItsPagesOnAConnectedCall(@TempDir Path dir) {
        s.calls.gcStart();
        LineDevice line = s.openLine(1, 1);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 1, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        s.calls.gcAnswerCall(crn, 0);
        s.next(GcEvent.Answered.class);
        assertThat(s.emu.emu_far_end_sends_fax(1, 1, 3)).isZero();
        s.calls.fxInitstat(fax, FxConstants.DF_RX);
        Path file = dir.resolve("rx.tif");
        s.calls.fxRcvfax(fax, file.toString(), SrlConstants.EV_ASYNC);
        assertThat(s.next()).isEqualTo(new FaxEvent.Received(fax, 3));
        assertThat(TiffInfo.read(file).pages()).isEqualTo(3);
    }

    @Test
    void farEndHangUpFailsTheFaxOnTheLinesVoiceChannel() {
        s.emu.emu_set_time_scale(1.0);
        s.emu.emu_set_fax_timing(0, 10_000, 1);
        s.calls.gcStart();
        LineDevice line = s.openLine(1, 1); // voice dxxxB1C1
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 1, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        s.calls.gcAnswerCall(crn, 0);
        s.next(GcEvent.Answered.class);
        s.calls.fxInitstat(fax, FxConstants.DF_TX);
        s.calls.fxSendfax(fax, DF_IOTT.tiff(0, 0, 1), SrlConstants.EV_ASYNC);
        s.emu.emu_far_end_hangup(1, 1, 0);
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, crn, GcConstants.GCRV_NORMAL));
        assertThat(s.next()).isEqualTo(new FaxEvent.Failed(fax, FxConstants.ESTAT_EFX_PHDDEADTX, 0));
    }

    @Test
    void sameEventCodeOnVoiceAndFaxHandlesOfOneChannelDecodesByDevice() {
        VoiceDevice voice = s.calls.dxOpen("dxxxB1C1");
        assertThat(voice.value()).isNotEqualTo(fax.value());
        s.calls.putEvent(voice.value(), DxConstants.TDX_RESET, new byte[0]);
        s.calls.putEvent(fax.value(), FxConstants.TFX_FAXSEND, new byte[0]);
        DialogicEvent first = s.next();
        DialogicEvent second = s.next();
        assertThat(first).isEqualTo(new VoiceEvent.Reset(voice));
        assertThat(second).isInstanceOf(FaxEvent.Sent.class);
        assertThat(((FaxEvent.Sent) second).device()).isEqualTo(fax);
    }
}
