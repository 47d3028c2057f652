package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;

/**
 * The machines of one hunt group that have a free member channel for one direction, bucketed by their busy
 * member channels: bucket {@code b} is a bit set of the machine slots with exactly {@code b} busy. The choice
 * of {@link HuntStrategy#BALANCE_MACHINES} (fewest busy, ties to the lower slot, i.e. the machine listed first)
 * is the lowest slot of the lowest non-empty bucket. A grant or release moves one machine between two buckets
 * in O(1), whatever the number of machines; a hunt starts its bucket search at a remembered lower bound, so it
 * usually finds the choice in the first bucket it reads. The choice depends only on the busy and free counts,
 * never on the order of past changes, so a restored state hunts like the live one. Owned by {@link HuntGroup}.
 */
final class MachineBuckets {
    private long[][] buckets = new long[8][1];
    private int machines;
    /** No bucket below this one holds a machine. */
    private int low;

    /** @return the least busy machine slot with a free channel (ties: the lowest slot), or -1 when there is none */
    int top() {
        if (machines == 0) {
            return -1;
        }
        for (int b = low; b < buckets.length; b++) {
            long[] words = buckets[b];
            for (int w = 0; w < words.length; w++) {
                if (words[w] != 0) {
                    low = b;
                    return (w << 6) + Long.numberOfTrailingZeros(words[w]);
                }
            }
        }
        throw new IllegalStateException("MachineBuckets: " + machines + " machines counted but no bucket holds one");
    }

    /**
     * Moves machine {@code m} after its busy count or its free count changed.
     *
     * @param m the machine slot
     * @param oldBusy its busy member channels before the change
     * @param hadFree whether it had a free member channel for this direction before
     * @param busy its busy member channels now
     * @param hasFree whether it has one now
     */
    void move(int m, int oldBusy, boolean hadFree, int busy, boolean hasFree) {
        if (hadFree == hasFree && (oldBusy == busy || !hasFree)) {
            return;
        }
        if (hadFree) {
            Bits.clear(buckets[oldBusy], m);
            machines--;
        }
        if (hasFree) {
            if (busy >= buckets.length) {
                int old = buckets.length;
                buckets = Arrays.copyOf(buckets, Math.max(busy + 1, old * 2));
                for (int b = old; b < buckets.length; b++) {
                    buckets[b] = new long[buckets[0].length];
                }
            }
            if ((m >>> 6) >= buckets[busy].length) {
                for (int b = 0; b < buckets.length; b++) {
                    buckets[b] = Bits.ensure(buckets[b], m + 1);
                }
            }
            Bits.set(buckets[busy], m);
            machines++;
            low = Math.min(low, busy);
        }
    }
}
