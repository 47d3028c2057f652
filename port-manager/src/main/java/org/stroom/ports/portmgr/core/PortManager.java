package org.stroom.ports.portmgr.core;

import com.lmax.disruptor.WaitStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.queue.RollCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.portmgr.alloc.Affinity;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.HalInputs;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.InputCodec;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.RejectReason;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.SnapshotCodec;
import org.stroom.ports.portmgr.alloc.StateDigest;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.t1.NanoClock;

/**
 * The port manager of one machine: a {@link PortManagerState} driven by an {@link EventCore}, with its inputs
 * journaled (Chronicle Queue) and its state snapshotted, so that {@link Builder#open()} after a restart or a
 * crash rebuilds exactly the state before it.
 *
 * <p>Requests ({@link #allocate}, {@link #release}, {@link #renew}), HAL events ({@link #onEvent}, {@link #halListener}), clock ticks
 * ({@link #tick()}) and administrative inputs ({@link #submit}) all enter the same ring and are applied in one
 * order by one thread. Each has an asynchronous form (a future completed on the core's reply thread) and
 * requests a synchronous one. Expected refusals are {@link Result.Rejected} results; a full ring gives
 * {@link RejectReason#OVERLOADED} after the core's bounded wait.
 *
 * <p>Thread-safety: every public method is safe from any thread; the state itself is only touched by the core's
 * writer thread.
 */
public final class PortManager implements HalEventListener, AutoCloseable {
    /** Priority class of requests made through the short forms of {@link #allocate}. */
    public static final String DEFAULT_PRIORITY_CLASS = "normal";

    private static final Logger LOG = LoggerFactory.getLogger(PortManager.class);

    private final String machine;
    private final PortManagerState state;
    private final EventCore<Input, Result> core;
    private final Journal journal;
    private final boolean ownsJournal;
    private final RecoveryReport recovery;
    private final AtomicLong requestIds = new AtomicLong();

    private PortManager(
            String machine,
            PortManagerState state,
            EventCore<Input, Result> core,
            Journal journal,
            boolean ownsJournal,
            RecoveryReport recovery) {
        this.machine = machine;
        this.state = state;
        this.core = core;
        this.journal = journal;
        this.ownsJournal = ownsJournal;
        this.recovery = recovery;
    }

    /** @return a builder; see {@link Builder} for the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a new journal codec of port-manager inputs; it is not thread-safe, so use one per thread */
    public static Codec<Input> codec() {
        return new InputCodec();
    }

    /** @return the snapshot encoding of {@link PortManagerState} */
    public static Snapshotter<PortManagerState> snapshotter() {
        return SnapshotCodec.snapshotter();
    }

    /**
     * The answer to an input the ring could not take ({@link Result#overloaded(Input)}).
     *
     * @param input the input
     * @return {@link Result.Rejected} with {@link RejectReason#OVERLOADED} for a request, {@link Result.Ignored}
     *     for any other input
     */
    public static Result overloaded(Input input) {
        return Result.overloaded(input);
    }

    /**
     * Asks for a port.
     *
     * @param group hunt group to search, or null for every channel of the kind
     * @param kind fax or voice
     * @param direction direction the call will go
     * @param lease how long the lease lasts unless renewed or tied to a call; positive
     * @return the result: {@link Result.Granted} or {@link Result.Rejected}
     */
    public CompletableFuture<Result> allocate(String group, PortKind kind, Direction direction, Duration lease) {
        return allocate(group, kind, direction, null, DEFAULT_PRIORITY_CLASS, lease);
    }

    /**
     * Asks for a port, with affinity and priority class.
     *
     * @param group hunt group to search, or null for every channel of the kind
     * @param kind fax or voice
     * @param direction direction the call will go
     * @param affinity preferred or required machine or span, or null
     * @param priorityClass the requester's class, for reservations
     * @param lease how long the lease lasts unless renewed or tied to a call; positive
     * @return the result: {@link Result.Granted} or {@link Result.Rejected}
     */
    public CompletableFuture<Result> allocate(
            String group, PortKind kind, Direction direction, Affinity affinity, String priorityClass, Duration lease) {
        return core.submit(new Input.Allocate(
                0, nextRequestId(), kind, direction, group, affinity, priorityClass, lease.toNanos()));
    }

