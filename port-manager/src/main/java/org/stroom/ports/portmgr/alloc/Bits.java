package org.stroom.ports.portmgr.alloc;

/** Bit-set helpers over {@code long[]} words, so hunts scan 64 spans per instruction and allocate nothing. */
final class Bits {
    private Bits() {}

    static long[] ensure(long[] words, int bits) {
        int need = (bits + 63) >>> 6;
        return need <= words.length ? words : java.util.Arrays.copyOf(words, Math.max(need, words.length * 2));
    }

    static boolean get(long[] w, int i) {
        return (w[i >>> 6] & (1L << i)) != 0;
    }

    static void set(long[] w, int i) {
        w[i >>> 6] |= 1L << i;
    }

    static void clear(long[] w, int i) {
        w[i >>> 6] &= ~(1L << i);
    }

    static void put(long[] w, int i, boolean on) {
        if (on) {
            set(w, i);
        } else {
            clear(w, i);
        }
    }

    /** @return the first set index at or after {@code from} and below {@code limit}, or -1 */
    static int next(long[] w, int from, int limit) {
        if (from < 0) {
            from = 0;
        }
        if (from >= limit) {
            return -1;
        }
        int wi = from >>> 6;
        long word = w[wi] & (-1L << from);
        int lastWord = (limit - 1) >>> 6;
        while (true) {
            if (word != 0) {
                int i = (wi << 6) + Long.numberOfTrailingZeros(word);
                return i < limit ? i : -1;
            }
            if (++wi > lastWord) {
                return -1;
            }
            word = w[wi];
        }
    }

    /** @return the last set index at or before {@code from}, or -1 */
    static int prev(long[] w, int from) {
        if (from < 0) {
            return -1;
        }
        int wi = from >>> 6;
        long word = w[wi] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (word != 0) {
                return (wi << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (--wi < 0) {
                return -1;
            }
            word = w[wi];
        }
    }

    /** @return the first index set in both {@code a} and {@code b} and below {@code limit}, or -1 */
    static int firstCommon(long[] a, long[] b, int limit) {
        int words = (limit + 63) >>> 6;
        for (int wi = 0; wi < words; wi++) {
            long word = a[wi] & b[wi];
            if (word != 0) {
                int i = (wi << 6) + Long.numberOfTrailingZeros(word);
                return i < limit ? i : -1;
            }
        }
        return -1;
    }

    /** @return the lowest set bit index of a non-zero int */
    static int lowest(int mask) {
        return Integer.numberOfTrailingZeros(mask);
    }

    /** @return the highest set bit index of a non-zero int */
    static int highest(int mask) {
        return 31 - Integer.numberOfLeadingZeros(mask);
    }
}
