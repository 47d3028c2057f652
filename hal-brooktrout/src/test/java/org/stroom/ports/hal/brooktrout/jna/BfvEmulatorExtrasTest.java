package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProgress;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProtocol;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.FaxResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.FaxStatus;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.VoiceTermination;

/** Emulator behaviour the adapter relies on beyond the documented call flows (all modelled). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BfvEmulatorExtrasTest extends EmulatorFixture {

    @TempDir
    Path dir;

    @Test
    void stopMediaEndsAPromptAsStoppedAndKeepsTheCall() throws Exception {
        Path prompt = Files.write(dir.resolve("long.ulaw"), new byte[8_000_000]);
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            line.originate("1", CallProtocol.VOICE);
            assertThat(line.stopMedia()).as("nothing running yet").isFalse();
            CompletableFuture<BfvLine.VoiceResult> playing =
                    CompletableFuture.supplyAsync(() -> line.play(prompt, Duration.ZERO, false));
            while (emu.emu_line_busy(0) != 1) {
                Thread.onSpinWait(); // bounded by @Timeout
            }
            assertThat(line.stopMedia()).isTrue();
            assertThat(playing.get(5, TimeUnit.SECONDS).termination()).isEqualTo(VoiceTermination.STOPPED);
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void sendDigitsTakesTheModelledTimePerDigitAndRejectsNonDtmf() {
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            line.originate("1", CallProtocol.VOICE);
            line.sendDigits("12#");
            assertThat(natives.library().BfvVoiceSendDigits(line.handle(), digits("12x")))
                    .isEqualTo(code(BfvModel.Key.BT_ERR_BAD_ARGUMENT));
        }
    }

    private static ArgsDtmf digits(String d) {
        ArgsDtmf a = new ArgsDtmf();
        CStrings.put(a.digits, d, "digits");
        return a;
    }

    @Test
    void remoteAlarmIndicationAloneLeavesLinesWorking() {
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);
            ok(emu.emu_set_alarm(2, 1, code(BfvModel.Key.ALARM_RAI)));
            assertThat(sink.next(BfvEventKind.ALARM).value()).isEqualTo(code(BfvModel.Key.ALARM_RAI));
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
            assertThat(line.originate("1", CallProtocol.FAX).progress()).isEqualTo(CallProgress.FAX_TONE);
        }
    }

    @Test
    void inboundCallOnADiallingLineWinsTheGlare() throws Exception {
        emu.emu_set_time_scale(0.01); // 30 ms of dialling: long enough to be caught dialling
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            CompletableFuture<BfvLine.OriginateResult> dialling =
                    CompletableFuture.supplyAsync(() -> line.originate("1", CallProtocol.FAX));
            while (emu.emu_line_busy(0) != 1) {
                Thread.onSpinWait(); // bounded by @Timeout
            }
            ok(emu.emu_inbound_call(0, "9", "8"));
            assertThat(dialling.get(5, TimeUnit.SECONDS).progress()).isEqualTo(CallProgress.GLARE);
            assertThat(line.state()).isEqualTo(BfvLineState.RINGING);
        }
    }

    @Test
    void faxToAVoiceAnswererEndsWithNoFaxDevice() throws IOException {
        Path tiff = Tiffs.write(dir.resolve("one.tif"), 1);
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            assertThat(line.originate("1", CallProtocol.VOICE).progress()).isEqualTo(CallProgress.HUMAN);
            assertThat(line.sendFax(tiff)).isEqualTo(new FaxResult(0, FaxStatus.NO_FAX_DEVICE));
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void wildcardInjectedFailureHitsTheNextCallOnThatUnitOnly() {
        try (BfvLine other = BfvLine.attach(natives, 1);
                BfvLine line = BfvLine.attach(natives, 0)) {
            ok(emu.emu_inject_failure("*", 0, code(BfvModel.Key.BT_ERR_HARDWARE)));
            other.reset();
            assertThatThrownBy(line::reset).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.symbol())
                    .isEqualTo("BT_ERR_HARDWARE"));
            line.reset();
        }
    }

    @Test
    void noAnswerRingsForTheCallersNoAnswerTime() {
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            emu.emu_set_outbound(code(BfvModel.Key.CALL_PROGRESS_NO_ANSWER), 0);
            assertThat(line.originate("1", CallProtocol.FAX, Duration.ofSeconds(5))
                            .progress())
                    .isEqualTo(CallProgress.NO_ANSWER);
            assertThat(line.state()).isEqualTo(BfvLineState.OFF_HOOK);
        }
    }
}
