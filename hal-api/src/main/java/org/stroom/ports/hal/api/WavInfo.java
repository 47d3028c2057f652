package org.stroom.ports.hal.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A telephony WAV file: 8 kHz, mono, 8-bit µ-law or A-law. Reading checks the header and explains
 * what is wrong with any other file.
 *
 * @param encoding µ-law or A-law
 * @param dataBytes bytes of audio (one per sample)
 *     <p>Thread-safety: immutable.
 */
public record WavInfo(AudioEncoding encoding, long dataBytes) {
    /** Telephony sample rate. */
    public static final int SAMPLE_RATE = 8000;

    /** @return playing time */
    public Duration duration() {
        return Duration.ofNanos(dataBytes * 1_000_000_000L / SAMPLE_RATE);
    }

    /**
     * Reads and checks a WAV header.
     *
     * @throws HalException naming the file and the problem (missing, not RIFF/WAVE, wrong format,
     *     rate, channels or sample size)
     */
    public static WavInfo read(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(ch.size(), 4096)).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill the header buffer
            }
            b.flip();
            if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
                throw new HalException("voice file " + file
                        + " is not a RIFF/WAVE file; record prompts as 8 kHz mono µ-law or A-law WAV");
            }
            int pos = 12;
            AudioEncoding enc = null;
            while (pos + 8 <= b.limit()) {
                int id = b.getInt(pos);
                long size = Integer.toUnsignedLong(b.getInt(pos + 4));
                if (id == 0x20746d66) { // "fmt "
                    int tag = b.getShort(pos + 8) & 0xffff;
                    int channels = b.getShort(pos + 10) & 0xffff;
                    int rate = b.getInt(pos + 12);
                    int bits = b.getShort(pos + 22) & 0xffff;
                    enc = Arrays.stream(AudioEncoding.values())
                            .filter(e -> e.wavFormatTag() == tag)
                            .findFirst()
                            .orElseThrow(() -> new HalException("voice file " + file + " has WAVE format tag " + tag
                                    + "; only µ-law (7) and A-law (6) are played by telephony boards: convert it"));
                    if (channels != 1 || rate != SAMPLE_RATE || bits != 8) {
                        throw new HalException("voice file " + file + " is " + rate + " Hz, " + channels
                                + " channel(s), " + bits + " bit; telephony needs 8000 Hz, mono, 8 bit: convert it");
                    }
                } else if (id == 0x61746164) { // "data"
                    if (enc == null) {
                        throw new HalException("voice file " + file + " has its data chunk before the fmt chunk");
                    }
                    return new WavInfo(enc, size);
                }
                pos += 8 + (int) (size + (size & 1));
            }
            throw new HalException(
                    "voice file " + file + " has no fmt or data chunk in its first " + b.limit() + " bytes");
        } catch (NoSuchFileException e) {
            throw new HalException("voice file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new HalException("voice file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a WAV file of {@code length} of silence (useful for tests and recordings).
     *
     * @return the written file's info
     * @throws HalException when the file cannot be written
     */
    public static WavInfo writeSilence(Path file, AudioEncoding encoding, Duration length) {
        int samples = (int) (length.toMillis() * SAMPLE_RATE / 1000);
        byte silence = (byte) (encoding == AudioEncoding.MULAW ? 0xFF : 0xD5);
        byte[] data = new byte[samples];
        Arrays.fill(data, silence);
        write(file, encoding, data);
        return new WavInfo(encoding, samples);
    }

    /**
     * Writes samples as a WAV file.
     *
     * @throws HalException when the file cannot be written
     */
    public static void write(Path file, AudioEncoding encoding, byte[] samples) {
        ByteBuffer h = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt(38 + samples.length).putInt(0x45564157);
        h.putInt(0x20746d66)
                .putInt(18)
                .putShort((short) encoding.wavFormatTag())
                .putShort((short) 1);
        h.putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE)
                .putShort((short) 1)
                .putShort((short) 8)
                .putShort((short) 0);
        h.putInt(0x61746164).putInt(samples.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.array());
            out.write(samples);
        } catch (IOException e) {
            throw new HalException("cannot write voice file " + file + ": " + e.getMessage(), e);
        }
    }
}
