package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;
import java.util.List;

/**
 * Runtime structure of one hunt group (or of a System-wide pool of one kind): its ordered segments (one
 * per member span, with the member timeslots) and incrementally maintained search indexes, so a hunt
 * costs O(segments / 64) word operations for the ordered strategies, O(25 · segments / 64) for
 * {@link HuntStrategy#LEAST_BUSY_SPAN} and O(spans per machine) for {@link HuntStrategy#BALANCE_MACHINES}, never
 * a scan of channels or machines. Keeping them costs O(1) per member span change, also for
 * {@link HuntStrategy#BALANCE_MACHINES}, and is deferred: a change only marks the segment
 * ({@link #changed(int, int)}), and the group's next reader brings the marked segments up to date
 * ({@link #flush()}), once however often a span changed in between.
 *
 * <p>Indexes, all exact after {@link #flush()}:
 *
 * <ul>
 *   <li>{@code nonEmpty[direction]}: segments with a free member channel of the group's kind on a span
 *       provisioned for that direction;
 *   <li>{@code busyBucket[n]}: segments with exactly {@code n} busy member channels;
 *   <li>per machine: busy member channels and free member channels per direction;
 *   <li>{@link HuntStrategy#BALANCE_MACHINES} only: per direction, {@link MachineBuckets} of the machines
 *       with a free member channel, by busy count;
 *   <li>per span category: member channels, for the reject reason.
 * </ul>
 *
 * Owned by {@link PortManagerState}.
 */
final class HuntGroup {
    static final int BUSY_LEVELS = SpanSlot.CH + 1;

    /** The group's name; null for a System-wide pool. */
    final String name;

    final HuntStrategy strategy;
    /** {@code PortKind.ordinal()}. */
    final int kind;
    /** The definition, for snapshots; empty for a pool. */
    final List<GroupMember> members;

    int segCount;
    SpanSlot[] segSpan = new SpanSlot[8];
    int[] segMask = new int[8];
    int[] segMachine = new int[8];
    int[] segFree = new int[8];
    int[] segBusy = new int[8];
    int[] segMembers = new int[8];
    int[] segCat = new int[8];
    int[] segDirs = new int[8];
    final long[][] nonEmpty = new long[2][1];
    final long[][] busyBucket = new long[BUSY_LEVELS][1];

    MachineSlot[] machines = new MachineSlot[4];
    int machineCount;
    int[][] machineSegs = new int[4][];
    int[] machineSegCount = new int[4];
    int[] machineBusy = new int[4];
    final int[][] machineFree = {new int[4], new int[4]};
    /** Per direction, for {@link HuntStrategy#BALANCE_MACHINES} only: machines with a free channel, by busy. */
    private final MachineBuckets[] balance;

    final int[] catMembers = new int[SpanSlot.CATEGORIES];
    int busy;
    int free;

    /**
     * Segments whose span changed since {@link #flush()} last brought their indexes up to date, each once: the span
     * remembers that it told this group ({@link SpanSlot#memberTold}) until the flush.
     */
    private int[] dirty = new int[8];
    /** For each {@link #dirty} segment, the index of this group's membership in the span's lists, as told. */
    private int[] dirtyMembership = new int[8];

    private int dirtyCount;
    /** Group machine slot of each {@link MachineSlot#index}, or -1 when the machine has no member here. */
    private int[] slotOfMachine = {-1, -1, -1, -1};

    /** Round-robin position: segment and timeslot of the last channel granted by hunting, or -1. */
    int rrSeg = -1;

    int rrDs0;

    /** Segment of the channel returned by the last successful search. */
    int pickSeg;

    HuntGroup(String name, HuntStrategy strategy, int kind, List<GroupMember> members) {
        this.name = name;
        this.strategy = strategy;
        this.kind = kind;
        this.members = members;
        this.balance = strategy == HuntStrategy.BALANCE_MACHINES
                ? new MachineBuckets[] {new MachineBuckets(), new MachineBuckets()}
                : null;
    }

    void addSegment(SpanSlot s, int mask) {
        int i = segCount++;
        if (i == segSpan.length) {
            int n = i * 2;
            segSpan = Arrays.copyOf(segSpan, n);
            segMask = Arrays.copyOf(segMask, n);
            segMachine = Arrays.copyOf(segMachine, n);
            segFree = Arrays.copyOf(segFree, n);
            segBusy = Arrays.copyOf(segBusy, n);
            segMembers = Arrays.copyOf(segMembers, n);
            segCat = Arrays.copyOf(segCat, n);
            segDirs = Arrays.copyOf(segDirs, n);
        }
        for (int d = 0; d < 2; d++) {
            nonEmpty[d] = Bits.ensure(nonEmpty[d], segCount);
        }
        for (int b = 0; b < BUSY_LEVELS; b++) {
            busyBucket[b] = Bits.ensure(busyBucket[b], segCount);
        }
        segSpan[i] = s;
        segMask[i] = mask;
        int ms = machineSlot(s.machine, true);
        segMachine[i] = ms;
        if (machineSegCount[ms] == machineSegs[ms].length) {
            machineSegs[ms] = Arrays.copyOf(machineSegs[ms], machineSegCount[ms] * 2);
        }
        machineSegs[ms][machineSegCount[ms]++] = i;
        segCat[i] = SpanSlot.ABSENT;
        Bits.set(busyBucket[0], i);
        s.addMembership(this, i);
        update(i);
    }