    /**
     * Synchronous {@link #allocate(String, PortKind, Direction, Duration)}.
     *
     * @param group hunt group, or null
     * @param kind fax or voice
     * @param direction direction
     * @param lease lease duration
     * @param timeout longest wait for the answer
     * @return {@link Result.Granted} or {@link Result.Rejected}
     * @throws ReplyTimeoutException if no answer came in time
     */
    public Result allocateSync(String group, PortKind kind, Direction direction, Duration lease, Duration timeout) {
        return core.submitSync(
                new Input.Allocate(
                        0, nextRequestId(), kind, direction, group, null, DEFAULT_PRIORITY_CLASS, lease.toNanos()),
                timeout);
    }

    /**
     * Gives a lease back.
     *
     * @param leaseId the lease from {@link Result.Granted#leaseId()}
     * @return {@link Result.Released} or {@link Result.Rejected} ({@link RejectReason#LEASE_UNKNOWN})
     */
    public CompletableFuture<Result> release(long leaseId) {
        return core.submit(new Input.Release(0, nextRequestId(), leaseId));
    }

    /**
     * Synchronous {@link #release(long)}.
     *
     * @param leaseId the lease
     * @param timeout longest wait for the answer
     * @return {@link Result.Released} or {@link Result.Rejected}
     */
    public Result releaseSync(long leaseId, Duration timeout) {
        return core.submitSync(new Input.Release(0, nextRequestId(), leaseId), timeout);
    }

    /**
     * Extends a lease.
     *
     * @param leaseId the lease
     * @param lease new remaining duration from now; positive
     * @return {@link Result.Renewed} or {@link Result.Rejected}
     */
    public CompletableFuture<Result> renew(long leaseId, Duration lease) {
        return core.submit(new Input.Renew(0, nextRequestId(), leaseId, lease.toNanos()));
    }

    /**
     * Synchronous {@link #renew(long, Duration)}.
     *
     * @param leaseId the lease
     * @param lease new remaining duration
     * @param timeout longest wait for the answer
     * @return {@link Result.Renewed} or {@link Result.Rejected}
     */
    public Result renewSync(long leaseId, Duration lease, Duration timeout) {
        return core.submitSync(new Input.Renew(0, nextRequestId(), leaseId, lease.toNanos()), timeout);
    }

    /**
     * Feeds a HAL event of this manager's machine into the ring, mapped by {@link HalInputs}. Events that do not
     * concern allocation (digits, media progress) are dropped here. Never throws: if the core has stopped, the
     * event is logged and dropped (the failure is reported by {@link #failure()}).
     *
     * @param event a HAL event of the machine named by {@link Builder#machine}
     */
    @Override
    public void onEvent(HalEvent event) {
        deliver(event, machine);
    }

    /**
     * A listener for the HAL of another machine of the System (a Node whose boards this manager allocates).
     *
     * @param halMachine the System's name of the machine whose HAL the listener subscribes to
     * @return a listener that feeds that HAL's events into the ring, re-homed to {@code halMachine}
     */
    public HalEventListener halListener(String halMachine) {
        Objects.requireNonNull(halMachine, "halMachine");
        return event -> deliver(event, halMachine);
    }

    /**
     * Feeds a HAL event into the ring.
     *
     * @param event a HAL event
     * @param halMachine the System's name of the machine whose HAL reported it
     * @return the result of its input, or {@link Result.Ignored} at once if it maps to none
     * @throws EventCoreFailedException if the core has stopped after a failure
     */
    public CompletableFuture<Result> onHalEvent(HalEvent event, String halMachine) {
        Optional<Input> input = HalInputs.from(event, halMachine, 0);
        if (input.isEmpty()) {
            return CompletableFuture.completedFuture(new Result.Ignored(
                    "HAL event " + event.getClass().getSimpleName() + " does not concern allocation"));
        }
        return core.submit(input.get());
    }

    private void deliver(HalEvent event, String halMachine) {
        try {
            onHalEvent(event, halMachine);
        } catch (IllegalStateException e) {
            LOG.warn("port manager {}: HAL event {} of {} dropped: {}", machine, event, halMachine, e.getMessage());
        }
    }

    /**
     * Lets time pass for leases and heartbeat supervision: call it periodically (e.g. every second).
     *
     * @return the result, listing the leases that expired
     */
    public CompletableFuture<Result> tick() {
        return core.submit(new Input.Tick(0));
    }

