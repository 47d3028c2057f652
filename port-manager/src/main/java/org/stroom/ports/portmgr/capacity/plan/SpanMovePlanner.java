package org.stroom.ports.portmgr.capacity.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.CapacityModel;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.KindLine;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.PoolLine;
import org.stroom.ports.portmgr.capacity.PoolRequirement;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Signalling;

/**
 * Plans how a survivor takes over a failed system's telephony: which circuits to move into which free board
 * ports, which DID ranges to roll over when a circuit cannot be moved, and what is still missing.
 *
 * <p>Steps:
 *
 * <ol>
 *   <li>A failed circuit <em>must</em> reach the survivor when it delivers DIDs of a pool with traffic and no
 *       usable survivor span delivers them yet.
 *   <li>Those circuits are matched to free positions (maximum bipartite matching with augmenting paths, most
 *       constrained circuit first). A position fits a circuit when its line profile (framing, coding, signalling,
 *       switch variant) is the circuit's, its board can do the kinds of the pools using those DIDs, and the board
 *       has free channel resources for the circuit's bearers.
 *   <li>DID ranges of circuits left without a position are rolled over to usable survivor circuits whose
 *       signalling delivers DIDs (PRI, E&amp;M) and whose channels can do the pool's kind: circuits that add ports
 *       to the pool (not yet answering it) first, then those not yet targeted, then those answering no DIDs, most
 *       usable ports first.
 *   <li>If the survivor still misses a target, further circuits are moved one at a time, each time the move that
 *       raises the allotted ports most, until the targets are met or no move helps: moves stay minimal.
 * </ol>
 *
 * <p>Thread-safety: immutable; safe from any thread (the sizer's caches are synchronized).
 */
public final class SpanMovePlanner {
    private final PortSizer sizer;
    private final DegradedLimits limits;

    /**
     * @param sizer sizes pools (shared caches)
     * @param limits degraded limits used when judging whether more moves are needed
     */
    public SpanMovePlanner(PortSizer sizer, DegradedLimits limits) {
        this.sizer = Objects.requireNonNull(sizer, "SpanMovePlanner: sizer");
        this.limits = Objects.requireNonNull(limits, "SpanMovePlanner: limits");
    }

    /**
     * @param failed the failed system as last known (its circuits and DIDs; its status does not matter)
     * @param survivor the survivor with its live status and free positions
     * @param load everything the survivor must carry after the takeover (its own and the moved modules)
     * @return the plan; {@link TakeoverPlan#missing()} says what it cannot provide
     */
    public TakeoverPlan plan(InventorySystem failed, InventorySystem survivor, LoadProfile load) {
        return planAndCheck(failed, survivor, load).plan();
    }

    /**
     * The plan, the survivor once it is carried out, and the capacity verdict on that survivor (titled
     * {@code "plan"}), computed together so the last check is not repeated.
     *
     * <p>Thread-safety: immutable.
     *
     * @param plan the plan
     * @param survivorAfter the survivor after the plan
     * @param verdict the verdict on {@code survivorAfter}
     */
    public record Planned(TakeoverPlan plan, InventorySystem survivorAfter, Verdict verdict) {
        /** Checks for null. */
        public Planned {
            Objects.requireNonNull(plan, "planned: plan");
            Objects.requireNonNull(survivorAfter, "planned: survivorAfter");
            Objects.requireNonNull(verdict, "planned: verdict");
        }
    }

