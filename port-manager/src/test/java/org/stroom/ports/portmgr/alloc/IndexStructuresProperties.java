package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The primitive index structures behave like their java.util references. */
class IndexStructuresProperties {
    record Op(int kind, long key, int value) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(1, 300),
                        Arbitraries.integers().between(0, 10_000))
                .as(Op::new)
                .list()
                .ofMaxSize(600);
    }

    @Property(tries = 200)
    void longIntMapBehavesLikeHashMap(@ForAll("ops") List<Op> ops) {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> ref = new HashMap<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case 0 -> {
                    map.put(op.key(), op.value());
                    ref.put(op.key(), op.value());
                }
                case 1 -> {
                    Integer old = ref.remove(op.key());
                    assertThat(map.remove(op.key())).isEqualTo(old == null ? -1 : old);
                }
                default -> {}
            }
            assertThat(map.get(op.key())).isEqualTo(ref.getOrDefault(op.key(), -1));
            assertThat(map.size()).isEqualTo(ref.size());
        }
        for (Map.Entry<Long, Integer> e : ref.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(map.sortedKeys())
                .containsExactly(new TreeSet<>(ref.keySet())
                        .stream().mapToLong(Long::longValue).toArray());
    }

    @Property(tries = 200)
    void expiryHeapPollsInExpiryThenLeaseOrder(@ForAll("ops") List<Op> ops) {
        ExpiryHeap heap = new ExpiryHeap();
        record Entry(long expiry, long lease, int channel) {}
        Map<Integer, Entry> ref = new HashMap<>();
        for (Op op : ops) {
            int channel = (int) op.key();
            switch (op.kind()) {
                case 0 -> {
                    if (!heap.contains(channel)) {
                        heap.add(channel, op.value() % 50, op.key() * 7 % 13);
                        ref.put(channel, new Entry(op.value() % 50, op.key() * 7 % 13, channel));
                    } else {
                        heap.update(channel, op.value() % 50);
                        Entry old = ref.get(channel);
                        ref.put(channel, new Entry(op.value() % 50, old.lease(), channel));
                    }
                }
                case 1 -> {
                    heap.remove(channel);
                    ref.remove(channel);
                }
                default -> {
                    if (heap.size() > 0) {
                        int c = heap.poll();
                        Entry min = ref.values().stream()
                                .min(java.util.Comparator.comparingLong(Entry::expiry)
                                        .thenComparingLong(Entry::lease))
                                .orElseThrow();
                        assertThat(ref.get(c).expiry()).isEqualTo(min.expiry());
                        assertThat(ref.get(c).lease()).isEqualTo(min.lease());
                        ref.remove(c);
                    }
                }
            }
            assertThat(heap.size()).isEqualTo(ref.size());
        }
    }

    @Property(tries = 200)
    void machineBucketsChooseTheLeastBusyMachineWithAFreeChannelLowestSlotFirst(
            @ForAll("machineChanges") List<int[]> changes) {
        MachineBuckets buckets = new MachineBuckets();
        int[] busy = new int[150];
        boolean[] free = new boolean[150];
        for (int[] change : changes) {
            int m = change[0];
            int oldBusy = busy[m];
            boolean hadFree = free[m];
            busy[m] = change[1];
            free[m] = change[2] == 1;
            buckets.move(m, oldBusy, hadFree, busy[m], free[m]);
            int expected = -1;
            for (int i = 0; i < busy.length; i++) {
                if (free[i] && (expected < 0 || busy[i] < busy[expected])) {
                    expected = i;
                }
            }
            assertThat(buckets.top()).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<int[]>> machineChanges() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 149),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 1))
                .as((m, b, f) -> new int[] {m, b, f})
                .list()
                .ofMaxSize(400);
    }

    @Property(tries = 300)
    void bitsFindTheSameIndexesAsAScan(
            @ForAll @Size(min = 1, max = 4) long[] words,
            @ForAll @IntRange(min = 0, max = 300) int from,
            @ForAll @IntRange(min = 1, max = 256) int limit) {
        int bits = words.length * 64;
        int lim = Math.min(limit, bits);
        int next = -1;
        for (int i = Math.max(0, from); i < lim; i++) {
            if (Bits.get(words, i)) {
                next = i;
                break;
            }
        }
        assertThat(Bits.next(words, from, lim)).isEqualTo(next);
        int start = Math.min(from, bits - 1);
        int prev = -1;
        for (int i = start; i >= 0; i--) {
            if (Bits.get(words, i)) {
                prev = i;
                break;
            }
        }
        assertThat(Bits.prev(words, start)).isEqualTo(prev);
        long[] other = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            other[i] = Long.rotateLeft(words[i], from);
        }
        int common = -1;
        for (int i = 0; i < lim; i++) {
            if (Bits.get(words, i) && Bits.get(other, i)) {
                common = i;
                break;
            }
        }
        assertThat(Bits.firstCommon(words, other, lim)).isEqualTo(common);
    }
}
