package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.WavInfo;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;

/**
 * Voice and DTMF on a connected call: prompts play to the end or stop on a digit, on stopMedia or
 * on hang-up; recordings stop at their maximum time, on a digit or on hang-up and leave a valid
 * telephony WAV; digits are reported, collected (terminator, maximum, timeout) and sent; missing or
 * unsuitable files and non-DTMF digits are refused with a message naming them, and the call goes
 * on. Needs {@link Capability#VOICE_PLAY}, {@link Capability#VOICE_RECORD} and/or
 * {@link Capability#DTMF} as each check says.
 *
 * <p>Durations are backend time; reported lengths may differ from the nominal by 10 %.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface MediaContract extends TckContract {

    /** Allowed deviation of reported media lengths, in percent. */
    int TOLERANCE_PERCENT = 10;

    @Example
    default void promptPlaysToTheEnd() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Duration length = Duration.ofSeconds(2);
            s.backend().play(ch, new PlayRequest(s.prompt(length), ""));
            s.expectNone(
                    PlayDone.class,
                    e -> e.call().equals(call),
                    length.multipliedBy(8).dividedBy(10),
                    "PlayDone before 80 % of a 2 s prompt");
            PlayDone done = s.expect(
                    PlayDone.class,
                    e -> e.call().equals(call),
                    length.multipliedBy(4).dividedBy(10),
                    "PlayDone by 120 % of the prompt's length");
            assertThat(done.reason()).isEqualTo(TerminationReason.END_OF_DATA);
            assertAbout(s, done.playedMillis(), length, "playedMillis");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void stopMediaStopsPlayback() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().play(ch, new PlayRequest(s.prompt(Duration.ofSeconds(10)), ""));
            s.advance(Duration.ofSeconds(1));
            s.backend().stopMedia(ch);
            PlayDone done = s.expect(PlayDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "PlayDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.STOPPED);
            assertThat(done.playedMillis()).isLessThan(10_000);
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void terminatingDigitStopsPlayback() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().play(ch, new PlayRequest(s.prompt(Duration.ofSeconds(10)), "#"));
            s.advance(Duration.ofSeconds(1));
            s.harness().farEndSendsDigits(ch, "#");
            PlayDone done = s.expect(PlayDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "PlayDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.DIGIT);
            assertThat(done.playedMillis()).isLessThan(10_000);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void farEndHangUpEndsPlaybackBeforeTheCall() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().play(ch, new PlayRequest(s.prompt(Duration.ofSeconds(10)), ""));
            s.advance(Duration.ofSeconds(1));
            s.harness().farEndHangUp(ch);
            CallDisconnected gone = s.expectDisconnected(call, TckSession.SIGNALLING);
            PlayDone done = s.expect(PlayDone.class, e -> e.call().equals(call), Duration.ZERO, "PlayDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.HANG_UP);
            assertThat(done.sequence()).as("PlayDone precedes CallDisconnected").isLessThan(gone.sequence());
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void missingPromptIsRefusedByNameAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path missing = s.file("no-such-prompt.wav");
            assertThatThrownBy(() -> s.backend().play(ch, new PlayRequest(missing, "")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("no-such-prompt.wav");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.backend().play(ch, new PlayRequest(s.prompt(Duration.ofSeconds(1)), ""));
            PlayDone done = s.expect(PlayDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "PlayDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.END_OF_DATA);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void nonTelephonyWavIsRefusedByNameAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_PLAY);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path pcm = writePcm16Wav(s.file("linear-pcm-16bit.wav"));
            assertThatThrownBy(() -> s.backend().play(ch, new PlayRequest(pcm, "")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("linear-pcm-16bit.wav");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.backend().play(ch, new PlayRequest(s.prompt(Duration.ofSeconds(1)), ""));
            s.expect(PlayDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "PlayDone");
            s.hangUp(ch, call);
        }
    }

    @Example
    default void recordingStopsAtItsMaximumTimeAndLeavesATelephonyWav() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_RECORD);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path file = s.file("max-time.wav");
            Duration max = Duration.ofSeconds(2);
            s.backend().record(ch, new RecordRequest(file, AudioEncoding.ALAW, max, Duration.ZERO, ""));
            s.expectNone(
                    RecordDone.class,
                    e -> e.call().equals(call),
                    max.multipliedBy(8).dividedBy(10),
                    "RecordDone before 80 % of the maximum time");
            RecordDone done = s.expect(
                    RecordDone.class,
                    e -> e.call().equals(call),
                    max.multipliedBy(4).dividedBy(10),
                    "RecordDone by 120 % of the maximum time");
            assertThat(done.reason()).isEqualTo(TerminationReason.MAX_TIME);
            assertThat(done.file()).isEqualTo(file);
            assertAbout(s, done.recordedMillis(), max, "recordedMillis");
            WavInfo wav = WavInfo.read(file);
            assertThat(wav.encoding()).as("encoding of the recording").isEqualTo(AudioEncoding.ALAW);
            assertAbout(s, wav.duration().toMillis(), max, "recorded WAV length");
            s.hangUp(ch, call);
        }
    }

    @Example
    default void terminatingDigitStopsRecording() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_RECORD);
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path file = s.file("digit.wav");
            s.backend()
                    .record(
                            ch,
                            new RecordRequest(file, AudioEncoding.MULAW, Duration.ofSeconds(30), Duration.ZERO, "#"));
            s.advance(Duration.ofSeconds(1));
            s.harness().farEndSendsDigits(ch, "#");
            RecordDone done =
                    s.expect(RecordDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "RecordDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.DIGIT);
            assertThat(done.recordedMillis()).isLessThan(30_000);
            assertThat(WavInfo.read(file).encoding()).isEqualTo(AudioEncoding.MULAW);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void hangUpEndsRecordingWithAPlayableFile() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_RECORD);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path file = s.file("hang-up.wav");
            s.backend()
                    .record(
                            ch,
                            new RecordRequest(file, AudioEncoding.MULAW, Duration.ofSeconds(30), Duration.ZERO, ""));
            s.advance(Duration.ofSeconds(2));
            s.harness().farEndHangUp(ch);
            CallDisconnected gone = s.expectDisconnected(call, TckSession.SIGNALLING);
            RecordDone done = s.expect(RecordDone.class, e -> e.call().equals(call), Duration.ZERO, "RecordDone");
            assertThat(done.reason()).isEqualTo(TerminationReason.HANG_UP);
            assertThat(done.sequence())
                    .as("RecordDone precedes CallDisconnected")
                    .isLessThan(gone.sequence());
            WavInfo.read(file);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void recordingIntoAMissingDirectoryIsRefusedAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.VOICE_RECORD);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Path bad = s.file("no-such-directory").resolve("rec.wav");
            assertThatThrownBy(() -> s.backend()
                            .record(
                                    ch,
                                    new RecordRequest(
                                            bad, AudioEncoding.MULAW, Duration.ofSeconds(2), Duration.ZERO, "")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("no-such-directory");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            Path good = s.file("good.wav");
            s.backend()
                    .record(ch, new RecordRequest(good, AudioEncoding.MULAW, Duration.ofSeconds(1), Duration.ZERO, ""));
            s.expect(RecordDone.class, e -> e.call().equals(call), TckSession.SIGNALLING, "RecordDone");
            s.hangUp(ch, call);
        }
    }

    @Example
    default void farEndDigitsAreReportedInOrder() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.harness().farEndSendsDigits(ch, "159#");
            s.expect(
                    DigitReceived.class,
                    e -> e.call().equals(call) && e.digit() == '#',
                    TckSession.SIGNALLING,
                    "DigitReceived '#'");
            List<Character> digits = s.recorder().events(DigitReceived.class).stream()
                    .filter(e -> e.call().equals(call))
                    .map(DigitReceived::digit)
                    .collect(Collectors.toList());
            assertThat(digits).containsExactly('1', '5', '9', '#');
            s.hangUp(ch, call);
        }
    }

    @Example
    default void digitCollectionEndsOnTheTerminator() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().collectDigits(ch, new DigitRequest(10, Duration.ofSeconds(5), Duration.ofSeconds(3), "#"));
            s.harness().farEndSendsDigits(ch, "42#");
            DigitsCollected got = s.expect(
                    DigitsCollected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "DigitsCollected");
            assertThat(got.digits()).isEqualTo("42#");
            assertThat(got.reason()).isEqualTo(TerminationReason.DIGIT);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void digitCollectionEndsAtTheMaximumCount() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().collectDigits(ch, new DigitRequest(3, Duration.ofSeconds(5), Duration.ofSeconds(3), ""));
            s.harness().farEndSendsDigits(ch, "98765");
            DigitsCollected got = s.expect(
                    DigitsCollected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "DigitsCollected");
            assertThat(got.digits()).isEqualTo("987");
            assertThat(got.reason()).isEqualTo(TerminationReason.MAX_DIGITS);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void digitCollectionTimesOutWithoutDigits() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            Duration first = Duration.ofSeconds(3);
            s.backend().collectDigits(ch, new DigitRequest(4, first, Duration.ofSeconds(2), "#"));
            s.expectNone(
                    DigitsCollected.class,
                    e -> e.call().equals(call),
                    first.multipliedBy(8).dividedBy(10),
                    "DigitsCollected before 80 % of the first-digit timeout");
            DigitsCollected got = s.expect(
                    DigitsCollected.class,
                    e -> e.call().equals(call),
                    first.multipliedBy(4).dividedBy(10),
                    "DigitsCollected by 120 % of the first-digit timeout");
            assertThat(got.digits()).isEmpty();
            assertThat(got.reason()).isEqualTo(TerminationReason.DIGIT_TIMEOUT);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void digitsAreSent() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().sendDigits(ch, "1234#");
            DigitsSent sent =
                    s.expect(DigitsSent.class, e -> e.call().equals(call), TckSession.SIGNALLING, "DigitsSent");
            assertThat(sent.digits()).isEqualTo("1234#");
            s.hangUp(ch, call);
        }
    }

    @Example
    default void nonDtmfDigitsAreRefusedAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.DTMF);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            assertThatThrownBy(() -> s.backend().sendDigits(ch, "12x"))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("'x'");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.backend().sendDigits(ch, "9");
            s.expect(DigitsSent.class, e -> e.call().equals(call), TckSession.SIGNALLING, "DigitsSent");
            s.hangUp(ch, call);
        }
    }

    private static void assertAbout(TckSession s, long millis, Duration nominal, String what) {
        long n = nominal.toMillis();
        long slack = s.harness().timingSlack().toMillis();
        assertThat(millis)
                .as(
                        "%s of a nominal %d ms (-%d %%, +%d %% + %d ms timing slack)",
                        what, n, TOLERANCE_PERCENT, TOLERANCE_PERCENT, slack)
                .isBetween(n * (100 - TOLERANCE_PERCENT) / 100, n * (100 + TOLERANCE_PERCENT) / 100 + slack);
    }

    /** Writes a valid WAV that telephony boards cannot play: 16-bit linear PCM. */
    private static Path writePcm16Wav(Path file) {
        byte[] samples = new byte[16_000];
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt(36 + samples.length).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1);
        h.putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt(samples.length);
        try {
            Files.write(file, h.array());
            Files.write(file, samples, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
