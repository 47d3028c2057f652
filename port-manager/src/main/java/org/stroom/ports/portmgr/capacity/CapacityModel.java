package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanLocation;

/**
 * One system and one load, compiled for fast repeated checks: the pool requirements are sized once, every span is
 * reduced to its usable ports, ability and the set of pools that may use it, so that a check under any
 * combination of failures costs one pass over the spans plus a max-flow over a handful of nodes.
 *
 * <p>The split: pools draw ports from spans they admit (right kind, within scope); a dual-capable port serves one
 * pool only; a board never gives more ports than its channel capacity. The split is a maximum flow in which pools
 * are served in declaration order, so when ports are short the earlier pools keep theirs. Spans with the same
 * ability and the same admitting pools are merged into one node (per board only when the board is capped), which
 * keeps the network small for any system size.
 *
 * <pre>
 *   source --req--> pool --inf--> span class --usable--> [board --capacity-->] sink
 *   source --inf--> probe(kind) --inf--> span class    (margins only)
 * </pre>
 *
 * <p>Thread-safety: immutable after compilation; {@link #evaluate} may run from several threads.
 */
public final class CapacityModel {
    private static final int FAX_BIT = 1 << PortKind.FAX.ordinal();
    private static final int VOICE_BIT = 1 << PortKind.VOICE.ordinal();

    private final InventorySystem system;
    private final LoadProfile load;
    private final PortSizer sizer;
    private final DegradedLimits limits;
    private final List<PoolRequirement> requirements;

    private final String[] machineNames;
    private final boolean[] machineUp;
    private final int[] machineBase;
    private final Map<String, Integer> machineIndex = new HashMap<>();

    private final BoardId[] boardIds;
    private final int[] boardCapacity;
    private final boolean[] boardUp;
    private final int[] boardMachine;
    private final int[] boardBase;
    private final Map<BoardId, Integer> boardIndex = new HashMap<>();

    private final InventorySpan[] spans;
    private final int[] spanBoard;
    private final int[] baseUsable;
    private final int[] abilityBits;
    private final long[] poolMask;
    private final int[] spanClass;
    private final List<ClassKey> spanClasses = new ArrayList<>();
    private final String[] baseExcluded;
    private final Map<SpanLocation, Integer> spanIndex = new HashMap<>();

    private final boolean[] poolDelivered;

