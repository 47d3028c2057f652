package org.stroom.ports.server;

import io.grpc.BindableService;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.openhft.chronicle.queue.RollCycles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.Hal;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.remote.PeerVerifier;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.portmgr.cluster.FailoverCommand;
import org.stroom.ports.portmgr.cluster.FailoverMonitor;
import org.stroom.ports.portmgr.cluster.MonitorAction;
import org.stroom.ports.portmgr.cluster.MonitorDriver;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.cluster.PeerResponder;
import org.stroom.ports.portmgr.cluster.ProverProofSource;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.report.CapacityMapping;
import org.stroom.ports.server.proto.AdminCommand;
import org.stroom.ports.server.proto.AdminReply;
import org.stroom.ports.server.proto.FollowRequest;
import org.stroom.ports.server.proto.JournalBatch;
import org.stroom.ports.server.proto.MachineCounts;
import org.stroom.ports.server.proto.NodeLink;
import org.stroom.ports.server.proto.PeerFrame;
import org.stroom.ports.server.proto.ServerAdminGrpc;
import org.stroom.ports.server.proto.ServerPeerGrpc;
import org.stroom.ports.server.proto.StatusReply;
import org.stroom.ports.server.proto.StatusRequest;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * A running Stroom Server: its own boards and one {@link RemoteBackend} per Node feeding one journaled
 * {@link PortManager}, and in a Mode 2 pair its side of the link to the other Server.
 *
 * <pre>
 *  local HalBackend ──events──────────────────────────────────────────┐
 *  RemoteBackend node1 ──subscribeAllEvents──▶ NodeFeed (seq, input) ─┼─▶ PortManager ──▶ ResumeJournal (input +
 *  RemoteBackend node2 ──subscribeAllEvents──▶ NodeFeed               │      ▲               Node mark per entry)
 *  tick thread: MachineHeartbeat per reachable machine, Tick, metrics ┘      │
 *                                                                           └── recovery at start: state + marks,
 *                                                                               each Node resumed after its mark
 *  ACTIVE:  listener ── ServerPeer.Link ──▶ PeerLinkServer ◀──▶ PeerResponder (answers, shutdown notice, load)
 *                    └─ ServerPeer.FollowJournal ──▶ JournalStreamer (the journal, from the passive's index)
 *  PASSIVE: PeerLinkClient ──▶ MonitorDriver(FailoverMonitor) on the monitor thread ──▶ proof (ProofArchive)
 *           JournalFollower ──▶ HotStandby (a copy of the active's allocation state)
 *  both:    listener ── ServerAdmin (status, failover now, failback, suspend, resume, shutdown) from this machine
 * </pre>
 *
 * <p><b>Resume points.</b> The last Node sequence applied is stored in the port-manager journal entry of the
 * input it became (see {@link ResumeJournal}), never in a file of its own, so it cannot disagree with the journal.
 * Every {@code journal.snapshotEvery} inputs the port manager writes a snapshot to {@code journal.dir/snapshots}
 * holding its state and the resume points as of the same journal index, so a restart replays only the journal
 * after the newest snapshot. Journal files are kept (no retention): the passive's {@link JournalStreamer} may need
 * old entries.
 *
 * <p><b>Takeover.</b> A passive's proof compares the active's load (per module the busier of the configured and
 * the last reported measured figure) with the passive's own live inventory: its spans' status as its boards and
 * Nodes report them now. The proof is
 * logged and written to {@link ProofArchive} whether or not the policy lets the passive promote itself. Promotion
 * makes this Server the serving one ({@link #role()} PROMOTED); starting applications, span moves and number
 * rollovers are outside this process (docs/runbooks/mode-2.md). Failback ends it; there is no application data to
 * replicate back in this process, so the monitor's replication step completes at once. Promotions and failbacks are
 * written to a {@link PromotionRecord} in the journal directory, so a promoted passive that restarts is promoted
 * again at once ({@link FailoverMonitor#resumePromoted}).
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class StroomServer implements AutoCloseable {
    /**
     * What the Server is doing in its pair.
     *
     * <p>Thread-safety: immutable.
     */
    public enum ServingRole {
        /** Serving (configured active). */
        ACTIVE,
        /** Standing by (configured passive, not promoted). */
        STANDBY,
        /** A passive that took over. */
        PROMOTED
    }

    private static final Logger LOG = LoggerFactory.getLogger(StroomServer.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IDENTITY = "server-journal.properties";

    private final ServerConfig config;
    private final Site site;
    private final String name;
    private final InstantSource wall;
    private final Runnable onShutdownCommand;
    private final String journalId;
    private final Path queueDir;
    private final ResumeJournal journal;
    private final PortManager portManager;
    private final Map<String, RemoteBackend> nodes = new LinkedHashMap<>();
    private final Map<String, NodeFeed> feeds = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService grpcExecutor;
    private final PeerVerifier listenerVerifier;
    private HalBackend local;
    private Server listener;
    private volatile Metrics lastMetrics;
    private volatile boolean closed;

    // active
    private ScheduledExecutorService peerExecutor;
    private PeerLinkServer peerEnd;
    private PeerResponder responder;
    private JournalStreamer streamer;
    private LoadMeter meter;

    // passive
    private ScheduledExecutorService linkExecutor;
    private ManagedChannel peerChannel;
    private PeerVerifier peerVerifier;
    private PeerLinkClient peerClient;
    private JournalFollower follower;
    private HotStandby standby;
    private ScheduledExecutorService monitorExecutor;
    private MonitorDriver driver;
    private ProofArchive proofs;
    /**
     * The passive's promotion record as last written (or read at start); null when it never promoted. Whether this
     * Server is promoted now is its {@link PromotionRecord#promoted()}.
     */
    private volatile PromotionRecord promotion;
    /** Per Node, the mark recovered from the journal (or snapshot) at start, which the Node was asked to resume after. */
    private final Map<String, NodeMark> resumedAfter = new ConcurrentHashMap<>();

    private StroomServer(ServerConfig config, InstantSource wall, Runnable onShutdownCommand) {
        this.config = config;
        this.site = Site.of(config);
        this.name = site.machineName(config.name());
        this.wall = wall;
        this.onShutdownCommand = onShutdownCommand;
        this.listenerVerifier = Tls.clientVerifier(config.tls(), acceptedClients(config), wall);
        try {
            Files.createDirectories(config.journalDir());
        } catch (IOException e) {
            throw new UncheckedIOException("server " + name + ": cannot create journal.dir " + config.journalDir(), e);
        }
        this.journalId = journalId(config.journalDir());
        this.queueDir = config.journalDir().resolve("port-manager");
        ChronicleJournal.Builder journalFiles = ChronicleJournal.builder(queueDir)
                .rollCycle(RollCycles.valueOf(config.rollCycle()))
                .clock(wall);
        if (config.retainCycles() > 0) {
            journalFiles.retainCycles(config.retainCycles());
        }
        this.journal = new ResumeJournal(journalFiles.open());
        PortManager pm;
        try {
            PortManager.Builder b = PortManager.builder()
                    .machine(name)
                    .journal(journal)
                    .clock(epochClock(wall))
                    .inventory(site.portManagerInputs(config.machineTimeout()));
            if (config.snapshotEvery() > 0) {
                b.snapshots(config.snapshotDir(), config.snapshotsKept(), config.snapshotEvery())
                        .snapshotExtra(journal.snapshotExtra());
            }
            pm = b.open();
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        this.portManager = pm;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("server-" + name + "-tick"));
        this.grpcExecutor = Executors.newCachedThreadPool(daemon("server-" + name + "-grpc"));
    }

    /**
     * Starts a Server: recovers its port manager from the journal, opens its boards, connects to its Nodes (each
     * resumed after the last event its journal holds) and, in a pair, to its peer.
     *
     * @param config the configuration
     * @param onShutdownCommand run (on its own thread) after an operator's shutdown command has been answered and,
     *     on an active, announced to the passive; e.g. exit the process
     * @return the running Server
     * @throws IllegalArgumentException when the configuration and its description disagree, naming the key
     * @throws UncheckedIOException when a file or the listen address cannot be used
     */
    public static StroomServer start(ServerConfig config, Runnable onShutdownCommand) {
        return start(config, InstantSource.system(), onShutdownCommand);
    }

    /**
     * As {@link #start(ServerConfig, Runnable)}, with the wall clock for certificates, proofs and time stamps.
     */
    public static StroomServer start(ServerConfig config, InstantSource wall, Runnable onShutdownCommand) {
        StroomServer s = new StroomServer(config, wall, onShutdownCommand);
        try {
            s.startAll();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startAll() {
        LOG.info(
                "server {} ({} of {}): port manager recovered, {}; resume points {}",
                name,
                config.role(),
                site.own().name(),
                portManager.recoveryReport(),
                journal.journaled());
        config.local().ifPresent(this::openLocal);
        for (ServerConfig.NodeAddress n : config.nodes()) {
            connectNode(n);
        }
        List<BindableService> services = new ArrayList<>();
        services.add(new Admin());
        if (config.role() == ServerConfig.Role.ACTIVE && config.peer().isPresent()) {
            startActive(services);
        }
        listener = Tls.listen(name, config.listen(), config.tls(), listenerVerifier, grpcExecutor, services);
        if (config.role() == ServerConfig.Role.PASSIVE) {
            startPassive();
        }
        long tick = config.tickEvery().toNanos();
        ticker.scheduleAtFixedRate(this::tick, 0, tick, TimeUnit.NANOSECONDS);
    }

    // ---------------------------------------------------------------- accessors

    /** @return this Server's machine name */
    public String name() {
        return name;
    }

    /** @return the configuration */
    public ServerConfig config() {
        return config;
    }

    /** @return the port manager (allocate, release, metrics) */
    public PortManager portManager() {
        return portManager;
    }

    /**
     * @param node a Node's machine name
     * @return the mark this Server recovered from its journal (or snapshot) when it started and asked the Node to
     *     resume after; empty when the journal held no event of that Node. Unlike {@link ResumeJournal#journaled},
     *     it does not move as new events arrive.
     */
    public Optional<NodeMark> resumedAfter(String node) {
        return Optional.ofNullable(resumedAfter.get(node));
    }

    /** @return the port-manager journal with its Node resume points */
    public ResumeJournal journal() {
        return journal;
    }

    /** @return the port listened on (the actual one when the configuration said 0) */
    public int port() {
        return listener.getPort();
    }

    /** @return the Node backends by machine name */
    public Map<String, RemoteBackend> nodes() {
        return java.util.Collections.unmodifiableMap(nodes);
    }

    /** @return what this Server does in its pair now */
    public ServingRole role() {
        if (config.role() == ServerConfig.Role.ACTIVE) {
            return ServingRole.ACTIVE;
        }
        PromotionRecord p = promotion;
        return p != null && p.promoted() ? ServingRole.PROMOTED : ServingRole.STANDBY;
    }

    /** @return a passive's copy of the active's state, if this is a passive */
    public Optional<HotStandby> standby() {
        return Optional.ofNullable(standby);
    }

    /** @return the archive of takeover proofs, if this is a passive */
    public Optional<ProofArchive> proofs() {
        return Optional.ofNullable(proofs);
    }

    /** @return TLS refusals of clients of this Server's listener, oldest first */
    public List<PeerVerifier.Refusal> refusals() {
        return listenerVerifier.refusals();
    }

    /** @return the status an operator sees ({@code portman server status}) */
    public StatusReply status() {
        StatusReply.Builder b = StatusReply.newBuilder()
                .setServerName(name)
                .setRole(role().name())
                .setJournalIndex(journal.lastIndex());
        try {
            b.setDigest(portManager.digest().get(5, TimeUnit.SECONDS).hex());
            Metrics m = portManager.metrics().get(5, TimeUnit.SECONDS);
            m.byMachine()
                    .forEach((machine, c) -> b.addMachines(MachineCounts.newBuilder()
                            .setMachine(machine)
                            .setTotal(c.total())
                            .setBusy(c.busy())
                            .setFree(c.free())
                            .setUnusable(c.unusable())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            b.setDigest("unavailable: " + e);
        }
        for (Map.Entry<String, RemoteBackend> e : nodes.entrySet()) {
            RemoteBackend.LinkStatus s = e.getValue().status();
            b.addNodes(NodeLink.newBuilder()
                    .setNode(e.getKey())
                    .setState(s.state().name())
                    .setReachable(s.reachable())
                    .setJournalId(s.journalId())
                    .setLastApplied(s.lastApplied())
                    .setJournaled(journal.journaled(e.getKey())
                            .map(NodeMark::sequence)
                            .orElse(0L)));
        }
        if (peerEnd != null) {
            b.setPeerConnected(peerEnd.connected());
        }
        if (peerClient != null) {
            b.setPeerConnected(peerClient.connected());
            b.setMeasurements(driver.lastMeasurements().size());
            try {
                FailoverMonitor m = onMonitor(() -> driver.monitor());
                b.setMonitorState(onMonitor(() -> m.state().name()));
                b.setConsecutiveMisses(onMonitor(m::consecutiveMisses));
                b.setFailoverAfter(onMonitor(m::failoverThreshold));
            } catch (RuntimeException e) {
                b.setMonitorState("unavailable: " + e.getMessage());
            }
        }
        if (standby != null) {
            b.setStandbyJournalId(standby.journalId())
                    .setStandbyIndex(standby.lastIndex())
                    .setStandbyDigest(standby.digest().hex());
            Duration age = standby.age();
            b.setStandbyAgeMillis(age == null ? -1 : age.toMillis());
        }
        if (proofs != null) {
            proofs.last().ifPresent(p -> b.setLastProof(p.toString()));
        }
        b.setText(text(b));
        return b.build();
    }

    // ---------------------------------------------------------------- boards and Nodes

    private void openLocal(ServerConfig.LocalBoards l) {
        BackendOptions options = new BackendOptions(l.options(), NanoClock.system(), name);
        Hal.Selection selection = l.backend()
                .map(id -> Hal.Selection.named(id, options))
                .orElse(Hal.Selection.best(l.allowSimulated(), options));
        local = Hal.open(selection);
        subscriptions.add(local.subscribe(portManager.halListener(name), Runnable::run));
        LOG.info(
                "server {}: local boards on backend '{}': {} spans",
                name,
                local.id(),
                local.spans().size());
    }

    private void connectNode(ServerConfig.NodeAddress n) {
        String node = site.machineName(n.name());
        Optional<NodeMark> mark = journal.journaled(node);
        mark.ifPresent(m -> resumedAfter.put(node, m));
        for (int attempt = 1; ; attempt++) {
            RemoteBackend.Builder b = RemoteBackend.builder(node, n.host(), n.port())
                    .serverName(name)
                    .tls(config.tls())
                    .heartbeat(
                            config.nodeLink().heartbeatInterval(),
                            config.nodeLink().heartbeatTimeout())
                    .commandTimeout(config.nodeLink().commandTimeout())
                    .maxReconnectDelay(config.nodeLink().maxReconnectDelay())
                    .wallClock(wall);
            mark.ifPresent(m -> b.resumeAfter(m.journalId(), m.sequence()));
            RemoteBackend remote = b.build();
            NodeFeed feed = new NodeFeed(node, remote, portManager, journal);
            Subscription sub = remote.subscribeAllEvents(feed);
            RemoteBackend.LinkStatus s = remote.status();
            // events published before the subscription would be lost to the port manager: there are none while
            // the first stream has not had the Node's hello
            if (s.state() == RemoteBackend.LinkState.CONNECTING && s.reconnects() == 0 && attempt < 5) {
                nodes.put(node, remote);
                feeds.put(node, feed);
                subscriptions.add(sub);
                LOG.info(
                        "server {}: connecting to node {} at {}:{}, {}",
                        name,
                        node,
                        n.host(),
                        n.port(),
                        mark.map(m -> "resuming after its event " + m.sequence() + " of journal " + m.journalId())
                                .orElse("from its snapshot (no event of it in the journal)"));
                return;
            }
            if (attempt >= 5) {
                sub.close();
                remote.close();
                throw new IllegalStateException("server " + name + ": node " + node
                        + " answered before its events could be subscribed to, 5 times; report this as a bug");
            }
            sub.close();
            remote.close();
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            portManager.submit(new Input.MachineHeartbeat(0, name));
            for (Map.Entry<String, RemoteBackend> e : nodes.entrySet()) {
                RemoteBackend.LinkStatus s = e.getValue().status();
                if (s.state() == RemoteBackend.LinkState.UP && s.reachable()) {
                    portManager.submit(new Input.MachineHeartbeat(0, e.getKey()));
                }
            }
            portManager.tick();
            Metrics m = portManager.metrics().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            lastMetrics = m;
            LoadMeter lm = meter;
            if (lm != null) {
                lm.sample(m, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            if (!closed) {
                LOG.error("server {}: tick failed (port manager failure: {})", name, portManager.failure(), e);
            }
        }
    }

    // ---------------------------------------------------------------- active

    private void startActive(List<BindableService> services) {
        String peer = config.peer().orElseThrow().name();
        peerExecutor = Executors.newSingleThreadScheduledExecutor(daemon("server-" + name + "-peer"));
        peerEnd = new PeerLinkServer(name, peer, wall, () -> peerExecutor.execute(this::answer));
        responder = new PeerResponder(peerEnd, this::health);
        meter = new LoadMeter(site.own(), config.loadWindow());
        streamer = new JournalStreamer(name, peer, journalId, queueDir, config.rollCycle(), journal, wall);
        services.add(new Peer());
        long every = config.loadReportEvery().toNanos();
        peerExecutor.scheduleAtFixedRate(this::reportLoad, every, every, TimeUnit.NANOSECONDS);
    }

    private void answer() {
        try {
            responder.step();
        } catch (RuntimeException e) {
            LOG.error("server {}: answering the passive failed", name, e);
        }
    }

    private void reportLoad() {
        try {
            meter.measurements().ifPresent(responder::reportLoad);
        } catch (RuntimeException e) {
            LOG.error("server {}: load report failed", name, e);
        }
    }

    /** The active's health as its passive sees it: port manager alive, usable spans, busy channels. */
    private PeerHealth health() {
        boolean alive = portManager.failure().isEmpty() && !closed;
        Metrics m = lastMetrics;
        if (m == null) {
            return new PeerHealth(alive, 0, 0, 0);
        }
        int usable = 0;
        for (Metrics.Counts c : m.bySpan().values()) {
            if (c.total() > 0 && c.unusable() < c.total()) {
                usable++;
            }
        }
        int busy =
                m.byMachine().values().stream().mapToInt(Metrics.Counts::busy).sum();
        return new PeerHealth(alive, usable, m.bySpan().size(), busy);
    }

    /** The ServerPeer service: the passive's link and journal stream. */
    private final class Peer extends ServerPeerGrpc.ServerPeerImplBase {
        @Override
        public StreamObserver<PeerFrame> link(StreamObserver<PeerFrame> responses) {
            return peerEnd.open(responses, Tls.CALLER.get());
        }

        @Override
        public void followJournal(FollowRequest request, StreamObserver<JournalBatch> responses) {
            streamer.follow(request, responses, Tls.CALLER.get());
        }
    }

    // ---------------------------------------------------------------- passive

    private void startPassive() {
        ServerConfig.Peer peer = config.peer().orElseThrow();
        SystemDescription d = site.description();
        String peerSystem = site.peer().orElseThrow().name();
        CapacityMapping.Mapping configured = CapacityMapping.map(d);
        InventorySystem peerInventory = configured.inventory().system(peerSystem);
        LoadProfile peerLoad = configured.load(peerSystem);
        LoadProfile ownLoad = configured.load(site.own().name());
        proofs = ProofArchive.open(config.proofsDir());
        TakeoverProver prover = new TakeoverProver(new RedundancyChecker(), proofs.signer(), wall);
        MonitorDriver[] holder = new MonitorDriver[1];
        ProverProofSource source = new ProverProofSource(
                prover,
                peerInventory,
                peerLoad,
                () -> busier(holder[0].lastMeasurements(), peerLoad),
                this::liveInventory,
                ownLoad);
        NanoClock monotonic = NanoClock.system();
        PromotionRecord saved = readPromotion(peer.name()).orElse(null);
        promotion = saved;
        // the promotions of earlier runs still count for the lock-out of automatic failback
        List<Duration> ages = saved == null ? List.of() : saved.ages(wall.instant());
        FailoverMonitor monitor;
        if (saved != null && saved.promoted()) {
            monitor = FailoverMonitor.resumePromoted(
                    config.monitor(), config.promotion(), source, monotonic.nanos(), ages);
            LOG.warn(
                    "server {}: resuming PROMOTED in place of {} after a restart (promotions {}, proof {}); it stays"
                            + " promoted until a failback",
                    name,
                    peer.name(),
                    saved.promotions(),
                    saved.proof());
        } else {
            monitor =
                    FailoverMonitor.withHistory(config.monitor(), config.promotion(), source, monotonic.nanos(), ages);
        }

        ScheduledThreadPoolExecutor links = new ScheduledThreadPoolExecutor(1, daemon("server-" + name + "-peer-link"));
        links.setRemoveOnCancelPolicy(true);
        linkExecutor = links;
        peerVerifier = Tls.serverVerifier(config.tls(), peer.name(), wall);
        peerChannel = Tls.connect(name, peer.host(), peer.port(), peer.name(), config.tls(), peerVerifier, links);
        Duration maxDelay = config.nodeLink().maxReconnectDelay();
        Duration silence = config.monitor().heartbeatInterval().multipliedBy(3);
        peerClient = new PeerLinkClient(name, peer.name(), peerChannel, links, maxDelay, silence, wall);
        driver = new MonitorDriver(monitor, peerClient, monotonic);
        holder[0] = driver;
        standby = new HotStandby(wall);
        follower = new JournalFollower(name, peer.name(), peerChannel, links, standby, maxDelay);

        monitorExecutor = Executors.newSingleThreadScheduledExecutor(daemon("server-" + name + "-monitor"));
        long step = Math.max(
                TimeUnit.MILLISECONDS.toNanos(5),
                Math.min(
                        TimeUnit.MILLISECONDS.toNanos(100),
                        config.monitor().heartbeatTimeout().toNanos() / 10));
        monitorExecutor.scheduleAtFixedRate(this::monitorStep, 0, step, TimeUnit.NANOSECONDS);
        LOG.info(
                "server {}: passive for {} ({} at {}:{}); heartbeat every {} ms, timeout {} ms, failover after {}"
                        + " misses ({} after this start); proofs in {}",
                name,
                peerSystem,
                peer.name(),
                peer.host(),
                peer.port(),
                config.monitor().heartbeatInterval().toMillis(),
                config.monitor().heartbeatTimeout().toMillis(),
                config.monitor().failoverAfterMisses(),
                config.monitor().failoverAfterRestartMisses(),
                proofs.dir());
    }

    /**
     * Reads the promotion record. One this Server cannot use is moved aside (kept for the operator) and the Server
     * starts as standby: its monitor proves and promotes again if the peer is still down, which is safer than
     * guessing that it serves.
     */
    private Optional<PromotionRecord> readPromotion(String peerName) {
        Path dir = config.journalDir();
        Optional<PromotionRecord> saved;
        try {
            saved = PromotionRecord.read(dir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            Path file = dir.resolve(PromotionRecord.FILE);
            Path aside = dir.resolve(PromotionRecord.FILE + ".unreadable");
            LOG.error(
                    "server {}: {}; starting as STANDBY (the monitor promotes again if {} is still down); the file is"
                            + " moved to {}",
                    name,
                    e.getMessage(),
                    peerName,
                    aside);
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException(
                        "server " + name + ": the promotion record " + file + " is unusable (" + e.getMessage()
                                + ") and cannot be moved aside: " + moveFailed.getMessage() + "; remove it",
                        moveFailed);
            }
            return Optional.empty();
        }
        if (saved.isPresent() && !saved.get().peer().equals(peerName)) {
            LOG.error(
                    "server {}: the promotion record names peer {}, but peer.name is {}; starting as STANDBY and"
                            + " keeping no promotion history",
                    name,
                    saved.get().peer(),
                    peerName);
            return Optional.empty();
        }
        return saved;
    }

    /** Writes the record; a failure is logged, not thrown: the promotion itself stands either way. */
    private void savePromotion(PromotionRecord next) {
        promotion = next;
        try {
            next.write(config.journalDir());
        } catch (UncheckedIOException e) {
            LOG.error(
                    "server {}: {}; this Server is {} now, but a restart would not know it",
                    name,
                    e.getMessage(),
                    next.promoted() ? "PROMOTED" : "STANDBY");
        }
    }

    private void monitorStep() {
        try {
            Metrics m = lastMetrics;
            if (m != null) {
                driver.monitor()
                        .setCallsActive(m.byMachine().values().stream()
                                        .mapToInt(Metrics.Counts::busy)
                                        .sum()
                                > 0);
            }
            handle(driver.step());
        } catch (RuntimeException e) {
            LOG.error("server {}: failover monitor step failed", name, e);
        }
    }

    /** Carries out the monitor's actions; on the monitor thread. */
    private List<String> handle(List<MonitorAction> actions) {
        List<String> said = new ArrayList<>();
        String peer = config.peer().map(ServerConfig.Peer::name).orElse("?");
        for (MonitorAction a : actions) {
            if (a instanceof MonitorAction.StateChanged c) {
                LOG.info("server {}: monitor of {}: {} -> {}: {}", name, peer, c.from(), c.to(), c.why());
                said.add("monitor " + c.from() + " -> " + c.to() + ": " + c.why());
            } else if (a instanceof MonitorAction.Warn w) {
                LOG.warn(
                        "server {}: WARNING peer {}: {} consecutive misses: {}",
                        name,
                        peer,
                        w.consecutiveMisses(),
                        w.problem());
                said.add("warning: " + w.problem());
            } else if (a instanceof MonitorAction.Promote p) {
                Path file = proofs.write(p.proof(), p.decision());
                savePromotion(PromotionRecord.promoted(
                        Optional.ofNullable(promotion),
                        wall.instant(),
                        peer,
                        file,
                        config.monitor().lockoutWindow()));
                LOG.warn(
                        "server {}: PROMOTED, taking over from {}: proof {} ({}), written to {}\n{}",
                        name,
                        peer,
                        p.proof().grade(),
                        p.decision().reason(),
                        file,
                        p.proof().text());
                said.add("PROMOTED (proof " + p.proof().grade() + ": "
                        + p.decision().reason() + "); proof " + file);
            } else if (a instanceof MonitorAction.RefusePromotion r) {
                Path file = proofs.write(r.proof(), r.decision());
                LOG.error(
                        "server {}: promotion REFUSED: proof {} ({}), written to {}\n{}",
                        name,
                        r.proof().grade(),
                        r.decision().reason(),
                        file,
                        r.proof().text());
                said.add("promotion REFUSED (proof " + r.proof().grade() + ": "
                        + r.decision().reason() + "); proof " + file);
            } else if (a instanceof MonitorAction.StartFailback f) {
                LOG.warn("server {}: failback to {} starts: {}", name, peer, f.why());
                said.add("failback starts: " + f.why());
                // nothing of this process's state goes back: the active keeps its own journal
                said.addAll(handle(driver.monitor().replicationFinished(System.nanoTime())));
            } else if (a instanceof MonitorAction.Failback f) {
                // a failback follows a promotion, which wrote the record (or the record this start resumed)
                savePromotion(promotion.failedBack());
                LOG.warn("server {}: FAILBACK done, {} serves again: {}", name, peer, f.why());
                said.add("failback done: " + f.why());
            } else if (a instanceof MonitorAction.FailbackDeferred f) {
                LOG.info("server {}: failback deferred: {}", name, f.reason());
                said.add("failback deferred: " + f.reason());
            } else if (a instanceof MonitorAction.FailbackLockedOut l) {
                LOG.warn(
                        "server {}: automatic failback locked out after {} promotions; an operator must ask for it",
                        name,
                        l.failoversInWindow());
                said.add("automatic failback locked out after " + l.failoversInWindow() + " promotions");
            } else if (a instanceof MonitorAction.CommandRejected r) {
                LOG.warn("server {}: {} rejected: {}", name, r.command(), r.reason());
                said.add(r.command() + " rejected: " + r.reason());
            } else if (a instanceof MonitorAction.SendHeartbeat) {
                // sent by the driver already
            } else {
                throw new IllegalStateException("unhandled monitor action " + a);
            }
        }
        return said;
    }

    /**
     * The measurements that raise a module's traffic above its configured figure; the others are left out, so
     * the proof uses the busier of the configured and the measured load per module and a quiet window never lowers
     * what the passive must be able to carry.
     */
    static List<Measurement> busier(List<Measurement> measured, LoadProfile configured) {
        Map<String, Module> modules = new HashMap<>();
        for (Module m : configured.modules()) {
            modules.put(m.name(), m);
        }
        List<Measurement> out = new ArrayList<>();
        for (Measurement m : measured) {
            Module c = modules.get(m.module());
            if (c == null || m.erlangs() > c.offeredErlangs()) {
                out.add(m);
            }
        }
        return out;
    }

    /** This Server's live inventory for the proof: its spans' status as its boards and Nodes report them now. */
    private InventorySystem liveInventory() {
        Map<SpanLocation, SpanStatus> spans = new HashMap<>();
        Set<String> down = new HashSet<>();
        for (SystemDescription.Machine m : site.own().machines()) {
            HalBackend b = m.name().equals(name) ? local : nodes.get(m.name());
            if (b == null || b.state() != BackendState.IN_SERVICE) {
                down.add(m.name());
                continue;
            }
            for (int board = 0; board < m.boards().size(); board++) {
                for (SystemDescription.Span s : m.boards().get(board).spans()) {
                    SpanLocation at = new SpanLocation(m.name(), board, s.port());
                    try {
                        spans.put(at, b.span(at).status());
                    } catch (RuntimeException e) {
                        spans.put(
                                at, SpanStatus.healthy(s.config().signalling()).withInService(false));
                    }
                }
            }
        }
        return CapacityMapping.map(site.description(), new CapacityMapping.LiveState(spans, down))
                .inventory()
                .system(site.own().name());
    }

    private <T> T onMonitor(Callable<T> task) {
        try {
            return monitorExecutor.submit(task).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the monitor thread did not answer within " + WAIT.toSeconds() + " s");
        }
    }

    // ---------------------------------------------------------------- admin

    private AdminReply command(AdminCommand c) {
        long now = System.nanoTime();
        switch (c.getBodyCase()) {
            case SHUTDOWN:
                return shutdownCommand(c.getShutdown().getReason());
            case FAILOVER_NOW:
            case FAILBACK:
            case SUSPEND:
            case RESUME:
                if (driver == null) {
                    return reply(
                            false,
                            c.getBodyCase() + " is a passive Server's command; " + name + " is " + config.role(),
                            "");
                }
                break;
            case BODY_NOT_SET:
            default:
                return reply(false, "empty command", "");
        }
        Path before = proofs.last().orElse(null);
        List<String> said = onMonitor(() -> {
            FailoverMonitor m = driver.monitor();
            List<MonitorAction> actions =
                    switch (c.getBodyCase()) {
                        case FAILOVER_NOW ->
                            m.failoverNow(
                                    now,
                                    new FailoverCommand(
                                            c.getFailoverNow().getOperator(),
                                            c.getFailoverNow().getReason(),
                                            wall.instant(),
                                            c.getFailoverNow().getOverrideFail()));
                        case FAILBACK -> m.requestFailback(now, c.getFailback().getOperator());
                        case SUSPEND -> m.suspend(now);
                        default -> m.resume(now);
                    };
            return handle(actions);
        });
        Path after = proofs.last().orElse(null);
        boolean rejected = said.stream().anyMatch(s -> s.contains("rejected") || s.contains("REFUSED"));
        return reply(
                !rejected,
                said.isEmpty() ? "done" : String.join("\n", said),
                after != null && !after.equals(before) ? after.toString() : "");
    }

    private AdminReply shutdownCommand(String reason) {
        String why = reason.isBlank() ? "operator's shutdown command" : reason;
        String text;
        if (responder != null) {
            try {
                peerExecutor.submit(() -> responder.announceShutdown(why)).get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("server {}: shutdown notice not sent: {}", name, e.toString());
            }
            boolean acknowledged = peerEnd.finish(Duration.ofSeconds(2));
            text = "shutdown notice sent to " + config.peer().orElseThrow().name()
                    + (acknowledged ? " (it closed the link)" : " (no passive connected, or it did not answer)");
        } else {
            text = "no peer to notify";
        }
        LOG.warn("server {}: shutting down on command: {}; {}", name, why, text);
        Thread exit = new Thread(onShutdownCommand, "server-" + name + "-shutdown");
        exit.setDaemon(false);
        exit.start();
        return reply(true, text + "; stopping", "");
    }

    private static AdminReply reply(boolean accepted, String text, String proof) {
        return AdminReply.newBuilder()
                .setAccepted(accepted)
                .setText(text)
                .setProofFile(proof)
                .build();
    }

    /** The ServerAdmin service: this machine's operators only. */
    private final class Admin extends ServerAdminGrpc.ServerAdminImplBase {
        @Override
        public void status(StatusRequest request, StreamObserver<StatusReply> responses) {
            Tls.requireCaller(name, "status");
            responses.onNext(StroomServer.this.status());
            responses.onCompleted();
        }

        @Override
        public void command(AdminCommand request, StreamObserver<AdminReply> responses) {
            Tls.requireCaller(name, "admin command " + request.getBodyCase());
            AdminReply r;
            try {
                r = StroomServer.this.command(request);
            } catch (IllegalArgumentException | IllegalStateException e) {
                r = reply(false, e.getMessage(), "");
            }
            LOG.info("server {}: admin {}: {}", name, request.getBodyCase(), r.getText());
            responses.onNext(r);
            responses.onCompleted();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops the peer link, the Nodes' links and the boards, then the port manager and its journal. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdown(monitorExecutor);
        if (follower != null) {
            follower.close();
        }
        if (peerClient != null) {
            peerClient.close();
        }
        if (peerChannel != null) {
            peerChannel.shutdownNow();
        }
        shutdown(linkExecutor);
        if (streamer != null) {
            streamer.close();
        }
        if (listener != null) {
            listener.shutdownNow();
            try {
                // before its executor goes: ending the calls and connections runs on it
                listener.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        shutdown(peerExecutor);
        shutdown(ticker);
        // boards first: their last events still reach a running port manager
        for (RemoteBackend r : nodes.values()) {
            r.close();
        }
        subscriptions.forEach(Subscription::close);
        if (local != null) {
            local.close();
        }
        portManager.close();
        journal.close();
        grpcExecutor.shutdownNow();
        LOG.info(
                "server {} stopped at journal index {}; resume points {}",
                name,
                journal.lastIndex(),
                journal.journaled());
    }

    private static void shutdown(ExecutorService ex) {
        if (ex == null) {
            return;
        }
        ex.shutdownNow();
        try {
            ex.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> acceptedClients(ServerConfig config) {
        Set<String> names = new HashSet<>();
        names.add(config.name());
        config.peer().ifPresent(p -> names.add(p.name()));
        return names;
    }

    /**
     * Epoch nanoseconds, monotonic within the process: the port manager's stamps then continue across restarts
     * (lease expiries and heartbeat deadlines replayed from the journal stay meaningful).
     */
    static NanoClock epochClock(InstantSource wall) {
        Instant t0 = wall.instant();
        long base = t0.getEpochSecond() * 1_000_000_000L + t0.getNano();
        long n0 = System.nanoTime();
        return NanoClock.realTime(() -> base + (System.nanoTime() - n0));
    }

    /** The journal's id, kept next to it; a new directory gets a new one (the passive then rebuilds its copy). */
    private static String journalId(Path dir) {
        Path file = dir.resolve(IDENTITY);
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                String id = p.getProperty("journal.id", "").strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            p.setProperty("journal.id", id);
            Path tmp = dir.resolve(IDENTITY + ".tmp");
            try (var w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Stroom Server port-manager journal; do not edit");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    private static String text(StatusReply.Builder b) {
        StringBuilder s = new StringBuilder();
        s.append("server ").append(b.getServerName()).append(": ").append(b.getRole());
        if (!b.getMonitorState().isEmpty()) {
            s.append(", monitor ")
                    .append(b.getMonitorState())
                    .append(" (")
                    .append(b.getConsecutiveMisses())
                    .append(" misses, failover after ")
                    .append(b.getFailoverAfter())
                    .append(")");
        }
        s.append(", peer ").append(b.getPeerConnected() ? "connected" : "not connected");
        s.append("\n  journal index ")
                .append(b.getJournalIndex())
                .append(", digest ")
                .append(b.getDigest());
        for (MachineCounts m : b.getMachinesList()) {
            s.append(String.format(
                    java.util.Locale.ROOT,
                    "%n  machine %-12s %3d channels: %3d busy, %3d free, %3d unusable",
                    m.getMachine(),
                    m.getTotal(),
                    m.getBusy(),
                    m.getFree(),
                    m.getUnusable()));
        }
        for (NodeLink n : b.getNodesList()) {
            s.append(String.format(
                    java.util.Locale.ROOT,
                    "%n  node %-12s %s%s, applied %d, journaled %d",
                    n.getNode(),
                    n.getState(),
                    n.getReachable() ? "" : " (unreachable)",
                    n.getLastApplied(),
                    n.getJournaled()));
        }
        if (!b.getStandbyJournalId().isEmpty()) {
            s.append("\n  standby copy of journal ")
                    .append(b.getStandbyJournalId())
                    .append(" at index ")
                    .append(b.getStandbyIndex())
                    .append(", ")
                    .append(b.getStandbyAgeMillis())
                    .append(" ms old, digest ")
                    .append(b.getStandbyDigest())
                    .append("; ")
                    .append(b.getMeasurements())
                    .append(" load measurements");
        }
        if (!b.getLastProof().isEmpty()) {
            s.append("\n  last proof ").append(b.getLastProof());
        }
        return s.toString();
    }

    /** @return the last proof this Server built, read on the monitor thread, or null */
    TakeoverProof lastProof() {
        return driver == null ? null : onMonitor(() -> driver.monitor().lastProof());
    }
}
