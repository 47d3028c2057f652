package org.stroom.ports.simui.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.softport.ApplicationBehaviour;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.GroupMember;
import org.stroom.ports.portmgr.alloc.HuntStrategy;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.TimeslotSet;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Module;
import org.stroom.ports.portmgr.config.SystemDescription.ModuleType;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.sim.Inventory;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * The simulation behind the simulator window: every system of a description on softport machines sharing one
 * {@link VirtualClock}, each with its port manager ({@link SimulatedSystem}), per-group traffic the tester
 * controls, fault injection, span moves, and the redundancy pair's failover monitor. All of it is mutated on
 * <b>one simulation thread</b>; the user interface only posts commands and reads {@link Frame}s.
 *
 * <pre>
 *   FX thread ── command (any method below) ──▶ [ inbox: lock-free queue ] ──┐
 *                                                                            ▼
 *   simulation thread:  run commands ─▶ advance the virtual clock by real elapsed × speed (≤ 50 ms worth)
 *                          │                   └─ backends publish HalEvents ─▶ [ intake: lock-free queue ]
 *                          ├─ fold intake: channel tracker, event log (per iteration)
 *                          └─ every frame interval: build a Frame ─▶ AtomicReference&lt;Frame&gt; latest
 *                                                                            │
 *   FX pulse (AnimationTimer): view model applies latestFrame() once ◀──────┘
 * </pre>
 *
 * <p>The threaded engine runs its own thread ({@code simui-sim}); the manual engine has none and the caller's
 * thread is the simulation thread: {@link #runFor} runs the posted commands, advances the clock and publishes a
 * frame (tests and the headless screenshot use it).
 *
 * <p>Traffic: the description's load modules are not started by {@link SimulatedSystem}; each hunt group gets the
 * engine's own traffic instead (inbound from the network on its DID circuits, outbound through the port manager),
 * initialised from those modules and changeable per group while running.
 *
 * <p>Thread-safety: the command methods, {@link #latestFrame()}, {@link #layout()} and {@link #close()} are safe
 * from any thread; {@link #runFor} and {@link #runPending} only on a manual engine, from one thread at a time.
 */
public final class SimEngine implements AutoCloseable {
    /** Most simulated time one iteration advances, in real nanoseconds times the speed. */
    static final long MAX_SLICE_REAL_NANOS = 50_000_000L;
    /** Log entries carried by one frame; older ones are counted as dropped. */
    static final int MAX_LOG_PER_FRAME = 400;

    private static final long HEARTBEAT_NANOS = 10_000_000_000L;
    private static final long METRICS_REFRESH_REAL_NANOS = 100_000_000L;
    /**
     * Seconds an outbound simulated call holds its port before the call proper: dialling and the simulated far
     * end's answer delay (softport answers after 3 s by default).
     */
    static final double OUTBOUND_SETUP_SECONDS = 4;

    private static final long CHART_REAL_NANOS = 250_000_000L;
    private static final Duration SYNC = Duration.ofSeconds(5);
    private static final int HISTORY_LINES = 40;

    /**
     * How to run.
     *
     * @param seed seeds all randomness (traffic, serial numbers)
     * @param start the wall-clock instant simulated time 0 stands for (stamped on takeover proofs)
     * @param threaded whether the engine drives itself on its own thread at the chosen speed, or waits for {@link
     *     #runFor}
     * @param frameInterval real time between frames of a threaded engine
     * @param workDir where received and sent fax files go; empty for a temporary directory deleted on close
     *     <p>Thread-safety: immutable.
     */
    public record Options(long seed, Instant start, boolean threaded, Duration frameInterval, Optional<Path> workDir) {
        /** Checks the values. */
        public Options {
            Objects.requireNonNull(start, "Options.start");
            Objects.requireNonNull(frameInterval, "Options.frameInterval");
            Objects.requireNonNull(workDir, "Options.workDir");
            if (frameInterval.isNegative() || frameInterval.isZero()) {
                throw new IllegalArgumentException("Options.frameInterval = " + frameInterval + " must be positive");
            }
        }

        /**
         * @param start the instant simulated time 0 stands for
         * @return a threaded engine at 25 frames per second (smooth for a monitor, and leaves the pulses in
         *     between to the renderer), seed 42
         */
        public static Options interactive(Instant start) {
            return new Options(42, start, true, Duration.ofMillis(40), Optional.empty());
        }

        /**
         * @param seed seed
         * @param start the instant simulated time 0 stands for
         * @return a manual engine (the caller drives it with {@link #runFor})
         */
        public static Options manual(long seed, Instant start) {
            return new Options(seed, start, false, Duration.ofMillis(16), Optional.empty());
        }
    }

    private record Tagged(String machine, HalEvent event) {}

    private final class Job {
        final SystemRuntime system;
        final ChannelId channel;
        final long leaseId;
        final boolean fax;
        final int pages;
        final double holdSeconds;
        CallId call;

        Job(SystemRuntime system, ChannelId channel, long leaseId, boolean fax, int pages, double holdSeconds) {
            this.system = system;
            this.channel = channel;
            this.leaseId = leaseId;
            this.fax = fax;
            this.pages = pages;
            this.holdSeconds = holdSeconds;
        }
    }

    private final String title;
    private final SystemDescription description;
    private final Options options;
    private final VirtualClock clock = new VirtualClock();
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Layout layout;
    private final List<SystemRuntime> systems = new ArrayList<>();
    private final Map<String, SystemRuntime> systemOfMachine = new HashMap<>();
    private final Map<String, Circuit> circuits = new LinkedHashMap<>();
    private final Circuit[] occupant;
    private final LineProfile[] provisioned;
    private final BitSet lockedSpans = new BitSet();
    private final BitSet lockedCells = new BitSet();
    private final BitSet pendingBlock = new BitSet();
    private final ChannelTracker tracker;
    private final FailoverRig failover;
    private final CapacityView capacity;
    private final Map<ChannelId, Job> jobs = new HashMap<>();
    private final Map<Integer, Path> documents = new HashMap<>();

    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Tagged> intake = new ConcurrentLinkedQueue<>();
    private final LongAdder eventsSeen = new LongAdder();
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    // simulation-thread state
    private double speed = 1.0;
    private boolean paused;
    private boolean trafficRunning;
    private long sequence;
    private final ArrayDeque<LogEntry> pendingLog = new ArrayDeque<>();
    private long droppedLog;
    private String status = "";
    private boolean statusOk = true;
    private int selectedCell = -1;
    private long lastMetricsReal = Long.MIN_VALUE;
    private long lastChartReal = Long.MIN_VALUE;
    private long lastChartSim;
    private long lastChartBlocked;
    private final ArrayDeque<double[]> carriedWindow = new ArrayDeque<>();
    private long rateWindowReal = System.nanoTime();
    private long rateWindowEvents;
    private double eventsPerSecond;
    private long speedWindowReal = System.nanoTime();
    private long speedWindowSim;
    private double achievedSpeed;

    private SimEngine(SystemDescription description, String title, Options options) {
        this.description = description;
        this.title = title;
        this.options = options;
        try {
            if (options.workDir().isPresent()) {
                this.workDir = Files.createDirectories(options.workDir().get());
                this.ownsWorkDir = false;
            } else {
                this.workDir = Files.createTempDirectory("simui-");
                this.ownsWorkDir = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("simulator: cannot create its work directory", e);
        }
        List<Layout.SystemInfo> infos = new ArrayList<>();
        List<Layout.PositionInfo> positions = new ArrayList<>();
        int i = 0;
        for (StroomSystem s : description.systems()) {
            StroomSystem withoutModules =
                    new StroomSystem(s.name(), s.machines(), s.huntGroups(), s.reservations(), List.of());
            SimulatedSystem sim = new SimulatedSystem(
                    withoutModules, clock, options.seed() + 1000L * i++, workDir.resolve(s.name()), false);
            SystemRuntime rt = new SystemRuntime(s.name(), roleOf(s.name()), s, sim);
            systems.add(rt);
            List<Layout.MachineInfo> machines = new ArrayList<>();
            for (Machine m : s.machines()) {
                systemOfMachine.put(m.name(), rt);
                List<Layout.BoardInfo> boards = new ArrayList<>();
                for (int b = 0; b < m.boards().size(); b++) {
                    BoardModel model = Inventory.model(m.boards().get(b));
                    List<Integer> idx = new ArrayList<>();
                    for (int p = 1; p <= model.spans(); p++) {
                        idx.add(positions.size());
                        positions.add(
                                new Layout.PositionInfo(positions.size(), s.name(), new SpanLocation(m.name(), b, p)));
                    }
                    boards.add(new Layout.BoardInfo(m.name(), b, model.modelName(), idx));
                }
                machines.add(
                        new Layout.MachineInfo(s.name(), m.name(), m.role() == SystemDescription.Role.SERVER, boards));
            }
            infos.add(new Layout.SystemInfo(s.name(), rt.role, machines));
        }
        this.layout = new Layout(infos, positions);
        this.occupant = new Circuit[positions.size()];
        this.provisioned = new LineProfile[positions.size()];
        this.tracker = new ChannelTracker(layout);
        for (SystemRuntime rt : systems) {
            Inventory inv = rt.sim.inventory();
            Map<String, Set<PortKind>> usedFor = new HashMap<>();
            for (HuntGroup g : rt.description.huntGroups()) {
                List<SpanLocation> members = new ArrayList<>();
                for (String c : inv.circuitsOf(g)) {
                    members.add(inv.locations().get(c));
                    usedFor.computeIfAbsent(c, k -> EnumSet.noneOf(PortKind.class))
                            .add(g.kind());
                }
                rt.groups.put(
                        g.name(),
                        new SystemRuntime.Group(
                                g.name(),
                                g.kind(),
                                HuntStrategy.valueOf(g.strategy().name()),
                                members));
            }
            for (Machine m : rt.description.machines()) {
                for (int b = 0; b < m.boards().size(); b++) {
                    for (Span s : m.boards().get(b).spans()) {
                        String id = s.config().circuitId().value();
                        Cable cable = rt.sim.cables().get(id);
                        int pos = layout.positionIndex(new SpanLocation(m.name(), b, s.port()));
                        Circuit c = new Circuit(
                                cable,
                                rt.name,
                                usedFor.getOrDefault(id, Set.of()),
                                s.kinds().isEmpty() ? Set.of() : EnumSet.copyOf(s.kinds()),
                                pos);
                        circuits.put(id, c);
                        occupant[pos] = c;
                        provisioned[pos] = LineProfile.of(s.config());
                    }
                }
            }
        }
        for (Layout.MachineInfo m : layout.machines()) {
            for (Layout.BoardInfo b : m.boards()) {
                LineProfile sibling = b.positions().stream()
                        .map(p -> provisioned[p])
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
                for (int p : b.positions()) {
                    if (provisioned[p] == null) {
                        provisioned[p] = sibling;
                    }
                }
            }
        }
        for (SystemRuntime rt : systems) {
            int k = 0;
            for (Map.Entry<String, SoftBackend> e : rt.sim.backends().entrySet()) {
                String machine = e.getKey();
                SoftBackend backend = e.getValue();
                // delivered on the publishing thread (the simulation thread), only queued: never blocks it
                backend.subscribe(
                        ev -> {
                            eventsSeen.increment();
                            intake.add(new Tagged(machine, ev));
                        },
                        Runnable::run);
                backend.subscribe(this::react, clock.executor());
                rt.apps.add(ApplicationBehaviour.builder(backend)
                        .receiveFaxesInto(workDir.resolve(rt.name).resolve("fax-in"))
                        .seed(options.seed() + 7919L * ++k)
                        .build());
            }
            buildTraffic(rt);
        }
        this.capacity = new CapacityView(this);
        this.failover = buildFailover();
        heartbeats();
        log(
                LogCategory.SYSTEM,
                "simulator",
                "loaded " + title + ": " + systems.size() + " system(s), "
                        + layout.positions().size() + " span positions, " + circuits.size() + " circuits");
        publishFrame();
        if (options.threaded()) {
            thread = new Thread(this::loop, "simui-sim");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /**
     * Assembles and starts a simulation: machines in service, cables plugged in as described, port managers fed,
     * heartbeats and the failover monitor running; traffic stopped, clock running at 1× (threaded engines).
     *
     * @param description a validated description
     * @param title what to call it, e.g. the file name
     * @param options how to run
     * @return the engine; close it to stop the thread and the port managers
     * @throws IllegalArgumentException when a board model has no simulated equivalent
     */
    public static SimEngine open(SystemDescription description, String title, Options options) {
        Objects.requireNonNull(description, "open: description");
        Objects.requireNonNull(title, "open: title");
        Objects.requireNonNull(options, "open: options");
        if (description.systems().isEmpty()) {
            throw new IllegalArgumentException("open: the description '" + title + "' has no system");
        }
        return new SimEngine(description, title, options);
    }

    private Layout.SystemRole roleOf(String system) {
        boolean backup = description.pairs().stream().anyMatch(p -> p.backup().equals(system));
        boolean standby = backup
                && (description.mode() == SystemDescription.RedundancyMode.MODE_2
                        || description.mode() == SystemDescription.RedundancyMode.N_PLUS_1);
        return standby ? Layout.SystemRole.PASSIVE : Layout.SystemRole.ACTIVE;
    }

    // ------------------------------------------------------------------ read side (any thread)

    /** @return the installation's fixed shape */
    public Layout layout() {
        return layout;
    }

    /** @return what was loaded, e.g. a file name */
    public String title() {
        return title;
    }

    /** @return the description loaded */
    public SystemDescription description() {
        return description;
    }

    /** @return the newest frame; never null (a first frame is published while opening) */
    public Frame latestFrame() {
        return latest.get();
    }

    /** @return whether this engine runs its own simulation thread */
    public boolean threaded() {
        return thread != null;
    }

    // ------------------------------------------------------------------ commands (any thread)

    private CompletableFuture<Outcome> post(String what, Supplier<Outcome> command) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        if (closed) {
            f.complete(Outcome.refused(what + ": the simulation is closed"));
            return f;
        }
        inbox.add(() -> {
            Outcome o;
            try {
                o = command.get();
            } catch (RuntimeException e) {
                o = Outcome.refused(what + " failed: " + e.getMessage());
            }
            status = o.message();
            statusOk = o.ok();
            log(LogCategory.COMMAND, "tester", (o.ok() ? "" : "REFUSED ") + o.message());
            f.complete(o);
        });
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        return f;
    }

    /**
     * @param newSpeed simulated seconds per real second, 1..1000
     * @return the outcome
     */
    public CompletableFuture<Outcome> setSpeed(double newSpeed) {
        return post("speed", () -> {
            if (!(newSpeed >= 1 && newSpeed <= 1000)) {
                return Outcome.refused("speed " + newSpeed + " is outside 1..1000");
            }
            speed = newSpeed;
            return Outcome.done("speed ×" + fmt(newSpeed));
        });
    }

    /** @return the outcome: simulated time stands still */
    public CompletableFuture<Outcome> pause() {
        return post("pause", () -> {
            paused = true;
            return Outcome.done("clock paused at " + SimTime.format(clock.nanos()));
        });
    }

    /** @return the outcome: simulated time runs again */
    public CompletableFuture<Outcome> resume() {
        return post("resume", () -> {
            paused = false;
            return Outcome.done("clock running at ×" + fmt(speed));
        });
    }

    /** @return the outcome: while paused, time jumps to the next scheduled action and runs it */
    public CompletableFuture<Outcome> step() {
        return post("step", () -> {
            if (!paused) {
                return Outcome.refused("step: the clock is running; pause it first");
            }
            OptionalLong next = clock.nextDueNanos();
            if (next.isEmpty()) {
                return Outcome.refused("step: nothing is scheduled");
            }
            advanceTo(next.getAsLong());
            return Outcome.done("stepped to " + SimTime.format(clock.nanos()));
        });
    }

    /** @return the outcome: every group's traffic starts */
    public CompletableFuture<Outcome> startTraffic() {
        return post("start traffic", () -> {
            trafficRunning = true;
            int n = 0;
            for (SystemRuntime rt : systems) {
                for (GroupTraffic t : rt.traffic) {
                    t.start();
                    if (t.settings().callsPerHour() > 0) {
                        n++;
                    }
                }
            }
            return Outcome.done("traffic started on " + n + " group(s)");
        });
    }

    /** @return the outcome: no new calls; calls in progress finish */
    public CompletableFuture<Outcome> stopTraffic() {
        return post("stop traffic", () -> {
            trafficRunning = false;
            systems.forEach(rt -> rt.traffic.forEach(GroupTraffic::stop));
            return Outcome.done("traffic stopped; calls in progress finish");
        });
    }

    /**
     * @param system system name
     * @param group hunt group name
     * @param outbound which direction's traffic
     * @param settings the new settings
     * @return the outcome
     */
    public CompletableFuture<Outcome> setTraffic(
            String system, String group, boolean outbound, TrafficSettings settings) {
        Objects.requireNonNull(settings, "setTraffic: settings");
        return post("set traffic", () -> {
            GroupTraffic t = traffic(system, group, outbound);
            if (t == null) {
                return Outcome.refused("set traffic: " + system + "/" + group + " has no "
                        + (outbound ? "outbound" : "inbound") + " traffic");
            }
            t.apply(settings);
            return Outcome.done("traffic " + system + "/" + group + (outbound ? " out" : " in") + ": "
                    + fmt(settings.callsPerHour()) + " calls/h, fax " + Math.round(settings.faxShare() * 100)
                    + " %, voice " + fmt(settings.holdingSeconds()) + " s, " + fmt(settings.pagesPerFax())
                    + " pages/fax");
        });
    }

    /**
     * @param position a span position index
     * @return the outcome: the cable is pulled out (LOS now, RED after the integration time)
     */
    public CompletableFuture<Outcome> pullCable(int position) {
        return post("pull cable", () -> {
            Circuit c = occupant(position);
            if (c == null || !c.plugged()) {
                return Outcome.refused("pull cable: nothing is plugged into " + key(position));
            }
            c.cable.unplug();
            return Outcome.done("pulled circuit " + c.id + " out of " + key(position));
        });
    }

    /**
     * @param position a span position whose circuit was pulled out
     * @return the outcome: the same circuit is plugged back in (RED clears after the clear time)
     */
    public CompletableFuture<Outcome> replug(int position) {
        return post("re-plug", () -> {
            Circuit c = occupant(position);
            if (c == null || c.plugged()) {
                return Outcome.refused("re-plug: no pulled circuit belongs to " + key(position));
            }
            SpanLocation at = layout.positions().get(position).location();
            c.cable.plugInto(backendOf(at.machine()), at);
            return Outcome.done("re-plugged circuit " + c.id + " into " + key(position));
        });
    }

    /**
     * @param position span position
     * @param defect LOS, LOF, AIS or RAI
     * @return the outcome: the defect is present from now on until cleared
     */
    public CompletableFuture<Outcome> raiseDefect(int position, Defect defect) {
        Objects.requireNonNull(defect, "raiseDefect: defect");
        return post("inject " + defect, () -> {
            SpanLocation at = location(position);
            backendOf(at.machine()).faults().raiseDefect(at, defect);
            return Outcome.done(defect + " injected on " + at);
        });
    }

    /**
     * @param position span position
     * @return the outcome: every injected defect is removed (alarms clear after the clear time)
     */
    public CompletableFuture<Outcome> clearDefects(int position) {
        return post("clear defects", () -> {
            SpanLocation at = location(position);
            for (Defect d : Defect.values()) {
                backendOf(at.machine()).faults().clearDefect(at, d);
            }
            return Outcome.done("defects cleared on " + at);
        });
    }

    /**
     * @param position span position with a PRI circuit
     * @param up whether the D-channel may come up (false forces it down)
     * @return the outcome
     */
    public CompletableFuture<Outcome> setDChannel(int position, boolean up) {
        return post("D-channel", () -> {
            SpanLocation at = location(position);
            backendOf(at.machine()).faults().setDChannel(at, up);
            return Outcome.done("D-channel on " + at + (up ? " released" : " forced down"));
        });
    }

    /**
     * Locks (or unlocks) one channel: a port manager maintenance lock (no new grants), and the board blocks the
     * channel as soon as it is idle.
     *
     * @param cell the channel's cell index
     * @param lock lock or unlock
     * @return the outcome
     */
    public CompletableFuture<Outcome> lockChannel(int cell, boolean lock) {
        return post(lock ? "lock channel" : "unlock channel", () -> {
            int position = cell / Ds0Layout.TIMESLOTS;
            int ds0 = cell % Ds0Layout.TIMESLOTS + 1;
            SpanLocation at = location(position);
            SystemRuntime rt = systemOf(at.machine());
            if (lock) {
                lockedCells.set(cell);
                rt.pm().submit(new Input.Lock(0, at, ds0));
                blockWhenIdle(cell);
            } else {
                lockedCells.clear(cell);
                rt.pm().submit(new Input.Unlock(0, at, ds0));
                unblockIfUnlocked(cell);
            }
            return Outcome.done((lock ? "locked " : "unlocked ") + at + " ch " + ds0);
        });
    }

    /**
     * Locks (or unlocks) a whole span position, as {@link #lockChannel} does for each channel.
     *
     * @param position span position
     * @param lock lock or unlock
     * @return the outcome
     */
    public CompletableFuture<Outcome> lockSpan(int position, boolean lock) {
        return post(lock ? "lock span" : "unlock span", () -> {
            SpanLocation at = location(position);
            SystemRuntime rt = systemOf(at.machine());
            if (lock) {
                lockedSpans.set(position);
                rt.pm().submit(new Input.Lock(0, at, 0));
                for (int ds0 = 1; ds0 <= Ds0Layout.TIMESLOTS; ds0++) {
                    blockWhenIdle(Layout.cell(position, ds0));
                }
            } else {
                lockedSpans.clear(position);
                rt.pm().submit(new Input.Unlock(0, at, 0));
                for (int ds0 = 1; ds0 <= Ds0Layout.TIMESLOTS; ds0++) {
                    unblockIfUnlocked(Layout.cell(position, ds0));
                }
            }
            return Outcome.done((lock ? "locked span " : "unlocked span ") + at);
        });
    }

    /**
     * Blocks (or unblocks) one idle channel on its board only (HAL maintenance block, no port manager lock).
     *
     * @param cell the channel's cell index
     * @param block block or unblock
     * @return the outcome; refused when the channel is busy
     */
    public CompletableFuture<Outcome> blockChannel(int cell, boolean block) {
        return post(block ? "block channel" : "unblock channel", () -> {
            ChannelId ch = channelId(cell);
            backendOf(ch.span().machine()).setBlocked(ch, block);
            return Outcome.done((block ? "blocked " : "unblocked ") + ch + " on the board");
        });
    }

    /**
     * @param machine machine name
     * @param board board number
     * @param fail fail or recover
     * @return the outcome: every channel of the board out of service (calls cleared), or back
     */
    public CompletableFuture<Outcome> failBoard(String machine, int board, boolean fail) {
        return post(fail ? "fail board" : "recover board", () -> {
            SystemRuntime rt = systemOf(machine);
            BoardId id = new BoardId(machine, board);
            if (fail) {
                rt.faultedBoards.add(id);
                rt.backend(machine).faults().boardFault(id, "failed by the tester");
            } else {
                rt.faultedBoards.remove(id);
                if (!rt.killed.contains(machine)) {
                    rt.backend(machine).faults().boardRecover(id);
                }
            }
            return Outcome.done((fail ? "failed board " : "recovered board ") + id);
        });
    }

    /**
     * Kills (or revives) a machine: its boards fail, its backend goes out of service and it stops sending
     * heartbeats, so the port manager declares it down after its heartbeat timeout. Killing a Server of the
     * active system also stops it answering the standby's heartbeats.
     *
     * @param machine machine name
     * @param kill kill or revive
     * @return the outcome
     */
    public CompletableFuture<Outcome> killMachine(String machine, boolean kill) {
        return post(kill ? "kill" : "revive", () -> {
            SystemRuntime rt = systemOf(machine);
            SoftBackend b = rt.backend(machine);
            if (kill) {
                if (!rt.killed.add(machine)) {
                    return Outcome.refused("kill: " + machine + " is already down");
                }
                b.setInService(false);
                b.boards().forEach(info -> b.faults().boardFault(info.id(), "machine " + machine + " killed"));
            } else {
                if (!rt.killed.remove(machine)) {
                    return Outcome.refused("revive: " + machine + " is running");
                }
                b.boards().forEach(info -> {
                    if (!rt.faultedBoards.contains(info.id())) {
                        b.faults().boardRecover(info.id());
                    }
                });
                b.setInService(true);
                rt.pm().submit(new Input.MachineHeartbeat(0, machine));
            }
            boolean server = machine.equals(rt.serverName());
            return Outcome.done((kill ? "killed " : "revived ") + (server ? "Server " : "Node ") + machine + " of "
                    + rt.name
                    + (kill
                            ? "; the port manager declares it down when its heartbeats are "
                                    + Inventory.HEARTBEAT_TIMEOUT_NANOS / 1_000_000_000L + " s overdue"
                            : ""));
        });
    }

    /** @return the outcome: kills the active system's Server (see {@link #killMachine}) */
    public CompletableFuture<Outcome> killActiveServer() {
        if (failover == null) {
            return post(
                    "kill active Server",
                    () -> Outcome.refused("kill active Server: the description has no redundancy pair (mode "
                            + description.mode() + ")"));
        }
        return killMachine(failover.active.serverName(), true);
    }

    /**
     * An operator's "failover now" on the standby: builds the takeover proof from the live state and promotes
     * when it allows (PASS or DEGRADED, or FAIL with the override).
     *
     * @param overrideFail whether to promote even on a FAIL proof
     * @return the outcome
     */
    public CompletableFuture<Outcome> failoverNow(boolean overrideFail) {
        return post("failover now", () -> {
            if (failover == null) {
                return Outcome.refused(
                        "failover now: the description has no redundancy pair (mode " + description.mode() + ")");
            }
            return failover.failoverNow(overrideFail);
        });
    }

    /**
     * Moves a circuit to a free span position on another machine, after the compatibility check: the cable is
     * pulled and plugged in there (its alarm clears after the clear time) and the port managers learn of it
     * ({@code SpanMoved} within one system, {@code SpanRemoved} + {@code SpanAdded} across systems; the hunt
     * groups that used the position follow the circuit).
     *
     * @param from the position of the circuit (plugged in, or pulled out of it)
     * @param to a free position
     * @return the outcome; refused with the reason when the check fails
     */
    public CompletableFuture<Outcome> moveSpan(int from, int to) {
        return post("move span", () -> doMove(from, to));
    }

    /**
     * @param cell the cell whose details to include in frames, or -1 for none
     * @return the outcome
     */
    public CompletableFuture<Outcome> selectChannel(int cell) {
        CompletableFuture<Outcome> f = new CompletableFuture<>();
        inbox.add(() -> {
            selectedCell = cell;
            f.complete(Outcome.done(cell < 0 ? "no channel selected" : "selected " + cellName(cell)));
        });
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        return f;
    }

    /**
     * Writes the capacity-planning report of the current state (live inventories, current traffic) as text.
     *
     * @param file where to write it (overwritten)
     * @return the outcome
     */
    public CompletableFuture<Outcome> exportReport(Path file) {
        Objects.requireNonNull(file, "exportReport: file");
        return post("export report", () -> {
            String text = capacity.reportText(title, options.start().plusNanos(clock.nanos()));
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                return Outcome.refused("export report: cannot write " + file + ": " + e.getMessage());
            }
            return Outcome.done("capacity report written to " + file);
        });
    }

    // ------------------------------------------------------------------ manual driving

    /**
     * Runs the posted commands, advances simulated time by {@code d} (running every action due), folds the events
     * and publishes a frame. Only on a manual engine; the calling thread is the simulation thread.
     *
     * @param d simulated time, ≥ 0
     * @throws IllegalStateException on a threaded engine
     */
    public void runFor(Duration d) {
        requireManual("runFor");
        runCommands();
        long target = clock.nanos() + d.toNanos();
        while (clock.nanos() < target) {
            advanceTo(Math.min(target, clock.nanos() + 1_000_000_000L));
            foldEvents();
        }
        foldEvents();
        publishFrame();
    }

    /**
     * Runs the posted commands and publishes a frame, without advancing time. Only on a manual engine.
     *
     * @throws IllegalStateException on a threaded engine
     */
    public void runPending() {
        runFor(Duration.ZERO);
    }

    private void requireManual(String what) {
        if (thread != null) {
            throw new IllegalStateException(
                    what + ": this engine runs its own simulation thread; only a manual engine is driven by hand");
        }
    }

    // ------------------------------------------------------------------ the simulation thread

    private void loop() {
        long last = System.nanoTime();
        long lastFrame = last;
        long frameNanos = options.frameInterval().toNanos();
        while (!closed) {
            try {
                boolean ran = runCommands();
                long now = System.nanoTime();
                long dt = Math.min(now - last, MAX_SLICE_REAL_NANOS);
                last = now;
                if (!paused && dt > 0) {
                    advanceTo(clock.nanos() + (long) (dt * speed));
                }
                foldEvents();
                if (ran || now - lastFrame >= frameNanos) {
                    publishFrame();
                    lastFrame = now;
                }
                LockSupport.parkNanos(2_000_000L);
            } catch (RuntimeException e) {
                log(LogCategory.SYSTEM, "simulator", "simulation step failed: " + e);
            }
        }
    }

    private boolean runCommands() {
        boolean any = false;
        Runnable r;
        while ((r = inbox.poll()) != null) {
            r.run();
            any = true;
        }
        return any;
    }

    private void advanceTo(long target) {
        try {
            clock.advanceTo(target);
        } catch (RuntimeException e) {
            // VirtualClock removed the failing action first; the rest of the simulation can go on
            log(LogCategory.SYSTEM, "simulator", "a simulated action failed: " + e);
        }
    }

    private void heartbeats() {
        for (SystemRuntime rt : systems) {
            for (String m : rt.sim.backends().keySet()) {
                rt.pm().submit(new Input.MachineHeartbeat(0, m));
            }
        }
        scheduleHeartbeats();
    }

    private void scheduleHeartbeats() {
        clock.schedule(clock.nanos() + HEARTBEAT_NANOS, () -> {
            for (SystemRuntime rt : systems) {
                for (Map.Entry<String, SoftBackend> e : rt.sim.backends().entrySet()) {
                    if (!rt.killed.contains(e.getKey()) && e.getValue().state() == BackendState.IN_SERVICE) {
                        rt.pm().submit(new Input.MachineHeartbeat(0, e.getKey()));
                    }
                }
                rt.pm().tick();
            }
            scheduleHeartbeats();
        });
    }

    // ------------------------------------------------------------------ traffic

    private void buildTraffic(SystemRuntime rt) {
        Map<String, TrafficSettings> in = new LinkedHashMap<>();
        Map<String, TrafficSettings> out = new LinkedHashMap<>();
        for (Module m : rt.description.modules()) {
            boolean outbound = isOutbound(m.type());
            Map<String, TrafficSettings> target = outbound ? out : in;
            boolean fax = m.type().kind() == PortKind.FAX;
            TrafficSettings add = new TrafficSettings(
                    m.busyHourAttempts(), fax ? 1 : 0, m.holdingSeconds().orElse(180.0), Math.max(1, m.pagesPerFax()));
            target.merge(m.pool(), add, SimEngine::combine);
        }
        long seed = options.seed() * 31 + rt.name.hashCode();
        for (SystemRuntime.Group g : rt.groups.values()) {
            boolean hasDids = !didCables(rt, g.name).isEmpty();
            TrafficSettings i = in.get(g.name);
            TrafficSettings o = out.get(g.name);
            double faxShare = g.kind == PortKind.FAX ? 1 : 0;
            if (hasDids && (i != null || o == null)) {
                TrafficSettings s = i != null ? i : new TrafficSettings(0, faxShare, 180, 2);
                rt.traffic.add(new GroupTraffic(
                        rt, g.name, g.kind, false, s, clock, seed++, () -> didCables(rt, g.name), this::placeOutbound));
            }
            if (o != null || !hasDids) {
                TrafficSettings s = o != null ? o : new TrafficSettings(0, faxShare, 180, 2);
                rt.traffic.add(
                        new GroupTraffic(rt, g.name, g.kind, true, s, clock, seed++, List::of, this::placeOutbound));
            }
        }
    }

    private static TrafficSettings combine(TrafficSettings a, TrafficSettings b) {
        double calls = a.callsPerHour() + b.callsPerHour();
        if (calls == 0) {
            return a;
        }
        double wa = a.callsPerHour() / calls;
        double wb = b.callsPerHour() / calls;
        double fax = a.faxShare() * wa + b.faxShare() * wb;
        double voiceA = (1 - a.faxShare()) * a.callsPerHour();
        double voiceB = (1 - b.faxShare()) * b.callsPerHour();
        double hold = voiceA + voiceB == 0
                ? a.holdingSeconds()
                : (a.holdingSeconds() * voiceA + b.holdingSeconds() * voiceB) / (voiceA + voiceB);
        double faxA = a.faxShare() * a.callsPerHour();
        double faxB = b.faxShare() * b.callsPerHour();
        double pages =
                faxA + faxB == 0 ? a.pagesPerFax() : (a.pagesPerFax() * faxA + b.pagesPerFax() * faxB) / (faxA + faxB);
        return new TrafficSettings(calls, Math.min(1, fax), hold, Math.max(1, pages));
    }

    static boolean isOutbound(ModuleType t) {
        return t == ModuleType.OUTBOUND_FAX || t == ModuleType.ALERT_FAX || t == ModuleType.ALERT_VOICE;
    }

    /** @return the cables of the group's member positions that deliver DIDs (wherever they are plugged now) */
    private List<Cable> didCables(SystemRuntime rt, String group) {
        List<Cable> out = new ArrayList<>();
        SystemRuntime.Group g = rt.groups.get(group);
        if (g == null) {
            return out;
        }
        for (SpanLocation at : g.members) {
            Circuit c = occupant[layout.positionIndex(at)];
            if (c != null && !c.config().didRanges().isEmpty()) {
                out.add(c.cable);
            }
        }
        if (out.isEmpty()) {
            // circuits of the described group that moved away still bring their DIDs' calls
            for (HuntGroup hg : rt.description.huntGroups()) {
                if (hg.name().equals(group)) {
                    for (String id : rt.sim.inventory().circuitsOf(hg)) {
                        Circuit c = circuits.get(id);
                        if (c != null && !c.config().didRanges().isEmpty()) {
                            out.add(c.cable);
                        }
                    }
                }
            }
        }
        return out;
    }

    private GroupTraffic traffic(String system, String group, boolean outbound) {
        for (SystemRuntime rt : systems) {
            if (rt.name.equals(system)) {
                for (GroupTraffic t : rt.traffic) {
                    if (t.group.equals(group) && t.outbound == outbound) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    private boolean placeOutbound(GroupTraffic t, SplittableRandom random) {
        SystemRuntime rt = t.system;
        Result r = rt.pm().allocateSync(t.group, t.kind, Direction.OUT, Duration.ofHours(2), SYNC);
        if (!(r instanceof Result.Granted g)) {
            String why = r instanceof Result.Rejected rej ? rej.reason() + " " + rej.detail() : r.toString();
            log(LogCategory.CALL, rt.name, t.group + ": outbound " + t.kind + " attempt got no port (" + why + ")");
            return false;
        }
        boolean fax = t.kind == PortKind.FAX;
        TrafficSettings s = t.settings();
        int pages = fax ? samplePages(random, s.pagesPerFax()) : 0;
        double hold = -Math.log(1 - random.nextDouble()) * s.holdingSeconds();
        Job job = new Job(rt, g.channel(), g.leaseId(), fax, pages, hold);
        SoftBackend b = backendOf(g.channel().span().machine());
        try {
            jobs.put(g.channel(), job);
            job.call = b.placeCall(
                    g.channel(), OutboundCall.to(fax ? SimulatedSystem.FAX_NUMBER : SimulatedSystem.VOICE_NUMBER));
            int pos = layout.positionIndex(g.channel().span());
            tracker.placed(Layout.cell(pos, g.channel().ds0()), job.call.value(), fax, clock.nanos());
            return true;
        } catch (HalException seized) {
            // an inbound call took the channel before the port manager saw it (glare)
            jobs.remove(g.channel());
            rt.pm().release(g.leaseId());
            log(LogCategory.CALL, rt.name, t.group + ": glare on " + g.channel() + ": " + seized.getMessage());
            return false;
        }
    }

    private static int samplePages(SplittableRandom r, double mean) {
        double p = 1.0 / mean;
        int n = 1;
        while (r.nextDouble() > p && n < 200) {
            n++;
        }
        return n;
    }

    private Path document(int pages) {
        return documents.computeIfAbsent(pages, p -> {
            Path f = workDir.resolve("outbound-" + p + "p.tif");
            TiffInfo.writeBlankPages(f, p, 200);
            return f;
        });
    }

    /** Reactions that change the simulation, run on the clock in event order. */
    private void react(HalEvent e) {
        if (e instanceof CallConnected c) {
            Job j = jobs.get(c.channel());
            if (j != null && c.call().equals(j.call)) {
                SoftBackend b = backendOf(j.channel.span().machine());
                if (j.fax) {
                    b.sendFax(j.channel, new FaxSendRequest(document(j.pages), "STROOM"));
                } else {
                    clock.schedule(clock.nanos() + (long) (j.holdSeconds * 1e9), () -> {
                        if (jobs.get(j.channel) == j) {
                            hangUpQuietly(j);
                        }
                    });
                }
            }
        } else if (e instanceof FaxDone f) {
            Job j = jobs.get(f.channel());
            if (j != null && f.call().equals(j.call)) {
                hangUpQuietly(j);
            }
        } else if (e instanceof CallDisconnected d) {
            Job j = jobs.get(d.channel());
            if (j != null && d.call().equals(j.call)) {
                jobs.remove(d.channel());
                j.system.pm().release(j.leaseId);
            }
            blockIfPending(d.channel());
        }
    }

    private void hangUpQuietly(Job j) {
        try {
            backendOf(j.channel.span().machine()).hangUp(j.channel, Q850Cause.NORMAL_CLEARING);
        } catch (HalException alreadyGone) {
            // the far end or the network cleared it first; CallDisconnected releases the lease
        }
    }

    // ------------------------------------------------------------------ locks

    private void blockWhenIdle(int cell) {
        ChannelId ch = channelIdOrNull(cell);
        if (ch == null) {
            return;
        }
        SoftBackend b = backendOf(ch.span().machine());
        try {
            ChannelState s = b.channel(ch).state();
            if (s == ChannelState.IDLE || s == ChannelState.OUT_OF_SERVICE) {
                b.setBlocked(ch, true);
            } else if (s.inCall()) {
                pendingBlock.set(cell);
            }
        } catch (HalException noChannel) {
            // not a bearer of the circuit plugged in: nothing to block on the board
        }
    }

    private void blockIfPending(ChannelId ch) {
        if (!layout.hasPosition(ch.span())) {
            return;
        }
        int cell = Layout.cell(layout.positionIndex(ch.span()), ch.ds0());
        if (pendingBlock.get(cell)) {
            pendingBlock.clear(cell);
            if (locked(cell)) {
                blockWhenIdle(cell);
            }
        }
    }

    private void unblockIfUnlocked(int cell) {
        pendingBlock.clear(cell);
        if (locked(cell)) {
            return;
        }
        ChannelId ch = channelIdOrNull(cell);
        if (ch == null) {
            return;
        }
        SoftBackend b = backendOf(ch.span().machine());
        try {
            ChannelState s = b.channel(ch).state();
            if (s == ChannelState.BLOCKED || s == ChannelState.OUT_OF_SERVICE) {
                b.setBlocked(ch, false);
            }
        } catch (HalException noChannel) {
            // nothing on the board to unblock
        }
    }

    private boolean locked(int cell) {
        return lockedCells.get(cell) || lockedSpans.get(cell / Ds0Layout.TIMESLOTS);
    }

    // ------------------------------------------------------------------ span moves

    private Outcome doMove(int from, int to) {
        Circuit c = occupant(from);
        if (c == null) {
            return Outcome.refused("move span: no circuit at " + key(from));
        }
        SpanLocation src = layout.positions().get(from).location();
        SpanLocation dst = location(to);
        SystemRuntime s1 = systemOf(src.machine());
        SystemRuntime s2 = systemOf(dst.machine());
        Circuit there = occupant[to];
        SpanMoveCheck.Result check = SpanMoveCheck.check(c.config(), c.kinds, src, target(to, there));
        if (!check.allowed()) {
            return Outcome.refused("move " + c.id + " to " + dst + " refused: "
                    + check.refusal().get());
        }
        List<String> groupsOfSource =
                s1.groupsWith(src).stream().map(g -> g.name).toList();
        if (there != null) {
            there.position = -1;
            s2.pm().submit(new Input.SpanRemoved(0, dst));
            removeFromGroups(s2, dst);
            log(
                    LogCategory.SYSTEM,
                    s2.name,
                    "circuit " + there.id + " (pulled out of " + dst + ") is no longer at any position");
        }
        if (s1 == s2) {
            s1.pm().submit(new Input.SpanMoved(0, src, dst));
            for (SystemRuntime.Group g : s1.groupsWith(src)) {
                g.members.set(g.members.indexOf(src), dst);
                redefine(s1, g);
            }
        } else {
            s1.pm().submit(new Input.SpanRemoved(0, src));
            removeFromGroups(s1, src);
            s2.pm().submit(spanAdded(dst, c));
            for (String name : groupsOfSource) {
                SystemRuntime.Group g = s2.groups.get(name);
                if (g != null) {
                    g.members.add(dst);
                    redefine(s2, g);
                }
            }
        }
        occupant[from] = null;
        occupant[to] = c;
        c.position = to;
        provisioned[to] = LineProfile.of(c.config());
        tracker.clearPosition(to);
        c.cable.plugInto(backendOf(dst.machine()), dst);
        StringBuilder msg = new StringBuilder(
                "moved circuit " + c.id + " from " + src + " to " + dst + "; its alarm clears after the clear time");
        check.notes().forEach(n -> msg.append("; ").append(n));
        return Outcome.done(msg.toString());
    }

    private SpanMoveCheck.Target target(int position, Circuit there) {
        SpanLocation at = location(position);
        SystemRuntime rt = systemOf(at.machine());
        BoardModel model = rt.backend(at.machine()).boardModel(new BoardId(at.machine(), at.board()));
        List<SpanMoveCheck.Neighbour> others = new ArrayList<>();
        for (int p : boardOf(at).positions()) {
            Circuit o = occupant[p];
            if (p != position && o != null && o.plugged()) {
                others.add(new SpanMoveCheck.Neighbour(o.config(), o.kinds));
            }
        }
        Optional<String> plugged = there != null && there.plugged() ? Optional.of(there.id) : Optional.empty();
        return new SpanMoveCheck.Target(
                at,
                model,
                Optional.ofNullable(provisioned[position]),
                plugged,
                !rt.killed.contains(at.machine()),
                others);
    }

    private Input.SpanAdded spanAdded(SpanLocation at, Circuit c) {
        SystemRuntime rt = systemOf(at.machine());
        BoardModel model = rt.backend(at.machine()).boardModel(new BoardId(at.machine(), at.board()));
        Ds0Layout l = c.config().layout();
        Set<PortKind> wanted = c.declared.isEmpty() ? EnumSet.allOf(PortKind.class) : c.declared;
        int fax = 0;
        int voice = 0;
        for (int ts : l.bearerTimeslots()) {
            Set<PortKind> can = model.kinds(ts);
            if (can.contains(PortKind.FAX) && wanted.contains(PortKind.FAX)) {
                fax |= 1 << (ts - 1);
            }
            if (can.contains(PortKind.VOICE) && wanted.contains(PortKind.VOICE)) {
                voice |= 1 << (ts - 1);
            }
        }
        return new Input.SpanAdded(
                0,
                at,
                c.config().circuitId(),
                c.config().signalling(),
                TimeslotSet.of(l),
                new TimeslotSet(fax),
                new TimeslotSet(voice),
                EnumSet.allOf(Direction.class));
    }

    private void removeFromGroups(SystemRuntime rt, SpanLocation at) {
        for (SystemRuntime.Group g : rt.groupsWith(at)) {
            g.members.remove(at);
            if (g.members.isEmpty()) {
                log(
                        LogCategory.SYSTEM,
                        rt.name,
                        "hunt group " + g.name + " has no span left; the port manager"
                                + " keeps its last definition, whose span is gone");
            } else {
                redefine(rt, g);
            }
        }
    }

    private void redefine(SystemRuntime rt, SystemRuntime.Group g) {
        List<GroupMember> members =
                g.members.stream().map(GroupMember::wholeSpan).toList();
        rt.pm().submit(new Input.HuntGroupDefined(0, g.name, g.strategy, g.kind, members));
    }

    // ------------------------------------------------------------------ folding events and frames

    private void foldEvents() {
        Tagged t;
        while ((t = intake.poll()) != null) {
            tracker.fold(t.event);
            describe(t.machine, t.event);
        }
    }

    private void describe(String machine, HalEvent e) {
        EventText.Described d = EventText.describe(e);
        addLog(new LogEntry(e.atNanos(), d.category(), machine, d.text()));
    }

    void log(LogCategory c, String source, String text) {
        addLog(new LogEntry(clock.nanos(), c, source, text));
    }

    private void addLog(LogEntry entry) {
        pendingLog.addLast(entry);
        if (pendingLog.size() > MAX_LOG_PER_FRAME) {
            pendingLog.removeFirst();
            droppedLog++;
        }
    }

    private void publishFrame() {
        long t0 = System.nanoTime();
        refreshMetrics(t0);
        int n = layout.cellCount();
        byte[] states = new byte[n];
        short[] pages = new short[n];
        long[] ids = new long[n];
        long[] starts = new long[n];
        java.util.Arrays.fill(starts, ChannelTracker.NO_CALL);
        Map<SpanLocation, SpanInfo> spans = new HashMap<>();
        for (SystemRuntime rt : systems) {
            for (SoftBackend b : rt.sim.backends().values()) {
                for (SpanInfo si : b.spans()) {
                    spans.put(si.location(), si);
                }
                for (ChannelInfo ci : b.channels()) {
                    int pos = layout.positionIndex(ci.id().span());
                    Circuit c = occupant[pos];
                    if (c != null && c.plugged()) {
                        int cell = Layout.cell(pos, ci.id().ds0());
                        states[cell] = (byte) cellState(cell, ci.state()).ordinal();
                    }
                }
            }
        }
        List<Frame.PositionSnap> positions = new ArrayList<>(layout.positions().size());
        for (Layout.PositionInfo p : layout.positions()) {
            positions.add(positionSnap(p, spans.get(p.location()), states));
        }
        for (int cell = 0; cell < n; cell++) {
            if (CellState.of(states[cell]).busy()) {
                ids[cell] = tracker.callId(cell);
                starts[cell] = tracker.start(cell);
                pages[cell] = tracker.pages(cell);
            }
        }
        List<Frame.MachineSnap> machines = new ArrayList<>();
        for (Layout.MachineInfo m : layout.machines()) {
            SystemRuntime rt = systemOf(m.name());
            List<Integer> faulted = rt.faultedBoards.stream()
                    .filter(b -> b.machine().equals(m.name()))
                    .map(BoardId::board)
                    .sorted()
                    .toList();
            machines.add(new Frame.MachineSnap(m.name(), !rt.killed.contains(m.name()), faulted));
        }
        List<Frame.TrafficRow> traffic = trafficRows();
        Optional<Frame.ChartSample> chart = chartSample(t0, traffic);
        List<LogEntry> log = new ArrayList<>(pendingLog);
        pendingLog.clear();
        long dropped = droppedLog;
        droppedLog = 0;
        updateRates(t0);
        long seq = ++sequence;
        Frame f = new Frame(
                seq,
                new Frame.Clock(clock.nanos(), speed, achievedSpeed, paused, trafficRunning),
                positions,
                machines,
                states,
                pages,
                ids,
                starts,
                counters(),
                traffic,
                chart,
                log,
                dropped,
                failover == null ? Optional.empty() : Optional.of(failover.snapshot()),
                detail(states),
                status,
                statusOk,
                new Frame.Stats(eventsSeen.sum(), eventsPerSecond, System.nanoTime() - t0));
        latest.set(f);
    }

    private CellState cellState(int cell, ChannelState s) {
        boolean locked = locked(cell);
        switch (s) {
            case IDLE:
                return locked ? CellState.LOCKED : CellState.IDLE;
            case OFFERED:
            case ALERTING:
                return CellState.RINGING;
            case DIALLING:
                return CellState.DIALLING;
            case CONNECTED:
                return tracker.fax(cell) || faxOnly(cell) ? CellState.FAX : CellState.VOICE;
            case DISCONNECTING:
                return CellState.CLEARING;
            case BLOCKED:
                return locked ? CellState.LOCKED : CellState.BLOCKED;
            case OUT_OF_SERVICE:
            default:
                return locked ? CellState.LOCKED : CellState.OUT_OF_SERVICE;
        }
    }

    /** A connected call on a span that only fax hunt groups use is a fax, even before its first page. */
    private boolean faxOnly(int cell) {
        Circuit c = occupant[cell / Ds0Layout.TIMESLOTS];
        return c != null && c.kinds.equals(EnumSet.of(PortKind.FAX));
    }

    private Frame.PositionSnap positionSnap(Layout.PositionInfo p, SpanInfo info, byte[] states) {
        Circuit c = occupant[p.index()];
        if (c == null) {
            return new Frame.PositionSnap(
                    Optional.empty(), Frame.Plug.EMPTY, "", "", lockedSpans.get(p.index()), 0, 0, "");
        }
        boolean plugged = c.plugged();
        SpanConfig cfg = c.config();
        Ds0Layout l = cfg.layout();
        SoftBackend b = backendOf(p.location().machine());
        for (int ds0 = 1; ds0 <= Ds0Layout.TIMESLOTS; ds0++) {
            int cell = Layout.cell(p.index(), ds0);
            if (l.isBearer(ds0)) {
                if (!plugged) {
                    ChannelState s;
                    try {
                        s = b.channel(new ChannelId(p.location(), ds0)).state();
                    } catch (HalException gone) {
                        s = ChannelState.OUT_OF_SERVICE;
                    }
                    states[cell] = (byte) cellState(cell, s).ordinal();
                }
            } else if (cfg.signalling() == Signalling.ISDN_PRI && ds0 == Ds0Layout.PRI_D_CHANNEL) {
                boolean up = plugged && info != null && info.status().dChannel() == DChannelState.UP;
                states[cell] = (byte) (up ? CellState.D_UP : CellState.D_DOWN).ordinal();
            }
        }
        String alarms = "";
        String d = "";
        if (info != null) {
            alarms = String.join(
                    " ",
                    Stream.of(Alarm.values())
                            .filter(info.status().alarms()::contains)
                            .map(Alarm::name)
                            .toList());
            DChannelState ds = info.status().dChannel();
            d = ds == DChannelState.UP ? "up" : ds == DChannelState.DOWN ? "down" : "";
        }
        Metrics.Counts counts = Metrics.Counts.ZERO;
        SystemRuntime rt = systemOf(p.location().machine());
        if (rt.metrics != null) {
            counts = rt.metrics.bySpan().getOrDefault(p.location(), Metrics.Counts.ZERO);
        }
        return new Frame.PositionSnap(
                Optional.of(c.id),
                plugged ? Frame.Plug.PLUGGED : Frame.Plug.PULLED,
                alarms,
                d,
                lockedSpans.get(p.index()),
                counts.busy(),
                counts.total(),
                LineProfile.of(cfg).toString());
    }

    private void refreshMetrics(long nowReal) {
        if (nowReal - lastMetricsReal < METRICS_REFRESH_REAL_NANOS && thread != null) {
            return;
        }
        lastMetricsReal = nowReal;
        for (SystemRuntime rt : systems) {
            try {
                rt.metrics = rt.pm().metrics().get(SYNC.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                log(LogCategory.SYSTEM, rt.name, "port manager metrics unavailable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Frame.CounterRow> counters() {
        List<Frame.CounterRow> out = new ArrayList<>();
        for (SystemRuntime rt : systems) {
            Metrics m = rt.metrics;
            if (m == null) {
                continue;
            }
            m.byKind().forEach((k, c) -> out.add(row("kind", rt.name + "/" + k, c)));
            m.byMachine().forEach((k, c) -> out.add(row("machine", k, c)));
            m.byGroup().forEach((k, c) -> out.add(row("group", rt.name + "/" + k, c)));
            m.bySpan().forEach((k, c) -> out.add(row("span", k.toString(), c)));
        }
        return out;
    }

    private static Frame.CounterRow row(String scope, String name, Metrics.Counts c) {
        return new Frame.CounterRow(scope, name, c.total(), c.busy(), c.free(), c.unusable());
    }

    private List<Frame.TrafficRow> trafficRows() {
        List<Frame.TrafficRow> out = new ArrayList<>();
        for (SystemRuntime rt : systems) {
            Map<String, Double> groupErlangs = new HashMap<>();
            for (GroupTraffic t : rt.traffic) {
                groupErlangs.merge(t.group, offeredErlangs(rt, t), Double::sum);
            }
            for (GroupTraffic t : rt.traffic) {
                var st = t.stats();
                int usable = 0;
                if (rt.metrics != null) {
                    Metrics.Counts c = rt.metrics.byGroup().getOrDefault(t.group, Metrics.Counts.ZERO);
                    usable = c.busy() + c.free();
                }
                double a = offeredErlangs(rt, t);
                double pooled = groupErlangs.getOrDefault(t.group, a);
                double b = pooled <= 0 ? 0 : usable == 0 ? 1 : ErlangB.blocking(usable, pooled);
                out.add(new Frame.TrafficRow(
                        rt.name,
                        t.group,
                        t.kind,
                        t.outbound,
                        t.settings(),
                        st.offered(),
                        st.carried(),
                        st.blocked(),
                        usable,
                        a,
                        b));
            }
        }
        return out;
    }

    /** @return offered erlangs of a group's traffic: attempts per hour × mean holding, fax from page timing */
    double offeredErlangs(SystemRuntime rt, GroupTraffic t) {
        if (t.outbound && !t.canOffer()) {
            return 0;
        }
        return t.settings().callsPerHour() * meanHoldingSeconds(rt, t) / 3600.0;
    }

    private double meanHoldingSeconds(SystemRuntime rt, GroupTraffic t) {
        TrafficSettings s = t.settings();
        FaxTiming timing = rt.sim.backends().values().iterator().next().faxTiming();
        if (t.outbound) {
            return meanHoldingSeconds(timing, s, t.kind, true);
        }
        return s.faxShare() * meanHoldingSeconds(timing, s, PortKind.FAX, false)
                + (1 - s.faxShare()) * meanHoldingSeconds(timing, s, PortKind.VOICE, false);
    }

    /**
     * Mean seconds one simulated call holds its port, the figure both the traffic table's offered erlangs and the
     * capacity view use: a fax session from the T.30 model at the mean page count (pages are drawn geometric with
     * that mean, and a session is linear in its pages, so this is the exact mean), a voice call the configured mean
     * holding time; an outbound call adds {@link #OUTBOUND_SETUP_SECONDS}.
     *
     * @param timing the boards' fax timing
     * @param s the traffic settings
     * @param kind FAX or VOICE
     * @param outbound whether the calls are placed by the system
     * @return seconds, &gt; 0
     */
    static double meanHoldingSeconds(FaxTiming timing, TrafficSettings s, PortKind kind, boolean outbound) {
        double held =
                kind == PortKind.FAX ? timing.sessionSeconds(FaxModulation.V34, s.pagesPerFax()) : s.holdingSeconds();
        return (outbound ? OUTBOUND_SETUP_SECONDS : 0) + held;
    }

    private Optional<Frame.ChartSample> chartSample(long nowReal, List<Frame.TrafficRow> traffic) {
        if (nowReal - lastChartReal < CHART_REAL_NANOS && thread != null) {
            return Optional.empty();
        }
        lastChartReal = nowReal;
        long now = clock.nanos();
        int busy = 0;
        double erlangSeconds = 0;
        for (SystemRuntime rt : systems) {
            if (rt.metrics != null) {
                for (Metrics.Counts c : rt.metrics.byMachine().values()) {
                    busy += c.busy();
                }
                erlangSeconds += rt.metrics.activity().carriedErlangSeconds();
            }
        }
        long blocked = 0;
        double predictedBlockedPerHour = 0;
        double predictedCarried = 0;
        Map<String, Boolean> seenGroup = new HashMap<>();
        for (Frame.TrafficRow r : traffic) {
            blocked += r.blocked();
            if (trafficRunning) {
                predictedBlockedPerHour += r.settings().callsPerHour() * r.predictedBlocking();
                predictedCarried += r.offeredErlangs() * (1 - r.predictedBlocking());
            }
            seenGroup.put(r.key(), true);
        }
        double minutes = (now - lastChartSim) / 60e9;
        double blockedPerMinute = minutes <= 0 ? 0 : (blocked - lastChartBlocked) / minutes;
        lastChartSim = now;
        lastChartBlocked = blocked;
        carriedWindow.addLast(new double[] {now, erlangSeconds});
        while (carriedWindow.size() > 2 && now - carriedWindow.peekFirst()[0] > 60e9) {
            carriedWindow.removeFirst();
        }
        double[] first = carriedWindow.peekFirst();
        double span = (now - first[0]) / 1e9;
        double carried = span <= 0 ? busy : (erlangSeconds - first[1]) / span;
        return Optional.of(new Frame.ChartSample(
                now / 60e9, busy, blockedPerMinute, predictedBlockedPerHour / 60, carried, predictedCarried));
    }

    private void updateRates(long nowReal) {
        long dt = nowReal - rateWindowReal;
        if (dt >= 1_000_000_000L) {
            long total = eventsSeen.sum();
            eventsPerSecond = (total - rateWindowEvents) * 1e9 / dt;
            rateWindowEvents = total;
            rateWindowReal = nowReal;
        }
        long ds = nowReal - speedWindowReal;
        if (ds >= 1_000_000_000L) {
            achievedSpeed = (clock.nanos() - speedWindowSim) / (double) ds;
            speedWindowSim = clock.nanos();
            speedWindowReal = nowReal;
        }
    }

    private Optional<Frame.ChannelDetail> detail(byte[] states) {
        int cell = selectedCell;
        if (cell < 0 || cell >= layout.cellCount()) {
            return Optional.empty();
        }
        int position = cell / Ds0Layout.TIMESLOTS;
        int ds0 = cell % Ds0Layout.TIMESLOTS + 1;
        SpanLocation at = layout.positions().get(position).location();
        Circuit c = occupant[position];
        CellState s = CellState.of(states[cell]);
        String title = at + " ch " + ds0 + (c == null ? "" : " (circuit " + c.id + ")");
        String state = s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (s == CellState.FAX ? ", " + tracker.pages(cell) + " page(s)" : "")
                + (locked(cell) && s != CellState.LOCKED ? ", lock pending until the call ends" : "");
        String call = "none";
        String duration = "";
        if (s.busy() && tracker.callId(cell) != 0) {
            call = "call #" + tracker.callId(cell);
            if (tracker.start(cell) != ChannelTracker.NO_CALL) {
                duration = SimTime.duration(clock.nanos() - tracker.start(cell));
            }
        }
        List<String> history = new ArrayList<>();
        if (c != null && c.config().layout().isBearer(ds0)) {
            try {
                List<StateChange> h = backendOf(at.machine()).history(new ChannelId(at, ds0));
                for (StateChange sc : h.subList(Math.max(0, h.size() - HISTORY_LINES), h.size())) {
                    history.add(SimTime.format(sc.atNanos()) + "  " + sc.from() + " → " + sc.to() + "  (" + sc.reason()
                            + ")");
                }
            } catch (HalException gone) {
                history.add("(no channel on the board now)");
            }
        }
        return Optional.of(new Frame.ChannelDetail(cell, title, state, call, duration, history));
    }

    // ------------------------------------------------------------------ failover

    private FailoverRig buildFailover() {
        if (description.pairs().isEmpty() || description.mode() == SystemDescription.RedundancyMode.MODE_0) {
            return null;
        }
        SystemDescription.Backup pair = description.pairs().get(0);
        if (pair.covers().isEmpty()) {
            return null;
        }
        SystemRuntime standby = runtime(pair.backup());
        SystemRuntime active = runtime(pair.covers().get(0));
        return new FailoverRig(
                active,
                standby,
                clock,
                options.start(),
                () -> health(active),
                () -> !active.killed.contains(active.serverName()),
                (cause, detail) -> capacity.prove(
                        cause + ": " + detail, active, standby, options.start().plusNanos(clock.nanos())),
                text -> log(LogCategory.FAILOVER, standby.name, text));
    }

    private PeerHealth health(SystemRuntime rt) {
        int configured = 0;
        int usable = 0;
        for (Layout.PositionInfo p : layout.positions()) {
            if (!p.system().equals(rt.name) || occupant[p.index()] == null) {
                continue;
            }
            configured++;
            if (!rt.killed.contains(p.location().machine())) {
                try {
                    if (backendOf(p.location().machine()).span(p.location()).usable()) {
                        usable++;
                    }
                } catch (HalException closed) {
                    // a closed backend has no usable span
                }
            }
        }
        int calls = 0;
        if (rt.metrics != null) {
            for (Metrics.Counts c : rt.metrics.byMachine().values()) {
                calls += c.busy();
            }
        }
        return new PeerHealth(true, usable, configured, calls);
    }

    SystemRuntime runtime(String name) {
        for (SystemRuntime rt : systems) {
            if (rt.name.equals(name)) {
                return rt;
            }
        }
        throw new IllegalArgumentException("no system '" + name + "' in " + title);
    }

    // ------------------------------------------------------------------ lookups (simulation thread)

    List<SystemRuntime> systems() {
        return systems;
    }

    Circuit occupant(int position) {
        checkPosition(position);
        return occupant[position];
    }

    LineProfile provisioned(int position) {
        return provisioned[position];
    }

    int lockedChannels(int position, int bearers) {
        if (lockedSpans.get(position)) {
            return bearers;
        }
        int n = lockedCells
                .get(Layout.cell(position, 1), Layout.cell(position, 24) + 1)
                .cardinality();
        return Math.min(n, bearers);
    }

    SoftBackend backendOf(String machine) {
        return systemOf(machine).backend(machine);
    }

    SystemRuntime systemOf(String machine) {
        SystemRuntime rt = systemOfMachine.get(machine);
        if (rt == null) {
            throw new IllegalArgumentException("no machine '" + machine + "' in " + title);
        }
        return rt;
    }

    private Layout.BoardInfo boardOf(SpanLocation at) {
        return layout.machine(at.machine()).boards().get(at.board());
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= layout.positions().size()) {
            throw new IllegalArgumentException("span position " + position + " is outside 0.."
                    + (layout.positions().size() - 1));
        }
    }

    private SpanLocation location(int position) {
        checkPosition(position);
        return layout.positions().get(position).location();
    }

    private String key(int position) {
        return location(position).toString();
    }

    private ChannelId channelId(int cell) {
        ChannelId ch = channelIdOrNull(cell);
        if (ch == null) {
            throw new IllegalArgumentException(cellName(cell) + " is not a bearer channel of a circuit plugged in");
        }
        return ch;
    }

    private ChannelId channelIdOrNull(int cell) {
        if (cell < 0 || cell >= layout.cellCount()) {
            throw new IllegalArgumentException("cell " + cell + " is outside 0.." + (layout.cellCount() - 1));
        }
        int position = cell / Ds0Layout.TIMESLOTS;
        int ds0 = cell % Ds0Layout.TIMESLOTS + 1;
        Circuit c = occupant[position];
        if (c == null || !c.config().layout().isBearer(ds0)) {
            return null;
        }
        return new ChannelId(layout.positions().get(position).location(), ds0);
    }

    private String cellName(int cell) {
        return layout.positions().get(cell / Ds0Layout.TIMESLOTS).location() + " ch "
                + (cell % Ds0Layout.TIMESLOTS + 1);
    }

    long simNanos() {
        return clock.nanos();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    // ------------------------------------------------------------------ lifecycle

    /** Stops the simulation thread (waiting up to 2 s), the port managers and backends, and deletes the work directory if it made one. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (SystemRuntime rt : systems) {
            rt.traffic.forEach(GroupTraffic::stop);
            rt.apps.forEach(ApplicationBehaviour::close);
            // backends first, so the calls they clear on closing still reach an open port manager
            rt.sim.backends().values().forEach(SoftBackend::close);
            rt.sim.close();
        }
        if (ownsWorkDir) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
