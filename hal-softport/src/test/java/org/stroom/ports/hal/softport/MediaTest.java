package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.hal.softport.Sim.ch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.WavInfo;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;

class MediaTest {
    @TempDir
    Path dir;

    private final Sim sim = Sim.onePri();
    private final ChannelId c1 = ch(1);
    private Path prompt;

    @BeforeEach
    void connect() {
        prompt = dir.resolve("prompt.wav");
        WavInfo.writeSilence(prompt, AudioEncoding.MULAW, Duration.ofMillis(2500));
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.events.clear();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private long ms(HalEvent e) {
        return e.atNanos() / 1_000_000;
    }

    @Test
    void playLastsTheDurationOfTheWavFile() {
        sim.backend.play(c1, new PlayRequest(prompt, ""));
        sim.advance(Duration.ofSeconds(10));

        PlayDone done = sim.events.last(PlayDone.class);
        assertThat(done.reason()).isEqualTo(TerminationReason.END_OF_DATA);
        assertThat(done.playedMillis()).isEqualTo(2500);
        assertThat(ms(done)).isEqualTo(2500);
    }

    @Test
    void aTerminatingDigitStopsPlaybackAndIsReportedFirst() {
        sim.backend.play(c1, new PlayRequest(prompt, "#"));
        sim.advanceMillis(1000);
        sim.farEnd().sendDigits(c1, "5#");
        sim.advance(Duration.ofSeconds(5));

        List<HalEvent> events = sim.events.all();
        assertThat(events).hasSize(3);
        assertThat(((DigitReceived) events.get(0)).digit()).isEqualTo('5');
        assertThat(((DigitReceived) events.get(1)).digit()).isEqualTo('#');
        PlayDone done = (PlayDone) events.get(2);
        assertThat(done.reason()).isEqualTo(TerminationReason.DIGIT);
        assertThat(done.playedMillis()).isEqualTo(1200);
    }

    @Test
    void stopMediaEndsPlaybackWithStopped() {
        sim.backend.play(c1, new PlayRequest(prompt, ""));
        sim.advanceMillis(700);
        sim.backend.stopMedia(c1);

        PlayDone done = sim.events.last(PlayDone.class);
        assertThat(done.reason()).isEqualTo(TerminationReason.STOPPED);
        assertThat(done.playedMillis()).isEqualTo(700);
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.events.of(PlayDone.class)).hasSize(1);
    }

    @Test
    void hangUpDuringPlaybackReportsPlayDoneBeforeTheDisconnect() {
        sim.backend.play(c1, new PlayRequest(prompt, ""));
        sim.advanceMillis(300);
        sim.farEnd().hangUp(c1);
        sim.advance(Duration.ofSeconds(5));

        List<HalEvent> events = sim.events.all();
        assertThat(events).hasSize(2);
        assertThat(((PlayDone) events.get(0)).reason()).isEqualTo(TerminationReason.HANG_UP);
        assertThat(events.get(1)).isInstanceOf(CallDisconnected.class);
    }

