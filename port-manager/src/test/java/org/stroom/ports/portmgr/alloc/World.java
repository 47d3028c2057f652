package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * The system under test ({@link PortManagerState}, fed through a journal) next to an independent, naive
 * model of the same System: plain maps and sets, every question answered by scanning channels. Each
 * step applies one input to the live state, predicts its result from the model, and updates the model.
 */
final class World {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final long HEARTBEAT = 5 * SECOND;

    static final String SERVER = "server";
    static final String N1 = "node-001";
    static final String N2 = "node-002";
    static final List<String> MACHINES = List.of(SERVER, N1, N2);
    static final SpanLocation A = new SpanLocation(SERVER, 0, 1);
    static final SpanLocation B = new SpanLocation(N1, 0, 1);
    static final SpanLocation C = new SpanLocation(N1, 0, 2);
    static final SpanLocation D = new SpanLocation(N2, 1, 1);
    static final SpanLocation SPARE = new SpanLocation(N2, 1, 2);
    static final List<SpanLocation> POSITIONS = List.of(A, B, C, D, SPARE);

    /** Provisioning of a circuit. */
    record Def(String circuit, Signalling signalling, int bearer, int fax, int voice, Set<Direction> dirs) {
        int kindMask(PortKind k) {
            return k == PortKind.FAX ? fax : voice;
        }

        Input.SpanAdded input(long at, SpanLocation loc) {
            return new Input.SpanAdded(
                    at,
                    loc,
                    new CircuitId(circuit),
                    signalling,
                    new TimeslotSet(bearer),
                    new TimeslotSet(fax),
                    new TimeslotSet(voice),
                    dirs);
        }
    }

    record Seg(SpanLocation span, int mask) {}

    record GroupDef(String name, HuntStrategy strategy, PortKind kind, List<Seg> segs) {
        Input.HuntGroupDefined input() {
            List<GroupMember> members = new ArrayList<>();
            for (Seg s : segs) {
                members.add(new GroupMember(s.span(), new TimeslotSet(s.mask())));
            }
            return new Input.HuntGroupDefined(0, name, strategy, kind, members);
        }
    }

    record ModelLease(
            long id, long requestId, ChannelId channel, long expiresAt, PortKind kind, Direction dir, String cls) {}

    static final int ALL = TimeslotSet.ALL_BITS;
    static final int FOUR = 0b1111;
    static final Map<SpanLocation, Def> INITIAL = new LinkedHashMap<>();
    static final List<GroupDef> GROUPS = new ArrayList<>();

    static {
        Set<Direction> both = EnumSet.allOf(Direction.class);
        INITIAL.put(A, new Def("CIRCUIT-A", Signalling.ISDN_PRI, FOUR, FOUR, FOUR, both));
        INITIAL.put(B, new Def("CIRCUIT-B", Signalling.ISDN_PRI, FOUR, 0b0011, FOUR, EnumSet.of(Direction.IN)));
        INITIAL.put(C, new Def("CIRCUIT-C", Signalling.LOOP_START, FOUR, 0, FOUR, EnumSet.of(Direction.OUT)));
        INITIAL.put(D, new Def("CIRCUIT-D", Signalling.ISDN_PRI, FOUR, FOUR, 0b1100, both));
        GROUPS.add(new GroupDef(
                "td", HuntStrategy.TOP_DOWN, PortKind.FAX, List.of(new Seg(A, ALL), new Seg(B, ALL), new Seg(D, ALL))));
        GROUPS.add(new GroupDef(
                "bu",
                HuntStrategy.BOTTOM_UP,
                PortKind.VOICE,
                List.of(new Seg(A, ALL), new Seg(C, ALL), new Seg(D, ALL))));
        GROUPS.add(new GroupDef(
                "rru", HuntStrategy.ROUND_ROBIN_UP, PortKind.FAX, List.of(new Seg(D, 0b0111), new Seg(A, ALL))));
        GROUPS.add(new GroupDef(
                "rrd", HuntStrategy.ROUND_ROBIN_DOWN, PortKind.VOICE, List.of(new Seg(B, ALL), new Seg(C, ALL))));
        GROUPS.add(new GroupDef(
                "lb",
                HuntStrategy.LEAST_BUSY_SPAN,
                PortKind.FAX,
                List.of(new Seg(A, ALL), new Seg(B, ALL), new Seg(D, ALL))));
        GROUPS.add(new GroupDef(
                "lbv",
                HuntStrategy.LEAST_BUSY_SPAN,
                PortKind.VOICE,
                List.of(new Seg(D, ALL), new Seg(C, 0b0110), new Seg(B, ALL))));
        GROUPS.add(new GroupDef(
                "bal",
                HuntStrategy.BALANCE_MACHINES,
                PortKind.VOICE,
                List.of(new Seg(A, ALL), new Seg(B, ALL), new Seg(C, ALL), new Seg(D, ALL))));
        GROUPS.add(new GroupDef(
                "balf",
                HuntStrategy.BALANCE_MACHINES,
                PortKind.FAX,
                List.of(new Seg(D, ALL), new Seg(B, 0b0001), new Seg(A, ALL))));
    }

