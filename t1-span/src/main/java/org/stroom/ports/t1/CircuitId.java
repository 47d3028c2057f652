package org.stroom.ports.t1;

import java.util.Objects;

/**
 * The telco's identifier of a T1 circuit (e.g. {@code "DHEC.123456..SW"}). It names the circuit, not
 * where it is plugged in: a span move changes the {@link SpanLocation} and keeps the circuit id.
 *
 * @param value the circuit id as printed on the carrier's demarcation label; non-blank, at most 64
 *     characters, no control characters
 *     <p>Thread-safety: immutable.
 */
public record CircuitId(String value) implements Comparable<CircuitId> {
    /** Largest accepted length of a circuit id. */
    public static final int MAX_LENGTH = 64;

    /**
     * @throws IllegalArgumentException when the value is blank, too long or holds control characters
     */
    public CircuitId {
        Objects.requireNonNull(value, "circuit id");
        if (value.isBlank()) {
            throw new IllegalArgumentException(
                    "circuit id is blank: give the carrier's circuit id from the demarcation label");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("circuit id '" + value + "' is " + value.length()
                    + " characters long; at most " + MAX_LENGTH + " are accepted");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "circuit id '" + value.strip() + "' contains control characters; use printable text only");
        }
    }

    @Override
    public int compareTo(CircuitId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
