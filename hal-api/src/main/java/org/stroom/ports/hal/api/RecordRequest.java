package org.stroom.ports.hal.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Record the caller into a WAV file.
 *
 * @param file where to write; its directory must exist
 * @param encoding µ-law or A-law
 * @param maxTime stop after this long, 1 s .. 1 h
 * @param maxSilence stop after this much continuous silence; {@link Duration#ZERO} disables
 * @param terminatingDigits DTMF digits that stop recording, may be empty
 *     <p>Thread-safety: immutable.
 */
public record RecordRequest(
        Path file, AudioEncoding encoding, Duration maxTime, Duration maxSilence, String terminatingDigits) {
    /**
     * @throws HalException on out-of-range times or bad digits
     */
    public RecordRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(maxSilence, "maxSilence");
        if (maxTime.compareTo(Duration.ofSeconds(1)) < 0 || maxTime.compareTo(Duration.ofHours(1)) > 0) {
            throw new HalException("record maxTime " + maxTime + " is outside 1 s .. 1 h");
        }
        if (maxSilence.isNegative()) {
            throw new HalException("record maxSilence " + maxSilence + " is negative; use Duration.ZERO to disable");
        }
        Dtmf.check(terminatingDigits, "terminatingDigits");
    }
}