    private CapacityModel(InventorySystem system, LoadProfile load, PortSizer sizer, DegradedLimits limits) {
        this.system = system;
        this.load = load;
        this.sizer = sizer;
        this.limits = limits;
        this.requirements = sizer.requirements(load);
        List<HuntPool> pools = load.pools();

        int mCount = system.machines().size();
        machineNames = new String[mCount];
        machineUp = new boolean[mCount];
        machineBase = new int[mCount];
        List<InventoryBoard> boards = new ArrayList<>();
        List<Integer> boardOwners = new ArrayList<>();
        for (int m = 0; m < mCount; m++) {
            InventoryMachine im = system.machines().get(m);
            machineNames[m] = im.name();
            machineUp[m] = im.up();
            machineIndex.put(im.name(), m);
            for (InventoryBoard b : im.boards()) {
                boards.add(b);
                boardOwners.add(m);
            }
        }
        int bCount = boards.size();
        boardIds = new BoardId[bCount];
        boardCapacity = new int[bCount];
        boardUp = new boolean[bCount];
        boardMachine = new int[bCount];
        boardBase = new int[bCount];
        List<InventorySpan> allSpans = new ArrayList<>();
        List<Integer> spanOwners = new ArrayList<>();
        for (int b = 0; b < bCount; b++) {
            InventoryBoard ib = boards.get(b);
            boardIds[b] = ib.id();
            boardCapacity[b] = ib.channelCapacity();
            boardUp[b] = ib.up();
            boardMachine[b] = boardOwners.get(b);
            boardIndex.put(ib.id(), b);
            for (InventorySpan s : ib.spans()) {
                allSpans.add(s);
                spanOwners.add(b);
            }
        }
        int sCount = allSpans.size();
        spans = allSpans.toArray(new InventorySpan[0]);
        spanBoard = new int[sCount];
        baseUsable = new int[sCount];
        abilityBits = new int[sCount];
        poolMask = new long[sCount];
        spanClass = new int[sCount];
        baseExcluded = new String[sCount];
        Map<ClassKey, Integer> classIds = new HashMap<>();
        poolDelivered = new boolean[pools.size()];
        for (int s = 0; s < sCount; s++) {
            InventorySpan span = spans[s];
            spanBoard[s] = spanOwners.get(s);
            baseUsable[s] = span.usablePorts();
            boardBase[spanBoard[s]] += baseUsable[s];
            machineBase[boardMachine[spanBoard[s]]] += baseUsable[s];
            spanIndex.put(span.location(), s);
            int bits = 0;
            for (PortKind k : span.ability().kinds()) {
                bits |= 1 << k.ordinal();
            }
            abilityBits[s] = bits;
            long mask = 0L;
            for (int p = 0; p < pools.size(); p++) {
                HuntPool pool = pools.get(p);
                if (pool.scope().admits(span)) {
                    poolDelivered[p] = true;
                    if (span.ability().supports(pool.kind())) {
                        mask |= 1L << p;
                    }
                }
            }
            poolMask[s] = mask;
            ClassKey key = new ClassKey(-1, mask, bits);
            Integer id = classIds.get(key);
            if (id == null) {
                id = spanClasses.size();
                classIds.put(key, id);
                spanClasses.add(key);
            }
            spanClass[s] = id;
            if (!span.status().usableForTraffic()) {
                baseExcluded[s] = "span " + span + ": " + span.status().unusableReason() + " (" + span.bearerChannels()
                        + " ports)";
            } else if (span.lockedChannels() > 0) {
                baseExcluded[s] = "span " + span + ": " + span.lockedChannels() + " locked channels";
            }
        }
    }

    /**
     * Compiles a system and a load.
     *
     * @param system the system whose ports count
     * @param load what it must carry
     * @param sizer sizes pools (its caches are shared with other models)
     * @param limits degraded limits for grading
     * @return the model
     * @throws IllegalArgumentException when a pool needs more ports than the traffic formulas support
     */
    public static CapacityModel compile(
            InventorySystem system, LoadProfile load, PortSizer sizer, DegradedLimits limits) {
        Objects.requireNonNull(system, "CapacityModel.compile: system");
        Objects.requireNonNull(load, "CapacityModel.compile: load");
        Objects.requireNonNull(sizer, "CapacityModel.compile: sizer");
        Objects.requireNonNull(limits, "CapacityModel.compile: limits");
        return new CapacityModel(system, load, sizer, limits);
    }

    /** @return the system */
    public InventorySystem system() {
        return system;
    }

    /** @return the load */
    public LoadProfile load() {
        return load;
    }

    /** @return the pools' requirements in pool order */
    public List<PoolRequirement> requirements() {
        return requirements;
    }

    /**
     * Checks the system as it is.
     *
     * @param scenario title for the verdict
     * @return the verdict
     */
    public Verdict evaluate(String scenario) {
        return evaluate(scenario, FailureSet.none());
    }