    @Test
    void aMissingOrNonTelephonyWavIsRefusedByNameAndTheChannelStaysUsable() throws IOException {
        Path missing = dir.resolve("nope.wav");
        assertThatThrownBy(() -> sim.backend.play(c1, new PlayRequest(missing, "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        Path text = dir.resolve("text.wav");
        Files.writeString(text, "not a wave file at all");
        assertThatThrownBy(() -> sim.backend.play(c1, new PlayRequest(text, "")))
                .hasMessageContaining("RIFF");

        sim.backend.play(c1, new PlayRequest(prompt, ""));
        sim.advance(Duration.ofSeconds(3));
        assertThat(sim.events.last(PlayDone.class).reason()).isEqualTo(TerminationReason.END_OF_DATA);
    }

    @Test
    void oneMediaOperationAtATime() {
        sim.backend.play(c1, new PlayRequest(prompt, ""));
        assertThatThrownBy(() -> sim.backend.collectDigits(c1, digits(4, "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("playing");
        sim.advance(Duration.ofSeconds(3));
        assertThat(sim.events.last(PlayDone.class).reason()).isEqualTo(TerminationReason.END_OF_DATA);
    }

    @Test
    void mediaNeedsAConnectedCall() {
        assertThatThrownBy(() -> sim.backend.play(ch(2), new PlayRequest(prompt, "")))
                .isInstanceOf(WrongStateException.class);
        assertThatThrownBy(() -> sim.backend.sendDigits(ch(2), "1")).isInstanceOf(WrongStateException.class);
    }

    @Test
    void recordingEndsAtMaxTimeAndWritesAWavOfThatLength() {
        Path out = dir.resolve("rec.wav");
        sim.backend.record(c1, new RecordRequest(out, AudioEncoding.ALAW, Duration.ofSeconds(5), Duration.ZERO, ""));
        sim.advance(Duration.ofSeconds(10));

        RecordDone done = sim.events.last(RecordDone.class);
        assertThat(done.reason()).isEqualTo(TerminationReason.MAX_TIME);
        assertThat(done.recordedMillis()).isEqualTo(5000);
        assertThat(done.file()).isEqualTo(out);
        WavInfo wav = WavInfo.read(out);
        assertThat(wav.encoding()).isEqualTo(AudioEncoding.ALAW);
        assertThat(wav.duration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void recordingEndsOnSilenceAfterTheCallerStopsTalking() {
        Path out = dir.resolve("rec.wav");
        sim.farEnd().speak(c1, Duration.ofSeconds(3));
        sim.backend.record(
                c1, new RecordRequest(out, AudioEncoding.MULAW, Duration.ofSeconds(60), Duration.ofSeconds(2), ""));
        sim.advance(Duration.ofSeconds(30));

        RecordDone done = sim.events.last(RecordDone.class);
        assertThat(done.reason()).isEqualTo(TerminationReason.SILENCE);
        assertThat(done.recordedMillis()).isEqualTo(5000);
        assertThat(WavInfo.read(out).duration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void speakingDuringARecordingPostponesTheSilenceEnd() {
        Path out = dir.resolve("rec.wav");
        sim.backend.record(
                c1, new RecordRequest(out, AudioEncoding.MULAW, Duration.ofSeconds(60), Duration.ofSeconds(2), ""));
        sim.advanceMillis(1500);
        sim.farEnd().speak(c1, Duration.ofSeconds(4));
        sim.advance(Duration.ofSeconds(30));

        assertThat(sim.events.last(RecordDone.class).recordedMillis()).isEqualTo(7500);
    }

    @Test
    void recordingEndsOnATerminatingDigit() {
        Path out = dir.resolve("rec.wav");
        sim.backend.record(c1, new RecordRequest(out, AudioEncoding.MULAW, Duration.ofSeconds(60), Duration.ZERO, "#"));
        sim.advance(Duration.ofSeconds(4));
        sim.farEnd().sendDigits(c1, "#");
        sim.advance(Duration.ofSeconds(1));

        RecordDone done = sim.events.last(RecordDone.class);
        assertThat(done.reason()).isEqualTo(TerminationReason.DIGIT);
        assertThat(done.recordedMillis()).isEqualTo(4100);
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void recordingIntoAMissingDirectoryIsRefusedAndTheChannelStaysUsable() {
        Path out = dir.resolve("missing").resolve("rec.wav");
        assertThatThrownBy(() -> sim.backend.record(
                        c1, new RecordRequest(out, AudioEncoding.MULAW, Duration.ofSeconds(5), Duration.ZERO, "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("does not exist");
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        sim.backend.play(c1, new PlayRequest(prompt, ""));
    }

    private static DigitRequest digits(int max, String terminators) {
        return new DigitRequest(max, Duration.ofSeconds(5), Duration.ofSeconds(3), terminators);
    }

    @Test
    void collectDigitsEndsOnATerminatorAndKeepsIt() {
        sim.backend.collectDigits(c1, digits(10, "#"));
        sim.farEnd().sendDigits(c1, "1234#99");
        sim.advance(Duration.ofSeconds(1));

        DigitsCollected done = sim.events.last(DigitsCollected.class);
        assertThat(done.digits()).isEqualTo("1234#");
        assertThat(done.reason()).isEqualTo(TerminationReason.DIGIT);
        assertThat(ms(done)).isEqualTo(500);
    }

    @Test
    void collectDigitsEndsAtMaxDigits() {
        sim.backend.collectDigits(c1, digits(3, ""));
        sim.farEnd().sendDigits(c1, "98765");
        sim.advance(Duration.ofSeconds(1));

        DigitsCollected done = sim.events.last(DigitsCollected.class);
        assertThat(done.digits()).isEqualTo("987");
        assertThat(done.reason()).isEqualTo(TerminationReason.MAX_DIGITS);
    }

    @Test
    void collectDigitsTimesOutOnTheFirstAndOnLaterDigits() {
        sim.backend.collectDigits(c1, digits(4, ""));
        sim.advance(Duration.ofSeconds(6));
        DigitsCollected none = sim.events.last(DigitsCollected.class);
        assertThat(none.digits()).isEmpty();
        assertThat(none.reason()).isEqualTo(TerminationReason.DIGIT_TIMEOUT);
        assertThat(ms(none)).isEqualTo(5000);

        sim.backend.collectDigits(c1, digits(4, ""));
        sim.farEnd().sendDigits(c1, "12");
        sim.advance(Duration.ofSeconds(10));
        DigitsCollected two = sim.events.last(DigitsCollected.class);
        assertThat(two.digits()).isEqualTo("12");
        assertThat(two.reason()).isEqualTo(TerminationReason.DIGIT_TIMEOUT);
        assertThat(ms(two) - ms(none)).isEqualTo(1000 + 200 + 3000);
    }

    @Test
    void digitsKeyedAheadAreCollectedLater() {
        sim.farEnd().sendDigits(c1, "42");
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.events.of(DigitReceived.class)).hasSize(2);

        sim.backend.collectDigits(c1, digits(2, ""));
        DigitsCollected done = sim.events.last(DigitsCollected.class);
        assertThat(done.digits()).isEqualTo("42");
        assertThat(done.reason()).isEqualTo(TerminationReason.MAX_DIGITS);
    }

    @Test
    void sendingDigitsTakesOneIntervalPerDigit() {
        sim.backend.sendDigits(c1, "123*");
        sim.advance(Duration.ofSeconds(1));

        DigitsSent sent = sim.events.last(DigitsSent.class);
        assertThat(sent.digits()).isEqualTo("123*");
        assertThat(ms(sent)).isEqualTo(400);
    }

    @Test
    void badDigitsAreRefusedBeforeAnythingHappens() {
        assertThatThrownBy(() -> sim.backend.sendDigits(c1, "12x")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> sim.backend.sendDigits(c1, "")).hasMessageContaining("empty");
        sim.backend.sendDigits(c1, "1");
    }
}
