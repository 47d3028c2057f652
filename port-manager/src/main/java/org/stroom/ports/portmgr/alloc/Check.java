package org.stroom.ports.portmgr.alloc;

import java.util.Objects;

/** Argument checks shared by the input records; messages name the record and the field. */
final class Check {
    /** Longest machine, group or priority class name, in characters. */
    static final int MAX_NAME = 64;

    private Check() {}

    static String name(String record, String field, String value) {
        Objects.requireNonNull(value, () -> record + "." + field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(record + "." + field + " is blank; give a name");
        }
        if (value.length() > MAX_NAME) {
            throw new IllegalArgumentException(record + "." + field + " '" + value.substring(0, 16) + "…' is "
                    + value.length() + " characters; at most " + MAX_NAME + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(
                        record + "." + field + " '" + value.strip() + "' contains control characters");
            }
        }
        if (!wellFormed(value)) {
            throw new IllegalArgumentException(record + "." + field + " contains an unpaired UTF-16 surrogate");
        }
        return value;
    }

    /** @return whether every surrogate in {@code s} is part of a pair (so UTF-8 round-trips it exactly) */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static long positive(String record, String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(record + "." + field + " must be positive, got " + value);
        }
        return value;
    }

    static long notNegative(String record, String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(record + "." + field + " must be >= 0, got " + value);
        }
        return value;
    }
}
