package org.stroom.ports.hal.api;

import java.util.Objects;

/**
 * A number to dial: digits, optionally a leading {@code +}, and {@code * # ,} ({@code ,} is a
 * pause on CAS spans). 1..32 characters.
 *
 * @param value the dial string
 *     <p>Thread-safety: immutable.
 */
public record DialString(String value) {
    /** Longest dial string accepted. */
    public static final int MAX_LENGTH = 32;

    /**
     * @throws HalException naming the offending character and position
     */
    public DialString {
        Objects.requireNonNull(value, "number");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new HalException(
                    "number '" + value + "' has " + value.length() + " characters; use 1.." + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '*' || c == '#' || c == ',' || (c == '+' && i == 0);
            if (!ok) {
                throw new HalException("number '" + value + "' has unsupported character '" + c + "' at position "
                        + (i + 1) + "; use digits, * # , and an optional leading +");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
