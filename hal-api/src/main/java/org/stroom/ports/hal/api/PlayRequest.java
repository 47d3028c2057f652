package org.stroom.ports.hal.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Play a prompt. The file must be an 8 kHz mono 8-bit µ-law or A-law WAV ({@link WavInfo}).
 *
 * @param file the prompt
 * @param terminatingDigits DTMF digits that stop playback (e.g. {@code "#"}), may be empty
 *     <p>Thread-safety: immutable.
 */
public record PlayRequest(Path file, String terminatingDigits) {
    /** Checks the digits. */
    public PlayRequest {
        Objects.requireNonNull(file, "file");
        Dtmf.check(terminatingDigits, "terminatingDigits");
    }
}
