package org.stroom.ports.portmgr.alloc;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A small direct-mapped cache of the strings one codec instance writes and reads, in the {@link Wire} string
 * encoding (a 16-bit UTF-8 byte count and the bytes). The names in inputs (hunt groups, priority classes,
 * machines) repeat endlessly, so the encoder copies cached bytes instead of re-encoding characters, and the
 * decoder returns the cached {@link String} instance for bytes it has seen, without allocating: the state
 * machine's lookups then compare names by identity first, and {@link Check#name} recognises them. A miss only
 * costs the ordinary encoding, so the cache never changes what is written or read.
 *
 * <p>Thread-safety: not thread-safe; one per codec instance.
 */
final class NameCache {
    private static final int SLOTS = 64;

    private final String[] encodedStrings = new String[SLOTS];
    private final byte[][] encodedBytes = new byte[SLOTS][];
    private final String[] decodedStrings = new String[SLOTS];
    private final byte[][] decodedBytes = new byte[SLOTS][];

    /** Writes {@code s} like {@link Wire#putString}. */
    void put(ByteBuffer b, String s) {
        int slot = s.hashCode() & (SLOTS - 1);
        byte[] bytes = encodedBytes[slot];
        if (encodedStrings[slot] != s) {
            bytes = Wire.utf8(s);
            encodedStrings[slot] = s;
            encodedBytes[slot] = bytes;
        }
        b.putShort((short) bytes.length).put(bytes);
    }

    /** Reads a string like {@link Wire#getString}, returning a cached instance when the bytes repeat. */
    String get(ByteBuffer b, String field) {
        int position = b.position();
        if (!b.hasArray() || b.remaining() < 2) {
            return Wire.getString(b, field);
        }
        int len = b.getShort(position) & 0xFFFF;
        if (len > b.remaining() - 2) {
            return Wire.getString(b, field);
        }
        byte[] array = b.array();
        int from = b.arrayOffset() + position + 2;
        int hash = len;
        for (int i = from; i < from + len; i++) {
            hash = 31 * hash + array[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] cached = decodedBytes[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, array, from, from + len)) {
            b.position(position + 2 + len);
            return decodedStrings[slot];
        }
        String s = Wire.getString(b, field);
        decodedBytes[slot] = Arrays.copyOfRange(array, from, from + len);
        decodedStrings[slot] = s;
        return s;
    }

    /** Reads a nullable string like {@link Wire#getNullableString}. */
    String getNullable(ByteBuffer b, String field) {
        return Wire.getBool(b, field) ? get(b, field) : null;
    }

    /** Writes a nullable string like {@link Wire#putNullableString}. */
    void putNullable(ByteBuffer b, String s) {
        Wire.putBool(b, s != null);
        if (s != null) {
            put(b, s);
        }
    }
}