    /** Removes this group's memberships from its spans (before a redefinition replaces it). */
    void detach() {
        for (int i = 0; i < segCount; i++) {
            segSpan[i].removeMemberships(this);
        }
    }

    /** @return the group's slot of machine {@code m}, or -1 when it has no member there (and not {@code add}) */
    int machineSlot(MachineSlot m, boolean add) {
        if (m.index < slotOfMachine.length && slotOfMachine[m.index] >= 0) {
            return slotOfMachine[m.index];
        }
        if (!add) {
            return -1;
        }
        if (m.index >= slotOfMachine.length) {
            int old = slotOfMachine.length;
            slotOfMachine = Arrays.copyOf(slotOfMachine, Math.max(m.index + 1, old * 2));
            Arrays.fill(slotOfMachine, old, slotOfMachine.length, -1);
        }
        int i = machineCount++;
        slotOfMachine[m.index] = i;
        if (i == machines.length) {
            int n = i * 2;
            machines = Arrays.copyOf(machines, n);
            machineSegs = Arrays.copyOf(machineSegs, n);
            machineSegCount = Arrays.copyOf(machineSegCount, n);
            machineBusy = Arrays.copyOf(machineBusy, n);
            machineFree[0] = Arrays.copyOf(machineFree[0], n);
            machineFree[1] = Arrays.copyOf(machineFree[1], n);
        }
        machines[i] = m;
        machineSegs[i] = new int[8];
        return i;
    }

