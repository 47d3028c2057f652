package org.stroom.ports.portmgr.alloc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.core.StateMachine;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * The port manager's whole state as a deterministic state machine: inventory (machines, spans, channels,
 * hunt groups, reservations), leases, calls, maintenance locks, round-robin positions and counters.
 * {@link #apply(Input, long)} is a pure function of the state, the input and its time — no clock, no randomness, no I/O
 * — so replaying the journal of inputs (or restoring a {@link SnapshotCodec snapshot} and replaying the
 * inputs after it) rebuilds exactly the same state ({@link #sameStateAs}).
 *
 * <pre>
 *   requests ─┐
 *   HAL events ─ HalInputs ─┤          ┌──────── journal (InputCodec) ───────┐
 *   heartbeats ─┤─▶ ring ─▶ stamp atNanos ─▶ PortManagerState.apply(input, atNanos) ─▶ Result ─▶ caller
 *   ticks, audits ─┘        (injected clock)      (single writer thread)
 * </pre>
 *
 * <p>A channel is <em>usable</em> when it is a bearer of a present span, its machine is up, the span is
 * usable for traffic by the t1-span rules ({@link SpanStatus#usableForTraffic()}: no RED or BLUE alarm,
 * D-channel not down), its board is not faulted, and neither the span nor the channel is locked or out of
 * service. It is <em>free</em> when usable and neither leased nor occupied by a call. Leases are granted
 * only on free channels; a channel carries at most one lease and at most one call.
 *
 * <p>Cost: a grant or release updates one span's bit masks and the hunt groups that contain it (O(groups
 * per span + log leases)); a hunt is described in {@link HuntStrategy}. Apart from the result record,
 * allocate, release and renew allocate nothing on the hot path (channel ids are cached, lease lookup uses
 * a primitive map, expiry a primitive indexed heap).
 *
 * <p>Thread-safety: not thread-safe. One writer thread (the event core's handler) owns the state; queries
 * such as {@link #metrics()} must run on that thread too.
 */
public final class PortManagerState implements StateMachine<Input, Result> {
    static final int KINDS = PortKind.values().length;
    private static final PortKind[] KIND_VALUES = PortKind.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    // Inventory: primary state.
    final List<MachineSlot> machines = new ArrayList<>();
    final Map<String, MachineSlot> machineByName = new HashMap<>();
    final List<SpanSlot> spans = new ArrayList<>();
    final Map<SpanLocation, SpanSlot> spanByLocation = new HashMap<>();
    final TreeSet<BoardId> faultedBoards = new TreeSet<>();
    final List<HuntGroup> groups = new ArrayList<>();
    final Map<String, HuntGroup> groupByName = new HashMap<>();
    /**
     * The name instance {@link #group} last found, and its group: requests repeat the same name instances, and
     * an identity check is cheaper than hashing into {@link #groupByName}. Cleared when a group is defined.
     */
    private String cachedGroupName;

    private HuntGroup cachedGroup;
    final TreeMap<String, int[]> reservations = new TreeMap<>();

    // Dynamic primary state.
    long nextLeaseId = 1;
    long clockNanos;
    boolean clockStarted;

    final long[] counters = new long[Counter.values().length];
    final long[] rejected = new long[REASONS.length];
    long carriedSeconds;
    long carriedNanos;

    // Derived state, maintained incrementally by refresh() and rebuilt by a restore.
    private final HuntGroup[] pools = new HuntGroup[KINDS];
    private final int[] reservedTotal = new int[KINDS];
    final int[] freeByKind = new int[KINDS];
    final int[] busyByKind = new int[KINDS];
    final int[] totalByKind = new int[KINDS];
    int busyTotal;
    final LongIntMap leaseIndex = new LongIntMap(1024);
    final ExpiryHeap expiries = new ExpiryHeap();

    /** Counters, in snapshot order; never reorder, only append. */
    enum Counter {
        INPUTS,
        REQUESTS,
        HAL_INPUTS,
        TICKS,
        IGNORED,
        GRANTED,
        RELEASED,
        RENEWED,
        EXPIRED,
        REVOKED,
        CALLS_SEEN,
        AUDIT_CORRECTIONS
    }

    private static final String NO_FREE = "no free channel of the requested kind and direction";
    private static final String NO_FREE_IN_TARGET = "no free channel on the affinity target";

    /** Creates an empty state: no machines, no leases, all counters zero. */
    public PortManagerState() {
        for (int k = 0; k < KINDS; k++) {
            pools[k] = new HuntGroup(null, HuntStrategy.BALANCE_MACHINES, k, List.of());
        }
    }

    /**
     * Applies one input at the time it carries, {@link Input#atNanos()}: for tests, tools and the hot standby,
     * which hold inputs decoded from the journal or built with their time.
     *
     * @param input the input; not null
     * @return the outcome; never null. Expected refusals are results, not exceptions.
     */
    public Result apply(Input input) {
        Objects.requireNonNull(input, "input");
        return apply(input, input.atNanos());
    }

    /**
     * Applies one input at time {@code atNanos} and returns its outcome; the input's own {@code atNanos} is not
     * read (the event core passes its stamp, without copying the input to carry it). Deterministic: the same
     * sequence of inputs and times applied to new states gives the same results and states.
     *
     * @param input the input; not null
     * @param atNanos its time, from the core's clock
     * @return the outcome; never null. Expected refusals are results, not exceptions.
     */
    @Override
    public Result apply(Input input, long atNanos) {
        Objects.requireNonNull(input, "input");
        counters[Counter.INPUTS.ordinal()]++;
        advanceClock(atNanos);
        Result r = dispatch(input, atNanos);
        if (r instanceof Result.Ignored) {
            counters[Counter.IGNORED.ordinal()]++;
        }
        return r;
    }

    /** @param at the input's time, for the handlers that read it */
    private Result dispatch(Input in, long at) {
        if (in instanceof Input.Allocate a) {
            return allocate(a, at);
        }
        if (in instanceof Input.Release r) {
            return release(r);
        }
        if (in instanceof Input.Renew r) {
            return renew(r, at);
        }
        if (in instanceof Input.Tick t) {
            return tick(t, at);
        }
        if (in instanceof Input.CallActive c) {
            return callActive(c);
        }
        if (in instanceof Input.CallEnded c) {
            return callEnded(c);
        }
        if (in instanceof Input.MachineHeartbeat h) {
            return heartbeat(h, at);
        }
        if (in instanceof Input.SpanAlarmChanged a) {
            return spanAlarm(a);
        }
        if (in instanceof Input.DChannelChanged d) {
            return dChannel(d);
        }
        if (in instanceof Input.ChannelServiceChanged c) {
            return channelService(c);
        }
        if (in instanceof Input.BoardFaultChanged b) {
            return boardFault(b);
        }
        if (in instanceof Input.MachineDown d) {
            return machineDown(d);
        }
        if (in instanceof Input.MachineUp u) {
            return machineUp(u, at);
        }
        if (in instanceof Input.Lock l) {
            return lock(l.span(), l.ds0(), true);
        }
        if (in instanceof Input.Unlock u) {
            return lock(u.span(), u.ds0(), false);
        }
        if (in instanceof Input.AuditReport a) {
            return audit(a);
        }
        if (in instanceof Input.MachineAdded m) {
            return machineAdded(m, at);
        }
        if (in instanceof Input.SpanAdded s) {
            return spanAdded(s);
        }
        if (in instanceof Input.SpanRemoved s) {
            return spanRemoved(s);
        }
        if (in instanceof Input.SpanMoved s) {
            return spanMoved(s);
        }
        if (in instanceof Input.HuntGroupDefined g) {
            return groupDefined(g);
        }
        if (in instanceof Input.ReservationDefined r) {
            return reservationDefined(r);
        }
        throw new IllegalStateException("PortManagerState.apply: no handler for input type "
                + in.getClass().getName() + "; add one next to the others");
    }

    // ---------------------------------------------------------------- requests

    private Result allocate(Input.Allocate a, long at) {
        counters[Counter.REQUESTS.ordinal()]++;
        int kind = a.kind().ordinal();
        HuntGroup g;
        if (a.group() == null) {
            g = pools[kind];
        } else {
            g = group(a.group());
            if (g == null) {
                return reject(a.requestId(), RejectReason.GROUP_UNKNOWN, "no hunt group named '" + a.group() + "'");
            }
            if (g.kind != kind) {
                return reject(
                        a.requestId(),
                        RejectReason.INVALID_REQUEST,
                        "hunt group '" + a.group() + "' serves " + KIND_VALUES[g.kind] + ", not " + a.kind());
            }
        }
        g.flush();
        int dir = a.direction().ordinal();
        int gi = -1;
        boolean hunted = false;
        Affinity aff = a.affinity();
        if (aff != null) {
            SpanSlot targetSpan = null;
            MachineSlot targetMachine = null;
            if (aff.span() != null) {
                targetSpan = spanByLocation.get(aff.span());
                if (targetSpan == null) {
                    return reject(
                            a.requestId(), RejectReason.INVALID_REQUEST, "affinity span " + aff.span() + " is unknown");
                }
                gi = g.huntSpan(targetSpan, dir);
            } else {
                targetMachine = machineByName.get(aff.machine());
                if (targetMachine == null) {
                    return reject(
                            a.requestId(),
                            RejectReason.INVALID_REQUEST,
                            "affinity machine '" + aff.machine() + "' is unknown");
                }
                gi = g.huntMachine(targetMachine, dir);
            }
            if (gi < 0 && aff.required()) {
                return rejectInTarget(a.requestId(), g, targetSpan, targetMachine);
            }
        }
        if (gi < 0) {
            gi = g.hunt(dir);
            if (gi < 0) {
                return rejectInGroup(a.requestId(), g);
            }
            hunted = true;
        }
        SpanSlot s = spans.get(gi / SpanSlot.CH);
        int bit = gi % SpanSlot.CH;
        if (!reservationsAllow(a.priorityClass(), s, bit)) {
            return reject(
                    a.requestId(),
                    RejectReason.RESERVED_FOR_OTHERS,
                    "granting would leave fewer free ports than another priority class has reserved");
        }
        if (hunted) {
            g.granted(g.pickSeg, bit + 1);
        }
        long id = nextLeaseId++;
        long expires = saturatedAdd(at, a.leaseNanos());
        s.leased |= 1 << bit;
        s.leaseId[bit] = id;
        s.requestId[bit] = a.requestId();
        s.expiresAt[bit] = expires;
        s.leaseKind[bit] = (byte) kind;
        s.leaseDirection[bit] = (byte) dir;
        if (s.leaseClass[bit] != a.priorityClass()) {
            // Only a different class is stored: see SpanSlot.leaseClass.
            s.leaseClass[bit] = a.priorityClass();
        }
        leaseIndex.put(id, gi);
        expiries.add(gi, expires, id);
        refresh(s);
        counters[Counter.GRANTED.ordinal()]++;
        return new Result.Granted(a.requestId(), id, s.ids[bit], expires);
    }

    /** @return the hunt group named {@code name}, or null */
    private HuntGroup group(String name) {
        if (name == cachedGroupName) {
            return cachedGroup;
        }
        HuntGroup g = groupByName.get(name);
        if (g != null) {
            cachedGroupName = name;
            cachedGroup = g;
        }
        return g;
    }

    private boolean reservationsAllow(String priorityClass, SpanSlot s, int bit) {
        if (reservations.isEmpty()) {
            return true;
        }
        int[] own = reservations.get(priorityClass);
        for (int k = 0; k < KINDS; k++) {
            // Only a grant that uses up a free port of a reserved kind can eat into that reservation.
            if ((s.kindMask(k) & (1 << bit)) == 0) {
                continue;
            }
            int need = reservedTotal[k] - (own == null ? 0 : own[k]);
            if (need > 0 && freeByKind[k] - 1 < need) {
                return false;
            }
        }
        return true;
    }

    private Result rejectInGroup(long requestId, HuntGroup g) {
        int total = g.presentMembers();
        int down = g.catMembers[SpanSlot.MACHINE_DOWN];
        int alarm = g.catMembers[SpanSlot.ALARM];
        if (total == 0) {
            return reject(requestId, RejectReason.NO_CAPACITY, "no present channel of the requested kind");
        }
        if (down == total) {
            return reject(requestId, RejectReason.NODE_DOWN, "every candidate channel is on a machine that is down");
        }
        if (down + alarm == total) {
            return reject(
                    requestId,
                    RejectReason.ALL_IN_ALARM,
                    "every candidate span is in alarm, has its D-channel down or is on a faulted board or down machine");
        }
        return reject(requestId, RejectReason.NO_CAPACITY, NO_FREE);
    }

    private Result rejectInTarget(long requestId, HuntGroup g, SpanSlot span, MachineSlot machine) {
        int total = 0;
        int down = 0;
        int alarm = 0;
        if (span != null) {
            int seg = span.segmentIn(g);
            if (seg >= 0 && span.present) {
                total = g.segMembers[seg];
                down = span.category == SpanSlot.MACHINE_DOWN ? total : 0;
                alarm = span.category == SpanSlot.ALARM ? total : 0;
            }
        } else {
            int ms = g.machineSlot(machine, false);
            if (ms >= 0) {
                for (int k = 0; k < g.machineSegCount[ms]; k++) {
                    int seg = g.machineSegs[ms][k];
                    int cat = g.segCat[seg];
                    if (cat != SpanSlot.ABSENT) {
                        total += g.segMembers[seg];
                        down += cat == SpanSlot.MACHINE_DOWN ? g.segMembers[seg] : 0;
                        alarm += cat == SpanSlot.ALARM ? g.segMembers[seg] : 0;
                    }
                }
            }
        }
        if (total == 0) {
            return reject(
                    requestId,
                    RejectReason.NO_CAPACITY,
                    "the affinity target has no present member channel of the requested kind in this group");
        }
        if (down == total) {
            return reject(requestId, RejectReason.NODE_DOWN, "the affinity target's machine is down");
        }
        if (down + alarm == total) {
            return reject(requestId, RejectReason.ALL_IN_ALARM, "the affinity target's spans are out of traffic");
        }
        return reject(requestId, RejectReason.NO_CAPACITY, NO_FREE_IN_TARGET);
    }

    private Result reject(long requestId, RejectReason reason, String detail) {
        rejected[reason.ordinal()]++;
        return new Result.Rejected(requestId, reason, detail);
    }

    private Result release(Input.Release r) {
        counters[Counter.REQUESTS.ordinal()]++;
        int gi = leaseIndex.get(r.leaseId());
        if (gi < 0) {
            return reject(r.requestId(), RejectReason.LEASE_UNKNOWN, "no live lease " + r.leaseId());
        }
        SpanSlot s = spans.get(gi / SpanSlot.CH);
        int bit = gi % SpanSlot.CH;
        endLease(s, bit);
        refresh(s);
        counters[Counter.RELEASED.ordinal()]++;
        return new Result.Released(r.requestId(), r.leaseId(), s.ids[bit]);
    }

    private Result renew(Input.Renew r, long at) {
        counters[Counter.REQUESTS.ordinal()]++;
        int gi = leaseIndex.get(r.leaseId());
        if (gi < 0) {
            return reject(r.requestId(), RejectReason.LEASE_UNKNOWN, "no live lease " + r.leaseId());
        }
        SpanSlot s = spans.get(gi / SpanSlot.CH);
        int bit = gi % SpanSlot.CH;
        long expires = saturatedAdd(at, r.leaseNanos());
        s.expiresAt[bit] = expires;
        if (expiries.contains(gi)) {
            expiries.update(gi, expires);
        }
        counters[Counter.RENEWED.ordinal()]++;
        return new Result.Renewed(r.requestId(), r.leaseId(), expires);
    }

    /** Forgets the lease on {@code bit}; the caller refreshes the span. */
    private void endLease(SpanSlot s, int bit) {
        int gi = s.index * SpanSlot.CH + bit;
        leaseIndex.remove(s.leaseId[bit]);
        expiries.remove(gi);
        s.clearLease(bit);
    }

    private EndedLease revoke(SpanSlot s, int bit, EndCause cause) {
        EndedLease e = new EndedLease(s.leaseId[bit], s.requestId[bit], s.ids[bit], cause);
        endLease(s, bit);
        counters[(cause == EndCause.EXPIRED ? Counter.EXPIRED : Counter.REVOKED).ordinal()]++;
        return e;
    }

    // ---------------------------------------------------------------- time

    private void advanceClock(long at) {
        if (!clockStarted) {
            clockStarted = true;
            clockNanos = at;
            return;
        }
        if (at <= clockNanos) {
            // Stamps come from one monotonic core clock; an older stamp integrates nothing.
            return;
        }
        long delta = at - clockNanos;
        if (delta < 0) {
            delta = Long.MAX_VALUE; // overflowed subtraction of far-apart stamps
        }
        if (busyTotal > 0) {
            if (delta < 1_000_000_000L) {
                // Inputs usually come less than a second apart: the same sums without two long divisions.
                carriedNanos += busyTotal * delta;
            } else {
                carriedSeconds += busyTotal * (delta / 1_000_000_000L);
                carriedNanos += busyTotal * (delta % 1_000_000_000L);
            }
            if (carriedNanos >= 1_000_000_000L) {
                carriedSeconds += carriedNanos / 1_000_000_000L;
                carriedNanos %= 1_000_000_000L;
            }
        }
        clockNanos = at;
    }

    private Result tick(Input.Tick t, long at) {
        counters[Counter.TICKS.ordinal()]++;
        long now = at;
        List<EndedLease> ended = null;
        for (MachineSlot m : machines) {
            if (m.heartbeatTimeoutNanos > 0 && m.up() && now - m.lastHeartbeatNanos > m.heartbeatTimeoutNanos) {
                ended = takeDown(m, MachineSlot.DOWN_NO_HEARTBEAT, ended);
            }
        }
        while (expiries.size() > 0 && expiries.peekExpiry() <= now) {
            int gi = expiries.peek();
            SpanSlot s = spans.get(gi / SpanSlot.CH);
            if (ended == null) {
                ended = new ArrayList<>();
            }
            ended.add(revoke(s, gi % SpanSlot.CH, EndCause.EXPIRED));
            refresh(s);
        }
        return ended == null ? Result.Applied.NONE : new Result.Applied(ended);
    }

    // ---------------------------------------------------------------- HAL inputs

    private Result callActive(Input.CallActive c) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        SpanSlot s = bearerSpan(c.channel());
        if (s == null) {
            return ignoredChannel("CallActive", c.channel());
        }
        int bit = c.channel().ds0() - 1;
        long current = s.callId[bit];
        if (current == c.callId()) {
            return Result.Applied.NONE;
        }
        List<EndedLease> ended = List.of();
        int m = 1 << bit;
        if ((s.leased & m) != 0) {
            if (c.offered() && s.leaseDirection[bit] == Direction.OUT.ordinal()) {
                ended = List.of(revoke(s, bit, EndCause.GLARE));
            } else {
                expiries.remove(s.index * SpanSlot.CH + bit);
            }
        }
        s.inCall |= m;
        s.callId[bit] = c.callId();
        counters[Counter.CALLS_SEEN.ordinal()]++;
        refresh(s);
        return ended.isEmpty() ? Result.Applied.NONE : new Result.Applied(ended);
    }

    private Result callEnded(Input.CallEnded c) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        SpanSlot s = bearerSpan(c.channel());
        if (s == null) {
            return ignoredChannel("CallEnded", c.channel());
        }
        int bit = c.channel().ds0() - 1;
        if (s.callId[bit] != c.callId()) {
            return new Result.Ignored("CallEnded: call " + c.callId() + " is not the call on " + c.channel() + " ("
                    + (s.callId[bit] == 0 ? "none" : "call " + s.callId[bit]) + ")");
        }
        dropCall(s, bit);
        refresh(s);
        return Result.Applied.NONE;
    }

    /** Forgets the call on {@code bit}; a lease tied to it becomes subject to expiry again. */
    private void dropCall(SpanSlot s, int bit) {
        s.clearCall(bit);
        if ((s.leased & (1 << bit)) != 0) {
            expiries.add(s.index * SpanSlot.CH + bit, s.expiresAt[bit], s.leaseId[bit]);
        }
    }

    private void setCall(SpanSlot s, int bit, long callId) {
        if ((s.leased & (1 << bit)) != 0 && s.callId[bit] == 0) {
            expiries.remove(s.index * SpanSlot.CH + bit);
        }
        s.inCall |= 1 << bit;
        s.callId[bit] = callId;
    }

    private Result spanAlarm(Input.SpanAlarmChanged a) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        SpanSlot s = presentSpan(a.span());
        if (s == null) {
            return new Result.Ignored("SpanAlarmChanged: no circuit at " + a.span());
        }
        boolean has = s.status.alarms().contains(a.alarm());
        if (has == a.raised()) {
            return Result.Applied.NONE;
        }
        java.util.EnumSet<Alarm> alarms = java.util.EnumSet.noneOf(Alarm.class);
        alarms.addAll(s.status.alarms());
        if (a.raised()) {
            alarms.add(a.alarm());
        } else {
            alarms.remove(a.alarm());
        }
        s.status = s.status.withAlarms(alarms);
        refresh(s);
        return Result.Applied.NONE;
    }

    private Result dChannel(Input.DChannelChanged d) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        SpanSlot s = presentSpan(d.span());
        if (s == null) {
            return new Result.Ignored("DChannelChanged: no circuit at " + d.span());
        }
        if (s.signalling != Signalling.ISDN_PRI) {
            return new Result.Ignored("DChannelChanged: span " + d.span() + " is " + s.signalling + ", not PRI");
        }
        s.status = s.status.withDChannel(d.up() ? DChannelState.UP : DChannelState.DOWN);
        refresh(s);
        return Result.Applied.NONE;
    }

    private Result channelService(Input.ChannelServiceChanged c) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        SpanSlot s = bearerSpan(c.channel());
        if (s == null) {
            return ignoredChannel("ChannelServiceChanged", c.channel());
        }
        int m = 1 << (c.channel().ds0() - 1);
        s.outOfService = c.inService() ? s.outOfService & ~m : s.outOfService | m;
        refresh(s);
        return Result.Applied.NONE;
    }

    private Result boardFault(Input.BoardFaultChanged b) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        MachineSlot m = machineByName.get(b.board().machine());
        if (m == null) {
            return new Result.Ignored("BoardFaultChanged: machine '" + b.board().machine() + "' is unknown");
        }
        if (b.faulted()) {
            faultedBoards.add(b.board());
        } else {
            faultedBoards.remove(b.board());
        }
        for (SpanSlot s : m.spans) {
            if (s.location.board() == b.board().board()) {
                s.boardFaulted = b.faulted();
                refresh(s);
            }
        }
        return Result.Applied.NONE;
    }

    private Result audit(Input.AuditReport a) {
        counters[Counter.HAL_INPUTS.ordinal()]++;
        if (!machineByName.containsKey(a.machine())) {
            return new Result.Ignored("AuditReport: machine '" + a.machine() + "' is unknown");
        }
        long corrections = 0;
        for (AuditEntry e : a.channels()) {
            SpanSlot s = bearerSpan(e.channel());
            if (s == null) {
                continue;
            }
            int bit = e.channel().ds0() - 1;
            int m = 1 << bit;
            ChannelState st = e.state();
            long have = s.callId[bit];
            if (st.inCall()) {
                if (have != e.callId()) {
                    if (have != 0) {
                        dropCall(s, bit);
                    }
                    setCall(s, bit, e.callId());
                    corrections++;
                }
                if ((s.outOfService & m) != 0) {
                    s.outOfService &= ~m;
                    corrections++;
                }
            } else {
                if (have != 0) {
                    dropCall(s, bit);
                    corrections++;
                }
                boolean oos = st == ChannelState.OUT_OF_SERVICE || st == ChannelState.BLOCKED;
                if (oos != ((s.outOfService & m) != 0)) {
                    s.outOfService ^= m;
                    corrections++;
                }
            }
            refresh(s);
        }
        counters[Counter.AUDIT_CORRECTIONS.ordinal()] += corrections;
        return Result.Applied.NONE;
    }

    // ---------------------------------------------------------------- machines and locks

    private Result heartbeat(Input.MachineHeartbeat h, long at) {
        MachineSlot m = machineByName.get(h.machine());
        if (m == null) {
            return new Result.Ignored("MachineHeartbeat: machine '" + h.machine() + "' is unknown");
        }
        m.lastHeartbeatNanos = Math.max(m.lastHeartbeatNanos, at);
        if (m.state == MachineSlot.DOWN_NO_HEARTBEAT) {
            bringUp(m);
        }
        return Result.Applied.NONE;
    }

    private Result machineDown(Input.MachineDown d) {
        MachineSlot m = machineByName.get(d.machine());
        if (m == null) {
            return new Result.Ignored("MachineDown: machine '" + d.machine() + "' is unknown");
        }
        if (!m.up()) {
            m.state = MachineSlot.DOWN_DECLARED;
            return Result.Applied.NONE;
        }
        List<EndedLease> ended = takeDown(m, MachineSlot.DOWN_DECLARED, null);
        return ended == null ? Result.Applied.NONE : new Result.Applied(ended);
    }

    private Result machineUp(Input.MachineUp u, long at) {
        MachineSlot m = machineByName.get(u.machine());
        if (m == null) {
            return new Result.Ignored("MachineUp: machine '" + u.machine() + "' is unknown");
        }
        m.lastHeartbeatNanos = Math.max(m.lastHeartbeatNanos, at);
        if (!m.up()) {
            bringUp(m);
        }
        return Result.Applied.NONE;
    }

    private List<EndedLease> takeDown(MachineSlot m, int state, List<EndedLease> ended) {
        m.state = state;
        for (SpanSlot s : m.spans) {
            ended = clearSpan(s, EndCause.MACHINE_DOWN, ended);
            refresh(s);
        }
        return ended;
    }

    /** Ends every lease and forgets every call on {@code s}; the caller refreshes. */
    private List<EndedLease> clearSpan(SpanSlot s, EndCause cause, List<EndedLease> ended) {
        for (int b = s.leased; b != 0; b &= b - 1) {
            if (ended == null) {
                ended = new ArrayList<>();
            }
            ended.add(revoke(s, Integer.numberOfTrailingZeros(b), cause));
        }
        for (int b = s.inCall; b != 0; b &= b - 1) {
            s.clearCall(Integer.numberOfTrailingZeros(b));
        }
        return ended;
    }

    private void bringUp(MachineSlot m) {
        m.state = MachineSlot.UP;
        for (SpanSlot s : m.spans) {
            refresh(s);
        }
    }

    private Result lock(SpanLocation loc, int ds0, boolean lock) {
        SpanSlot s = spanByLocation.get(loc);
        if (s == null) {
            return new Result.Ignored((lock ? "Lock" : "Unlock") + ": span position " + loc + " is unknown");
        }
        if (ds0 == 0) {
            s.locked = lock;
        } else {
            int m = 1 << (ds0 - 1);
            s.lockedChannels = lock ? s.lockedChannels | m : s.lockedChannels & ~m;
        }
        refresh(s);
        return Result.Applied.NONE;
    }

    // ---------------------------------------------------------------- inventory

    private Result machineAdded(Input.MachineAdded a, long at) {
        if (machineByName.containsKey(a.machine())) {
            return new Result.Ignored("MachineAdded: machine '" + a.machine() + "' already exists");
        }
        if (a.role() == MachineRole.SERVER) {
            for (MachineSlot m : machines) {
                if (m.role == MachineRole.SERVER) {
                    return new Result.Ignored("MachineAdded: the System already has a Server, '" + m.name + "'");
                }
            }
        }
        addMachine(a.machine(), a.role(), a.heartbeatTimeoutNanos(), at);
        return Result.Applied.NONE;
    }

    MachineSlot addMachine(String name, MachineRole role, long heartbeatTimeout, long lastHeartbeat) {
        MachineSlot m = new MachineSlot(machines.size(), name, role, heartbeatTimeout, lastHeartbeat);
        machines.add(m);
        machineByName.put(name, m);
        return m;
    }

    private Result spanAdded(Input.SpanAdded a) {
        MachineSlot m = machineByName.get(a.span().machine());
        if (m == null) {
            return new Result.Ignored("SpanAdded: machine '" + a.span().machine() + "' of " + a.span() + " is unknown");
        }
        SpanSlot s = spanByLocation.get(a.span());
        if (s != null && s.present) {
            return new Result.Ignored(
                    "SpanAdded: " + a.span() + " already holds circuit " + s.circuit + "; remove or move it first");
        }
        for (SpanSlot other : spans) {
            if (other.present && other.circuit.equals(a.circuit())) {
                return new Result.Ignored("SpanAdded: circuit " + a.circuit() + " is already plugged in at "
                        + other.location + "; use SpanMoved");
            }
        }
        if (s == null) {
            s = slotFor(m, a.span());
        }
        s.provision(
                a.circuit(),
                a.signalling(),
                a.bearers().bits(),
                a.fax().bits(),
                a.voice().bits(),
                a.directions());
        s.boardFaulted = faultedBoards.contains(new BoardId(m.name, a.span().board()));
        refresh(s);
        return Result.Applied.NONE;
    }

    /** Creates the slot of a span position (never removed; it joins the System-wide pools). */
    SpanSlot slotFor(MachineSlot m, SpanLocation loc) {
        SpanSlot s = new SpanSlot(spans.size(), m, loc);
        spans.add(s);
        spanByLocation.put(loc, s);
        m.spans.add(s);
        for (HuntGroup p : pools) {
            p.addSegment(s, TimeslotSet.ALL_BITS);
        }
        return s;
    }

    private Result spanRemoved(Input.SpanRemoved r) {
        SpanSlot s = presentSpan(r.span());
        if (s == null) {
            return new Result.Ignored("SpanRemoved: no circuit at " + r.span());
        }
        List<EndedLease> ended = unplug(s);
        return ended == null ? Result.Applied.NONE : new Result.Applied(ended);
    }

    private List<EndedLease> unplug(SpanSlot s) {
        List<EndedLease> ended = clearSpan(s, EndCause.SPAN_REMOVED, null);
        s.unprovision();
        s.boardFaulted = false;
        refresh(s);
        return ended;
    }

    private Result spanMoved(Input.SpanMoved mv) {
        SpanSlot from = presentSpan(mv.from());
        if (from == null) {
            return new Result.Ignored("SpanMoved: no circuit at " + mv.from());
        }
        MachineSlot m = machineByName.get(mv.to().machine());
        if (m == null) {
            return new Result.Ignored("SpanMoved: machine '" + mv.to().machine() + "' of " + mv.to() + " is unknown");
        }
        SpanSlot to = spanByLocation.get(mv.to());
        if (to != null && to.present) {
            return new Result.Ignored("SpanMoved: " + mv.to() + " already holds circuit " + to.circuit);
        }
        var circuit = from.circuit;
        var signalling = from.signalling;
        int bearer = from.bearer;
        int fax = from.fax;
        int voice = from.voice;
        var dirs = from.directionSet();
        List<EndedLease> ended = unplug(from);
        if (to == null) {
            to = slotFor(m, mv.to());
        }
        to.provision(circuit, signalling, bearer, fax, voice, dirs);
        to.boardFaulted = faultedBoards.contains(new BoardId(m.name, mv.to().board()));
        refresh(to);
        return ended == null ? Result.Applied.NONE : new Result.Applied(ended);
    }

    private Result groupDefined(Input.HuntGroupDefined d) {
        for (GroupMember gm : d.members()) {
            if (!spanByLocation.containsKey(gm.span())) {
                return new Result.Ignored("HuntGroupDefined '" + d.name() + "': member span " + gm.span()
                        + " was never added; add the span first");
            }
        }
        defineGroup(d.name(), d.strategy(), d.kind(), d.members());
        return Result.Applied.NONE;
    }

    HuntGroup defineGroup(String name, HuntStrategy strategy, PortKind kind, List<GroupMember> members) {
        HuntGroup g = new HuntGroup(name, strategy, kind.ordinal(), List.copyOf(members));
        for (GroupMember gm : members) {
            g.addSegment(spanByLocation.get(gm.span()), gm.timeslots().bits());
        }
        HuntGroup old = groupByName.put(name, g);
        cachedGroupName = null;
        cachedGroup = null;
        if (old != null) {
            old.detach();
            groups.set(groups.indexOf(old), g);
        } else {
            groups.add(g);
        }
        return g;
    }

    private Result reservationDefined(Input.ReservationDefined r) {
        defineReservation(r.priorityClass(), r.kind().ordinal(), r.minFree());
        return Result.Applied.NONE;
    }

    void defineReservation(String priorityClass, int kind, int minFree) {
        int[] byKind = reservations.computeIfAbsent(priorityClass, c -> new int[KINDS]);
        reservedTotal[kind] += minFree - byKind[kind];
        byKind[kind] = minFree;
        boolean none = true;
        for (int v : byKind) {
            none &= v == 0;
        }
        if (none) {
            reservations.remove(priorityClass);
        }
    }

    // ---------------------------------------------------------------- derived state

    /**
     * Recomputes the span's free and busy masks and category, moves the differences into the per-kind
     * totals, and marks the span changed in every hunt group that contains it and has not been told since that
     * group last flushed (the group brings its indexes up to date when it is next read). Every change of a span's
     * channels, status, machine or lock goes through here, so the indexes cannot drift.
     */
    void refresh(SpanSlot s) {
        int busy = (s.leased | s.inCall) & s.bearer;
        int cat = s.category();
        int free = cat == SpanSlot.OK ? s.bearer & ~busy & ~s.lockedChannels & ~s.outOfService : 0;
        for (int k = 0; k < KINDS; k++) {
            int oldKind = k == 0 ? s.countedFax : s.countedVoice;
            int kind = s.kindMask(k);
            freeByKind[k] += Integer.bitCount(free & kind) - Integer.bitCount(s.freeMask & oldKind);
            busyByKind[k] += Integer.bitCount(busy & kind) - Integer.bitCount(s.busyMask & oldKind);
            totalByKind[k] += Integer.bitCount(kind) - Integer.bitCount(oldKind);
        }
        busyTotal += Integer.bitCount(busy) - Integer.bitCount(s.busyMask);
        s.freeMask = free;
        s.busyMask = busy;
        s.category = cat;
        s.countedFax = s.fax;
        s.countedVoice = s.voice;
        boolean[] told = s.memberTold;
        for (int i = 0; i < s.memberships; i++) {
            if (!told[i]) {
                told[i] = true;
                s.memberOf[i].changed(s.memberSeg[i], i);
            }
        }
    }

    private SpanSlot presentSpan(SpanLocation loc) {
        SpanSlot s = spanByLocation.get(loc);
        return s != null && s.present ? s : null;
    }

    private SpanSlot bearerSpan(ChannelId ch) {
        SpanSlot s = spanByLocation.get(ch.span());
        return s != null && (s.bearer & (1 << (ch.ds0() - 1))) != 0 ? s : null;
    }

    private static Result ignoredChannel(String what, ChannelId ch) {
        return new Result.Ignored(what + ": " + ch + " is not a bearer channel of a present span");
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : r;
    }

    // ---------------------------------------------------------------- queries

    /** @return ring time of the last input applied (the first input's stamp sets it), nanoseconds */
    public long clockNanos() {
        return clockNanos;
    }

    /** @return the id the next grant will get */
    public long nextLeaseId() {
        return nextLeaseId;
    }

    /** @return number of live leases */
    public int leaseCount() {
        return leaseIndex.size();
    }

    /**
     * @param leaseId a lease id
     * @return the live lease, or empty when it was never granted, or has been released or ended
     */
    public Optional<Lease> lease(long leaseId) {
        int gi = leaseId > 0 ? leaseIndex.get(leaseId) : -1;
        return gi < 0 ? Optional.empty() : Optional.of(leaseAt(gi));
    }

    /** @return every live lease, by increasing lease id */
    public List<Lease> leases() {
        List<Lease> out = new ArrayList<>(leaseIndex.size());
        for (long id : leaseIndex.sortedKeys()) {
            out.add(leaseAt(leaseIndex.get(id)));
        }
        return out;
    }

    private Lease leaseAt(int gi) {
        SpanSlot s = spans.get(gi / SpanSlot.CH);
        int b = gi % SpanSlot.CH;
        return new Lease(
                s.leaseId[b],
                s.requestId[b],
                s.ids[b],
                KIND_VALUES[s.leaseKind[b]],
                Direction.values()[s.leaseDirection[b]],
                s.leaseClass[b],
                s.expiresAt[b],
                s.callId[b]);
    }

    /**
     * @param channel a channel
     * @return what is known about it, or empty when its span position was never added
     */
    public Optional<ChannelStatus> channelStatus(ChannelId channel) {
        SpanSlot s = spanByLocation.get(channel.span());
        if (s == null) {
            return Optional.empty();
        }
        int b = channel.ds0() - 1;
        int m = 1 << b;
        java.util.EnumSet<PortKind> kinds = java.util.EnumSet.noneOf(PortKind.class);
        for (int k = 0; k < KINDS; k++) {
            if ((s.kindMask(k) & m) != 0) {
                kinds.add(KIND_VALUES[k]);
            }
        }
        boolean locked = s.locked || (s.lockedChannels & m) != 0;
        boolean oos = (s.outOfService & m) != 0;
        return Optional.of(new ChannelStatus(
                s.ids[b],
                (s.bearer & m) != 0,
                kinds,
                s.category() == SpanSlot.OK && !locked && !oos && (s.bearer & m) != 0,
                locked,
                oos,
                s.leaseId[b],
                s.callId[b]));
    }

    /**
     * @param group a hunt group name
     * @return the channel a round-robin group last granted by hunting (the position the next hunt starts
     *     after), or empty for another strategy, an unknown group or before the first grant
     */
    public Optional<ChannelId> huntPosition(String group) {
        HuntGroup g = groupByName.get(group);
        if (g == null || g.rrSeg < 0) {
            return Optional.empty();
        }
        return Optional.of(g.segSpan[g.rrSeg].ids[g.rrDs0 - 1]);
    }

    /** @return the names of the defined hunt groups, in definition order */
    public List<String> groupNames() {
        List<String> out = new ArrayList<>(groups.size());
        for (HuntGroup g : groups) {
            out.add(g.name);
        }
        return out;
    }

    /** @return whether {@code machine} is known and up */
    public boolean machineUp(String machine) {
        MachineSlot m = machineByName.get(machine);
        return m != null && m.up();
    }

    /** @return free (grantable) channels able to do {@code kind}, System-wide */
    public int freeChannels(PortKind kind) {
        return freeByKind[kind.ordinal()];
    }

    /**
     * Takes a metrics snapshot. Costs O(spans + groups); call it on the writer thread, e.g. from a
     * periodic metrics input handler, never per request.
     *
     * @return the snapshot
     */
    public Metrics metrics() {
        Map<PortKind, Metrics.Counts> byKind = new EnumMap<>(PortKind.class);
        for (int k = 0; k < KINDS; k++) {
            int total = totalByKind[k];
            byKind.put(
                    KIND_VALUES[k],
                    new Metrics.Counts(total, busyByKind[k], freeByKind[k], total - busyByKind[k] - freeByKind[k]));
        }
        Map<String, Metrics.Counts> byMachine = new LinkedHashMap<>();
        for (MachineSlot m : machines) {
            byMachine.put(m.name, Metrics.Counts.ZERO);
        }
        Map<SpanLocation, Metrics.Counts> bySpan = new LinkedHashMap<>();
        for (SpanSlot s : spans) {
            Metrics.Counts c = counts(s.bearer, s.busyMask, s.freeMask);
            bySpan.put(s.location, c);
            byMachine.merge(s.machine.name, c, Metrics.Counts::plus);
        }
        Map<String, Metrics.Counts> byGroup = new LinkedHashMap<>();
        for (HuntGroup g : groups) {
            Metrics.Counts c = Metrics.Counts.ZERO;
            for (int i = 0; i < g.segCount; i++) {
                SpanSlot s = g.segSpan[i];
                int m = g.segMask[i] & s.kindMask(g.kind);
                c = c.plus(counts(m, s.busyMask & m, s.freeMask & m));
            }
            byGroup.put(g.name, c);
        }
        Map<RejectReason, Long> rej = new EnumMap<>(RejectReason.class);
        for (RejectReason r : REASONS) {
            rej.put(r, rejected[r.ordinal()]);
        }
        Metrics.Activity activity = new Metrics.Activity(
                counters[Counter.INPUTS.ordinal()],
                counters[Counter.REQUESTS.ordinal()],
                counters[Counter.HAL_INPUTS.ordinal()],
                counters[Counter.TICKS.ordinal()],
                counters[Counter.IGNORED.ordinal()],
                counters[Counter.GRANTED.ordinal()],
                rej,
                counters[Counter.RELEASED.ordinal()],
                counters[Counter.RENEWED.ordinal()],
                counters[Counter.EXPIRED.ordinal()],
                counters[Counter.REVOKED.ordinal()],
                counters[Counter.CALLS_SEEN.ordinal()],
                counters[Counter.AUDIT_CORRECTIONS.ordinal()],
                carriedSeconds + carriedNanos / 1e9);
        return new Metrics(clockNanos, leaseIndex.size(), byKind, byMachine, bySpan, byGroup, activity);
    }

    private static Metrics.Counts counts(int total, int busy, int free) {
        int t = Integer.bitCount(total);
        int b = Integer.bitCount(busy);
        int f = Integer.bitCount(free);
        return new Metrics.Counts(t, b, f, t - b - f);
    }

    // ---------------------------------------------------------------- equality for replay checks

    /**
     * Compares the full logical state: inventory, statuses, locks, leases, calls, round-robin positions,
     * reservations, counters and clock. Two states built by the same inputs are the same; a snapshot
     * restored and fed the inputs after it is the same as the live state.
     *
     * @param other another state
     * @return whether both have the same logical state
     */
    public boolean sameStateAs(PortManagerState other) {
        return java.util.Arrays.equals(SnapshotCodec.encode(this), SnapshotCodec.encode(other));
    }

    /** @return a digest of the full logical state, equal for states where {@link #sameStateAs} holds */
    public StateDigest digest() {
        return StateDigest.of(SnapshotCodec.encode(this));
    }

    /**
     * Describes the derived indexes (per-kind counts, span masks, hunt group indexes, lease index, expiry
     * queue). A state restored from a snapshot rebuilds them from scratch, so comparing this description
     * between a live state and its restored copy checks the incremental maintenance. For tests.
     */
    String derivedDescription() {
        StringBuilder sb = new StringBuilder();
        sb.append("free=")
                .append(java.util.Arrays.toString(freeByKind))
                .append(" busy=")
                .append(java.util.Arrays.toString(busyByKind))
                .append(" total=")
                .append(java.util.Arrays.toString(totalByKind))
                .append(" busyTotal=")
                .append(busyTotal)
                .append(" reserved=")
                .append(java.util.Arrays.toString(reservedTotal))
                .append('\n');
        for (SpanSlot s : spans) {
            sb.append(s.location)
                    .append(" cat=")
                    .append(s.category)
                    .append(" free=")
                    .append(Integer.toHexString(s.freeMask))
                    .append(" busy=")
                    .append(Integer.toHexString(s.busyMask))
                    .append('\n');
        }
        List<HuntGroup> all = new ArrayList<>(groups);
        all.addAll(java.util.Arrays.asList(pools));
        for (HuntGroup g : all) {
            g.flush();
            sb.append("group ").append(g.name).append(" kind=").append(g.kind);
            sb.append(" busy=").append(g.busy).append(" free=").append(g.free);
            sb.append(" cat=").append(java.util.Arrays.toString(g.catMembers));
            sb.append(" balance=").append(g.balanceChoice(0)).append('/').append(g.balanceChoice(1));
            sb.append('\n');
            for (int i = 0; i < g.segCount; i++) {
                sb.append("  seg ")
                        .append(i)
                        .append(' ')
                        .append(g.segSpan[i].location)
                        .append(" free=")
                        .append(Integer.toHexString(g.segFree[i]))
                        .append(" busy=")
                        .append(g.segBusy[i])
                        .append(" members=")
                        .append(g.segMembers[i])
                        .append(" cat=")
                        .append(g.segCat[i])
                        .append(" dirs=")
                        .append(g.segDirs[i])
                        .append(" ne=")
                        .append(Bits.get(g.nonEmpty[0], i))
                        .append(Bits.get(g.nonEmpty[1], i));
                for (int b = 0; b < HuntGroup.BUSY_LEVELS; b++) {
                    if (Bits.get(g.busyBucket[b], i)) {
                        sb.append(" bucket=").append(b);
                    }
                }
                sb.append('\n');
            }
            for (int m = 0; m < g.machineCount; m++) {
                sb.append("  machine ")
                        .append(g.machines[m].name)
                        .append(" busy=")
                        .append(g.machineBusy[m])
                        .append(" freeIn=")
                        .append(g.machineFree[0][m])
                        .append(" freeOut=")
                        .append(g.machineFree[1][m])
                        .append('\n');
            }
        }
        sb.append("leases=");
        for (long id : leaseIndex.sortedKeys()) {
            sb.append(id).append('@').append(leaseIndex.get(id)).append(' ');
        }
        sb.append("\nexpiries=");
        for (int gi : expiries.sortedChannels()) {
            sb.append(gi).append('@').append(expiries.expiryOf(gi)).append(' ');
        }
        return sb.append('\n').toString();
    }

    @Override
    public String toString() {
        return "PortManagerState[machines=" + machines.size() + ", spans=" + spans.size() + ", groups="
                + groups.size() + ", leases=" + leaseIndex.size() + ", busy=" + busyTotal + ", clock=" + clockNanos
                + "]";
    }
}
