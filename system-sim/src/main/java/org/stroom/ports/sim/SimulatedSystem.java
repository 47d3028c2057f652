package org.stroom.ports.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.softport.ApplicationBehaviour;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.HoldingTime;
import org.stroom.ports.hal.softport.OutboundBehaviour;
import org.stroom.ports.hal.softport.PageCount;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.TrafficSource;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Module;
import org.stroom.ports.portmgr.config.SystemDescription.ModuleType;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.t1.SpanConfig;

/**
 * A described Stroom System running on simulated boards: one {@link SoftBackend} per machine on a
 * shared {@link VirtualClock}, the {@link PortManager} fed by every backend's events, inbound
 * traffic from the far ends for inbound modules, and an outbound driver that allocates ports
 * through the port manager for outbound modules (fax jobs, alert broadcasts).
 *
 * <p>Everything is seeded: the same description, seed and duration give the same calls.
 *
 * <p>Thread-safety: drive it from one thread (the one that advances the clock); the port manager
 * runs on its own core thread.
 */
public final class SimulatedSystem implements AutoCloseable {
    /** Called number our outbound fax calls dial; its far end answers with fax tone. */
    public static final String FAX_NUMBER = "3125559000";
    /** Called number our outbound voice calls dial. */
    public static final String VOICE_NUMBER = "3125559100";

    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Duration SYNC = Duration.ofSeconds(5);

    private final Inventory inventory;
    private final VirtualClock clock;
    private final Map<String, SoftBackend> backends = new LinkedHashMap<>();
    private final Map<String, Cable> cables = new LinkedHashMap<>();
    private final PortManager portManager;
    private final List<TrafficSource> inbound = new ArrayList<>();
    private final Map<TrafficSource, Module> inboundModules = new HashMap<>();
    private final Map<TrafficSource, List<Cable>> inboundCables = new HashMap<>();
    private final List<Outbound> outbound = new ArrayList<>();
    private final List<ApplicationBehaviour> apps = new ArrayList<>();
    private final Map<ChannelId, Job> jobs = new HashMap<>();
    private final Path workDir;
    private final SplittableRandom random;
    private boolean running;

