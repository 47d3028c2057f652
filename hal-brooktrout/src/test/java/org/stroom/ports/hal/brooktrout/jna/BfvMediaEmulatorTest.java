package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProtocol;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.DigitsResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.FaxResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.FaxStatus;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.VoiceResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.VoiceTermination;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BfvMediaEmulatorTest extends EmulatorFixture {

    @TempDir
    Path dir;

    private BfvLine connected(int unit, RecordingSink sink) {
        BfvLine line = BfvLine.attach(natives, unit);
        line.onIncomingCommand(sink);
        line.originate("5550199", CallProtocol.FAX);
        return line;
    }

    @Test
    void faxSendReportsTrainingThenEachPageInOrderFromTheCallbackThread() throws IOException {
        Path tiff = Tiffs.write(dir.resolve("three.tif"), 3);
        RecordingSink sink = new RecordingSink();
        try (BfvLine line = connected(0, sink)) {
            assertThat(line.sendFax(tiff)).isEqualTo(new FaxResult(3, FaxStatus.COMPLETE));
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);

            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.FAX_T4_ADAPT_INFO);
            List<Integer> pages = Stream.generate(sink::next)
                    .limit(3)
                    .peek(c -> assertThat(c.kind()).isEqualTo(BfvEventKind.FAX_PAGE_SENT))
                    .peek(c ->
                            assertThat(c.text()).isEqualTo(tiff.toAbsolutePath().toString()))
                    .map(BfvIncomingCommand::value)
                    .collect(Collectors.toList());
            assertThat(pages).containsExactly(1, 2, 3);
            assertThat(sink.threads).allMatch("brooktrout-callback"::equals);
            assertThat(Thread.currentThread().getName()).isNotEqualTo("brooktrout-callback");
        }
    }

    @Test
    void faxPagesPassThroughFaxModeAndTurnaround() throws IOException {
        Path tiff = Tiffs.write(dir.resolve("two.tif"), 2);
        RecordingSink sink = new RecordingSink();
        try (BfvLine line = connected(0, sink)) {
            line.sendFax(tiff);
            assertThat(sink.next(BfvEventKind.FAX_T4_ADAPT_INFO).lineState(model))
                    .contains(BfvLineState.FAX_MODE);
            assertThat(sink.next(BfvEventKind.FAX_PAGE_SENT).lineState(model)).contains(BfvLineState.FAX_MODE);
        }
    }

    @Test
    void t4TimerParamsAreReadableAfterTheAdaptationEvent() throws IOException {
        RecordingSink sink = new RecordingSink();
        try (BfvLine line = connected(0, sink)) {
            line.sendFax(Tiffs.write(dir.resolve("one.tif"), 1));
            sink.next(BfvEventKind.FAX_T4_ADAPT_INFO);
            BfvLine.T4TimerParams t4 = line.t4TimerParams();
            assertThat(t4.timerValue()).isEqualTo(code(BfvModel.Key.T4_TIMER_VALUE_MS));
            assertThat(t4.timeout()).isEqualTo(code(BfvModel.Key.T4_TIMEOUT_MS));
        }
    }

    @Test
    void faxSendOfAFileThatIsNotTiffFailsWithFileError() throws IOException {
        Path notTiff = Files.writeString(dir.resolve("x.tif"), "hello");
        try (BfvLine line = connected(0, new RecordingSink())) {
            assertThatThrownBy(() -> line.sendFax(notTiff)).isInstanceOfSatisfying(VendorException.class, e -> {
                assertThat(e.function()).isEqualTo("BfvFaxSendTiff");
                assertThat(e.symbol()).isEqualTo("BT_ERR_FILE");
            });
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void faxSendOnAnIdleLineFailsWithWrongState() throws IOException {
        Path tiff = Tiffs.write(dir.resolve("one.tif"), 1);
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            assertThatThrownBy(() -> line.sendFax(tiff))
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_WRONG_STATE"));
        }
    }

    @Test
    void faxReceiveWritesATiffWithThePagesTheFarEndSent() throws IOException {
        Path out = dir.resolve("in.tif");
        RecordingSink sink = new RecordingSink();
        try (BfvLine line = BfvLine.attach(natives, 30)) {
            line.onIncomingCommand(sink);
            ok(emu.emu_set_inbound_fax_pages(30, 2));
            ok(emu.emu_inbound_call(30, "1", "2"));
            line.waitForCall(Duration.ofSeconds(5));
            line.answer();
            assertThat(line.receiveFax(out)).isEqualTo(new FaxResult(2, FaxStatus.COMPLETE));
            assertThat(Tiffs.pages(out)).isEqualTo(2);
            assertThat(sink.next(BfvEventKind.FAX_PAGE_RECEIVED).value()).isEqualTo(1);
            assertThat(sink.next(BfvEventKind.FAX_PAGE_RECEIVED).value()).isEqualTo(2);
        }
    }

    @Test
    void farEndHangUpDuringAFaxEndsItAsAnOutcomeWithThePagesSoFar() throws IOException {
        emu.emu_set_time_scale(0.01); // 600 ms per page: the hang-up lands long before page 2 ends
        Path tiff = Tiffs.write(dir.resolve("five.tif"), 5);
        BfvEventSink hangUpAfterFirstPage = new BfvEventSink() {
            @Override
            public void onCommand(BfvIncomingCommand c) {
                if (c.kind() == BfvEventKind.FAX_PAGE_SENT && c.value() == 1) {
                    emu.emu_far_end_hangup(c.unit());
                }
            }
        };
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            line.onIncomingCommand(hangUpAfterFirstPage);
            line.originate("1", CallProtocol.FAX);
            assertThat(line.sendFax(tiff)).isEqualTo(new FaxResult(1, FaxStatus.REMOTE_DISCONNECT));
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void dtmfDigitsAreCollectedUpToTheTerminatorAndReportedByCallback() {
        RecordingSink sink = new RecordingSink();
        try (BfvLine line = connected(5, sink)) {
            ok(emu.emu_inject_dtmf(5, "12#9"));
            assertThat(line.getDigits(10, Duration.ofSeconds(5), '#'))
                    .isEqualTo(new DigitsResult("12#", VoiceTermination.DTMF));
            assertThat(line.getDigits(1, Duration.ofSeconds(5), (char) 0))
                    .isEqualTo(new DigitsResult("9", VoiceTermination.MAX_DIGITS));
            assertThat(Stream.generate(() -> sink.next(BfvEventKind.DTMF))
                            .limit(4)
                            .map(c -> (char) c.value())
                            .collect(Collectors.toList()))
                    .containsExactly('1', '2', '#', '9');
        }
    }

    @Test
    void getDigitsTimesOutWithWhatItHas() {
        try (BfvLine line = connected(5, new RecordingSink())) {
            assertThat(line.getDigits(4, Duration.ofMillis(20), (char) 0))
                    .isEqualTo(new DigitsResult("", VoiceTermination.TIMEOUT));
        }
    }

    @Test
    void playLastsTheFileLengthInLineTime() throws IOException {
        Path prompt = Files.write(dir.resolve("p.ulaw"), new byte[8000]); // 1 s of 8 kHz mu-law
        try (BfvLine line = connected(5, new RecordingSink())) {
            assertThat(line.play(prompt, Duration.ZERO, false))
                    .isEqualTo(new VoiceResult(Duration.ofSeconds(1), VoiceTermination.END_OF_DATA));
        }
    }

    @Test
    void playWithStopOnDtmfEndsOnAPendingDigit() throws IOException {
        Path prompt = Files.write(dir.resolve("p.ulaw"), new byte[80_000]);
        try (BfvLine line = connected(5, new RecordingSink())) {
            ok(emu.emu_inject_dtmf(5, "5"));
            assertThat(line.play(prompt, Duration.ZERO, true).termination()).isEqualTo(VoiceTermination.DTMF);
        }
    }

    @Test
    void recordStopsAtTheLimitAndWritesThatMuchAudio() throws IOException {
        Path file = dir.resolve("r.ulaw");
        try (BfvLine line = connected(5, new RecordingSink())) {
            assertThat(line.record(file, Duration.ofMillis(500), false))
                    .isEqualTo(new VoiceResult(Duration.ofMillis(500), VoiceTermination.MAX_TIME));
            assertThat(Files.size(file)).isEqualTo(4000);
        }
    }
}