    /**
     * Checks the system with some components failed. Components not in this system are ignored.
     *
     * @param scenario title for the verdict
     * @param failures rehearsed failures
     * @return the verdict
     */
    public Verdict evaluate(String scenario, FailureSet failures) {
        int sCount = spans.length;
        boolean[] mOut = new boolean[machineNames.length];
        boolean[] bOut = new boolean[boardIds.length];
        boolean[] sOut = new boolean[sCount];
        List<String> excluded = new ArrayList<>();
        for (int m = 0; m < machineNames.length; m++) {
            boolean failed = failures.machines().contains(machineNames[m]);
            mOut[m] = !machineUp[m] || failed;
            if (!machineUp[m]) {
                excluded.add("machine " + machineNames[m] + " is down (" + machineBase[m] + " ports)");
            } else if (failed) {
                excluded.add("rehearsal: machine " + machineNames[m] + " fails (" + machineBase[m] + " ports)");
            }
        }
        for (int b = 0; b < boardIds.length; b++) {
            if (mOut[boardMachine[b]]) {
                bOut[b] = true;
                continue;
            }
            boolean failed = failures.boards().contains(boardIds[b]);
            bOut[b] = !boardUp[b] || failed;
            if (!boardUp[b]) {
                excluded.add("board " + boardIds[b] + " is down (" + boardBase[b] + " ports)");
            } else if (failed) {
                excluded.add("rehearsal: board " + boardIds[b] + " fails (" + boardBase[b] + " ports)");
            }
        }
        for (SpanLocation at : failures.spans()) {
            Integer s = spanIndex.get(at);
            if (s != null) {
                sOut[s] = true;
            }
        }
        int[] usable = new int[sCount];
        int[] boardSum = new int[boardIds.length];
        for (int s = 0; s < sCount; s++) {
            int b = spanBoard[s];
            if (bOut[b]) {
                continue;
            }
            if (sOut[s]) {
                excluded.add("rehearsal: span " + spans[s] + " fails (" + baseUsable[s] + " ports)");
                continue;
            }
            if (baseExcluded[s] != null) {
                excluded.add(baseExcluded[s]);
            }
            usable[s] = baseUsable[s];
            boardSum[b] += usable[s];
        }
        for (int b = 0; b < boardIds.length; b++) {
            if (!bOut[b] && boardSum[b] > boardCapacity[b]) {
                excluded.add("board " + boardIds[b] + ": its spans offer " + boardSum[b]
                        + " usable channels but it runs at most " + boardCapacity[b] + " at once");
            }
        }
        return split(scenario, usable, boardSum, excluded);
    }

