package org.stroom.ports.hal.brooktrout.jna;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Fixed-size C {@code char[]} fields: NUL-terminated, ASCII-safe, never overflowing. */
final class CStrings {
    private CStrings() {}

    static void put(byte[] field, String value, String fieldName) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= field.length) {
            throw new IllegalArgumentException(fieldName + " is " + bytes.length
                    + " bytes; the modelled field holds at most " + (field.length - 1) + " (see BfvModel)");
        }
        Arrays.fill(field, (byte) 0);
        System.arraycopy(bytes, 0, field, 0, bytes.length);
    }

    static String get(byte[] field) {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        return new String(field, 0, n, StandardCharsets.UTF_8);
    }
}