    // ---------------------------------------------------------------- live side

    PortManagerState live = new PortManagerState();
    final List<Input> journal = new ArrayList<>();
    long now;
    long nextRequestId = 1;
    long nextCallId = 1;
    byte[] snapshot;
    int snapshotAt;
    int restarts;
    boolean restoredFromSnapshot;

    // ---------------------------------------------------------------- model

    static final int UP = 0;
    static final int DECLARED_DOWN = 1;
    static final int NO_HEARTBEAT = 2;

    final Map<String, Integer> machineState = new LinkedHashMap<>();
    final Map<String, Long> lastHeartbeat = new HashMap<>();
    final Map<SpanLocation, Def> present = new HashMap<>();
    final List<SpanLocation> slots = new ArrayList<>();
    final Map<SpanLocation, EnumSet<Alarm>> alarms = new HashMap<>();
    final Set<SpanLocation> dChannelDown = new HashSet<>();
    final Set<SpanLocation> spanLocked = new HashSet<>();
    final Set<ChannelId> channelLocked = new HashSet<>();
    final Set<ChannelId> outOfService = new HashSet<>();
    final Set<BoardId> faulted = new HashSet<>();
    final TreeMap<Long, ModelLease> leases = new TreeMap<>();
    final Map<ChannelId, Long> calls = new HashMap<>();
    final Map<String, int[]> reservations = new HashMap<>();
    long expectedNextLease = 1;

    World() {
        for (String m : MACHINES) {
            lastHeartbeat.put(m, now);
            Result r = apply(new Input.MachineAdded(
                    now, m, m.equals(SERVER) ? MachineRole.SERVER : MachineRole.NODE, HEARTBEAT));
            assertThat(r).isEqualTo(Result.Applied.NONE);
            machineState.put(m, UP);
        }
        INITIAL.forEach((loc, def) -> {
            assertThat(apply(def.input(now, loc))).isEqualTo(Result.Applied.NONE);
            present.put(loc, def);
            slots.add(loc);
        });
        for (GroupDef g : GROUPS) {
            assertThat(apply(g.input())).isEqualTo(Result.Applied.NONE);
        }
        assertThat(apply(new Input.ReservationDefined(now, "alert", PortKind.VOICE, 2)))
                .isEqualTo(Result.Applied.NONE);
        reservations.put("alert", new int[] {0, 2});
    }

    Result apply(Input in) {
        Input stamped = in.withAtNanos(now);
        now += MS;
        journal.add(stamped);
        return live.apply(stamped);
    }

    // ---------------------------------------------------------------- oracle questions

    static ChannelId ch(SpanLocation s, int ds0) {
        return new ChannelId(s, ds0);
    }

    boolean machineUp(String m) {
        return machineState.get(m) == UP;
    }

    /** Span category as the model sees it: 0 absent, 1 machine down, 2 alarm, 3 locked, 4 ok. */
    int category(SpanLocation s) {
        Def d = present.get(s);
        if (d == null) {
            return 0;
        }
        if (!machineUp(s.machine())) {
            return 1;
        }
        EnumSet<Alarm> a = alarms.getOrDefault(s, EnumSet.noneOf(Alarm.class));
        boolean alarm = a.contains(Alarm.RED)
                || a.contains(Alarm.BLUE)
                || dChannelDown.contains(s)
                || faulted.contains(new BoardId(s.machine(), s.board()));
        if (alarm) {
            return 2;
        }
        return spanLocked.contains(s) ? 3 : 4;
    }

