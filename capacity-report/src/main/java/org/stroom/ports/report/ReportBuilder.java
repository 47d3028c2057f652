package org.stroom.ports.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.Achieved;
import org.stroom.ports.portmgr.capacity.CapacityModel;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.Discipline;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.KindLine;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.PoolLine;
import org.stroom.ports.portmgr.capacity.PoolRequirement;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.Rehearsal;
import org.stroom.ports.portmgr.capacity.RehearsalReport;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.capacity.TargetCheck;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.portmgr.capacity.check.ProtectedSystem;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.check.RedundancyReport;
import org.stroom.ports.portmgr.capacity.check.TakeoverAnalysis;
import org.stroom.ports.portmgr.capacity.plan.Rollover;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.report.CapacityMapping.Mapping;
import org.stroom.ports.report.CapacityMapping.PoolMapping;
import org.stroom.ports.report.ReportData.Curve;
import org.stroom.ports.report.ReportData.GroupRow;
import org.stroom.ports.report.ReportData.KindRow;
import org.stroom.ports.report.ReportData.MachineRow;
import org.stroom.ports.report.ReportData.PlanRow;
import org.stroom.ports.report.ReportData.Point;
import org.stroom.ports.report.ReportData.PoolRow;
import org.stroom.ports.report.ReportData.ProofRow;
import org.stroom.ports.report.ReportData.SimModuleRow;
import org.stroom.ports.report.ReportData.SpanRow;
import org.stroom.ports.report.ReportData.SystemRow;
import org.stroom.ports.report.ReportData.VerdictRow;
import org.stroom.ports.report.ReportData.WhatIfRow;
import org.stroom.ports.sim.ModuleStats;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.SpanLocation;

/**
 * Builds the {@link ReportData} of a described installation: maps it onto the capacity model
 * ({@link CapacityMapping}), sizes every hunt group, runs the redundancy mode's checks, rehearses every single
 * failure, plans each takeover and signs a takeover proof for it; optionally folds in a simulation run
 * ({@link #simulate}).
 *
 * <pre>
 *   SystemDescription ──CapacityMapping──▶ inventory + loads ──PortSizer──────▶ groups, curves
 *          │                                      ├──RedundancyChecker──▶ verdicts, plan
 *          │                                      ├──Rehearsal───────────▶ what-if
 *          │                                      └──TakeoverProver──────▶ proofs
 *          └──simulate()──▶ SimulationResult ──────────────────────────────▶ spans, measured blocking
 * </pre>
 *
 * <p>Thread-safety: stateless; each call works on its own objects.
 */
public final class ReportBuilder {
    /** Busy-count sampling interval of {@link #simulate}, virtual time. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(30);

    /** Values below this are left off curves (the axis is logarithmic). */
    static final double CURVE_FLOOR = 1e-6;

    private ReportBuilder() {}

    /**
     * How to build a report.
     *
     * @param title report title
     * @param source where the description came from, shown in the report (e.g. a file name)
     * @param clock time of the report and of its takeover proofs
     * @param signer signs the takeover proofs
     *     <p>Thread-safety: immutable.
     */
    public record Options(String title, String source, InstantSource clock, ProofSigner signer) {
        /** Checks for null. */
        public Options {
            Objects.requireNonNull(title, "report options: title");
            Objects.requireNonNull(source, "report options: source");
            Objects.requireNonNull(clock, "report options: clock");
            Objects.requireNonNull(signer, "report options: signer");
        }

        /** @return title "Capacity-planning report", no source, the UTC system clock, a new random signing key */
        public static Options defaults() {
            return new Options("Capacity-planning report", "", Clock.systemUTC(), ProofSigner.generate());
        }

        /** @return a copy with another source */
        public Options withSource(String newSource) {
            return new Options(title, newSource, clock, signer);
        }

        /** @return a copy with another title */
        public Options withTitle(String newTitle) {
            return new Options(newTitle, source, clock, signer);
        }

        /** @return a copy with another clock */
        public Options withClock(InstantSource newClock) {
            return new Options(title, source, newClock, signer);
        }

        /** @return a copy with another signer */
        public Options withSigner(ProofSigner newSigner) {
            return new Options(title, source, clock, newSigner);
        }
    }