    /**
     * Like {@link #plan}, also returning the survivor after the plan and its verdict.
     *
     * @param failed the failed system as last known
     * @param survivor the survivor with its live status and free positions
     * @param load everything the survivor must carry after the takeover
     * @return plan, survivor after it, verdict
     */
    public Planned planAndCheck(InventorySystem failed, InventorySystem survivor, LoadProfile load) {
        List<PoolRequirement> reqs = sizer.requirements(load);
        List<DidRange> survivorDids = new ArrayList<>();
        for (InventorySpan s : usableSpans(survivor)) {
            survivorDids.addAll(s.config().didRanges());
        }

        List<Need> needs = new ArrayList<>();
        for (InventorySpan f : failed.spans()) {
            Need need = new Need(f);
            for (PoolRequirement r : reqs) {
                if (r.offeredErlangs() == 0.0 || !(r.pool().scope() instanceof PoolScope.Dids dids)) {
                    continue;
                }
                for (DidRange range : f.config().didRanges()) {
                    if (dids.overlaps(range) && !delivered(survivorDids, range)) {
                        need.ranges.put(range, r.pool());
                        need.kinds.add(r.kind());
                    }
                }
            }
            if (!need.ranges.isEmpty()) {
                needs.add(need);
            }
        }

        Positions positions = new Positions(survivor);
        List<SpanMove> moves = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<Need, Integer> placed = positions.match(needs);
        for (Need n : needs) {
            Integer p = placed.get(n);
            if (p != null) {
                moves.add(new SpanMove(
                        n.span.circuit(),
                        n.span.location(),
                        positions.spare(p).location(),
                        n.span.config(),
                        "delivers " + describe(n.ranges)));
            }
        }
        InventorySystem after = new TakeoverPlan(failed.name(), survivor.name(), moves, RolloverPlan.none(), List.of())
                .applyTo(survivor);

        List<Rollover> rollovers = new ArrayList<>();
        Map<org.stroom.ports.t1.CircuitId, Integer> targeted = new HashMap<>();
        for (Need n : needs) {
            if (placed.containsKey(n)) {
                continue;
            }
            String noPosition = positions.whyNot(n);
            for (Map.Entry<DidRange, HuntPool> e : n.ranges.entrySet()) {
                InventorySpan target = rolloverTarget(after, e.getValue(), targeted);
                if (target == null) {
                    missing.add("DIDs " + e.getKey() + " (pool " + e.getValue().name() + ", circuit "
                            + n.span.circuit() + "): " + noPosition + ", and no usable "
                            + e.getValue().kind()
                            + " circuit of " + survivor.name()
                            + " with DID-capable signalling (PRI or E&M) can take a rollover");
                    continue;
                }
                targeted.merge(target.circuit(), 1, Integer::sum);
                rollovers.add(new Rollover(
                        e.getKey(), e.getValue().name(), n.span.circuit(), target.circuit(), target.location()));
            }
        }
        RolloverPlan rollover = new RolloverPlan(rollovers);

        Set<org.stroom.ports.t1.CircuitId> used = new HashSet<>();
        needs.forEach(n -> used.add(n.span.circuit()));
        Trial current = evaluate(survivor, failed, moves, rollover, load);
        while (current.verdict.grade() != Grade.PASS) {
            SpanMove best = null;
            Trial bestTrial = current;
            Set<String> tried = new HashSet<>();
            for (InventorySpan f : failed.spans()) {
                if (used.contains(f.circuit())) {
                    continue;
                }
                int p = positions.bestFree(f, EnumSet.noneOf(PortKind.class));
                if (p < 0) {
                    continue;
                }
                InventoryBoard board = positions.board(p);
                String key = LineProfile.of(f.config()) + "|" + f.bearerChannels() + "|" + board.id() + "|"
                        + f.config().didRanges().isEmpty();
                if (!tried.add(key)) {
                    continue;
                }
                SpanMove candidate = new SpanMove(
                        f.circuit(),
                        f.location(),
                        positions.spare(p).location(),
                        f.config(),
                        "adds " + f.bearerChannels() + " " + board.ability() + " channels");
                List<SpanMove> trial = new ArrayList<>(moves);
                trial.add(candidate);
                Trial t = evaluate(survivor, failed, trial, rollover, load);
                if (better(t.verdict, bestTrial.verdict)) {
                    best = candidate;
                    bestTrial = t;
                }
            }
            if (best == null) {
                break;
            }
            moves.add(best);
            used.add(best.circuit());
            positions.take(best.to(), best.config().layout().bearerCount());
            current = bestTrial;
        }
        if (current.verdict.grade() != Grade.PASS) {
            missing.addAll(shortfall(current.verdict, moves.size(), rollovers.size()));
        }
        return new Planned(
                new TakeoverPlan(failed.name(), survivor.name(), moves, rollover, missing),
                current.after,
                current.verdict);
    }

    private record Trial(InventorySystem after, Verdict verdict) {}

    private Trial evaluate(
            InventorySystem survivor,
            InventorySystem failed,
            List<SpanMove> moves,
            RolloverPlan rollover,
            LoadProfile load) {
        InventorySystem after =
                new TakeoverPlan(failed.name(), survivor.name(), moves, rollover, List.of()).applyTo(survivor);
        return new Trial(
                after, CapacityModel.compile(after, load, sizer, limits).evaluate("plan"));
    }

    private static boolean better(Verdict a, Verdict b) {
        if (a.grade() != b.grade()) {
            return a.grade().compareTo(b.grade()) < 0;
        }
        return allotted(a) > allotted(b);
    }

    private static int allotted(Verdict v) {
        return v.pools().stream().mapToInt(PoolLine::allotted).sum();
    }

