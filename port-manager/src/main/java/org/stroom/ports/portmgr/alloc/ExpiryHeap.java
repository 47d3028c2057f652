package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;

/**
 * Indexed binary min-heap of channels ordered by (expiry, lease id), with O(log n) add, remove and update
 * by channel index and no allocation once grown. The order is total, so expiry order does not depend on
 * the heap's internal layout (a restored state expires leases in the same order as the live one).
 */
final class ExpiryHeap {
    private int[] heap = new int[64];
    private long[] expiry = new long[64];
    private long[] tie = new long[64];
    private int[] pos = new int[64];
    private int size;

    ExpiryHeap() {
        Arrays.fill(pos, -1);
    }

    int size() {
        return size;
    }

    boolean contains(int channel) {
        return channel < pos.length && pos[channel] >= 0;
    }

    /** @return the channel with the smallest (expiry, lease id); undefined when empty */
    int peek() {
        return heap[0];
    }

    long peekExpiry() {
        return expiry[heap[0]];
    }

    long expiryOf(int channel) {
        return expiry[channel];
    }

    void add(int channel, long expiresAt, long leaseId) {
        ensure(channel);
        if (pos[channel] >= 0) {
            throw new IllegalStateException("ExpiryHeap: channel " + channel + " is already queued");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        expiry[channel] = expiresAt;
        tie[channel] = leaseId;
        heap[size] = channel;
        pos[channel] = size;
        size++;
        up(size - 1);
    }

    void update(int channel, long expiresAt) {
        int i = pos[channel];
        long old = expiry[channel];
        expiry[channel] = expiresAt;
        if (expiresAt < old) {
            up(i);
        } else {
            down(i);
        }
    }

    void remove(int channel) {
        if (!contains(channel)) {
            return;
        }
        int i = pos[channel];
        size--;
        pos[channel] = -1;
        if (i == size) {
            return;
        }
        int last = heap[size];
        heap[i] = last;
        pos[last] = i;
        up(i);
        down(pos[last]);
    }

    /** @return and removes the first channel */
    int poll() {
        int first = heap[0];
        remove(first);
        return first;
    }

    /** @return the queued channels, sorted by channel index */
    int[] sortedChannels() {
        int[] out = Arrays.copyOf(heap, size);
        Arrays.sort(out);
        return out;
    }

    private boolean less(int a, int b) {
        return expiry[a] < expiry[b] || (expiry[a] == expiry[b] && tie[a] < tie[b]);
    }

    private void up(int i) {
        int c = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!less(c, p)) {
                break;
            }
            heap[i] = p;
            pos[p] = i;
            i = parent;
        }
        heap[i] = c;
        pos[c] = i;
    }

    private void down(int i) {
        int c = heap[i];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int m = r < size && less(heap[r], heap[l]) ? r : l;
            if (!less(heap[m], c)) {
                break;
            }
            heap[i] = heap[m];
            pos[heap[i]] = i;
            i = m;
        }
        heap[i] = c;
        pos[c] = i;
    }

    private void ensure(int channel) {
        if (channel >= pos.length) {
            int n = Math.max(channel + 1, pos.length * 2);
            int old = pos.length;
            pos = Arrays.copyOf(pos, n);
            Arrays.fill(pos, old, n, -1);
            expiry = Arrays.copyOf(expiry, n);
            tie = Arrays.copyOf(tie, n);
        }
    }
}
