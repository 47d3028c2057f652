package org.stroom.ports.sim.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.Hal;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.NoBackendException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.softport.Caller;
import org.stroom.ports.hal.softport.OutboundBehaviour;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Affinity;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.EndCause;
import org.stroom.ports.portmgr.alloc.EndedLease;
import org.stroom.ports.portmgr.alloc.GroupMember;
import org.stroom.ports.portmgr.alloc.HuntStrategy;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.MachineRole;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.RejectReason;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.StateDigest;
import org.stroom.ports.portmgr.alloc.TimeslotSet;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.portmgr.cluster.FailoverMonitor;
import org.stroom.ports.portmgr.cluster.InMemoryPeerLink;
import org.stroom.ports.portmgr.cluster.MonitorAction;
import org.stroom.ports.portmgr.cluster.MonitorDriver;
import org.stroom.ports.portmgr.cluster.MonitorSettings;
import org.stroom.ports.portmgr.cluster.MonitorState;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.cluster.PeerResponder;
import org.stroom.ports.portmgr.cluster.ProverProofSource;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * The examples of {@code docs/embedding.md}, compiled and run. Every block between a {@code // [guide:NAME]} and
 * a {@code // [/guide:NAME]} line appears in the guide as a fenced Java block, in the same order;
 * {@link GuideSyncTest} checks that the two stay identical. The examples run on softport boards and
 * {@link VirtualClock} virtual time, so a busy minute costs milliseconds and every run gives the same events.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddingGuideTest {
    private static final Duration SYNC = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ 1. opening a backend

    @Test
    void opensTheSimulatorOnlyWhenSimulatedBackendsAreAllowed() {
        // [guide:open]
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_2T1"), clock, "server");

        try (HalBackend backend = Hal.open(Hal.Selection.best(true, options))) {
            assertThat(backend.id()).isEqualTo("softport");
            assertThat(backend.simulated()).isTrue();
            assertThat(backend.channels()).hasSize(46); // two NI-2 PRI spans of 23 B-channels
        }

        assertThatThrownBy(() -> Hal.open(Hal.Selection.best(false, options)))
                .isInstanceOf(NoBackendException.class)
                .hasMessageContaining("softport (simulated, and simulated backends are not allowed)");
        // [/guide:open]
    }

    // ------------------------------------------------------------------ 2. starting the port manager

    // [guide:inventory]
    /** The port manager's inventory for one machine: the machine, then every span its HAL reports. */
    static List<Input> inventoryOf(String machine, MachineRole role, Duration heartbeatTimeout, HalBackend hal) {
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input.MachineAdded(0, machine, role, heartbeatTimeout.toNanos()));
        for (SpanInfo span : hal.spans()) {
            if (span.config().isEmpty()) {
                continue; // an empty span port: a target for a span move, not a span
            }
            SpanConfig config = span.config().get();
            int fax = 0;
            int voice = 0;
            for (ChannelInfo channel : hal.channels()) {
                if (channel.id().span().equals(span.location())) {
                    int bit = 1 << (channel.id().ds0() - 1);
                    fax |= channel.kinds().contains(PortKind.FAX) ? bit : 0;
                    voice |= channel.kinds().contains(PortKind.VOICE) ? bit : 0;
                }
            }
            inputs.add(new Input.SpanAdded(
                    0,
                    span.location(),
                    config.circuitId(),
                    config.signalling(),
                    TimeslotSet.of(config.layout()),
                    new TimeslotSet(fax),
                    new TimeslotSet(voice),
                    EnumSet.allOf(Direction.class)));
        }
        return inputs;
    }

    /** One hunt group over every span of the given HALs, searched machine by machine. */
    static Input.HuntGroupDefined group(String name, PortKind kind, HuntStrategy strategy, HalBackend... hals) {
        List<GroupMember> members = new ArrayList<>();
        for (HalBackend hal : hals) {
            for (SpanInfo span : hal.spans()) {
                if (span.config().isPresent()) {
                    members.add(GroupMember.wholeSpan(span.location()));
                }
            }
        }
        return new Input.HuntGroupDefined(0, name, strategy, kind, members);
    }
    // [/guide:inventory]

    @Test
    void startsAPortManagerThatSeesTheBackendsChannels() {
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_2T1"), clock, "server");
        HalBackend backend = Hal.open(Hal.Selection.named("softport", options));
        Path journal = dir.resolve("journal");
        // [guide:start]
        List<Input> inventory = new ArrayList<>(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, backend));
        inventory.add(group("fax", PortKind.FAX, HuntStrategy.TOP_DOWN, backend));

        PortManager portManager = PortManager.builder()
                .machine("server")
                .clock(clock)
                .journalDir(journal)
                .snapshots(dir.resolve("snapshots"), 2, 100_000)
                .inventory(inventory)
                .open();
        backend.subscribe(portManager, Runnable::run);
        // [/guide:start]
        try (portManager;
                backend) {
            var metrics = portManager.metrics().join();
            assertThat(metrics.byKind().get(PortKind.FAX).free()).isEqualTo(46);
            assertThat(metrics.byGroup().get("fax").total()).isEqualTo(46);
            assertThat(portManager.recoveryReport().entriesReplayed()).isZero();
        }
    }

    // ------------------------------------------------------------------ 3. allocating a port, placing a call

    // [guide:sender]
    /**
     * Sends one fax per job: allocate a port, dial, send the document when the call connects, hang up when the
     * fax is done, give the lease back when the call has ended. Subscribed with its own executor, never a direct
     * one, because it calls back into the backend.
     */
    static final class FaxSender implements HalEventListener {
        private final HalBackend hal;
        private final PortManager portManager;
        private final Map<CallId, Job> jobs = new ConcurrentHashMap<>();
        final List<FaxDone> done = new CopyOnWriteArrayList<>();

        record Job(long leaseId, Path document) {}

        FaxSender(HalBackend hal, PortManager portManager) {
            this.hal = hal;
            this.portManager = portManager;
        }

        /** @return the reason the job could not start, or null once it is dialling */
        RejectReason send(String number, Path document) {
            Result result = portManager.allocateSync("fax", PortKind.FAX, Direction.OUT, Duration.ofMinutes(15), SYNC);
            if (result instanceof Result.Rejected rejected) {
                return rejected.reason(); // NO_CAPACITY, ALL_IN_ALARM, NODE_DOWN ...: queue the job and retry later
            }
            Result.Granted granted = (Result.Granted) result;
            CallId call = hal.placeCall(granted.channel(), OutboundCall.to(number));
            jobs.put(call, new Job(granted.leaseId(), document));
            return null;
        }

        @Override
        public void onEvent(HalEvent event) {
            if (event instanceof CallConnected e && jobs.containsKey(e.call())) {
                hal.sendFax(e.channel(), new FaxSendRequest(jobs.get(e.call()).document(), "STROOM"));
            } else if (event instanceof FaxDone e && jobs.containsKey(e.call())) {
                done.add(e);
                hangUp(e.channel());
            } else if (event instanceof CallDisconnected e && jobs.containsKey(e.call())) {
                portManager.release(jobs.remove(e.call()).leaseId()); // busy, no answer, glare or done
            }
        }

        private void hangUp(ChannelId channel) {
            try {
                hal.hangUp(channel, Q850Cause.NORMAL_CLEARING);
            } catch (WrongStateException clearedFirst) {
                // the far end hung up first; its CallDisconnected releases the lease
            }
        }
    }
    // [/guide:sender]

    @Test
    void sendsAFaxOnAnAllocatedPortAndGivesTheLeaseBack() {
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_2T1"), clock, "server");
        HalBackend backend = Hal.open(Hal.Selection.named("softport", options));
        List<Input> inventory = new ArrayList<>(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, backend));
        inventory.add(group("fax", PortKind.FAX, HuntStrategy.TOP_DOWN, backend));
        PortManager portManager = PortManager.builder()
                .machine("server")
                .clock(clock)
                .inventory(inventory)
                .open();
        backend.subscribe(portManager, Runnable::run);
        Path document = dir.resolve("two-pages.tif");
        TiffInfo.writeBlankPages(document, 2, 200);
        try (portManager;
                backend) {
            // [guide:send]
            SoftBackend simulator = (SoftBackend) backend; // the far end is simulated here
            simulator.setOutboundBehaviour(OutboundBehaviour.answerFax(Duration.ofSeconds(4)));

            FaxSender sender = new FaxSender(backend, portManager);
            backend.subscribe(sender, clock.executor()); // production: backend.subscribe(sender), its own thread
            RejectReason refused = sender.send("2125550123", document);
            clock.advance(Duration.ofMinutes(2));

            assertThat(refused).isNull();
            assertThat(sender.done).singleElement().satisfies(fax -> {
                assertThat(fax.result()).isEqualTo(FaxResult.SUCCESS);
                assertThat(fax.pages()).isEqualTo(2);
            });
            assertThat(portManager.metrics().join().liveLeases()).isZero();
            // [/guide:send]
        }
    }

    @Test
    void aJobIsRefusedWithTheReasonWhenEveryPortIsTaken() {
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_1T1"), clock, "server");
        HalBackend backend = Hal.open(Hal.Selection.named("softport", options));
        List<Input> inventory = new ArrayList<>(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, backend));
        inventory.add(group("fax", PortKind.FAX, HuntStrategy.TOP_DOWN, backend));
        Path document = dir.resolve("one-page.tif");
        TiffInfo.writeBlankPages(document, 1, 200);
        try (PortManager portManager = PortManager.builder()
                        .machine("server")
                        .clock(clock)
                        .inventory(inventory)
                        .open();
                backend) {
            backend.subscribe(portManager, Runnable::run);
            ((SoftBackend) backend).setOutboundBehaviour(OutboundBehaviour.noAnswer());
            FaxSender sender = new FaxSender(backend, portManager);
            backend.subscribe(sender, clock.executor());
            List<RejectReason> outcomes = new ArrayList<>();
            for (int job = 0; job < 24; job++) {
                outcomes.add(sender.send("2125550123", document));
            }

            assertThat(outcomes.subList(0, 23)).containsOnlyNulls();
            assertThat(outcomes.get(23)).isEqualTo(RejectReason.NO_CAPACITY);
        }
    }

    // ------------------------------------------------------------------ 4. handling inbound events

    // [guide:receiver]
    /** Answers every offered call and receives its fax into {@code inbox}; one place dispatches every event. */
    static final class FaxReceiver implements HalEventListener {
        private final HalBackend hal;
        private final Path inbox;
        final List<FaxDone> received = new CopyOnWriteArrayList<>();

        FaxReceiver(HalBackend hal, Path inbox) {
            this.hal = hal;
            this.inbox = inbox;
        }

        @Override
        public void onEvent(HalEvent event) {
            if (event instanceof CallOffered e) {
                hal.answer(e.channel()); // routing by e.dnis() would go here
            } else if (event instanceof CallConnected e) {
                Path file = inbox.resolve("fax-" + e.call().value() + ".tif");
                hal.receiveFax(e.channel(), new FaxReceiveRequest(file, "STROOM"));
            } else if (event instanceof FaxDone e) {
                received.add(e);
                try {
                    hal.hangUp(e.channel(), Q850Cause.NORMAL_CLEARING);
                } catch (WrongStateException clearedFirst) {
                    // a sending fax machine usually hangs up first
                }
            }
            // every other event (digits, alarms, service changes ...) is of no interest to this application
        }
    }
    // [/guide:receiver]

    @Test
    void receivesAnInboundFaxAndThePortManagerSeesTheCall() {
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_1T1"), clock, "server");
        HalBackend backend = Hal.open(Hal.Selection.named("softport", options));
        List<Input> inventory = new ArrayList<>(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, backend));
        try (PortManager portManager = PortManager.builder()
                        .machine("server")
                        .clock(clock)
                        .inventory(inventory)
                        .open();
                backend) {
            backend.subscribe(portManager, Runnable::run);
            // [guide:receive]
            FaxReceiver receiver = new FaxReceiver(backend, dir);
            backend.subscribe(receiver, clock.executor());

            SoftBackend simulator = (SoftBackend) backend; // the far end is simulated here
            SpanLocation span = backend.spans().get(0).location();
            simulator.farEnd(span).offerCall(23, "3125550123", "2125550000", Caller.fax(3));
            clock.advance(Duration.ofSeconds(5));
            Metrics.Counts fax = portManager.metrics().join().byKind().get(PortKind.FAX);
            assertThat(fax.busy()).isEqualTo(1); // the port manager saw the call from the HAL's events

            clock.advance(Duration.ofMinutes(1));
            assertThat(receiver.received).singleElement().satisfies(done -> {
                assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
                assertThat(done.sending()).isFalse();
                Path file = dir.resolve("fax-" + done.call().value() + ".tif");
                assertThat(TiffInfo.read(file).pages()).isEqualTo(3);
            });
            fax = portManager.metrics().join().byKind().get(PortKind.FAX);
            assertThat(fax.busy()).isZero();
            // [/guide:receive]
        }
    }

    // ------------------------------------------------------------------ 5. restarting from the journal

    @Test
    void aRestartedPortManagerRebuildsTheSameStateFromItsJournal() {
        VirtualClock clock = new VirtualClock();
        BackendOptions options = new BackendOptions(Map.of("softport.boards", "TR1034_1T1"), clock, "server");
        HalBackend backend = Hal.open(Hal.Selection.named("softport", options));
        List<Input> inventory = new ArrayList<>(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, backend));
        inventory.add(group("fax", PortKind.FAX, HuntStrategy.TOP_DOWN, backend));
        Path journal = dir.resolve("journal");
        try (backend) {
            // [guide:restart]
            PortManager first = PortManager.builder()
                    .machine("server")
                    .clock(clock)
                    .journalDir(journal)
                    .inventory(inventory)
                    .open();
            Result.Granted lease = (Result.Granted)
                    first.allocateSync("fax", PortKind.FAX, Direction.OUT, Duration.ofMinutes(15), SYNC);
            StateDigest before = first.digest().join();
            first.close(); // or kill -9: every acknowledged input is in the journal already

            try (PortManager second = PortManager.builder()
                    .machine("server")
                    .clock(clock)
                    .journalDir(journal)
                    .inventory(inventory) // ignored: there is a journal to recover
                    .open()) {
                assertThat(second.recoveryReport().isClean()).isTrue();
                assertThat(second.recoveryReport().entriesReplayed()).isEqualTo(inventory.size() + 1);
                assertThat(second.digest().join()).isEqualTo(before);
                assertThat(second.releaseSync(lease.leaseId(), SYNC)).isInstanceOf(Result.Released.class);
            }
            // [/guide:restart]
        }
    }

    // ------------------------------------------------------------------ 6. a Server with a Node

    @Test
    void aSilentNodeIsDeclaredDownAndItsPortsAreNoLongerGranted() {
        VirtualClock clock = new VirtualClock();
        // [guide:node]
        HalBackend server = Hal.open(Hal.Selection.named(
                "softport", new BackendOptions(Map.of("softport.boards", "TR1034_1T1"), clock, "server")));
        HalBackend node1 = Hal.open(Hal.Selection.named( // on a real System: the Node's boards seen over hal-remote
                "softport", new BackendOptions(Map.of("softport.boards", "TR1034_1T1"), clock, "node1")));

        List<Input> inventory = new ArrayList<>();
        inventory.addAll(inventoryOf("server", MachineRole.SERVER, Duration.ZERO, server));
        inventory.addAll(inventoryOf("node1", MachineRole.NODE, Duration.ofSeconds(30), node1));
        inventory.add(group("fax", PortKind.FAX, HuntStrategy.BALANCE_MACHINES, server, node1));
        PortManager portManager = PortManager.builder()
                .machine("server")
                .clock(clock)
                .inventory(inventory)
                .open();
        server.subscribe(portManager.halListener("server"), Runnable::run);
        node1.subscribe(portManager.halListener("node1"), Runnable::run);

        Affinity onlyNode1 = Affinity.machine("node1", true);
        Duration hour = Duration.ofHours(1);
        Result onNode = portManager
                .allocate("fax", PortKind.FAX, Direction.OUT, onlyNode1, "normal", hour)
                .join();
        assertThat(onNode).isInstanceOf(Result.Granted.class);

        portManager.submit(new Input.MachineHeartbeat(0, "node1")); // whenever the Node link shows node1 alive
        clock.advance(Duration.ofSeconds(31)); // ... and then node1 falls silent
        Result.Applied tick = (Result.Applied) portManager.tick().join(); // call tick() every second or so

        assertThat(tick.endedLeases()).extracting(EndedLease::cause).containsExactly(EndCause.MACHINE_DOWN);
        Result again = portManager
                .allocate("fax", PortKind.FAX, Direction.OUT, onlyNode1, "normal", hour)
                .join();
        assertThat(again).isInstanceOfSatisfying(Result.Rejected.class, r -> assertThat(r.reason())
                .isEqualTo(RejectReason.NODE_DOWN));
        Result anywhere = portManager.allocateSync("fax", PortKind.FAX, Direction.OUT, hour, SYNC);
        assertThat(((Result.Granted) anywhere).channel().span().machine()).isEqualTo("server");
        // [/guide:node]
        portManager.close();
        server.close();
        node1.close();
    }

    // ------------------------------------------------------------------ 7. the standby's failover monitor

    @Test
    void theStandbyPromotesItselfWithASignedProofWhenTheActiveFallsSilent() {
        // [guide:monitor]
        AtomicLong now = new AtomicLong(); // nanoseconds; production: NanoClock.system()
        NanoClock clock = now::get;
        InMemoryPeerLink.Pair link = InMemoryPeerLink.pair(); // the network PeerLink does not exist yet
        PeerResponder active = new PeerResponder(link.active(), () -> PeerHealth.healthy(2));

        ProofSigner signer = ProofSigner.generate();
        TakeoverProver prover = new TakeoverProver(new RedundancyChecker(), signer, InstantSource.system());
        AtomicReference<MonitorDriver> standby = new AtomicReference<>();
        ProverProofSource proofs = new ProverProofSource(
                prover,
                activeInventory(), // the peer's circuits and DIDs as last known
                activeLoad(), // the peer's configured load
                () -> standby.get().lastMeasurements(), // the peer's replicated measurements
                () -> passiveInventory(), // this system's live inventory
                LoadProfile.empty("passive")); // a passive system carries no load of its own
        FailoverMonitor monitor =
                new FailoverMonitor(MonitorSettings.defaults(), PromotionPolicy.strict(), proofs, clock.nanos());
        standby.set(new MonitorDriver(monitor, link.standby(), clock));

        List<MonitorAction> actions = new ArrayList<>();
        for (int step = 0; step < 600; step++) { // one minute in steps of 100 ms
            if (step == 100) {
                link.active().connect(false); // the active system dies after 10 s
            }
            actions.addAll(standby.get().step());
            active.step();
            now.addAndGet(100_000_000L);
        }

        assertThat(monitor.state()).isEqualTo(MonitorState.FAILURE);
        assertThat(monitor.promoted()).isTrue();
        MonitorAction.Promote promote = actions.stream()
                .filter(MonitorAction.Promote.class::isInstance)
                .map(MonitorAction.Promote.class::cast)
                .findFirst()
                .orElseThrow();
        TakeoverProof proof = promote.proof();
        assertThat(proof.cause()).startsWith("MISSED_HEARTBEATS: 15 consecutive missed heartbeats");
        assertThat(proof.verify(signer.publicKey())).isTrue();
        System.out.println(proof.text()); // what the operator reads; store proof.envelope() with the incident
        // [/guide:monitor]
    }

    @Test
    void aControlledShutdownIsTakenOverAtOnce() {
        AtomicLong now = new AtomicLong();
        NanoClock clock = now::get;
        InMemoryPeerLink.Pair link = InMemoryPeerLink.pair();
        PeerResponder active = new PeerResponder(link.active(), () -> PeerHealth.healthy(2));
        TakeoverProver prover =
                new TakeoverProver(new RedundancyChecker(), ProofSigner.generate(), InstantSource.fixed(Instant.EPOCH));
        ProverProofSource proofs = new ProverProofSource(
                prover, activeInventory(), activeLoad(), List::of, () -> passiveInventory(), LoadProfile.empty("p"));
        FailoverMonitor monitor =
                new FailoverMonitor(MonitorSettings.defaults(), PromotionPolicy.strict(), proofs, clock.nanos());
        MonitorDriver driver = new MonitorDriver(monitor, link.standby(), clock);
        for (int step = 0; step < 50; step++) {
            driver.step();
            active.step();
            now.addAndGet(100_000_000L);
        }
        assertThat(monitor.promoted()).isFalse();
        // [guide:shutdown]
        active.announceShutdown("maintenance window: replacing a TR1034"); // the active, before it stops
        List<MonitorAction> next = driver.step(); // the standby's next step

        assertThat(next).filteredOn(MonitorAction.Promote.class::isInstance).hasSize(1);
        assertThat(monitor.promoted()).isTrue();
        // [/guide:shutdown]
    }

    // ------------------------------------------------------------------ capacity fixtures of the monitor example

    private static final LineProfile PRI =
            new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.ISDN_PRI, PriSwitch.NI2);

    /** The active system: one TR1034 with an inbound PRI (100 DIDs) and an outbound PRI. */
    static InventorySystem activeInventory() {
        SpanLocation in = new SpanLocation("act-server", 0, 1);
        SpanLocation out = new SpanLocation("act-server", 0, 2);
        return new InventorySystem(
                "active",
                List.of(new InventoryMachine(
                        "act-server",
                        org.stroom.ports.portmgr.capacity.MachineRole.SERVER,
                        true,
                        List.of(new InventoryBoard(
                                new BoardId("act-server", 0),
                                2,
                                PortAbility.FAX_AND_VOICE,
                                48,
                                true,
                                List.of(
                                        span(in, "ACT-IN", List.of(DidRange.parse("3125550100-3125550199"))),
                                        span(out, "ACT-OUT", List.of())),
                                List.of())))));
    }

    /** The passive system: one TR1034 with its own PRI and a free position for the active's inbound circuit. */
    static InventorySystem passiveInventory() {
        return new InventorySystem(
                "passive",
                List.of(new InventoryMachine(
                        "pas-server",
                        org.stroom.ports.portmgr.capacity.MachineRole.SERVER,
                        true,
                        List.of(new InventoryBoard(
                                new BoardId("pas-server", 0),
                                2,
                                PortAbility.FAX_AND_VOICE,
                                48,
                                true,
                                List.of(span(new SpanLocation("pas-server", 0, 1), "PAS-OUT", List.of())),
                                List.of(new SparePort(new SpanLocation("pas-server", 0, 2), PRI)))))));
    }

    /** The active's load: 300 inbound faxes of 90 s and 100 IVR calls of 120 s in the busy hour, 1 % blocking. */
    static LoadProfile activeLoad() {
        return new LoadProfile(
                "active",
                List.of(
                        new HuntPool(
                                "inbound-fax",
                                PortKind.FAX,
                                PoolScope.dids(List.of(DidRange.parse("3125550100-3125550199")))),
                        new HuntPool("ivr", PortKind.VOICE, PoolScope.anySpan())),
                List.of(
                        Module.loss(
                                "inbound-fax", ModuleKind.INBOUND_FAX, "inbound-fax", 300, HoldingTime.mean(90), 0.01),
                        Module.loss("ivr", ModuleKind.IVR_VOICE, "ivr", 100, HoldingTime.mean(120), 0.01)));
    }

    private static InventorySpan span(SpanLocation at, String circuit, List<DidRange> dids) {
        SpanConfig config = SpanConfig.pri(new CircuitId(circuit), PriSwitch.NI2, 0, dids);
        return new InventorySpan(at, config, SpanStatus.healthy(Signalling.ISDN_PRI), PortAbility.FAX_AND_VOICE, 0);
    }
}