    /**
     * Assembles the system; traffic starts with {@link #startTraffic()}.
     *
     * @param system a validated system description
     * @param clock the shared virtual clock
     * @param seed seeds every random choice
     * @param workDir directory for the journal and fax files (created if missing)
     * @param journal whether the port manager journals to Chronicle Queue under {@code workDir}
     */
    public SimulatedSystem(StroomSystem system, VirtualClock clock, long seed, Path workDir, boolean journal) {
        this.inventory = new Inventory(system);
        this.clock = clock;
        this.workDir = workDir;
        this.random = new SplittableRandom(seed);
        try {
            Files.createDirectories(workDir.resolve("fax-in"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work directory " + workDir, e);
        }
        int i = 0;
        for (Machine m : system.machines()) {
            SoftBackend.Builder b = SoftBackend.builder(m.name()).clock(clock).seed(seed + 31L * ++i);
            for (Board board : m.boards()) {
                SpanConfig[] ports = new SpanConfig[Inventory.model(board).spans()];
                for (Span s : board.spans()) {
                    ports[s.port() - 1] = s.config();
                }
                b.board(Inventory.model(board), ports);
            }
            SoftBackend backend = b.build();
            backends.put(m.name(), backend);
            for (Cable c : backend.cables()) {
                cables.put(c.circuitId().value(), c);
                c.farEnd().setOutboundBehaviour(FAX_NUMBER, OutboundBehaviour.answerFax(Duration.ofSeconds(4)));
                c.farEnd().setOutboundBehaviour(VOICE_NUMBER, OutboundBehaviour.answer(Duration.ofSeconds(6)));
            }
        }
        PortManager.Builder pm =
                PortManager.builder().machine(serverName(system)).clock(clock).inventory(inventory.portManagerInputs());
        if (journal) {
            pm.journalDir(workDir.resolve("journal"));
        }
        this.portManager = pm.open();
        for (Map.Entry<String, SoftBackend> e : backends.entrySet()) {
            e.getValue().subscribe(portManager.halListener(e.getKey()), Runnable::run);
            e.getValue().subscribe(this::onEvent, Runnable::run);
        }
    }

    private static String serverName(StroomSystem s) {
        return s.machines().stream()
                .filter(m -> m.role() == org.stroom.ports.portmgr.config.SystemDescription.Role.SERVER)
                .findFirst()
                .orElseThrow()
                .name();
    }

    /** Starts the far ends' inbound traffic and the outbound jobs of every module. */
    public void startTraffic() {
        if (running) {
            return;
        }
        running = true;
        for (SoftBackend b : backends.values()) {
            apps.add(ApplicationBehaviour.builder(b)
                    .receiveFaxesInto(workDir.resolve("fax-in"))
                    .seed(random.nextLong())
                    .build());
        }
        for (Module m : inventory.system().modules()) {
            if (isOutbound(m.type())) {
                Outbound o = new Outbound(m, random.nextLong());
                outbound.add(o);
                o.scheduleNext();
            } else {
                List<Cable> group = new ArrayList<>();
                for (String c : inventory.circuitsOf(inventory.group(m.pool()))) {
                    Cable cable = cables.get(c);
                    if (cable != null && !cable.dids().isEmpty()) {
                        group.add(cable);
                    }
                }
                if (group.isEmpty() || m.busyHourAttempts() <= 0) {
                    continue;
                }
                boolean fax = m.type().kind() == PortKind.FAX;
                TrafficSource.Builder t = TrafficSource.builder(clock)
                        .seed(random.nextLong())
                        .callsPerHour(m.busyHourAttempts())
                        .group(group.toArray(new Cable[0]))
                        .faxShare(fax ? 1.0 : 0.0);
                if (fax) {
                    t.faxPages(PageCount.geometric(Math.max(1.0, m.pagesPerFax())));
                } else {
                    t.voiceHolding(HoldingTime.exponential(
                            Duration.ofMillis((long) (1000 * m.holdingSeconds().orElse(180.0)))));
                }
                TrafficSource source = t.build();
                inbound.add(source);
                inboundModules.put(source, m);
                inboundCables.put(source, List.copyOf(group));
                source.start();
            }
        }
        heartbeatNow();
        scheduleTick();
    }

    private void heartbeatNow() {
        for (String machine : backends.keySet()) {
            portManager.submit(new org.stroom.ports.portmgr.alloc.Input.MachineHeartbeat(0, machine));
        }
    }

    private void scheduleTick() {
        clock.schedule(clock.nanos() + TICK.toNanos(), () -> {
            if (running) {
                // every simulated machine that is in service reports in, as its Node process would
                for (Map.Entry<String, SoftBackend> e : backends.entrySet()) {
                    if (e.getValue().state() == org.stroom.ports.hal.api.BackendState.IN_SERVICE) {
                        portManager.submit(new org.stroom.ports.portmgr.alloc.Input.MachineHeartbeat(0, e.getKey()));
                    }
                }
                portManager.tick();
                scheduleTick();
            }
        });
    }

    /** Stops new traffic; calls in progress finish as the clock advances. */
    public void stopTraffic() {
        running = false;
        inbound.forEach(TrafficSource::stop);
    }

    static boolean isOutbound(ModuleType t) {
        return t == ModuleType.OUTBOUND_FAX || t == ModuleType.ALERT_FAX || t == ModuleType.ALERT_VOICE;
    }

    /** @return offered erlangs of a module: attempts/hour × mean holding (fax from page times at V.34 or V.17) */
    public double offeredErlangs(Module m) {
        return m.busyHourAttempts() * meanHoldingSeconds(m) / 3600.0;
    }

    /** @return a module's mean holding time in seconds */
    public double meanHoldingSeconds(Module m) {
        if (m.holdingSeconds().isPresent()) {
            return m.holdingSeconds().get();
        }
        FaxModulation mod = "V17".equals(m.faxSpeed()) ? FaxModulation.V17 : FaxModulation.V34;
        SoftBackend any = backends.values().iterator().next();
        int pages = (int) Math.max(1, Math.round(m.pagesPerFax()));
        return any.faxTiming().session(mod, pages).toMillis() / 1000.0;
    }

    /**
     * Inbound modules whose DID circuits overlap compete for the same channels; each gets the
     * bearer count of the union of the circuits it shares with others.
     */
    private Map<TrafficSource, java.util.Set<Cable>> sharedInboundCircuits() {
        Map<TrafficSource, java.util.Set<Cable>> sets = new HashMap<>();
        for (TrafficSource s : inbound) {
            sets.put(s, new java.util.HashSet<>(inboundCables.get(s)));
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (TrafficSource a : inbound) {
                for (TrafficSource b : inbound) {
                    if (a != b
                            && !java.util.Collections.disjoint(sets.get(a), sets.get(b))
                            && !sets.get(a).containsAll(sets.get(b))) {
                        sets.get(a).addAll(sets.get(b));
                        merged = true;
                    }
                }
            }
        }
        return sets;
    }

    /** @return per-module statistics so far */
    public List<ModuleStats> moduleStats() {
        List<ModuleStats> out = new ArrayList<>();
        Map<TrafficSource, java.util.Set<Cable>> shared = sharedInboundCircuits();
        for (TrafficSource s : inbound) {
            Module m = inboundModules.get(s);
            var st = s.stats();
            java.util.Set<Cable> cs = shared.get(s);
            int ports =
                    cs.stream().mapToInt(c -> c.config().layout().bearerCount()).sum();
            String trunks = cs.stream()
                    .map(c -> c.circuitId().value())
                    .sorted()
                    .collect(java.util.stream.Collectors.joining("+"));
            out.add(new ModuleStats(
                    m.name(),
                    m.pool(),
                    false,
                    st.offered(),
                    st.carried(),
                    st.blocked(),
                    offeredErlangs(m),
                    ports,
                    trunks));
        }
        for (Outbound o : outbound) {
            out.add(new ModuleStats(
                    o.module.name(),
                    o.module.pool(),
                    true,
                    o.offered,
                    o.carried,
                    o.blocked,
                    offeredErlangs(o.module),
                    0,
                    ""));
        }
        return out;
    }

    /** @return the port manager's metrics now (waits for the core) */
    public Metrics metrics() {
        return portManager
                .metrics()
                .orTimeout(SYNC.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .join();
    }

    /** @return the port manager */
    public PortManager portManager() {
        return portManager;
    }

    /** @return the machines' backends by machine name */
    public Map<String, SoftBackend> backends() {
        return java.util.Collections.unmodifiableMap(backends);
    }

    /** @return the circuits by circuit id */
    public Map<String, Cable> cables() {
        return java.util.Collections.unmodifiableMap(cables);
    }

    /** @return the inventory view of the description */
    public Inventory inventory() {
        return inventory;
    }

    /** @return the shared clock */
    public VirtualClock clock() {
        return clock;
    }

    private void onEvent(HalEvent e) {
        if (e instanceof CallConnected c) {
            Job j = jobs.get(c.channel());
            if (j != null && j.call != null && j.call.equals(c.call())) {
                j.onConnected();
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
                portManager.release(j.leaseId);
            }
        }
    }

    private void hangUpQuietly(Job j) {
        try {
            backends.get(j.channel.span().machine()).hangUp(j.channel, Q850Cause.NORMAL_CLEARING);
        } catch (HalException alreadyGone) {
            // the far end or the network cleared it first; CallDisconnected releases the lease
        }
    }

    /** One placed outbound call and its lease. */
    private final class Job {
        final Module module;
        final ChannelId channel;
        final long leaseId;
        org.stroom.ports.hal.api.CallId call;

        Job(Module module, ChannelId channel, long leaseId) {
            this.module = module;
            this.channel = channel;
            this.leaseId = leaseId;
        }

        void onConnected() {
            SoftBackend b = backends.get(channel.span().machine());
            if (module.type().kind() == PortKind.FAX) {
                int pages = (int) Math.max(1, Math.round(module.pagesPerFax()));
                b.sendFax(channel, new FaxSendRequest(document(pages), "STROOM"));
            } else {
                long hold = (long) (1000 * module.holdingSeconds().orElse(60.0));
                clock.schedule(clock.nanos() + hold * 1_000_000L, () -> {
                    if (jobs.get(channel) == this) {
                        hangUpQuietly(this);
                    }
                });
            }
        }
    }

    private final Map<Integer, Path> documents = new HashMap<>();

    private Path document(int pages) {
        return documents.computeIfAbsent(pages, p -> {
            Path f = workDir.resolve("outbound-" + p + "p.tif");
            TiffInfo.writeBlankPages(f, p, 200);
            return f;
        });
    }

    /** Poisson outbound attempts of one module, allocated through the port manager. */
    private final class Outbound {
        final Module module;
        final SplittableRandom rnd;
        long offered;
        long carried;
        long blocked;

        Outbound(Module module, long seed) {
            this.module = module;
            this.rnd = new SplittableRandom(seed);
        }

        void scheduleNext() {
            if (module.busyHourAttempts() <= 0) {
                return;
            }
            double meanGapSeconds = 3600.0 / module.busyHourAttempts();
            long gap = (long) (-Math.log(1 - rnd.nextDouble()) * meanGapSeconds * 1e9);
            clock.schedule(clock.nanos() + Math.max(1, gap), () -> {
                if (running) {
                    attempt();
                    scheduleNext();
                }
            });
        }

        void attempt() {
            offered++;
            Result r = portManager.allocateSync(
                    module.pool(), module.type().kind(), Direction.OUT, Duration.ofHours(2), SYNC);
            if (!(r instanceof Result.Granted g)) {
                blocked++;
                return;
            }
            SoftBackend b = backends.get(g.channel().span().machine());
            Job job = new Job(module, g.channel(), g.leaseId());
            try {
                jobs.put(g.channel(), job);
                job.call = b.placeCall(
                        g.channel(), OutboundCall.to(module.type().kind() == PortKind.FAX ? FAX_NUMBER : VOICE_NUMBER));
                carried++;
            } catch (HalException seizedMeanwhile) {
                // an inbound call took the channel before the port manager saw it: glare, counted as blocked
                jobs.remove(g.channel());
                portManager.release(g.leaseId());
                blocked++;
            }
        }
    }

    @Override
    public void close() {
        stopTraffic();
        apps.forEach(ApplicationBehaviour::close);
        // boards first: their last events still reach a running port manager
        backends.values().forEach(SoftBackend::close);
        portManager.close();
    }
}
