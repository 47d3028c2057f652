package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Structure;

/**
 * {@code struct args_dtmf}: args packet of the modelled {@code BfvVoiceGetDigits}. Modelled names and
 * layout.
 *
 * <p>Thread-safety: not thread-safe; use one instance per call.
 */
@Structure.FieldOrder({"max_digits", "timeout", "term_digit", "digits", "count", "term_reason"})
public class ArgsDtmf extends Structure {
    /** In: digits to collect, 1..31. */
    public int max_digits;
    /** In: wall-clock milliseconds; 0 waits forever. */
    public int timeout;
    /** In: digit that ends collection (included in the result), 0 = none. */
    public byte term_digit;
    /** Out: collected digits, NUL-terminated. */
    public byte[] digits = new byte[BfvModel.DIGITS_LEN];
    /** Out: number of digits collected. */
    public int count;
    /** Out: a {@code VOICE_TERM_*} code. */
    public int term_reason;

    /** @return the collected digits */
    public String digitString() {
        return CStrings.get(digits);
    }
}
