package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.event.VoiceEvent;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_DIGIT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_TPT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;

@Timeout(20)
class VoiceEmulatorTest {
    private static final int ASYNC = SrlConstants.EV_ASYNC;

    private EmulatorSession s;
    private VoiceDevice ch;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
        ch = s.calls.dxOpen("dxxxB1C1");
    }

    @Test
    void playRunsToEndOfDataAndReportsBytes() {
        Memory prompt = new Memory(16_000); // two emulated seconds
        s.calls.dxPlay(ch, DX_IOTT.memory(prompt), null, ASYNC);
        assertThat(s.calls.dxState(ch)).isEqualTo(DxConstants.CS_PLAY);
        assertThat(s.next()).isEqualTo(new VoiceEvent.PlayDone(ch, DxConstants.TM_EOD, 16_000));
        assertThat(s.calls.dxState(ch)).isEqualTo(DxConstants.CS_IDLE);
    }

    @Test
    void aDigitEndsPlayWhenTheTptAsksForOneAndStaysBuffered() {
        s.emu.emu_set_time_scale(1.0); // real time, so the prompt is still playing when the digit comes
        Memory prompt = new Memory(80_000); // ten seconds
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_MAXDTMF, 1, DxConstants.TF_MAXDTMF);
        s.calls.dxPlay(ch, DX_IOTT.memory(prompt), tpt[0], ASYNC);
        assertThat(s.emu.emu_inject_digits("dxxxB1C1", "5")).isEqualTo(1);
        VoiceEvent.PlayDone done = s.next(VoiceEvent.PlayDone.class);
        assertThat(done.termination()).isEqualTo(DxConstants.TM_MAXDTMF);
        assertThat(done.bytes()).isLessThan(80_000);
        assertThat(s.calls.dxBufferedDigits(ch)).isEqualTo(1);
    }

    @Test
    void getdigCollectsBufferedAndArrivingDigitsUpToTheCount() {
        s.emu.emu_inject_digits("dxxxB1C1", "12");
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_MAXDTMF, 4, DxConstants.TF_MAXDTMF);
        DV_DIGIT digits = new DV_DIGIT();
        s.calls.dxGetdig(ch, tpt[0], digits, ASYNC);
        assertThat(s.calls.dxState(ch)).isEqualTo(DxConstants.CS_GTDIG);
        s.emu.emu_inject_digits("dxxxB1C1", "34#");
        assertThat(s.next()).isEqualTo(new VoiceEvent.DigitsDone(ch, DxConstants.TM_MAXDTMF, 4));
        digits.read();
        assertThat(digits.digits()).isEqualTo("1234");
        assertThat(digits.dg_type[0]).isEqualTo((byte) '0');
        assertThat(s.calls.dxBufferedDigits(ch)).as("'#' stays in the buffer").isEqualTo(1);
        s.calls.dxClrdigbuf(ch);
        assertThat(s.calls.dxBufferedDigits(ch)).isZero();
    }

    @Test
    void getdigEndsOnAMaskedDigit() {
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_DIGMASK, DxConstants.DM_P, DxConstants.TF_DIGMASK);
        DV_DIGIT digits = new DV_DIGIT();
        s.calls.dxGetdig(ch, tpt[0], digits, ASYNC);
        s.emu.emu_inject_digits("dxxxB1C1", "9#7");
        assertThat(s.next()).isEqualTo(new VoiceEvent.DigitsDone(ch, DxConstants.TM_DIGIT, 2));
        digits.read();
        assertThat(digits.digits()).isEqualTo("9#");
        assertThat(s.calls.dxBufferedDigits(ch)).isEqualTo(1);
    }

    @Test
    void getdigEndsOnItsTimeLimitWithNoDigits() {
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_MAXTIME, 50, DxConstants.TF_MAXTIME);
        DV_DIGIT digits = new DV_DIGIT();
        s.calls.dxGetdig(ch, tpt[0], digits, ASYNC);
        assertThat(s.next()).isEqualTo(new VoiceEvent.DigitsDone(ch, DxConstants.TM_MAXTIME, 0));
        digits.read();
        assertThat(digits.digits()).isEmpty();
    }

    @Test
    void interDigitTimerStartsWithTheFirstDigit() {
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_IDDTIME, 20, 0, DxConstants.DX_MAXTIME, 600, 0);
        DV_DIGIT digits = new DV_DIGIT();
        s.calls.dxGetdig(ch, tpt[0], digits, ASYNC);
        s.emu.emu_inject_digits("dxxxB1C1", "7");
        assertThat(s.next()).isEqualTo(new VoiceEvent.DigitsDone(ch, DxConstants.TM_IDDTIME, 1));
    }

    @Test
    void digitsAreReportedAsCallStatusEventsWhenEnabled() {
        assertThat(s.libs.dx().dx_setevtmsk(ch.value(), DxConstants.DM_DIGITS)).isZero();
        s.emu.emu_inject_digits("dxxxB1C1", "4#");
        RawSrlEvent first = s.nextRaw();
        assertThat(first.type()).isEqualTo(DxConstants.TDX_CST);
        assertThat(first.data()).containsExactly(DxConstants.DE_DIGITS, 0, '4', 0);
        assertThat(s.nextRaw().data()).containsExactly(DxConstants.DE_DIGITS, 0, '#', 0);
    }

    @Test
    void dialSendsDigitsAndReportsTdxDial() {
        s.emu.emu_set_time_scale(1.0); // 400 ms of digits, so the channel is still dialling when read
        assertThat(s.libs.dx().dx_dial(ch.value(), "123#", null, (short) ASYNC)).isZero();
        assertThat(s.calls.dxState(ch)).isEqualTo(DxConstants.CS_DIAL);
        assertThat(s.next()).isEqualTo(new VoiceEvent.DialDone(ch, DxConstants.TM_NORMTERM));
    }

    @Test
    void secondIoOnABusyChannelFailsWithEdxBusy() {
        s.emu.emu_set_time_scale(1.0);
        s.calls.dxPlay(ch, DX_IOTT.memory(new Memory(80_000)), null, ASYNC);
        VoiceDevice other = s.calls.dxOpen("dxxxB1C1");
        assertThatThrownBy(() ->
                        s.calls.dxGetdig(other, DV_TPT.table(DxConstants.DX_MAXDTMF, 1, 0)[0], new DV_DIGIT(), ASYNC))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.function()).isEqualTo("dx_getdig");
                    assertThat(e.code()).isEqualTo(DxConstants.EDX_BUSY);
                    assertThat(e.symbol()).isEqualTo("EDX_BUSY");
                    assertThat(e.vendorText()).contains("busy");
                    assertThat(e.device()).isEqualTo("dxxxB1C1");
                });
        s.calls.dxStopch(ch, ASYNC);
        assertThat(s.next(VoiceEvent.PlayDone.class).termination()).isEqualTo(DxConstants.TM_USRSTOP);
    }

    @Test
    void stopOnAnIdleChannelQueuesNothingUnlessNoStopIsAsked() {
        s.calls.dxStopch(ch, ASYNC);
        s.assertQueueEmpty();
        s.calls.dxStopch(ch, ASYNC | DxConstants.EV_NOSTOP);
        assertThat(s.next()).isEqualTo(new VoiceEvent.NoStop(ch));
    }

    @Test
    void recordStopsAtItsTimeLimitAndFillsTheBufferWithSilence() {
        Memory buf = new Memory(80_000);
        buf.clear();
        DV_TPT[] tpt = DV_TPT.table(DxConstants.DX_MAXTIME, 5, DxConstants.TF_MAXTIME); // 500 ms
        s.calls.dxRec(ch, DX_IOTT.memory(buf), tpt[0], ASYNC);
        VoiceEvent.RecordDone done = s.next(VoiceEvent.RecordDone.class);
        assertThat(done.termination()).isEqualTo(DxConstants.TM_MAXTIME);
        assertThat(done.bytes()).as("500 emulated ms at 8000 bytes/s").isEqualTo(4_000);
        assertThat(buf.getByte(0)).isEqualTo((byte) 0xFF);
        assertThat(buf.getByte(79_999))
                .as("not written past the recorded bytes")
                .isZero();
    }

    @Test
    void synchronousPlayReturnsAfterCompletionWithoutAnEvent() {
        s.calls.dxPlay(ch, DX_IOTT.memory(new Memory(8_000)), null, SrlConstants.EV_SYNC);
        assertThat(s.libs.dx().ATDX_TERMMSK(ch.value()).longValue()).isEqualTo(DxConstants.TM_EOD);
        s.assertQueueEmpty();
    }

    @Test
    void playWithoutEndOfTableIsABadIott() {
        DX_IOTT bad = DX_IOTT.memory(new Memory(10));
        bad.io_type = (short) SrlConstants.IO_MEM;
        assertThatThrownBy(() -> s.calls.dxPlay(ch, bad, null, ASYNC))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EDX_BADIOTT"));
    }

    @Test
    void unknownChannelNameCannotBeOpened() {
        assertThatThrownBy(() -> s.calls.dxOpen("dxxxB99C9"))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.function()).isEqualTo("dx_open"));
    }
}