    /**
     * Submits any input, e.g. inventory changes, locks or audit reports. It is applied at the core's stamp; its own
     * {@code atNanos} is not read.
     *
     * @param input the input
     * @return its result
     */
    public CompletableFuture<Result> submit(Input input) {
        return core.submit(input);
    }

    /**
     * Synchronous {@link #submit(Input)}.
     *
     * @param input the input
     * @param timeout longest wait
     * @return its result
     */
    public Result submitSync(Input input, Duration timeout) {
        return core.submitSync(input, timeout);
    }

    /** @return the state's metrics, read on the writer thread between two inputs */
    public CompletableFuture<Metrics> metrics() {
        return core.execute(index -> state.metrics());
    }

    /** @return a digest of the whole logical state; equal digests mean equal states */
    public CompletableFuture<StateDigest> digest() {
        return core.execute(index -> state.digest());
    }

    /** @return a future completed with the snapshot file once it is durable */
    public CompletableFuture<Path> snapshot() {
        return core.snapshot();
    }

    /** @return the event core's counters */
    public EventCoreMetrics coreMetrics() {
        return core.metrics();
    }

    /** @return how {@link Builder#open()} rebuilt the state */
    public RecoveryReport recoveryReport() {
        return recovery;
    }

    /** @return the exception that stopped the core, if it stopped */
    public Optional<Throwable> failure() {
        return core.failure();
    }

    /** Finishes published inputs, stops the core, waits for snapshot writes and closes the journal it opened. */
    @Override
    public void close() {
        core.close();
        if (ownsJournal) {
            journal.close();
        }
    }

    private long nextRequestId() {
        return requestIds.incrementAndGet();
    }

    /**
     * Configuration of a {@link PortManager}. Defaults: machine {@code "server"}, journal off, no snapshots,
     * {@link NanoClock#system()}, the {@link EventCore.Builder} defaults for the ring.
     *
     * <p>Thread-safety: not thread-safe; configure on one thread, then {@link #open()}.
     */
    public static final class Builder {
        private String machine = "server";
        private Path journalDir;
        private Journal journal;
        private RollCycle rollCycle;
        private int retainCycles = Integer.MAX_VALUE;
        private Path snapshotDir;
        private int keepSnapshots = 2;
        private long snapshotEvery;
        private SnapshotExtra snapshotExtra;
        private List<Input> inventory = List.of();
        private NanoClock clock = NanoClock.system();
        private WaitStrategy waitStrategy;
        private Topology topology = Topology.SINGLE_THREAD;
        private int ringSize = 4096;
        private Duration publishTimeout = Duration.ofMillis(10);

        private Builder() {}

        /**
         * @param name this machine's name in the System; HAL events are re-homed to it
         * @return this builder
         */
        public Builder machine(String name) {
            this.machine = Objects.requireNonNull(name, "machine");
            return this;
        }

        /**
         * @param dir Chronicle Queue directory of the journal; the port manager opens and closes it
         * @return this builder
         */
        public Builder journalDir(Path dir) {
            this.journalDir = Objects.requireNonNull(dir, "journalDir");
            this.journal = null;
            return this;
        }

        /**
         * @param journal a journal the caller opened and will close (e.g. {@code InMemoryJournal} in tests)
         * @return this builder
         */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            this.journalDir = null;
            return this;
        }

        /**
         * @param cycle roll cycle of the Chronicle journal
         * @param retain newest cycle files always kept (older ones go once a snapshot covers them)
         * @return this builder
         */
        public Builder rolling(RollCycle cycle, int retain) {
            this.rollCycle = Objects.requireNonNull(cycle, "rollCycle");
            this.retainCycles = retain;
            return this;
        }

        /**
         * @param dir snapshot directory
         * @param keep newest snapshots kept, at least 1
         * @param everyInputs automatic snapshot after this many inputs; 0 for only on {@link #snapshot()}
         * @return this builder
         */
        public Builder snapshots(Path dir, int keep, long everyInputs) {
            this.snapshotDir = Objects.requireNonNull(dir, "snapshotDir");
            this.keepSnapshots = keep;
            this.snapshotEvery = everyInputs;
            return this;
        }