    /**
     * Builds the report with {@link Options#defaults()}.
     *
     * @param description a validated description
     * @param simulation a simulation run of one of its systems, if any
     * @return the report data
     */
    public static ReportData build(SystemDescription description, Optional<SimulationResult> simulation) {
        return build(description, simulation, Options.defaults());
    }

    /**
     * Builds the report.
     *
     * @param description a validated description (e.g. from {@code DescriptionReader.read})
     * @param simulation a simulation run of one of its systems, if any: its span statuses count as live, its spans'
     *     utilisation and its modules' blocking are shown
     * @param options title, source, clock and signer
     * @return the report data
     * @throws IllegalArgumentException when the description does not fit the capacity model (the message says
     *     which system, group or module and why)
     */
    public static ReportData build(
            SystemDescription description, Optional<SimulationResult> simulation, Options options) {
        Objects.requireNonNull(description, "ReportBuilder.build: description");
        Objects.requireNonNull(simulation, "ReportBuilder.build: simulation");
        Objects.requireNonNull(options, "ReportBuilder.build: options");
        return new Run(description, simulation.orElse(null), options).build();
    }

    /**
     * The system {@link #simulate} runs: the (first) active system of Mode 2 and N+1, otherwise the first system.
     *
     * @param description a validated description
     * @return its name
     */
    public static String simulatedSystem(SystemDescription description) {
        SystemDescription.RedundancyMode mode = description.mode();
        if ((mode == SystemDescription.RedundancyMode.MODE_2 || mode == SystemDescription.RedundancyMode.N_PLUS_1)
                && !description.pairs().isEmpty()
                && !description.pairs().get(0).covers().isEmpty()) {
            return description.pairs().get(0).covers().get(0);
        }
        return description.systems().get(0).name();
    }

