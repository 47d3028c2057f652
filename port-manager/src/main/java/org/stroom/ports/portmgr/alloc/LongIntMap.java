package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;

/**
 * Open-addressing map from positive {@code long} keys to {@code int} values, without boxing, so the lease
 * lookup on the hot path allocates nothing. Linear probing; removal shifts later entries back instead of
 * leaving tombstones.
 */
final class LongIntMap {
    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap() {
        this(64);
    }

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** @return the value of {@code key}, or -1 when absent */
    int get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    void put(long key, int value) {
        if (key <= 0) {
            throw new IllegalArgumentException("LongIntMap key must be positive, got " + key);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** @return the removed value, or -1 when absent */
    int remove(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                return -1;
            }
            if (k == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        int removed = values[i];
        size--;
        // Backward-shift deletion keeps every later key of the probe run reachable without tombstones.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        values[hole] = 0;
        return removed;
    }

    /** @return the keys in ascending order */
    long[] sortedKeys() {
        long[] out = new long[size];
        int n = 0;
        for (long k : keys) {
            if (k != EMPTY) {
                out[n++] = k;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
