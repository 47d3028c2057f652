package org.stroom.ports.hal.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Collect DTMF digits from the caller.
 *
 * @param maxDigits stop after this many digits, 1..64
 * @param firstDigitTimeout how long to wait for the first digit
 * @param interDigitTimeout how long to wait for each following digit
 * @param terminatingDigits digits that end collection (kept in the result), may be empty
 *     <p>Thread-safety: immutable.
 */
public record DigitRequest(
        int maxDigits, Duration firstDigitTimeout, Duration interDigitTimeout, String terminatingDigits) {
    /**
     * @throws HalException on out-of-range values
     */
    public DigitRequest {
        if (maxDigits < 1 || maxDigits > 64) {
            throw new HalException("maxDigits " + maxDigits + " is outside 1..64");
        }
        Objects.requireNonNull(firstDigitTimeout, "firstDigitTimeout");
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
        if (firstDigitTimeout.isNegative()
                || firstDigitTimeout.isZero()
                || interDigitTimeout.isNegative()
                || interDigitTimeout.isZero()) {
            throw new HalException(
                    "digit timeouts must be positive, got first=" + firstDigitTimeout + " inter=" + interDigitTimeout);
        }
        Dtmf.check(terminatingDigits, "terminatingDigits");
    }
}
