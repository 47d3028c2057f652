package org.stroom.ports.t1;

import java.util.Objects;

/**
 * A contiguous range of DID (direct inward dialling) numbers delivered on a span, inclusive at both
 * ends. Numbers are digit strings of equal length (leading zeros are significant).
 *
 * @param first first number of the range, digits only, 1..15 digits (E.164 maximum)
 * @param last last number of the range, same length as {@code first} and not smaller
 *     <p>Thread-safety: immutable.
 */
public record DidRange(String first, String last) {
    /** Longest number accepted (E.164). */
    public static final int MAX_DIGITS = 15;

    /**
     * @throws IllegalArgumentException when the numbers are not digits, differ in length or are reversed
     */
    public DidRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        checkDigits(first, "first");
        checkDigits(last, "last");
        if (first.length() != last.length()) {
            throw new IllegalArgumentException("DID range " + first + "-" + last
                    + ": both ends must have the same number of digits (" + first.length() + " vs "
                    + last.length() + ")");
        }
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException(
                    "DID range " + first + "-" + last + " is reversed: write it as " + last + "-" + first);
        }
    }

    private static void checkDigits(String number, String which) {
        if (number.isEmpty() || number.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "DID range: " + which + " number '" + number + "' must have 1.." + MAX_DIGITS + " digits");
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("DID range: " + which + " number '" + number + "' contains '" + c
                        + "'; use digits only, without '+', spaces or dashes");
            }
        }
    }

    /**
     * Parses {@code "3125550100-3125550199"} or a single number {@code "3125550100"}.
     *
     * @throws IllegalArgumentException naming the text and the problem
     */
    public static DidRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int dash = t.indexOf('-');
        return dash < 0
                ? new DidRange(t, t)
                : new DidRange(
                        t.substring(0, dash).strip(), t.substring(dash + 1).strip());
    }

    /** @return how many numbers the range holds */
    public long size() {
        return Long.parseLong(last) - Long.parseLong(first) + 1;
    }

    /** @return whether {@code number} (digits, same length) lies in the range */
    public boolean contains(String number) {
        return number.length() == first.length() && first.compareTo(number) <= 0 && last.compareTo(number) >= 0;
    }

    /** @return whether the two ranges share at least one number */
    public boolean overlaps(DidRange other) {
        return first.length() == other.first.length()
                && first.compareTo(other.last) <= 0
                && other.first.compareTo(last) <= 0;
    }

    @Override
    public String toString() {
        return first.equals(last) ? first : first + "-" + last;
    }
}