    private Verdict split(String scenario, int[] usable, int[] boardSum, List<String> excluded) {
        int bCount = boardIds.length;
        boolean[] capped = new boolean[bCount];
        int[] faxSum = new int[bCount];
        int[] voiceSum = new int[bCount];
        int[] dualSum = new int[bCount];
        for (int b = 0; b < bCount; b++) {
            capped[b] = boardSum[b] > boardCapacity[b];
        }
        int[] globalClassSize = new int[spanClasses.size()];
        Map<ClassKey, int[]> cappedClasses = new LinkedHashMap<>();
        for (int s = 0; s < spans.length; s++) {
            int u = usable[s];
            if (u == 0) {
                continue;
            }
            int b = spanBoard[s];
            if ((abilityBits[s] & FAX_BIT) != 0) {
                faxSum[b] += u;
            }
            if ((abilityBits[s] & VOICE_BIT) != 0) {
                voiceSum[b] += u;
            }
            if (abilityBits[s] == (FAX_BIT | VOICE_BIT)) {
                dualSum[b] += u;
            }
            if (capped[b]) {
                cappedClasses.computeIfAbsent(new ClassKey(b, poolMask[s], abilityBits[s]), k -> new int[1])[0] += u;
            } else {
                globalClassSize[spanClass[s]] += u;
            }
        }
        Map<ClassKey, int[]> classes = new LinkedHashMap<>();
        for (int c = 0; c < globalClassSize.length; c++) {
            if (globalClassSize[c] > 0) {
                classes.put(spanClasses.get(c), new int[] {globalClassSize[c]});
            }
        }
        classes.putAll(cappedClasses);
        int usableFax = 0;
        int usableVoice = 0;
        int usableDual = 0;
        for (int b = 0; b < bCount; b++) {
            usableFax += Math.min(boardCapacity[b], faxSum[b]);
            usableVoice += Math.min(boardCapacity[b], voiceSum[b]);
            usableDual += Math.min(boardCapacity[b], dualSum[b]);
        }

        int poolCount = requirements.size();
        int firstPool = 2;
        int firstProbe = firstPool + poolCount;
        int firstClass = firstProbe + 2;
        List<ClassKey> keys = new ArrayList<>(classes.keySet());
        Map<Integer, Integer> boardNode = new HashMap<>();
        int nodes = firstClass + keys.size();
        for (ClassKey k : keys) {
            if (k.board >= 0 && !boardNode.containsKey(k.board)) {
                boardNode.put(k.board, nodes++);
            }
        }
        PortFlow flow = new PortFlow(nodes);
        int[] poolEdge = new int[poolCount];
        for (int p = 0; p < poolCount; p++) {
            poolEdge[p] = flow.addEdge(PortFlow.SOURCE, firstPool + p, 0);
        }
        int[] probeEdge = new int[2];
        for (int k = 0; k < 2; k++) {
            probeEdge[k] = flow.addEdge(PortFlow.SOURCE, firstProbe + k, PortFlow.INFINITE);
        }
        for (Map.Entry<Integer, Integer> e : boardNode.entrySet()) {
            flow.addEdge(e.getValue(), PortFlow.SINK, boardCapacity[e.getKey()]);
        }
        int[] eligible = new int[poolCount];
        Map<Integer, int[]> eligibleOnCappedBoard = new HashMap<>();
        for (int c = 0; c < keys.size(); c++) {
            ClassKey k = keys.get(c);
            int node = firstClass + c;
            int size = classes.get(k)[0];
            flow.addEdge(node, k.board >= 0 ? boardNode.get(k.board) : PortFlow.SINK, size);
            for (int p = 0; p < poolCount; p++) {
                if ((k.mask & (1L << p)) != 0) {
                    flow.addEdge(firstPool + p, node, PortFlow.INFINITE);
                    if (k.board >= 0) {
                        eligibleOnCappedBoard.computeIfAbsent(k.board, x -> new int[poolCount])[p] += size;
                    } else {
                        eligible[p] += size;
                    }
                }
            }
            for (int kind = 0; kind < 2; kind++) {
                if ((k.abilityBits & (1 << kind)) != 0) {
                    flow.addEdge(firstProbe + kind, node, PortFlow.INFINITE);
                }
            }
        }
        for (Map.Entry<Integer, int[]> e : eligibleOnCappedBoard.entrySet()) {
            for (int p = 0; p < poolCount; p++) {
                eligible[p] += Math.min(boardCapacity[e.getKey()], e.getValue()[p]);
            }
        }

        int[] allotted = new int[poolCount];
        boolean feasible = true;
        for (int p = 0; p < poolCount; p++) {
            flow.setCapacity(poolEdge[p], requirements.get(p).requiredPorts());
            flow.augmentThrough(poolEdge[p]);
            allotted[p] = flow.flow(poolEdge[p]);
            feasible &= allotted[p] == requirements.get(p).requiredPorts();
        }

        List<PoolLine> poolLines = new ArrayList<>();
        Grade grade = Grade.PASS;
        for (int p = 0; p < poolCount; p++) {
            PoolRequirement req = requirements.get(p);
            Achieved got = sizer.achieved(req, allotted[p]);
            List<TargetCheck> checks = sizer.check(req, allotted[p]);
            Grade g = limits.grade(req, allotted[p], got, checks);
            grade = grade.worse(g);
            poolLines.add(new PoolLine(
                    req.pool().name(),
                    req.kind(),
                    req.discipline(),
                    req.offeredErlangs(),
                    req.requiredPorts(),
                    eligible[p],
                    allotted[p],
                    got,
                    checks,
                    g));
        }

        List<KindLine> kindLines = new ArrayList<>();
        for (PortKind kind : PortKind.values()) {
            int required = 0;
            int given = 0;
            double worstBlocking = -1.0;
            double worstWait = -1.0;
            for (int p = 0; p < poolCount; p++) {
                PoolRequirement req = requirements.get(p);
                if (req.kind() != kind) {
                    continue;
                }
                required += req.requiredPorts();
                given += allotted[p];
                Achieved got = poolLines.get(p).achieved();
                if (got instanceof Achieved.Loss l) {
                    worstBlocking = Math.max(worstBlocking, l.blocking());
                } else {
                    worstWait = Math.max(worstWait, ((Achieved.Queue) got).meanWaitSeconds());
                }
            }
            int margin;
            if (given < required) {
                margin = given - required;
            } else {
                margin = flow.copy().augmentThrough(probeEdge[kind.ordinal()]);
            }
            kindLines.add(new KindLine(
                    kind,
                    required,
                    kind == PortKind.FAX ? usableFax : usableVoice,
                    usableDual,
                    given,
                    margin,
                    worstBlocking < 0 ? OptionalDouble.empty() : OptionalDouble.of(worstBlocking),
                    worstWait < 0 ? OptionalDouble.empty() : OptionalDouble.of(worstWait)));
        }
        List<String> reasons = reasons(grade, feasible, poolLines, kindLines);
        if (grade != Grade.PASS && !excluded.isEmpty()) {
            reasons.add("ports out of use: " + String.join("; ", excluded));
        }
        return new Verdict(scenario, system.name(), grade, kindLines, poolLines, feasible, reasons, excluded);
    }