    private static List<String> shortfall(Verdict v, int moves, int rollovers) {
        List<String> out = new ArrayList<>();
        String after = "after " + plural(moves, "span move") + " and " + plural(rollovers, "rollover") + ", ";
        for (KindLine k : v.kinds()) {
            if (k.margin() < 0) {
                out.add(after + k.kind() + " is short by " + plural(-k.margin(), "port") + " (" + k.required()
                        + " required, " + k.allotted() + " can be allotted) and no further compatible free position"
                        + " helps");
            }
        }
        for (PoolLine p : v.pools()) {
            if (p.grade() != Grade.PASS && p.allotted() >= p.required()) {
                out.add(after + "pool " + p.pool() + " still misses its target");
            }
        }
        if (out.isEmpty()) {
            out.add(after + v.system() + " is graded " + v.grade());
        }
        return out;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(Map<DidRange, HuntPool> ranges) {
        List<String> parts = new ArrayList<>();
        ranges.forEach((r, p) -> parts.add("DIDs " + r + " of pool " + p.name()));
        return String.join(", ", parts);
    }

    private static List<InventorySpan> usableSpans(InventorySystem s) {
        List<InventorySpan> out = new ArrayList<>();
        for (InventoryMachine m : s.machines()) {
            if (!m.up()) {
                continue;
            }
            for (InventoryBoard b : m.boards()) {
                if (!b.up()) {
                    continue;
                }
                for (InventorySpan span : b.spans()) {
                    if (span.usablePorts() > 0) {
                        out.add(span);
                    }
                }
            }
        }
        return out;
    }

    private static boolean delivered(List<DidRange> delivered, DidRange range) {
        for (DidRange d : delivered) {
            if (d.overlaps(range)) {
                return true;
            }
        }
        return false;
    }

    private static InventorySpan rolloverTarget(
            InventorySystem survivor, HuntPool pool, Map<org.stroom.ports.t1.CircuitId, Integer> targeted) {
        List<InventorySpan> candidates = new ArrayList<>();
        for (InventorySpan s : usableSpans(survivor)) {
            if (s.ability().supports(pool.kind()) && deliversDids(s.config().signalling())) {
                candidates.add(s);
            }
        }
        // Prefer circuits that add ports to the pool, have not been targeted yet and answer no other DIDs.
        Comparator<InventorySpan> order = Comparator.<InventorySpan>comparingInt(
                        s -> pool.scope().admits(s) ? 1 : 0)
                .thenComparingInt(s -> targeted.getOrDefault(s.circuit(), 0))
                .thenComparingInt(s -> s.config().didRanges().isEmpty() ? 0 : 1)
                .thenComparing(
                        Comparator.comparingInt(InventorySpan::usablePorts).reversed())
                .thenComparing(InventorySpan::location);
        return candidates.stream().min(order).orElse(null);
    }

    private static boolean deliversDids(Signalling s) {
        return s == Signalling.ISDN_PRI || s == Signalling.EM_WINK_START || s == Signalling.EM_IMMEDIATE;
    }

    /** A failed circuit that must reach the survivor, with the DID ranges that make it needed. */
    private static final class Need {
        final InventorySpan span;
        final Map<DidRange, HuntPool> ranges = new LinkedHashMap<>();
        final Set<PortKind> kinds = EnumSet.noneOf(PortKind.class);

        Need(InventorySpan span) {
            this.span = span;
        }
    }

    /** The survivor's free positions with the channel resources left on their boards. */
    private static final class Positions {
        private final InventorySystem survivor;
        private final List<SparePort> spares = new ArrayList<>();
        private final List<InventoryBoard> boardOfSpare = new ArrayList<>();
        private final List<Integer> boardIndexOfSpare = new ArrayList<>();
        private final List<Integer> boardCapacity = new ArrayList<>();
        private int[] load = new int[0];
        private final Set<Integer> taken = new HashSet<>();

        Positions(InventorySystem survivor) {
            this.survivor = survivor;
            for (InventoryMachine m : survivor.machines()) {
                if (!m.up()) {
                    continue;
                }
                for (InventoryBoard b : m.boards()) {
                    if (!b.up()) {
                        continue;
                    }
                    int index = boardCapacity.size();
                    boardCapacity.add(b.channelCapacity());
                    load = java.util.Arrays.copyOf(load, index + 1);
                    load[index] = b.terminatedChannels();
                    for (SparePort p : b.spares()) {
                        spares.add(p);
                        boardOfSpare.add(b);
                        boardIndexOfSpare.add(index);
                    }
                }
            }
        }

        SparePort spare(int p) {
            return spares.get(p);
        }

        InventoryBoard board(int p) {
            return boardOfSpare.get(p);
        }

        private int free(int p) {
            int b = boardIndexOfSpare.get(p);
            return boardCapacity.get(b) - load[b];
        }

        private boolean compatible(int p, InventorySpan span, Set<PortKind> kinds) {
            InventoryBoard b = boardOfSpare.get(p);
            for (PortKind k : kinds) {
                if (!b.ability().supports(k)) {
                    return false;
                }
            }
            return spares.get(p).profile().accepts(span.config());
        }

        /** Free compatible position with the most free resources on its board, or -1. */
        int bestFree(InventorySpan span, Set<PortKind> kinds) {
            int best = -1;
            for (int p = 0; p < spares.size(); p++) {
                if (taken.contains(p) || !compatible(p, span, kinds) || free(p) < span.bearerChannels()) {
                    continue;
                }
                if (best < 0 || free(p) > free(best)) {
                    best = p;
                }
            }
            return best;
        }

        void take(org.stroom.ports.t1.SpanLocation at, int bearers) {
            for (int p = 0; p < spares.size(); p++) {
                if (spares.get(p).location().equals(at)) {
                    taken.add(p);
                    load[boardIndexOfSpare.get(p)] += bearers;
                    return;
                }
            }
        }

        /** Maximum matching of needed circuits to positions; records the positions taken. */
        Map<Need, Integer> match(List<Need> needs) {
            List<List<Integer>> compat = new ArrayList<>();
            for (Need n : needs) {
                List<Integer> ps = new ArrayList<>();
                for (int p = 0; p < spares.size(); p++) {
                    if (compatible(p, n.span, n.kinds)) {
                        ps.add(p);
                    }
                }
                ps.sort(Comparator.<Integer>comparingInt(this::free).reversed().thenComparing(p -> spares.get(p)
                        .location()));
                compat.add(ps);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < needs.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingInt(i -> compat.get(i).size())
                    .thenComparing(i -> needs.get(i).span.location()));
            int[] ofPosition = new int[spares.size()];
            java.util.Arrays.fill(ofPosition, -1);
            int[] ofNeed = new int[needs.size()];
            java.util.Arrays.fill(ofNeed, -1);
            for (int i : order) {
                augment(i, needs, compat, ofPosition, ofNeed, new boolean[spares.size()]);
            }
            Map<Need, Integer> out = new HashMap<>();
            for (int i = 0; i < needs.size(); i++) {
                if (ofNeed[i] >= 0) {
                    out.put(needs.get(i), ofNeed[i]);
                    taken.add(ofNeed[i]);
                }
            }
            return out;
        }

        private boolean augment(
                int i, List<Need> needs, List<List<Integer>> compat, int[] ofPosition, int[] ofNeed, boolean[] seen) {
            int bearers = needs.get(i).span.bearerChannels();
            // Free positions first, so that nobody is displaced without need; then augmenting paths.
            for (int p : compat.get(i)) {
                if (!seen[p] && ofPosition[p] < 0 && free(p) >= bearers) {
                    seen[p] = true;
                    assign(i, p, needs, ofPosition, ofNeed);
                    return true;
                }
            }
            for (int p : compat.get(i)) {
                if (seen[p] || ofPosition[p] < 0) {
                    continue;
                }
                seen[p] = true;
                if (augment(ofPosition[p], needs, compat, ofPosition, ofNeed, seen) && free(p) >= bearers) {
                    assign(i, p, needs, ofPosition, ofNeed);
                    return true;
                }
            }
            return false;
        }

        private void assign(int i, int p, List<Need> needs, int[] ofPosition, int[] ofNeed) {
            int bearers = needs.get(i).span.bearerChannels();
            if (ofNeed[i] >= 0) {
                int old = ofNeed[i];
                ofPosition[old] = -1;
                load[boardIndexOfSpare.get(old)] -= bearers;
            }
            ofNeed[i] = p;
            ofPosition[p] = i;
            load[boardIndexOfSpare.get(p)] += bearers;
        }

        /** Why a circuit found no position, naming what would fit and what is free. */
        String whyNot(Need n) {
            LineProfile wanted = LineProfile.of(n.span.config());
            List<String> free = new ArrayList<>();
            for (int p = 0; p < spares.size(); p++) {
                if (!taken.contains(p)) {
                    InventoryBoard b = boardOfSpare.get(p);
                    free.add(spares.get(p).location() + " (" + spares.get(p).profile() + ", " + b.ability() + ", "
                            + free(p) + " free channels)");
                }
            }
            return "circuit " + n.span.circuit() + " needs a free " + wanted + " position on " + survivor.name()
                    + " on a board doing " + kindsText(n.kinds) + " with " + n.span.bearerChannels()
                    + " free channel resources; free positions: " + (free.isEmpty() ? "none" : String.join(", ", free));
        }

        private static String kindsText(Set<PortKind> kinds) {
            if (kinds.size() == 2) {
                return PortAbility.FAX_AND_VOICE.name();
            }
            return kinds.iterator().next().name();
        }
    }
}