    /**
     * Runs the active (or first) system on simulated boards in virtual time with its modules' busy-hour traffic:
     * a warm-up of {@code min(5 min, 10 % of hours)}, then {@code hours} measured, sampling every span's busy
     * channels every {@link #SAMPLE_INTERVAL}. Blocks the calling thread for the run (a simulated hour of the
     * default installation takes seconds).
     *
     * @param description a validated description
     * @param hours virtual hours to measure, finite and &gt; 0
     * @param seed seeds every random choice: the same inputs give the same result
     * @param workDir directory for the simulator's fax files (created if missing)
     * @return what the run measured
     * @throws IllegalArgumentException when hours is out of range
     */
    public static SimulationResult simulate(SystemDescription description, double hours, long seed, Path workDir) {
        Objects.requireNonNull(description, "ReportBuilder.simulate: description");
        Objects.requireNonNull(workDir, "ReportBuilder.simulate: workDir");
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException(
                    "ReportBuilder.simulate: hours = " + hours + " must be finite and > 0 (virtual hours to measure)");
        }
        String name = simulatedSystem(description);
        StroomSystem system = description.system(name).orElseThrow();
        VirtualClock clock = new VirtualClock();
        double warmUpHours = Math.min(5.0 / 60.0, hours * 0.1);
        long samples = Math.max(1, Math.round(hours * 3600.0 / SAMPLE_INTERVAL.toSeconds()));
        try (SimulatedSystem sys = new SimulatedSystem(system, clock, seed, workDir, false)) {
            sys.startTraffic();
            clock.advance(Duration.ofNanos(Math.round(warmUpHours * 3600e9)));
            Map<String, ModuleStats> before = new HashMap<>();
            sys.moduleStats().forEach(s -> before.put(s.module(), s));
            Map<SpanLocation, long[]> busy = new LinkedHashMap<>();
            Map<SpanLocation, Integer> bearers = new HashMap<>();
            for (long i = 0; i < samples; i++) {
                clock.advance(SAMPLE_INTERVAL);
                Metrics m = sys.metrics();
                for (Map.Entry<SpanLocation, Metrics.Counts> e : m.bySpan().entrySet()) {
                    long[] acc = busy.computeIfAbsent(e.getKey(), k -> new long[2]);
                    acc[0] += e.getValue().busy();
                    acc[1] = Math.max(acc[1], e.getValue().busy());
                    bearers.put(e.getKey(), e.getValue().total());
                }
            }
            Map<SpanLocation, String> circuits = new HashMap<>();
            sys.inventory().locations().forEach((c, at) -> circuits.put(at, c));
            List<SimulationResult.SpanUse> spans = new ArrayList<>();
            for (Map.Entry<SpanLocation, long[]> e : busy.entrySet()) {
                spans.add(new SimulationResult.SpanUse(
                        e.getKey(),
                        circuits.getOrDefault(e.getKey(), ""),
                        bearers.get(e.getKey()),
                        (double) e.getValue()[0] / samples,
                        (int) e.getValue()[1]));
            }
            spans.sort(java.util.Comparator.comparing(SimulationResult.SpanUse::location));
            List<SimulationResult.ModuleUse> modules = new ArrayList<>();
            for (ModuleStats s : sys.moduleStats()) {
                ModuleStats b = before.get(s.module());
                modules.add(new SimulationResult.ModuleUse(
                        s.module(),
                        s.pool(),
                        s.outbound(),
                        s.offered() - (b == null ? 0 : b.offered()),
                        s.carried() - (b == null ? 0 : b.carried()),
                        s.blocked() - (b == null ? 0 : b.blocked())));
            }
            CapacityMapping.LiveState live = CapacityMapping.live(sys);
            drain(sys, clock);
            return new SimulationResult(name, hours, warmUpHours, seed, (int) samples, spans, modules, live);
        }
    }

    /**
     * Stops new traffic and lets calls in progress end (at most two virtual hours): closing a simulated system
     * with calls up makes its boards report disconnects to a port manager that is already closed.
     */
    private static void drain(SimulatedSystem sys, VirtualClock clock) {
        sys.stopTraffic();
        for (int minute = 0; minute < 120; minute++) {
            clock.advance(Duration.ofMinutes(1));
            if (sys.metrics().liveLeases() == 0 && busyChannels(sys) == 0) {
                return;
            }
        }
    }

    private static int busyChannels(SimulatedSystem sys) {
        int n = 0;
        for (var b : sys.backends().values()) {
            for (var c : b.channels()) {
                if (c.state().inCall()) {
                    n++;
                }
            }
        }
        return n;
    }

    /** One build: the mapping and checker shared by every section. */
    private static final class Run {
        private final SystemDescription description;
        private final SimulationResult sim;
        private final Options options;
        private final Mapping mapping;
        private final PortSizer sizer = new PortSizer();
        private final DegradedLimits limits = DegradedLimits.defaults();
        private final RedundancyChecker checker = new RedundancyChecker(sizer, limits);
        private final List<Takeover> takeovers = new ArrayList<>();
        private final Map<String, String> roles = new LinkedHashMap<>();

        Run(SystemDescription description, SimulationResult sim, Options options) {
            this.description = description;
            this.sim = sim;
            this.options = options;
            this.mapping =
                    CapacityMapping.map(description, sim == null ? CapacityMapping.LiveState.healthy() : sim.live());
        }

        private record Takeover(String failed, String survivor, LoadProfile failedLoad, LoadProfile survivorLoad) {
            String title() {
                return survivor + " takes over " + failed;
            }
        }

        private InventorySystem system(String name) {
            return mapping.inventory().system(name);
        }

        ReportData build() {
            RedundancyReport mode = checkMode();
            List<GroupRow> groups = new ArrayList<>();
            List<Curve> curves = new ArrayList<>();
            groups(groups, curves);
            List<String> backups = new ArrayList<>();
            for (SystemDescription.Backup b : description.pairs()) {
                backups.add(b.backup() + " backs " + String.join(", ", b.covers()));
            }
            ReportData.Meta meta = new ReportData.Meta(
                    options.title(),
                    options.source(),
                    options.clock().instant().toString(),
                    description.mode().name(),
                    mode.grade().name(),
                    backups);
            List<String> notes = new ArrayList<>(mapping.approximations());
            return new ReportData(
                    meta,
                    systems(),
                    machines(),
                    groups,
                    curves,
                    spans(),
                    simulation(groups),
                    mode.verdicts().stream().map(Run::verdict).toList(),
                    whatIf(),
                    plan(mode),
                    proofs(),
                    notes);
        }

        private RedundancyReport checkMode() {
            List<StroomSystem> ss = description.systems();
            switch (description.mode()) {
                case MODE_0 -> {
                    String a = ss.get(0).name();
                    roles.put(a, "active");
                    return checker.mode0(system(a), mapping.load(a));
                }
                case MODE_1 -> {
                    String a = ss.get(0).name();
                    String b = ss.get(1).name();
                    roles.put(a, "active");
                    roles.put(b, "active");
                    takeovers.add(new Takeover(a, b, mapping.load(a), mapping.load(b)));
                    takeovers.add(new Takeover(b, a, mapping.load(b), mapping.load(a)));
                    return checker.mode1(system(a), mapping.load(a), system(b), mapping.load(b));
                }
                case MODE_2 -> {
                    SystemDescription.Backup pair = description.pairs().get(0);
                    String active = pair.covers().get(0);
                    String passive = pair.backup();
                    roles.put(active, "active");
                    roles.put(passive, "passive");
                    takeovers.add(new Takeover(active, passive, mapping.load(active), LoadProfile.empty(passive)));
                    return checker.mode2(system(active), mapping.load(active), system(passive));
                }
                case N_PLUS_1 -> {
                    SystemDescription.Backup pair = description.pairs().get(0);
                    String spare = pair.backup();
                    List<ProtectedSystem> actives = new ArrayList<>();
                    for (String a : pair.covers()) {
                        roles.put(a, "active");
                        actives.add(new ProtectedSystem(system(a), mapping.load(a)));
                        takeovers.add(new Takeover(a, spare, mapping.load(a), LoadProfile.empty(spare)));
                    }
                    roles.put(spare, "spare");
                    return checker.nPlusOne(actives, system(spare));
                }
                default ->
                    throw new IllegalArgumentException(
                            "ReportBuilder: redundancy mode " + description.mode() + " is not supported");
            }
        }

        private List<SystemRow> systems() {
            List<SystemRow> out = new ArrayList<>();
            for (InventorySystem s : mapping.inventory().systems()) {
                int boards = s.boards().size();
                int free = s.boards().stream().mapToInt(b -> b.spares().size()).sum();
                double erlangs = mapping.load(s.name()).modules().stream()
                        .mapToDouble(Module::offeredErlangs)
                        .sum();
                out.add(new SystemRow(
                        s.name(),
                        roles.getOrDefault(s.name(), "active"),
                        s.machines().size(),
                        boards,
                        s.spans().size(),
                        s.bearerChannels(),
                        usable(s),
                        free,
                        erlangs));
            }
            return out;
        }

        private static int usable(InventorySystem s) {
            int n = 0;
            for (InventoryMachine m : s.machines()) {
                n += usable(m, null);
            }
            return n;
        }

        private static int usable(InventoryMachine m, PortKind kind) {
            if (!m.up()) {
                return 0;
            }
            int n = 0;
            for (InventoryBoard b : m.boards()) {
                if (!b.up()) {
                    continue;
                }
                for (InventorySpan s : b.spans()) {
                    if (kind == null || s.ability().supports(kind)) {
                        n += s.usablePorts();
                    }
                }
            }
            return n;
        }

        private List<MachineRow> machines() {
            List<MachineRow> out = new ArrayList<>();
            for (StroomSystem ds : description.systems()) {
                InventorySystem s = system(ds.name());
                for (int i = 0; i < s.machines().size(); i++) {
                    InventoryMachine m = s.machines().get(i);
                    List<String> models = ds.machines().get(i).boards().stream()
                            .map(SystemDescription.Board::model)
                            .toList();
                    int spans = 0;
                    int bearers = 0;
                    int free = 0;
                    for (InventoryBoard b : m.boards()) {
                        spans += b.spans().size();
                        bearers += b.terminatedChannels();
                        free += b.spares().size();
                    }
                    out.add(new MachineRow(
                            s.name(),
                            m.name(),
                            m.role().name(),
                            m.up(),
                            models,
                            spans,
                            bearers,
                            usable(m, null),
                            usable(m, PortKind.FAX),
                            usable(m, PortKind.VOICE),
                            free));
                }
            }
            return out;
        }

        private void groups(List<GroupRow> out, List<Curve> curves) {
            for (StroomSystem ds : description.systems()) {
                InventorySystem s = system(ds.name());
                LoadProfile load = mapping.load(ds.name());
                for (HuntGroup g : ds.huntGroups()) {
                    List<InventorySpan> members = CapacityMapping.memberSpans(s, g);
                    List<String> memberIds =
                            members.stream().map(x -> x.circuit().value()).toList();
                    int groupPorts = members.stream()
                            .mapToInt(x -> machineUp(s, x) ? x.usablePorts() : 0)
                            .sum();
                    int perSpan = members.stream()
                            .mapToInt(InventorySpan::bearerChannels)
                            .max()
                            .orElse(24);
                    List<PoolMapping> pools = mapping.poolsOf(ds.name(), g.name());
                    if (pools.isEmpty()) {
                        out.add(new GroupRow(
                                ds.name(),
                                g.name(),
                                null,
                                g.kind().name(),
                                g.strategy().name(),
                                null,
                                null,
                                null,
                                List.of(),
                                memberIds,
                                0.0,
                                null,
                                groupPorts,
                                groupPorts,
                                0,
                                0,
                                0,
                                0,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null,
                                null));
                        continue;
                    }
                    List<PoolRequirement> reqs = new ArrayList<>();
                    for (PoolMapping p : pools) {
                        HuntPool hp = load.pool(p.pool()).orElseThrow();
                        reqs.add(sizer.requirement(hp, load.modulesIn(p.pool())));
                    }
                    int groupRequired = reqs.stream()
                            .mapToInt(PoolRequirement::requiredPorts)
                            .sum();
                    int spansNeeded = groupRequired == 0 ? 0 : (groupRequired + perSpan - 1) / perSpan;
                    for (int i = 0; i < pools.size(); i++) {
                        PoolMapping p = pools.get(i);
                        PoolRequirement req = reqs.get(i);
                        int configured = members.stream()
                                .filter(x -> machineUp(s, x) && p.scope().admits(x))
                                .mapToInt(InventorySpan::usablePorts)
                                .sum();
                        int siblings = groupRequired - req.requiredPorts();
                        int available = Math.max(0, Math.min(configured, groupPorts - siblings));
                        Achieved got = sizer.achieved(req, available);
                        List<TargetCheck> checks = sizer.check(req, available);
                        Double blocking = null;
                        Double pWait = null;
                        Double meanWait = null;
                        Double serviceLevel = null;
                        if (got instanceof Achieved.Loss l) {
                            blocking = l.blocking();
                        } else if (got instanceof Achieved.Queue q) {
                            pWait = q.probabilityOfWaiting();
                            meanWait = finite(q.meanWaitSeconds());
                            serviceLevel = checks.stream()
                                    .filter(c -> c.target() instanceof Target.ServiceLevel)
                                    .map(TargetCheck::achieved)
                                    .findFirst()
                                    .orElse(null);
                        }
                        boolean meets = checks.stream().allMatch(TargetCheck::met) && groupPorts >= groupRequired;
                        String curveId = null;
                        if (req.offeredErlangs() > 0) {
                            curveId = "curve-" + curves.size();
                            curves.add(curve(curveId, ds.name(), g.name(), req, available));
                        }
                        Double measured = null;
                        Long attempts = null;
                        if (sim != null && sim.system().equals(ds.name())) {
                            long offered = 0;
                            long blocked = 0;
                            for (SimulationResult.ModuleUse u : sim.modules()) {
                                if (p.modules().contains(u.module())) {
                                    offered += u.offered();
                                    blocked += u.blocked();
                                }
                            }
                            attempts = offered;
                            measured = offered == 0 ? 0.0 : (double) blocked / offered;
                        }
                        out.add(new GroupRow(
                                ds.name(),
                                g.name(),
                                p.pool(),
                                g.kind().name(),
                                g.strategy().name(),
                                p.direction().name(),
                                p.discipline().name(),
                                p.scope().describe(),
                                p.modules(),
                                memberIds,
                                req.offeredErlangs(),
                                req.describeTargets(),
                                configured,
                                available,
                                req.requiredPorts(),
                                groupRequired,
                                spansNeeded * perSpan,
                                spansNeeded,
                                blocking,
                                pWait,
                                meanWait,
                                serviceLevel,
                                meets,
                                measured,
                                attempts,
                                curveId));
                    }
                }
            }
        }

        private static boolean machineUp(InventorySystem s, InventorySpan span) {
            return s.machine(span.location().machine())
                    .map(InventoryMachine::up)
                    .orElse(false);
        }

        private Curve curve(String id, String system, String group, PoolRequirement req, int current) {
            double a = req.offeredErlangs();
            Optional<Target.ServiceLevel> sl = req.targets().stream()
                    .filter(t -> t instanceof Target.ServiceLevel)
                    .map(t -> (Target.ServiceLevel) t)
                    .findFirst();
            String metric;
            Double target;
            if (req.discipline() == Discipline.LOSS) {
                metric = "blocking";
                target = req.targets().stream()
                        .filter(t -> t instanceof Target.Blocking)
                        .mapToDouble(t -> ((Target.Blocking) t).maxBlocking())
                        .min()
                        .stream()
                        .boxed()
                        .findFirst()
                        .orElse(null);
            } else if (sl.isPresent()) {
                metric = "P(wait > " + ReportFormat.format(sl.get().withinSeconds(), ReportFormat.Unit.SECONDS) + " s)";
                target = 1.0 - sl.get().fraction();
            } else {
                metric = "P(wait)";
                target = null;
            }
            int top = Math.max(current, req.requiredPorts());
            int lo = Math.max(1, (int) Math.floor(a * 0.5));
            int hi = top + Math.max(4, (int) Math.ceil(0.15 * top));
            int step = Math.max(1, (hi - lo) / 80);
            List<Point> points = new ArrayList<>();
            for (int n = lo; n <= hi; n += step) {
                double v = metric(req, n, sl);
                if (v >= CURVE_FLOOR) {
                    points.add(new Point(n, v));
                }
            }
            return new Curve(
                    id,
                    system,
                    group,
                    req.pool().name(),
                    metric,
                    target,
                    current,
                    metric(req, current, sl),
                    req.requiredPorts(),
                    points);
        }

        private double metric(PoolRequirement req, int ports, Optional<Target.ServiceLevel> sl) {
            Achieved got = sizer.achieved(req, ports);
            if (got instanceof Achieved.Loss l) {
                return l.blocking();
            }
            if (sl.isPresent()) {
                for (TargetCheck c : sizer.check(req, ports)) {
                    if (c.target().equals(sl.get())) {
                        return Math.min(1.0, Math.max(0.0, 1.0 - c.achieved()));
                    }
                }
            }
            return ((Achieved.Queue) got).probabilityOfWaiting();
        }

        private List<SpanRow> spans() {
            Map<SpanLocation, SimulationResult.SpanUse> uses = new HashMap<>();
            if (sim != null) {
                sim.spans().forEach(u -> uses.put(u.location(), u));
            }
            List<SpanRow> out = new ArrayList<>();
            for (StroomSystem ds : description.systems()) {
                InventorySystem s = system(ds.name());
                for (InventorySpan span : s.spans()) {
                    List<String> groups = new ArrayList<>();
                    for (HuntGroup g : ds.huntGroups()) {
                        if (CapacityMapping.memberSpans(s, g).contains(span)) {
                            groups.add(g.name());
                        }
                    }
                    boolean simulated = sim != null && sim.system().equals(ds.name());
                    SimulationResult.SpanUse use = simulated ? uses.get(span.location()) : null;
                    String status = span.status().usableForTraffic()
                            ? "in service"
                            : span.status().unusableReason();
                    if (!machineUp(s, span)) {
                        status = "machine down";
                    }
                    out.add(new SpanRow(
                            ds.name(),
                            span.location().machine(),
                            span.location().board(),
                            span.location().port(),
                            span.location().toString(),
                            span.circuit().value(),
                            span.config().signalling().name(),
                            span.bearerChannels(),
                            machineUp(s, span) ? span.usablePorts() : 0,
                            status,
                            span.ability().name(),
                            String.join(
                                    ", ",
                                    span.config().didRanges().stream()
                                            .map(Object::toString)
                                            .toList()),
                            groups,
                            use == null ? null : use.meanBusy(),
                            use == null ? null : use.peakBusy(),
                            use == null ? null : use.utilisation()));
                }
            }
            return out;
        }

        private ReportData.Simulation simulation(List<GroupRow> groups) {
            if (sim == null) {
                return null;
            }
            List<SimModuleRow> modules = new ArrayList<>();
            for (SimulationResult.ModuleUse u : sim.modules()) {
                Double expected = groups.stream()
                        .filter(g -> g.system().equals(sim.system())
                                && g.modules().contains(u.module())
                                && g.blockingAtConfigured() != null)
                        .map(GroupRow::blockingAtConfigured)
                        .findFirst()
                        .orElse(null);
                modules.add(new SimModuleRow(
                        u.module(),
                        u.pool(),
                        u.outbound() ? "OUTBOUND" : "INBOUND",
                        u.offered(),
                        u.carried(),
                        u.blocked(),
                        u.blocking(),
                        expected));
            }
            double carried = sim.spans().stream()
                    .mapToDouble(SimulationResult.SpanUse::meanBusy)
                    .sum();
            return new ReportData.Simulation(
                    sim.system(), sim.hours(), sim.warmUpHours(), sim.seed(), sim.samples(), carried, modules);
        }

        private static VerdictRow verdict(Verdict v) {
            List<KindRow> kinds = new ArrayList<>();
            for (KindLine k : v.kinds()) {
                kinds.add(new KindRow(
                        k.kind().name(),
                        k.required(),
                        k.usable(),
                        k.dualUsable(),
                        k.allotted(),
                        k.margin(),
                        finite(k.worstBlocking()),
                        finite(k.worstMeanWaitSeconds())));
            }
            List<PoolRow> pools = new ArrayList<>();
            for (PoolLine p : v.pools()) {
                Double blocking = null;
                Double pWait = null;
                Double meanWait = null;
                if (p.achieved() instanceof Achieved.Loss l) {
                    blocking = l.blocking();
                } else if (p.achieved() instanceof Achieved.Queue q) {
                    pWait = q.probabilityOfWaiting();
                    meanWait = finite(q.meanWaitSeconds());
                }
                pools.add(new PoolRow(
                        p.pool(),
                        p.kind().name(),
                        p.discipline().name(),
                        p.offeredErlangs(),
                        p.required(),
                        p.eligible(),
                        p.allotted(),
                        blocking,
                        pWait,
                        meanWait,
                        p.grade().name(),
                        String.join(
                                "; ",
                                p.checks().stream().map(TargetCheck::describe).toList())));
            }
            return new VerdictRow(
                    v.scenario(),
                    v.system(),
                    v.grade().name(),
                    v.splitFeasible(),
                    kinds,
                    pools,
                    v.reasons(),
                    v.excluded());
        }

        private List<WhatIfRow> whatIf() {
            List<WhatIfRow> out = new ArrayList<>();
            for (InventorySystem s : mapping.inventory().systems()) {
                LoadProfile load = mapping.load(s.name());
                if (load.modules().isEmpty()) {
                    continue;
                }
                RehearsalReport r = Rehearsal.allSingleFailures(CapacityModel.compile(s, load, sizer, limits));
                add(out, s.name() + " carries its own load", s.name(), r);
            }
            for (Takeover t : takeovers) {
                RehearsalReport r = checker.rehearseTakeover(
                        system(t.failed()), t.failedLoad(), system(t.survivor()), t.survivorLoad());
                add(out, t.title(), t.survivor(), r);
            }
            return out;
        }

        private static void add(List<WhatIfRow> out, String context, String system, RehearsalReport r) {
            out.add(whatIfRow(context, system, "none", r.baseline()));
            for (RehearsalReport.Case c : r.cases()) {
                out.add(whatIfRow(context, system, c.failures().describe(), c.verdict()));
            }
        }

        private static WhatIfRow whatIfRow(String context, String system, String failure, Verdict v) {
            KindLine fax = v.kind(PortKind.FAX);
            KindLine voice = v.kind(PortKind.VOICE);
            Double worstBlocking = worst(fax.worstBlocking(), voice.worstBlocking());
            Double worstWait = worst(fax.worstMeanWaitSeconds(), voice.worstMeanWaitSeconds());
            PoolLine worstPool = null;
            for (PoolLine p : v.pools()) {
                if (worstPool == null || p.grade().compareTo(worstPool.grade()) > 0) {
                    worstPool = p;
                }
            }
            String gos = worstPool == null
                    ? "no load"
                    : worstPool.pool() + ": " + worstPool.achieved().describe() + " (" + worstPool.grade() + ")";
            return new WhatIfRow(
                    context,
                    system,
                    failure,
                    v.grade().name(),
                    fax.usable(),
                    voice.usable(),
                    fax.margin(),
                    voice.margin(),
                    worstBlocking,
                    worstWait,
                    gos);
        }

        private static Double worst(OptionalDouble a, OptionalDouble b) {
            if (a.isEmpty() && b.isEmpty()) {
                return null;
            }
            double w = Math.max(a.orElse(Double.NEGATIVE_INFINITY), b.orElse(Double.NEGATIVE_INFINITY));
            return finite(w);
        }

        private List<PlanRow> plan(RedundancyReport mode) {
            List<PlanRow> out = new ArrayList<>();
            for (TakeoverAnalysis a : mode.takeovers()) {
                String title = a.survivor().name() + " takes over " + a.failed().name();
                int step = 0;
                for (SpanMove m : a.plan().moves()) {
                    out.add(new PlanRow(
                            title,
                            ++step,
                            "MOVE",
                            "circuit " + m.circuit().value(),
                            m.from().toString(),
                            m.to().toString(),
                            m.describe()));
                }
                for (Rollover r : a.plan().rollover().rollovers()) {
                    out.add(new PlanRow(
                            title,
                            ++step,
                            "ROLLOVER",
                            "DIDs " + r.range() + " (pool " + r.pool() + ")",
                            "circuit " + r.fromCircuit().value(),
                            "circuit " + r.toCircuit().value() + " at " + r.toSpan(),
                            r.describe()));
                }
                for (String missing : a.plan().missing()) {
                    out.add(new PlanRow(title, ++step, "MISSING", "", "", "", missing));
                }
                if (step == 0) {
                    out.add(new PlanRow(title, 1, "NONE", "", "", "", "no span move or rollover needed"));
                }
            }
            return out;
        }

        private List<ProofRow> proofs() {
            TakeoverProver prover = new TakeoverProver(checker, options.signer(), options.clock());
            PublicKey key = options.signer().publicKey();
            List<ProofRow> out = new ArrayList<>();
            for (Takeover t : takeovers) {
                TakeoverProof proof = prover.prove(
                        "capacity-planning rehearsal: " + t.failed() + " fails",
                        system(t.failed()),
                        t.failedLoad(),
                        system(t.survivor()),
                        t.survivorLoad());
                String envelope = proof.envelope();
                boolean verified = proof.verify(key) && TakeoverProof.verifyEnvelope(envelope, key);
                boolean tamperRejected = !TakeoverProof.verifyEnvelope(tampered(envelope), key);
                byte[] json = proof.canonicalJson().getBytes(StandardCharsets.UTF_8);
                out.add(new ProofRow(
                        t.failed(),
                        t.survivor(),
                        proof.cause(),
                        proof.createdAt().toString(),
                        proof.grade().name(),
                        ProofSigner.ALGORITHM,
                        proof.keyId(),
                        Base64.getEncoder().encodeToString(key.getEncoded()),
                        Base64.getEncoder().encodeToString(proof.signature()),
                        HexFormat.of().formatHex(sha256(json)),
                        json.length,
                        verified,
                        tamperRejected,
                        proof.text(),
                        envelope));
            }
            return out;
        }

        private static byte[] sha256(byte[] data) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }
    }

    /** The envelope with the first digit of the signed JSON changed: what a forged grade or count looks like. */
    static String tampered(String envelope) {
        int start = envelope.indexOf("\"proof\":");
        char[] cs = envelope.toCharArray();
        for (int i = Math.max(0, start); i < cs.length; i++) {
            if (Character.isDigit(cs[i])) {
                cs[i] = cs[i] == '9' ? '0' : (char) (cs[i] + 1);
                return new String(cs);
            }
        }
        return envelope + " ";
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Double finite(OptionalDouble v) {
        return v.isPresent() ? finite(v.getAsDouble()) : null;
    }
}