    private List<String> reasons(Grade grade, boolean feasible, List<PoolLine> pools, List<KindLine> kinds) {
        List<String> out = new ArrayList<>();
        if (grade == Grade.PASS) {
            out.add("every pool meets its target on " + system.name() + "; margin "
                    + String.join(
                            ", ",
                            kinds.stream()
                                    .map(k -> k.kind() + " " + Fmt.signed(k.margin()))
                                    .toList()));
        }
        for (int p = 0; p < pools.size(); p++) {
            PoolLine line = pools.get(p);
            PoolRequirement req = requirements.get(p);
            if (line.grade() == Grade.PASS) {
                continue;
            }
            if (line.eligible() == 0 && req.pool().scope() instanceof PoolScope.Dids) {
                out.add(
                        poolDelivered[p]
                                ? "pool " + line.pool() + ": every span of " + system.name() + " delivering "
                                        + req.pool().scope().describe() + " is unusable"
                                : "pool " + line.pool() + ": no span of " + system.name() + " delivers "
                                        + req.pool().scope().describe() + "; a span move or number rollover is needed");
            }
            out.add("pool " + line.pool() + " (" + line.kind() + ", " + Fmt.number(line.offeredErlangs())
                    + " E) needs " + line.required() + " ports for " + req.describeTargets() + " but gets "
                    + line.allotted() + " (" + line.eligible() + " eligible): "
                    + line.achieved().describe()
                    + " -> " + line.grade());
        }
        boolean sumsSuffice = true;
        for (KindLine k : kinds) {
            if (k.usable() < k.required()) {
                sumsSuffice = false;
                out.add(k.kind() + ": " + k.required() + " ports required, " + k.usable() + " usable, short by "
                        + (k.required() - k.usable()));
            }
        }
        if (!feasible && sumsSuffice) {
            out.add("ports suffice kind by kind but cannot be split: "
                    + kinds.get(0).dualUsable()
                    + " dual-capable ports count only once, and pools may only use spans in their scope");
        }
        return out;
    }

    /** Indexes for rehearsals: every machine name, board id and span location of the system. */
    List<String> machineNames() {
        return List.of(machineNames);
    }

    List<BoardId> boardIds() {
        return List.of(boardIds);
    }

    List<SpanLocation> spanLocations() {
        List<SpanLocation> out = new ArrayList<>(spans.length);
        for (InventorySpan s : spans) {
            out.add(s.location());
        }
        return out;
    }

    private record ClassKey(int board, long mask, int abilityBits) {}
}