    boolean bearer(ChannelId c) {
        Def d = present.get(c.span());
        return d != null && (d.bearer() & (1 << (c.ds0() - 1))) != 0;
    }

    boolean busy(ChannelId c) {
        return bearer(c) && (leaseOn(c) != null || calls.containsKey(c));
    }

    boolean usable(ChannelId c) {
        return bearer(c) && category(c.span()) == 4 && !channelLocked.contains(c) && !outOfService.contains(c);
    }

    boolean free(ChannelId c) {
        return usable(c) && !busy(c);
    }

    ModelLease leaseOn(ChannelId c) {
        for (ModelLease l : leases.values()) {
            if (l.channel().equals(c)) {
                return l;
            }
        }
        return null;
    }

    boolean capable(ChannelId c, PortKind k) {
        Def d = present.get(c.span());
        return d != null && (d.kindMask(k) & (1 << (c.ds0() - 1))) != 0;
    }

    int freeCount(PortKind k) {
        int n = 0;
        for (SpanLocation s : slots) {
            for (int ds0 = 1; ds0 <= 24; ds0++) {
                ChannelId c = ch(s, ds0);
                if (capable(c, k) && free(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    List<Seg> segments(String group, PortKind kind) {
        if (group == null) {
            List<Seg> pool = new ArrayList<>();
            for (SpanLocation s : slots) {
                pool.add(new Seg(s, ALL));
            }
            return pool;
        }
        return GROUPS.stream()
                .filter(g -> g.name().equals(group))
                .findFirst()
                .orElseThrow()
                .segs();
    }

    /** Member channels of a segment: in its mask, bearers able to do the kind. */
    int members(Seg seg, PortKind kind) {
        Def d = present.get(seg.span());
        return d == null ? 0 : seg.mask() & d.kindMask(kind);
    }

    int candidates(Seg seg, PortKind kind, Direction dir) {
        Def d = present.get(seg.span());
        if (d == null || !d.dirs().contains(dir)) {
            return 0;
        }
        int out = 0;
        for (int b = members(seg, kind); b != 0; b &= b - 1) {
            int bit = Integer.numberOfTrailingZeros(b);
            if (free(ch(seg.span(), bit + 1))) {
                out |= 1 << bit;
            }
        }
        return out;
    }

    int segBusy(Seg seg, PortKind kind) {
        int n = 0;
        for (int b = members(seg, kind); b != 0; b &= b - 1) {
            if (busy(ch(seg.span(), Integer.numberOfTrailingZeros(b) + 1))) {
                n++;
            }
        }
        return n;
    }

    HuntStrategy strategy(String group) {
        return group == null
                ? HuntStrategy.BALANCE_MACHINES
                : GROUPS.stream()
                        .filter(g -> g.name().equals(group))
                        .findFirst()
                        .orElseThrow()
                        .strategy();
    }

    /** The channel the strategy must pick, or null when nothing is free. Not for round-robin groups. */
    ChannelId expectedPick(String group, PortKind kind, Direction dir) {
        List<Seg> segs = segments(group, kind);
        switch (strategy(group)) {
            case TOP_DOWN:
                for (Seg s : segs) {
                    int c = candidates(s, kind, dir);
                    if (c != 0) {
                        return ch(s.span(), Integer.numberOfTrailingZeros(c) + 1);
                    }
                }
                return null;
            case BOTTOM_UP:
                for (int i = segs.size() - 1; i >= 0; i--) {
                    int c = candidates(segs.get(i), kind, dir);
                    if (c != 0) {
                        return ch(segs.get(i).span(), 32 - Integer.numberOfLeadingZeros(c));
                    }
                }
                return null;
            case LEAST_BUSY_SPAN: {
                Seg best = null;
                for (Seg s : segs) {
                    if (candidates(s, kind, dir) != 0 && (best == null || segBusy(s, kind) < segBusy(best, kind))) {
                        best = s;
                    }
                }
                return best == null
                        ? null
                        : ch(best.span(), Integer.numberOfTrailingZeros(candidates(best, kind, dir)) + 1);
            }
            case BALANCE_MACHINES: {
                List<String> order = new ArrayList<>();
                for (Seg s : segs) {
                    if (!order.contains(s.span().machine())) {
                        order.add(s.span().machine());
                    }
                }
                String bestMachine = null;
                int bestBusy = Integer.MAX_VALUE;
                for (String m : order) {
                    boolean hasFree = false;
                    int busy = 0;
                    for (Seg s : segs) {
                        if (s.span().machine().equals(m)) {
                            hasFree |= candidates(s, kind, dir) != 0;
                            busy += segBusy(s, kind);
                        }
                    }
                    if (hasFree && busy < bestBusy) {
                        bestMachine = m;
                        bestBusy = busy;
                    }
                }
                if (bestMachine == null) {
                    return null;
                }
                Seg best = null;
                for (Seg s : segs) {
                    if (s.span().machine().equals(bestMachine)
                            && candidates(s, kind, dir) != 0
                            && (best == null || segBusy(s, kind) < segBusy(best, kind))) {
                        best = s;
                    }
                }
                return ch(best.span(), Integer.numberOfTrailingZeros(candidates(best, kind, dir)) + 1);
            }
            default:
                throw new IllegalStateException("no exact oracle for " + strategy(group));
        }
    }

    /** Why a hunt over {@code segs} finds nothing, by the rules of {@link RejectReason}. */
    RejectReason emptyReason(List<Seg> segs, PortKind kind) {
        int total = 0;
        int down = 0;
        int alarm = 0;
        for (Seg s : segs) {
            int n = Integer.bitCount(members(s, kind));
            int cat = category(s.span());
            if (cat == 0) {
                continue;
            }
            total += n;
            down += cat == 1 ? n : 0;
            alarm += cat == 2 ? n : 0;
        }
        if (total == 0) {
            return RejectReason.NO_CAPACITY;
        }
        if (down == total) {
            return RejectReason.NODE_DOWN;
        }
        return down + alarm == total ? RejectReason.ALL_IN_ALARM : RejectReason.NO_CAPACITY;
    }

    boolean reservationRefuses(ChannelId c, String cls) {
        for (PortKind k : PortKind.values()) {
            if (!capable(c, k)) {
                continue;
            }
            int need = 0;
            for (Map.Entry<String, int[]> e : reservations.entrySet()) {
                if (!e.getKey().equals(cls)) {
                    need += e.getValue()[k.ordinal()];
                }
            }
            if (need > 0 && freeCount(k) - 1 < need) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- steps

    void allocate(String group, PortKind kind, Direction dir, Affinity affinity, String cls, long leaseNanos) {
        long req = nextRequestId++;
        long at = now;
        boolean known = group == null || GROUPS.stream().anyMatch(g -> g.name().equals(group));
        PortKind groupKind = known && group != null
                ? GROUPS.stream()
                        .filter(g -> g.name().equals(group))
                        .findFirst()
                        .orElseThrow()
                        .kind()
                : kind;
        List<Seg> segs = known ? segments(group, kind) : List.of();
        ChannelId exact = known
                        && groupKind == kind
                        && affinity == null
                        && !strategy(group).roundRobin()
                ? expectedPick(group, kind, dir)
                : null;
        Set<ChannelId> anyCandidate = new HashSet<>();
        Set<ChannelId> targetCandidate = new HashSet<>();
        for (Seg s : segs) {
            for (int b = candidates(s, kind, dir); b != 0; b &= b - 1) {
                ChannelId c = ch(s.span(), Integer.numberOfTrailingZeros(b) + 1);
                anyCandidate.add(c);
                if (affinity != null
                        && (affinity.span() != null
                                ? c.span().equals(affinity.span())
                                : c.span().machine().equals(affinity.machine()))) {
                    targetCandidate.add(c);
                }
            }
        }
        Result r = apply(new Input.Allocate(at, req, kind, dir, group, affinity, cls, leaseNanos));

        if (!known) {
            assertThat(r).isInstanceOf(Result.Rejected.class);
            assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.GROUP_UNKNOWN);
            return;
        }
        if (groupKind != kind) {
            assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.INVALID_REQUEST);
            return;
        }
        if (exact != null || (affinity == null && !strategy(group).roundRobin())) {
            Result expected;
            if (exact == null) {
                expected = new Result.Rejected(req, emptyReason(segs, kind), "");
            } else if (reservationRefuses(exact, cls)) {
                expected = new Result.Rejected(req, RejectReason.RESERVED_FOR_OTHERS, "");
            } else {
                expected = new Result.Granted(
                        req, expectedNextLease, exact, PortManagerState.saturatedAdd(at, leaseNanos));
            }
            if (expected instanceof Result.Rejected e) {
                assertThat(r).isInstanceOf(Result.Rejected.class);
                assertThat(((Result.Rejected) r).reason()).isEqualTo(e.reason());
            } else {
                assertThat(r).isEqualTo(expected);
            }
        } else if (r instanceof Result.Granted g) {
            assertThat(anyCandidate)
                    .as("granted channel is a free member of the group")
                    .contains(g.channel());
            if (affinity != null && affinity.required()) {
                assertThat(targetCandidate).contains(g.channel());
            }
            if (affinity != null && !targetCandidate.isEmpty()) {
                assertThat(targetCandidate).as("affinity target tried first").contains(g.channel());
            }
            assertThat(reservationRefuses(g.channel(), cls)).isFalse();
            assertThat(g.leaseId()).isEqualTo(expectedNextLease);
        } else {
            RejectReason reason = ((Result.Rejected) r).reason();
            Set<ChannelId> pool = affinity != null && affinity.required() ? targetCandidate : anyCandidate;
            if (reason == RejectReason.RESERVED_FOR_OTHERS) {
                assertThat(pool.stream().anyMatch(c -> reservationRefuses(c, cls)))
                        .isTrue();
            } else {
                assertThat(pool)
                        .as("rejected %s although channels are free", reason)
                        .isEmpty();
                assertThat(reason).isIn(RejectReason.NO_CAPACITY, RejectReason.NODE_DOWN, RejectReason.ALL_IN_ALARM);
                if (affinity == null) {
                    assertThat(reason).isEqualTo(emptyReason(segs, kind));
                }
            }
        }
        if (r instanceof Result.Granted g) {
            assertThat(free(g.channel()))
                    .as("granted on a free, usable channel")
                    .isTrue();
            assertThat(capable(g.channel(), kind)).isTrue();
            assertThat(present.get(g.channel().span()).dirs()).contains(dir);
            leases.put(g.leaseId(), new ModelLease(g.leaseId(), req, g.channel(), g.expiresAtNanos(), kind, dir, cls));
            expectedNextLease++;
        }
    }

    void release(long leaseId) {
        long req = nextRequestId++;
        ModelLease l = leases.remove(leaseId);
        Result r = apply(new Input.Release(now, req, leaseId));
        if (l == null) {
            assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.LEASE_UNKNOWN);
        } else {
            assertThat(r).isEqualTo(new Result.Released(req, leaseId, l.channel()));
        }
    }

    void renew(long leaseId, long nanos) {
        long req = nextRequestId++;
        long at = now;
        ModelLease l = leases.get(leaseId);
        Result r = apply(new Input.Renew(at, req, leaseId, nanos));
        if (l == null) {
            assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.LEASE_UNKNOWN);
        } else {
            long exp = PortManagerState.saturatedAdd(at, nanos);
            assertThat(r).isEqualTo(new Result.Renewed(req, leaseId, exp));
            leases.put(leaseId, new ModelLease(l.id(), l.requestId(), l.channel(), exp, l.kind(), l.dir(), l.cls()));
        }
    }

    void tick(long advance) {
        now += advance;
        long at = now;
        List<EndedLease> expected = new ArrayList<>();
        for (String m : MACHINES) {
            if (machineUp(m) && at - lastHeartbeat.get(m) > HEARTBEAT) {
                takeDown(m, NO_HEARTBEAT, expected);
            }
        }
        leases.values().stream()
                .filter(l -> l.expiresAt() <= at && !calls.containsKey(l.channel()))
                .sorted(Comparator.comparingLong(ModelLease::expiresAt).thenComparingLong(ModelLease::id))
                .toList()
                .forEach(l -> expected.add(end(l, EndCause.EXPIRED)));
        assertThat(apply(new Input.Tick(at))).isEqualTo(new Result.Applied(expected));
    }

    private EndedLease end(ModelLease l, EndCause cause) {
        leases.remove(l.id());
        return new EndedLease(l.id(), l.requestId(), l.channel(), cause);
    }

    /** Ends the leases and forgets the calls on {@code span}, in timeslot order. */
    private void clearSpan(SpanLocation span, EndCause cause, List<EndedLease> ended) {
        for (int ds0 = 1; ds0 <= 24; ds0++) {
            ChannelId c = ch(span, ds0);
            ModelLease l = leaseOn(c);
            if (l != null) {
                ended.add(end(l, cause));
            }
            calls.remove(c);
        }
    }

    private void takeDown(String m, int state, List<EndedLease> ended) {
        machineState.put(m, state);
        for (SpanLocation s : slots) {
            if (s.machine().equals(m)) {
                clearSpan(s, EndCause.MACHINE_DOWN, ended);
            }
        }
    }

    void machineDown(String m) {
        List<EndedLease> ended = new ArrayList<>();
        if (machineUp(m)) {
            takeDown(m, DECLARED_DOWN, ended);
        } else {
            machineState.put(m, DECLARED_DOWN);
        }
        assertThat(apply(new Input.MachineDown(now, m))).isEqualTo(new Result.Applied(ended));
    }

    void machineUp(String m, boolean viaHeartbeat) {
        long at = now;
        lastHeartbeat.put(m, Math.max(lastHeartbeat.get(m), at));
        if (viaHeartbeat) {
            if (machineState.get(m) == NO_HEARTBEAT) {
                machineState.put(m, UP);
            }
            assertThat(apply(new Input.MachineHeartbeat(at, m))).isEqualTo(Result.Applied.NONE);
        } else {
            machineState.put(m, UP);
            assertThat(apply(new Input.MachineUp(at, m))).isEqualTo(Result.Applied.NONE);
        }
    }

    void alarm(SpanLocation s, Alarm a, boolean raised) {
        Result r = apply(new Input.SpanAlarmChanged(now, s, a, raised));
        if (!present.containsKey(s)) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        EnumSet<Alarm> set = alarms.computeIfAbsent(s, x -> EnumSet.noneOf(Alarm.class));
        if (raised) {
            set.add(a);
        } else {
            set.remove(a);
        }
        assertThat(r).isEqualTo(Result.Applied.NONE);
    }

    void dChannel(SpanLocation s, boolean up) {
        Result r = apply(new Input.DChannelChanged(now, s, up));
        Def d = present.get(s);
        if (d == null || d.signalling() != Signalling.ISDN_PRI) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        if (up) {
            dChannelDown.remove(s);
        } else {
            dChannelDown.add(s);
        }
        assertThat(r).isEqualTo(Result.Applied.NONE);
    }

    void boardFault(BoardId b, boolean isFaulted) {
        if (isFaulted) {
            faulted.add(b);
        } else {
            faulted.remove(b);
        }
        assertThat(apply(new Input.BoardFaultChanged(now, b, isFaulted))).isEqualTo(Result.Applied.NONE);
    }

    void channelService(ChannelId c, boolean inService) {
        Result r = apply(new Input.ChannelServiceChanged(now, c, inService));
        if (!bearer(c)) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        if (inService) {
            outOfService.remove(c);
        } else {
            outOfService.add(c);
        }
        assertThat(r).isEqualTo(Result.Applied.NONE);
    }

    void lock(SpanLocation s, int ds0, boolean lock) {
        Result r = apply(lock ? new Input.Lock(now, s, ds0) : new Input.Unlock(now, s, ds0));
        if (!slots.contains(s)) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        if (ds0 == 0) {
            if (lock) {
                spanLocked.add(s);
            } else {
                spanLocked.remove(s);
            }
        } else if (lock) {
            channelLocked.add(ch(s, ds0));
        } else {
            channelLocked.remove(ch(s, ds0));
        }
        assertThat(r).isEqualTo(Result.Applied.NONE);
    }

    void callActive(ChannelId c, long callId, boolean offered) {
        Result r = apply(new Input.CallActive(now, c, callId, offered));
        if (!bearer(c)) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        List<EndedLease> ended = new ArrayList<>();
        Long current = calls.get(c);
        if (current == null || current != callId) {
            ModelLease l = leaseOn(c);
            if (l != null && offered && l.dir() == Direction.OUT) {
                ended.add(end(l, EndCause.GLARE));
            }
            calls.put(c, callId);
        }
        assertThat(r).isEqualTo(new Result.Applied(ended));
    }

    void callEnded(ChannelId c, long callId) {
        Result r = apply(new Input.CallEnded(now, c, callId));
        Long current = calls.get(c);
        if (!bearer(c) || current == null || current != callId) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        calls.remove(c);
        assertThat(r).isEqualTo(Result.Applied.NONE);
    }

    void audit(String machine, List<AuditEntry> entries) {
        for (AuditEntry e : entries) {
            ChannelId c = e.channel();
            if (!bearer(c)) {
                continue;
            }
            if (e.state().inCall()) {
                calls.put(c, e.callId());
                outOfService.remove(c);
            } else {
                calls.remove(c);
                if (e.state() == ChannelState.OUT_OF_SERVICE || e.state() == ChannelState.BLOCKED) {
                    outOfService.add(c);
                } else {
                    outOfService.remove(c);
                }
            }
        }
        assertThat(apply(new Input.AuditReport(now, machine, entries))).isEqualTo(Result.Applied.NONE);
    }

    void reserve(String cls, PortKind kind, int minFree) {
        int[] r = reservations.computeIfAbsent(cls, x -> new int[2]);
        r[kind.ordinal()] = minFree;
        if (r[0] == 0 && r[1] == 0) {
            reservations.remove(cls);
        }
        assertThat(apply(new Input.ReservationDefined(now, cls, kind, minFree))).isEqualTo(Result.Applied.NONE);
    }

    /** Moves the circuit at {@code from} to the empty position {@code to}. */
    void move(SpanLocation from, SpanLocation to) {
        Result r = apply(new Input.SpanMoved(now, from, to));
        if (!present.containsKey(from) || present.containsKey(to)) {
            assertThat(r).isInstanceOf(Result.Ignored.class);
            return;
        }
        List<EndedLease> ended = new ArrayList<>();
        clearSpan(from, EndCause.SPAN_REMOVED, ended);
        forgetStatus(from);
        Def d = present.remove(from);
        present.put(to, d);
        forgetStatus(to);
        if (!slots.contains(to)) {
            slots.add(to);
        }
        assertThat(r).isEqualTo(new Result.Applied(ended));
    }

    /** Unplugs the circuit at {@code s}, or plugs {@code def} back in when none is there. */
    void unplugOrReplug(SpanLocation s, Def def) {
        if (present.containsKey(s)) {
            Result r = apply(new Input.SpanRemoved(now, s));
            List<EndedLease> ended = new ArrayList<>();
            clearSpan(s, EndCause.SPAN_REMOVED, ended);
            forgetStatus(s);
            present.remove(s);
            assertThat(r).isEqualTo(new Result.Applied(ended));
        } else if (present.values().stream().noneMatch(d -> d.circuit().equals(def.circuit()))) {
            assertThat(apply(def.input(now, s))).isEqualTo(Result.Applied.NONE);
            present.put(s, def);
            forgetStatus(s);
            if (!slots.contains(s)) {
                slots.add(s);
            }
        }
    }

    private void forgetStatus(SpanLocation s) {
        alarms.remove(s);
        dChannelDown.remove(s);
        outOfService.removeIf(c -> c.span().equals(s));
    }

    void takeSnapshot() {
        snapshot = SnapshotCodec.encode(live);
        snapshotAt = journal.size();
    }

    /** Restarts: replays the whole journal, and the snapshot plus its tail; continues on the restored state. */
    void restart() {
        PortManagerState replayed = new PortManagerState();
        journal.forEach(replayed::apply);
        assertThat(replayed.sameStateAs(live)).as("replay(journal) == live").isTrue();
        PortManagerState next = replayed;
        if (snapshot != null) {
            PortManagerState restored = SnapshotCodec.decode(snapshot);
            journal.subList(snapshotAt, journal.size()).forEach(restored::apply);
            assertThat(restored.sameStateAs(live))
                    .as("restore(snapshot) + replay(tail) == live")
                    .isTrue();
            assertThat(restored.derivedDescription()).isEqualTo(live.derivedDescription());
            next = restored;
            restoredFromSnapshot = true;
        }
        live = next;
        restarts++;
    }

    // ---------------------------------------------------------------- invariants

    /** No DS0 is leased twice, and the live leases are exactly the model's. */
    void checkLeases() {
        List<Lease> actual = live.leases();
        assertThat(actual.stream().map(Lease::channel).distinct().count())
                .as("no DS0 leased twice")
                .isEqualTo(actual.size());
        List<Lease> expected = new ArrayList<>();
        for (ModelLease l : leases.values()) {
            expected.add(new Lease(
                    l.id(),
                    l.requestId(),
                    l.channel(),
                    l.kind(),
                    l.dir(),
                    l.cls(),
                    l.expiresAt(),
                    calls.getOrDefault(l.channel(), 0L)));
        }
        assertThat(actual).isEqualTo(expected);
        for (Lease l : actual) {
            assertThat(present)
                    .as("lease on a present span")
                    .containsKey(l.channel().span());
            assertThat(machineUp(l.channel().span().machine()))
                    .as("no lease on a down machine")
                    .isTrue();
        }
    }

    /** busy + free + unusable == total per span, machine, kind and group, and each part is the model's. */
    void checkCounts() {
        Metrics m = live.metrics();
        Map<String, Metrics.Counts> byMachine = new HashMap<>();
        for (SpanLocation s : slots) {
            int total = 0;
            int busy = 0;
            int free = 0;
            for (int ds0 = 1; ds0 <= 24; ds0++) {
                ChannelId c = ch(s, ds0);
                if (bearer(c)) {
                    total++;
                    busy += busy(c) ? 1 : 0;
                    free += free(c) ? 1 : 0;
                }
            }
            Metrics.Counts expected = new Metrics.Counts(total, busy, free, total - busy - free);
            assertThat(m.bySpan().get(s)).as("counts of span %s", s).isEqualTo(expected);
            byMachine.merge(s.machine(), expected, Metrics.Counts::plus);
        }
        for (String mc : MACHINES) {
            assertThat(m.byMachine().get(mc)).isEqualTo(byMachine.getOrDefault(mc, Metrics.Counts.ZERO));
        }
        for (PortKind k : PortKind.values()) {
            int total = 0;
            int busy = 0;
            int free = 0;
            for (SpanLocation s : slots) {
                for (int ds0 = 1; ds0 <= 24; ds0++) {
                    ChannelId c = ch(s, ds0);
                    if (capable(c, k)) {
                        total++;
                        busy += busy(c) ? 1 : 0;
                        free += free(c) ? 1 : 0;
                    }
                }
            }
            assertThat(m.byKind().get(k))
                    .as("counts of kind %s", k)
                    .isEqualTo(new Metrics.Counts(total, busy, free, total - busy - free));
        }
        for (GroupDef g : GROUPS) {
            int total = 0;
            int busy = 0;
            int free = 0;
            for (Seg s : g.segs()) {
                int mem = members(s, g.kind());
                total += Integer.bitCount(mem);
                busy += segBusy(s, g.kind());
                for (int b = mem; b != 0; b &= b - 1) {
                    free += free(ch(s.span(), Integer.numberOfTrailingZeros(b) + 1)) ? 1 : 0;
                }
            }
            assertThat(m.byGroup().get(g.name()))
                    .as("counts of group %s", g.name())
                    .isEqualTo(new Metrics.Counts(total, busy, free, total - busy - free));
        }
        Metrics.Activity a = m.activity();
        assertThat(a.granted() - a.released() - a.expired() - a.revoked())
                .as("granted - released - expired - revoked == live leases")
                .isEqualTo(m.liveLeases())
                .isEqualTo(leases.size());
        assertThat(a.rejected().get(RejectReason.OVERLOADED)).isZero();
    }

    /** The incrementally maintained indexes equal those a restore rebuilds from scratch. */
    void checkIndexes() {
        PortManagerState rebuilt = SnapshotCodec.decode(SnapshotCodec.encode(live));
        assertThat(rebuilt.derivedDescription()).isEqualTo(live.derivedDescription());
    }

    // ---------------------------------------------------------------- helpers for actions

    List<ChannelId> allChannels() {
        List<ChannelId> out = new ArrayList<>();
        for (SpanLocation s : POSITIONS) {
            for (int ds0 = 1; ds0 <= 5; ds0++) {
                out.add(ch(s, ds0));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "World[inputs=" + journal.size() + ", leases=" + leases.size() + ", calls=" + calls.size()
                + ", restarts=" + restarts + "]";
    }
}