        /**
         * @param extra state of the journal position stored in every snapshot and given back at recovery (e.g. a
         *     Server's Node resume points); used only with {@link #snapshots}
         * @return this builder
         */
        public Builder snapshotExtra(SnapshotExtra extra) {
            this.snapshotExtra = Objects.requireNonNull(extra, "snapshotExtra");
            return this;
        }

        /**
         * @param inputs inventory applied (and journaled) when the port manager starts with nothing to recover,
         *     e.g. {@code Fixtures.smallSystemInputs()}; ignored on a restart
         * @return this builder
         */
        public Builder inventory(List<Input> inputs) {
            this.inventory = List.copyOf(inputs);
            return this;
        }

        /**
         * @param clock source of input time stamps; declare a clock that runs by itself {@link NanoClock#realTime()}
         *     so the core reads it once for many inputs (docs/embedding.md, "Choosing the port manager's clock")
         * @return this builder
         */
        public Builder clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param strategy the core's wait strategy (default blocking)
         * @param topology the core's thread layout
         * @param ringSize ring slots, a power of two
         * @param publishTimeout longest wait for a free slot before {@link RejectReason#OVERLOADED}
         * @return this builder
         */
        public Builder ring(WaitStrategy strategy, Topology topology, int ringSize, Duration publishTimeout) {
            this.waitStrategy = Objects.requireNonNull(strategy, "waitStrategy");
            this.topology = Objects.requireNonNull(topology, "topology");
            this.ringSize = ringSize;
            this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
            return this;
        }

        /**
         * Recovers the state (newest valid snapshot plus the journal after it), starts the core, and on a fresh
         * start applies the inventory.
         *
         * @return the running port manager
         * @throws IllegalArgumentException if an inventory input does not fit (naming it)
         */
        public PortManager open() {
            boolean ownsJournal = journal == null && journalDir != null;
            Journal j = journal;
            if (ownsJournal) {
                ChronicleJournal.Builder b = ChronicleJournal.builder(journalDir);
                if (rollCycle != null) {
                    b.rollCycle(rollCycle).retainCycles(retainCycles);
                }
                j = b.open();
            } else if (j == null) {
                j = Journal.disabled();
            }
            try {
                return open(j, ownsJournal);
            } catch (RuntimeException e) {
                if (ownsJournal) {
                    j.close();
                }
                throw e;
            }
        }

        private PortManager open(Journal j, boolean ownsJournal) {
            SnapshotStore store = snapshotDir == null ? null : SnapshotStore.open(snapshotDir, keepSnapshots);
            boolean fresh = j.lastIndex() == Journal.NO_INDEX
                    && (store == null || store.files().isEmpty());
            Recovered<PortManagerState> recovered = Recovery.recover(
                    j,
                    codec(),
                    PortManagerState::new,
                    state -> state,
                    store,
                    store == null ? null : snapshotter(),
                    store == null ? null : snapshotExtra);
            PortManagerState state = recovered.state();
            EventCore.Builder<Input, Result> core = EventCore.builder((StateMachine<Input, Result>) state)
                    .name("port-manager-" + machine)
                    .clock(clock)
                    .topology(topology)
                    .ringSize(ringSize)
                    .publishTimeout(publishTimeout)
                    .initialIndex(recovered.report().lastGoodIndex())
                    .overloadedResult(PortManager::overloaded);
            if (j.isEnabled()) {
                core.journal(j, codec());
            }
            if (waitStrategy != null) {
                core.waitStrategy(waitStrategy);
            }
            if (store != null) {
                core.snapshots(store, snapshotter(), state, snapshotEvery, snapshotExtra);
            }
            PortManager manager = new PortManager(machine, state, core.start(), j, ownsJournal, recovered.report());
            if (fresh && !inventory.isEmpty()) {
                manager.applyInventory(inventory);
            }
            return manager;
        }
    }

    private void applyInventory(List<Input> inputs) {
        List<CompletableFuture<Result>> results = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            results.add(core.submit(input));
        }
        for (int i = 0; i < inputs.size(); i++) {
            Result result = results.get(i).join();
            if (result instanceof Result.Ignored ignored) {
                close();
                throw new IllegalArgumentException("PortManager inventory input " + i + " (" + inputs.get(i)
                        + ") does not fit: " + ignored.detail());
            }
        }
    }
}
