package org.stroom.ports.hal.api;

/**
 * Telephony audio encodings: 8 kHz, 8-bit companded, mono.
 *
 * <p>Thread-safety: immutable.
 */
public enum AudioEncoding {
    /** G.711 µ-law (North America, T1). WAV format tag 7. */
    MULAW(7),
    /** G.711 A-law. WAV format tag 6. */
    ALAW(6);

    private final int wavFormatTag;

    AudioEncoding(int tag) {
        this.wavFormatTag = tag;
    }

    /** @return the WAVE {@code wFormatTag} value */
    public int wavFormatTag() {
        return wavFormatTag;
    }
}