    /**
     * Notes that segment {@code i}'s span changed. Its indexes are brought up to date by the next
     * {@link #flush()}, i.e. when this group is next read, so a span change costs O(1) per group that
     * contains it, and a group that is not hunted meanwhile pays once for many changes of one span. The span calls
     * it once until the next flush (see {@link SpanSlot#memberTold}).
     *
     * @param i the segment
     * @param membership index of this group's membership in the span's lists, so the flush finds it at once
     */
    void changed(int i, int membership) {
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, dirtyCount * 2);
            dirtyMembership = Arrays.copyOf(dirtyMembership, dirtyCount * 2);
        }
        dirty[dirtyCount] = i;
        dirtyMembership[dirtyCount++] = membership;
    }

    /**
     * Brings the indexes of every changed segment up to date. Every reader of the indexes (the hunts, the
     * reject reasons, the derived description) calls it first. Updates of different segments commute, so the
     * order of the changes does not matter.
     */
    void flush() {
        for (int k = 0; k < dirtyCount; k++) {
            int i = dirty[k];
            segSpan[i].flushedBy(this, i, dirtyMembership[k]);
            update(i);
        }
        dirtyCount = 0;
    }

    /** Re-reads segment {@code i}'s span and moves its contributions in every index. */
    private void update(int i) {
        SpanSlot s = segSpan[i];
        int m = segMask[i] & s.kindMask(kind);
        int nowFree = s.freeMask & m;
        int nowBusy = Integer.bitCount(s.busyMask & m);
        int nowMembers = Integer.bitCount(m);
        int nowCat = s.category;
        int nowDirs = s.directions;

        int oldBusy = segBusy[i];
        int oldDirs = segDirs[i];
        if (nowFree == segFree[i]
                && nowBusy == oldBusy
                && nowMembers == segMembers[i]
                && nowCat == segCat[i]
                && nowDirs == oldDirs) {
            // A change of channels outside this group's members, or a repeated state, moves nothing.
            return;
        }
        int oldFreeCount = Integer.bitCount(segFree[i]);
        int nowFreeCount = Integer.bitCount(nowFree);
        int ms = segMachine[i];

        catMembers[segCat[i]] -= segMembers[i];
        catMembers[nowCat] += nowMembers;
        busy += nowBusy - oldBusy;
        free += nowFreeCount - oldFreeCount;
        int oldMachineBusy = machineBusy[ms];
        machineBusy[ms] += nowBusy - oldBusy;
        if (nowBusy != oldBusy) {
            Bits.clear(busyBucket[oldBusy], i);
            Bits.set(busyBucket[nowBusy], i);
        }
        for (int d = 0; d < 2; d++) {
            int before = (oldDirs & (1 << d)) != 0 ? oldFreeCount : 0;
            int after = (nowDirs & (1 << d)) != 0 ? nowFreeCount : 0;
            int oldMachineFree = machineFree[d][ms];
            machineFree[d][ms] += after - before;
            Bits.put(nonEmpty[d], i, after > 0);
            if (balance != null) {
                balance[d].move(ms, oldMachineBusy, oldMachineFree > 0, machineBusy[ms], machineFree[d][ms] > 0);
            }
        }
        segFree[i] = nowFree;
        segBusy[i] = nowBusy;
        segMembers[i] = nowMembers;
        segCat[i] = nowCat;
        segDirs[i] = nowDirs;
    }

    /**
     * Searches by the group's strategy. Does not move the round-robin position: {@link #granted(int, int)}
     * does, once the grant is certain.
     *
     * @param dir {@code Direction.ordinal()}
     * @return the global channel index ({@code span index * 24 + ds0 - 1}) or -1 when nothing is free
     */
    int hunt(int dir) {
        flush();
        long[] ne = nonEmpty[dir];
        int seg;
        switch (strategy) {
            case TOP_DOWN:
                seg = Bits.next(ne, 0, segCount);
                return seg < 0 ? -1 : pick(seg, false);
            case BOTTOM_UP:
                seg = Bits.prev(ne, segCount - 1);
                return seg < 0 ? -1 : pick(seg, true);
            case ROUND_ROBIN_UP:
                if (rrSeg >= 0 && Bits.get(ne, rrSeg)) {
                    int above = segFree[rrSeg] & (-1 << rrDs0);
                    if (above != 0) {
                        return pickFrom(rrSeg, Bits.lowest(above));
                    }
                }
                seg = Bits.next(ne, rrSeg + 1, segCount);
                if (seg < 0) {
                    seg = Bits.next(ne, 0, segCount);
                }
                return seg < 0 ? -1 : pick(seg, false);
            case ROUND_ROBIN_DOWN:
                if (rrSeg >= 0 && Bits.get(ne, rrSeg)) {
                    int below = segFree[rrSeg] & ((1 << (rrDs0 - 1)) - 1);
                    if (below != 0) {
                        return pickFrom(rrSeg, Bits.highest(below));
                    }
                }
                seg = rrSeg < 0 ? -1 : Bits.prev(ne, rrSeg - 1);
                if (seg < 0) {
                    seg = Bits.prev(ne, segCount - 1);
                }
                return seg < 0 ? -1 : pick(seg, true);
            case LEAST_BUSY_SPAN:
                for (int b = 0; b < BUSY_LEVELS; b++) {
                    seg = Bits.firstCommon(busyBucket[b], ne, segCount);
                    if (seg >= 0) {
                        return pick(seg, false);
                    }
                }
                return -1;
            case BALANCE_MACHINES:
                return balance(dir);
            default:
                throw new IllegalStateException("hunt strategy " + strategy + " has no search");
        }
    }

    private int balance(int dir) {
        int best = balance[dir].top();
        if (best < 0) {
            return -1;
        }
        long[] ne = nonEmpty[dir];
        int[] segs = machineSegs[best];
        int bestSeg = -1;
        for (int k = 0, n = machineSegCount[best]; k < n; k++) {
            int seg = segs[k];
            if (Bits.get(ne, seg) && (bestSeg < 0 || segBusy[seg] < segBusy[bestSeg])) {
                bestSeg = seg;
                if (segBusy[seg] == 0) {
                    // None can be less busy, and ties go to the first in member order.
                    break;
                }
            }
        }
        return pick(bestSeg, false);
    }

    /** @return a free channel of span {@code s} for {@code dir}, or -1 */
    int huntSpan(SpanSlot s, int dir) {
        flush();
        int seg = s.segmentIn(this);
        if (seg < 0 || !Bits.get(nonEmpty[dir], seg)) {
            return -1;
        }
        return pick(seg, strategy.descending());
    }

    /** @return a free channel on machine {@code m} for {@code dir}, searched in member order, or -1 */
    int huntMachine(MachineSlot m, int dir) {
        flush();
        int ms = machineSlot(m, false);
        if (ms < 0 || machineFree[dir][ms] == 0) {
            return -1;
        }
        long[] ne = nonEmpty[dir];
        int[] segs = machineSegs[ms];
        int n = machineSegCount[ms];
        boolean desc = strategy.descending();
        for (int k = 0; k < n; k++) {
            int seg = segs[desc ? n - 1 - k : k];
            if (Bits.get(ne, seg)) {
                return pick(seg, desc);
            }
        }
        return -1;
    }

    /** Moves the round-robin position to the channel just granted by {@link #hunt(int)}. */
    void granted(int seg, int ds0) {
        if (strategy.roundRobin()) {
            rrSeg = seg;
            rrDs0 = ds0;
        }
    }

    /**
     * @param dir {@code Direction.ordinal()}
     * @return the machine slot {@link HuntStrategy#BALANCE_MACHINES} would choose, or -1 (also for other
     *     strategies); for {@link PortManagerState#derivedDescription()}
     */
    int balanceChoice(int dir) {
        flush();
        return balance == null ? -1 : balance[dir].top();
    }

    /** @return member channels (of the group's kind) that are present */
    int presentMembers() {
        flush();
        int n = 0;
        for (int c = SpanSlot.MACHINE_DOWN; c < SpanSlot.CATEGORIES; c++) {
            n += catMembers[c];
        }
        return n;
    }

    private int pick(int seg, boolean desc) {
        int f = segFree[seg];
        return pickFrom(seg, desc ? Bits.highest(f) : Bits.lowest(f));
    }

    private int pickFrom(int seg, int bit) {
        pickSeg = seg;
        return segSpan[seg].index * SpanSlot.CH + bit;
    }
}
