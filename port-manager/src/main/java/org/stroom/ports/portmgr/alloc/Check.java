package org.stroom.ports.portmgr.alloc;

import java.util.Objects;

/** Argument checks shared by the input records; messages name the record and the field. */
final class Check {
    /** Longest machine, group or priority class name, in characters. */
    static final int MAX_NAME = 64;

    /**
     * String instances that passed {@link #name}, by identity hash (the instance is what is compared): inputs
     * repeat the same name instances (constants, or the decoder's cached names), and a string cannot change after
     * its check. Threads share the array without synchronisation on purpose: a stale or missing entry only means
     * checking again, and a String seen through a race is still whole (its fields are final).
     */
    private static final String[] CHECKED = new String[256];

    private Check() {}

    static String name(String record, String field, String value) {
        Objects.requireNonNull(value, () -> record + "." + field);
        int slot = System.identityHashCode(value) & (CHECKED.length - 1);
        if (CHECKED[slot] == value) {
            return value;
        }
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
        CHECKED[slot] = value;
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
