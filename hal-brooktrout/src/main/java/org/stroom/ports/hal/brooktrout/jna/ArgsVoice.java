package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Structure;

/**
 * {@code struct args_voice}: args packet of the modelled {@code BfvVoicePlay} and {@code BfvVoiceRecord}
 * (raw 8 kHz µ-law files). Modelled names and layout.
 *
 * <p>Thread-safety: not thread-safe; use one instance per call.
 */
@Structure.FieldOrder({"fname", "max_ms", "stop_on_dtmf", "elapsed_ms", "term_reason"})
public class ArgsVoice extends Structure {
    /** In: file path, NUL-terminated. */
    public byte[] fname = new byte[BfvModel.FNAME_LEN];
    /** In: limit in line milliseconds; 0 = none (play only). */
    public int max_ms;
    /** In: nonzero = a received DTMF digit ends the operation. */
    public int stop_on_dtmf;
    /** Out: line milliseconds played or recorded. */
    public int elapsed_ms;
    /** Out: a {@code VOICE_TERM_*} code. */
    public int term_reason;

    /** @param path file path; at most {@link BfvModel#FNAME_LEN}−1 bytes */
    public void setFname(String path) {
        CStrings.put(fname, path, "args_voice.fname");
    }
}
