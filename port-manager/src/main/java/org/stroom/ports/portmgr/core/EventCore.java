package org.stroom.ports.portmgr.core;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.lang.invoke.VarHandle;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.t1.NanoClock;

/**
 * The single-writer event core: every input is published into an LMAX Disruptor ring and passes, in ring
 * order, through four stages; the state machine is applied by one thread only.
 *
 * <pre>
 *   API, HAL callback, clock tick and admin threads
 *     submit(I) -&gt; CompletableFuture / submit(I, ReplyHandler) / submitSync(I, timeout) / execute(WriterTask)
 *     claim a slot, put the input in it, publish;
 *     ring full for publishTimeout -&gt; overloadedResult(input), not journaled
 *                                        |
 *                                        v
 *   +------------------------------------------------------------------------------------------+
 *   | ring slot: input | atNanos | large input's bytes | journalIndex | result | reply | task   |
 *   +------------------------------------------------------------------------------------------+
 *        |
 *        v
 *   +--------------------+    +------------------+    +---------------------+    +-------------+
 *   | 1 journal          |---&gt;| 2 apply          |---&gt;| 3 reply / notify    |---&gt;| 4 clear     |
 *   | stamp: NanoClock   |    | StateMachine     |    | complete the future |    | drop the    |
 *   | Codec.encode(in,t) |    |  .apply(in, t)   |    | or ReplyHandler,    |    | slot's      |
 *   | Journal.appendAll  |    | (the one writer) |    | ResultListener      |    | references  |
 *   | once per batch     |    |                  |    |                     |    |             |
 *   +--------------------+    +------------------+    +---------------------+    +-------------+
 *   SINGLE_THREAD:      one thread runs 1 for each slot of a batch, then 2, 3, 4 for each in turn
 *   JOURNAL_AND_WRITER: journal thread (1) --&gt; writer thread (2, 3, 4); with the journal off, as SINGLE_THREAD
 *   THREAD_PER_STAGE:   journal thread (1) --&gt; writer thread (2) --&gt; reply thread (3, 4)
 * </pre>
 *
 * <p><b>Write-ahead.</b> An input is appended to the {@link Journal} before it is applied, and its reply is
 * given after it is applied, so an acknowledged input is always journaled. Replaying the journal into a fresh
 * state machine ({@link Recovery}) rebuilds the same state.
 *
 * <p><b>Batches.</b> The journal stage encodes each input of a ring batch (the inputs the Disruptor hands it
 * at once, up to its end-of-batch) and appends them together with {@link Journal#appendAll}, in pieces of at
 * most {@value #JOURNAL_BATCH}; a {@link org.stroom.ports.portmgr.journal.ChronicleJournal} writes each piece
 * as one document. The apply stage sees a slot only after the piece holding it is appended: on one thread the
 * core applies the piece's slots after the append, on several the journal thread publishes its progress only
 * at the end of its batch. A lone input is a batch of one, so a quiet core adds no delay.
 *
 * <p><b>Time.</b> Every input is stamped from the injected {@link NanoClock}, and the journal stage never lets a
 * stamp decrease in journal order (an input stamped earlier than the one before it, by a producer that
 * published late, takes that one's stamp). The stamp travels beside the input, not inside it: the state machine
 * gets it as {@link StateMachine#apply(Object, long) apply(input, atNanos)} and the journal as
 * {@link Codec#encode(Object, long, ByteBuffer) encode(input, atNanos, out)}, so the input is never copied to
 * carry it, and the state machine, live or in replay, sees the same time and never reads a clock. Who reads the
 * clock depends on the clock. A {@link NanoClock#realTime() real-time} clock (the system's, or an epoch clock
 * over it) is read by the journal stage when it takes the input: at the start of every ring batch and again
 * every {@value #STAMP_EVERY} inputs within one, so a stamp is at most the input's wait in the ring late, and
 * submitting threads read no clock. Any other clock (a simulation's virtual clock, a test's) is read on the
 * submitting thread, so that an input submitted before the clock is moved is stamped before it, however late
 * the core takes it.
 *
 * <p><b>Overload.</b> When the ring stays full for the publish timeout, the input is answered at once, on the
 * submitting thread, with {@code overloadedResult.apply(input)}; it is neither journaled nor applied. Callers
 * are never blocked for longer than that timeout.
 *
 * <p><b>Fail-fast.</b> An exception in any stage (journal I/O, encoding, the state machine, a reply handler or
 * listener) is never swallowed: it is logged, reported by {@link #failure()} and given to the failure listener;
 * from then on no input is journaled or applied, every input not yet applied is answered with an
 * {@link EventCoreFailedException} carrying the cause, and submits throw one. Recover a new core from the
 * journal to continue.
 *
 * <p>Thread-safety: {@code submit*}, {@link #execute}, {@link #snapshot}, {@link #metrics}, {@link #failure} and
 * {@link #close} are safe from any thread (unless built with {@link Builder#singleProducer()}).
 */
public final class EventCore<I, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventCore.class);
    /**
     * Bytes the journal stage reserves per input of a batch; most inputs are far smaller, and a larger one is
     * encoded into a buffer of its slot, which grows up to {@code maxEncodedBytes}.
     */
    private static final int REGION_BYTES = 256;
    /**
     * Most inputs the journal stage hands to {@link Journal#appendAll} at once: a ring batch is appended in
     * pieces of this size, so a long batch does not hold back the apply of its first inputs for long.
     */
    static final int JOURNAL_BATCH = 256;
    /**
     * Most inputs of one ring batch stamped with one clock reading: under load a batch holds thousands of inputs,
     * and reading the clock for each would cost more than applying some of them.
     */
    static final int STAMP_EVERY = 64;

    private final String name;
    private final StateMachine<I, R> stateMachine;
    private final Journal journal;
    private final boolean journalEnabled;
    private final Codec<I> codec;
    private final NanoClock clock;
    /** Whether the submitting thread reads the clock: for a clock that is not {@link NanoClock#realTime()}. */
    private final boolean stampOnSubmit;

    private final Function<? super I, ? extends R> overloadedResult;
    private final long publishTimeoutNanos;
    private final long syncSpinNanos;
    private final long closeTimeoutNanos;
    private final int maxEncodedBytes;
    private final ResultListener<? super I, ? super R> resultListener;
    private final Consumer<? super Throwable> failureListener;
    private final SnapshotSupport<?> snapshots;
    private final Disruptor<Slot<I, R>> disruptor;
    private final RingBuffer<Slot<I, R>> ring;
    private final EventHandler<Slot<I, R>> lastStage;
    private final CountDownLatch started;

    // Counters shared between threads are padded Disruptor sequences, so that the writer's per-input stores do
    // not invalidate the cache lines that producers read on every submit.
    private final Sequence failedAt = new Sequence(Long.MAX_VALUE);
    private final Sequence appliedCount = new Sequence(0);
    private final Sequence lastAppliedPublished;
    private final AtomicReference<EventCoreFailedException> failure = new AtomicReference<>();
    private final LongAdder overloaded = new LongAdder();
    private volatile boolean closed;
    /** Closed or failed: one read on the submit path instead of two. */
    private volatile boolean refusing;

    private EventCore(Builder<I, R> b) {
        this.name = b.name;
        this.stateMachine = b.stateMachine;
        this.journal = b.journal;
        this.journalEnabled = b.journal.isEnabled();
        this.codec = b.codec;
        this.clock = b.clock;
        this.stampOnSubmit = !b.clock.realTime();
        this.overloadedResult = b.overloadedResult;
        this.publishTimeoutNanos = b.publishTimeout.toNanos();
        this.syncSpinNanos = b.syncSpin.toNanos();
        this.closeTimeoutNanos = b.closeTimeout.toNanos();
        this.resultListener = b.resultListener;
        this.failureListener = b.failureListener;
        this.snapshots = b.snapshots;
        this.lastAppliedPublished = new Sequence(b.initialIndex);

        Topology layout = layout(b.topology, journalEnabled);
        String[] threadNames;
        switch (layout) {
            case SINGLE_THREAD:
                threadNames = new String[] {"core"};
                break;
            case JOURNAL_AND_WRITER:
                threadNames = new String[] {"journal", "writer"};
                break;
            default:
                threadNames = new String[] {"journal", "writer", "reply"};
        }
        AtomicInteger created = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            int n = created.getAndIncrement();
            Thread t = new Thread(runnable, name + "-" + threadNames[Math.min(n, threadNames.length - 1)]);
            t.setDaemon(true);
            return t;
        };
        this.maxEncodedBytes = b.maxEncodedBytes;
        this.disruptor = new Disruptor<>(
                Slot::new,
                b.ringSize,
                threads,
                b.singleProducer ? ProducerType.SINGLE : ProducerType.MULTI,
                b.waitStrategy);
        disruptor.setDefaultExceptionHandler(new FailFast());
        JournalStage journalStage = new JournalStage(b.initialIndex + 1);
        ApplyStage applyStage = new ApplyStage(b.initialIndex);
        ReplyStage replyStage = new ReplyStage();
        if (layout == Topology.SINGLE_THREAD) {
            Stages all = new Stages(journalStage, applyStage, replyStage);
            disruptor.handleEventsWith(all);
            this.lastStage = all;
            this.started = new CountDownLatch(1);
        } else if (layout == Topology.JOURNAL_AND_WRITER) {
            Stages writer = new Stages(null, applyStage, replyStage);
            disruptor.handleEventsWith(journalStage).then(writer);
            this.lastStage = writer;
            this.started = new CountDownLatch(2);
        } else {
            disruptor.handleEventsWith(journalStage).then(applyStage).then(replyStage);
            this.lastStage = replyStage;
            this.started = new CountDownLatch(3);
        }
        if (snapshots != null) {
            snapshots.start(name, journal);
        }
        this.ring = disruptor.start();
        awaitStarted();
    }

    /**
     * @return the thread layout to run: {@link Topology#JOURNAL_AND_WRITER} without a journal has no journal work
     *     to overlap with the apply, so it runs as {@link Topology#SINGLE_THREAD} instead of keeping a thread that
     *     only hands inputs on (on a machine with few cores that thread takes a core from the writer)
     */
    static Topology layout(Topology requested, boolean journalEnabled) {
        return requested == Topology.JOURNAL_AND_WRITER && !journalEnabled ? Topology.SINGLE_THREAD : requested;
    }

    /**
     * Disruptor's shutdown only drains processors whose threads are already running; waiting here makes
     * {@link #close()} right after start still finish every published input.
     */
    private void awaitStarted() {
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                disruptor.halt();
                throw new IllegalStateException("event core '" + name + "': stage threads did not start in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disruptor.halt();
            throw new IllegalStateException("event core '" + name + "': interrupted while starting", e);
        }
    }

    /**
     * @param stateMachine the state machine the core will own; nothing else may touch it afterwards
     * @param <I> input type
     * @param <R> result type
     * @return a builder; {@link Builder#overloadedResult} is required
     */
    public static <I, R> Builder<I, R> builder(StateMachine<I, R> stateMachine) {
        return new Builder<>(stateMachine);
    }

    /**
     * Publishes an input; its result arrives through the future.
     *
     * @param input the input, never null; its time is stamped by the core
     * @return a future completed on the reply thread with the result, immediately with the overloaded result if
     *     the ring stayed full, or exceptionally with an {@link EventCoreFailedException} if the core stopped
     *     before applying the input
     * @throws EventCoreFailedException if the core has already stopped after a failure
     * @throws IllegalStateException if the core is closed
     */
    public CompletableFuture<R> submit(I input) {
        CompletableFuture<R> future = new CompletableFuture<>();
        publishInput(input, future, null);
        return future;
    }

    /**
     * Publishes an input; its result goes to the handler. Allocates nothing in the core.
     *
     * @param input the input, never null
     * @param handler called exactly once, on the reply thread (or on this thread with the overloaded result)
     * @throws EventCoreFailedException if the core has already stopped after a failure
     * @throws IllegalStateException if the core is closed
     */
    public void submit(I input, ReplyHandler<? super R> handler) {
        publishInput(input, null, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Publishes an input and waits for its result: spins briefly (the {@link Builder#syncSpin} budget), then
     * parks.
     *
     * @param input the input, never null
     * @param timeout longest wait for the reply, positive
     * @return the result (the overloaded result if the ring stayed full)
     * @throws ReplyTimeoutException if no reply came within the timeout; the input may still be applied
     * @throws EventCoreFailedException if the core stopped before applying the input, or had already stopped
     * @throws IllegalStateException if the core is closed, or the thread was interrupted while waiting
     */
    public R submitSync(I input, Duration timeout) {
        long timeoutNanos = positive(timeout, "timeout").toNanos();
        return await(submit(input), input, timeoutNanos);
    }

    /**
     * Runs a task on the writer thread after every input published before it has been applied: a consistent
     * read of the state.
     *
     * @param task the task; must not change the state
     * @param <T> result type
     * @return a future completed on the reply thread with the task's result or exception; exceptionally with a
     *     {@link RejectedExecutionException} if the ring stayed full, or an {@link EventCoreFailedException} if the
     *     core stopped before running it
     * @throws EventCoreFailedException if the core has already stopped after a failure
     * @throws IllegalStateException if the core is closed
     */
    public <T> CompletableFuture<T> execute(WriterTask<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        checkAccepting();
        long sequence = claim();
        if (sequence < 0) {
            future.completeExceptionally(new RejectedExecutionException(
                    "event core '" + name + "': ring stayed full for " + publishTimeoutNanos + " ns; task not run"));
            return future;
        }
        Slot<I, R> slot = ring.get(sequence);
        if (refusedAfterClaim(slot, sequence)) {
            checkAccepting();
        }
        slot.kind = Slot.TASK;
        slot.task = new Slot.PendingTask<>(task, future);
        ring.publish(sequence);
        return future;
    }

    /**
     * Takes a snapshot now: the state is encoded on the writer thread between two inputs, then written to the
     * snapshot store on a background thread, after which the journal may release what the oldest kept
     * snapshot covers.
     *
     * @return a future completed with the snapshot file once it is durable
     * @throws IllegalStateException if the core was built without {@link Builder#snapshots}
     */
    public CompletableFuture<Path> snapshot() {
        if (snapshots == null) {
            throw new IllegalStateException("event core '" + name + "' has no snapshot store; configure "
                    + "EventCore.Builder.snapshots(store, snapshotter, state)");
        }
        return execute(snapshots::take).thenCompose(Function.identity());
    }

    /** @return the exception that stopped the core, if it has stopped after a failure */
    public Optional<Throwable> failure() {
        EventCoreFailedException f = failure.get();
        return f == null ? Optional.empty() : Optional.of(f.getCause());
    }

    /** @return current counters */
    public EventCoreMetrics metrics() {
        return new EventCoreMetrics(
                appliedCount.get(),
                overloaded.sum(),
                lastAppliedPublished.get(),
                ring.getBufferSize(),
                ring.remainingCapacity(),
                failure.get() != null);
    }

    /** @return the name given by {@link Builder#name}, used in thread names and messages */
    public String name() {
        return name;
    }

    /**
     * Stops accepting inputs, lets every published input finish its stages (up to the close timeout; inputs left
     * after it are answered with an {@link EventCoreFailedException}), stops the threads and waits for pending
     * snapshot writes. Does not close the journal. Idempotent. Call it from an application thread, never from a
     * reply handler, listener or task: it would wait for its own thread until the close timeout.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            refusing = true;
        }
        // The first half of the handshake of refusedAfterClaim: refusing is set before the cursor is read.
        VarHandle.fullFence();
        // Every claim made before this point is published and processed by the shutdown, which waits for the
        // stages to reach the ring's cursor; a later claim sees refusing (refusedAfterClaim).
        try {
            disruptor.shutdown(closeTimeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            disruptor.halt();
            failUnprocessed();
        }
        if (snapshots != null) {
            snapshots.stop();
        }
    }

    private void publishInput(I input, CompletableFuture<R> future, ReplyHandler<? super R> handler) {
        Objects.requireNonNull(input, "input");
        checkAccepting();
        long now = stampOnSubmit ? clock.nanos() : 0;
        long sequence = claim();
        if (sequence < 0) {
            overloaded.increment();
            R result = overloadedResult.apply(input);
            if (future != null) {
                future.complete(result);
            } else {
                handler.onReply(result, null);
            }
            return;
        }
        Slot<I, R> slot = ring.get(sequence);
        if (refusedAfterClaim(slot, sequence)) {
            checkAccepting();
        }
        slot.kind = Slot.INPUT;
        slot.input = input;
        slot.atNanos = now;
        slot.future = future;
        slot.handler = handler;
        ring.publish(sequence);
    }

    /**
     * The second half of the handshake with {@link #close} and {@link #fail}, which set {@code refusing} and then
     * let the stages run up to the highest claimed sequence. A claim is an atomic update of the ring's cursor
     * (many producers), so either the closing thread saw this claim and waits for its slot, or this thread sees
     * {@code refusing} here. A refused slot is published empty, so that the stages and {@link #close} get past
     * its sequence, and the caller throws.
     *
     * @return whether the slot was refused and published; then the caller must throw through
     *     {@link #checkAccepting}
     */
    private boolean refusedAfterClaim(Slot<I, R> slot, long sequence) {
        if (!refusing) {
            return false;
        }
        slot.kind = Slot.REFUSED;
        ring.publish(sequence);
        return true;
    }

    /** @return a claimed sequence, or -1 if the ring stayed full for the publish timeout */
    private long claim() {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException e) {
            // Full: back off below, for at most the publish timeout.
        }
        long deadline = System.nanoTime() + publishTimeoutNanos;
        for (int attempt = 0; ; attempt++) {
            if (attempt < 100) {
                Thread.onSpinWait();
            } else if (attempt < 200) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException e) {
                if (System.nanoTime() - deadline >= 0) {
                    return -1;
                }
            }
        }
    }

    private void checkAccepting() {
        if (!refusing) {
            return;
        }
        EventCoreFailedException f = failure.get();
        if (f != null) {
            throw new EventCoreFailedException(
                    "event core '" + name + "' accepts no input: it stopped after a failure: " + f.getMessage(),
                    f.getCause());
        }
        if (closed) {
            throw new IllegalStateException("event core '" + name + "' is closed; it accepts no input");
        }
    }

    private R await(CompletableFuture<R> future, I input, long timeoutNanos) {
        long start = System.nanoTime();
        long spin = Math.min(syncSpinNanos, timeoutNanos);
        while (!future.isDone() && System.nanoTime() - start < spin) {
            Thread.onSpinWait();
        }
        try {
            return future.get(timeoutNanos - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("event core '" + name + "': reply to " + input + " failed", cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ReplyTimeoutException("event core '" + name + "': no reply to " + input + " within "
                    + Duration.ofNanos(timeoutNanos) + "; it may still be applied");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "event core '" + name + "': interrupted while waiting for the reply to " + input, e);
        }
    }

    private void fail(Throwable cause, long sequence, String stage) {
        EventCoreFailedException f = new EventCoreFailedException(
                "event core '" + name + "' stopped: its " + stage + " stage threw at ring sequence " + sequence
                        + ": " + cause + ". Inputs not applied get this exception; any of them already journaled"
                        + " will be applied by recovery",
                cause);
        if (failure.compareAndSet(null, f)) {
            refusing = true;
            lowerFailedAt(sequence);
            LOG.error("{}", f.getMessage(), cause);
            if (failureListener != null) {
                try {
                    failureListener.accept(cause);
                } catch (Throwable t) {
                    cause.addSuppressed(t);
                }
            }
        } else {
            lowerFailedAt(sequence);
            Throwable first = failure.get().getCause();
            if (first != cause) {
                first.addSuppressed(cause);
            }
        }
    }

    private void lowerFailedAt(long sequence) {
        long current;
        do {
            current = failedAt.get();
        } while (sequence < current && !failedAt.compareAndSet(current, sequence));
    }

    private void failUnprocessed() {
        long from = disruptor.getSequenceValueFor(lastStage) + 1;
        long to = ring.getCursor();
        EventCoreFailedException closedFailure = new EventCoreFailedException(
                "event core '" + name + "' was closed before this input was processed (close timeout "
                        + Duration.ofNanos(closeTimeoutNanos) + ")",
                new java.util.concurrent.TimeoutException("close"));
        LOG.warn("{}: {} inputs left unprocessed", closedFailure.getMessage(), to - from + 1);
        for (long sequence = from; sequence <= to; sequence++) {
            Slot<I, R> slot = ring.get(sequence);
            if (slot.kind == Slot.TASK && slot.task != null) {
                slot.task.deliver(closedFailure);
            } else if (slot.future != null) {
                slot.future.completeExceptionally(closedFailure);
            } else if (slot.handler != null) {
                slot.handler.onReply(null, closedFailure);
            }
            slot.clear();
        }
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("EventCore " + what + " must be positive, was " + d);
        }
        return d;
    }

    private final class JournalStage extends StagePadding implements EventHandler<Slot<I, R>> {
        /** The stamp of the latest input; never decreases. */
        private long stamp = Long.MIN_VALUE;
        /** Inputs left that take {@link #stamp} before the clock is read again; 0 at the start of a ring batch. */
        private int stampsLeft;
        /** The stamp {@link #number} gave its last input. */
        long numberedAt;

        private long offIndex;
        /** Inputs encoded but not yet appended: their payloads, slots and (after the append) indexes. */
        private int batched;

        private long batchFirstSequence;
        private long p10;
        private long p11;
        private long p12;
        private long p13;
        private long p14;
        private long p15;
        private final ByteBuffer[] payloads = new ByteBuffer[JOURNAL_BATCH];
        private final Object[] slots = new Object[JOURNAL_BATCH];
        private final long[] indexes = new long[JOURNAL_BATCH];
        /**
         * Where the k-th input of a batch is encoded: fixed slices of one array, so that a batch's encodings lie
         * together and stay in cache, instead of one buffer per ring slot spread over the whole ring.
         */
        private final ByteBuffer[] regions = new ByteBuffer[JOURNAL_BATCH];

        JournalStage(long firstOffIndex) {
            this.offIndex = firstOffIndex;
            if (journalEnabled) {
                int regionBytes = Math.min(REGION_BYTES, maxEncodedBytes);
                byte[] area = new byte[JOURNAL_BATCH * regionBytes];
                for (int k = 0; k < JOURNAL_BATCH; k++) {
                    regions[k] =
                            ByteBuffer.wrap(area, k * regionBytes, regionBytes).slice();
                }
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onEvent(Slot<I, R> slot, long sequence, boolean endOfBatch) {
            try {
                if (sequence < failedAt.get() && slot.kind == Slot.INPUT) {
                    long at = nextStamp(slot);
                    slot.atNanos = at;
                    if (journalEnabled) {
                        ByteBuffer buffer;
                        try {
                            buffer = encode(regions[batched], slot, at);
                        } catch (Throwable t) {
                            // The inputs before this one were accepted: journal them, so they are applied.
                            flush();
                            throw t;
                        }
                        if (batched == 0) {
                            batchFirstSequence = sequence;
                        }
                        payloads[batched] = buffer;
                        slots[batched] = slot;
                        batched++;
                        if (batched == JOURNAL_BATCH) {
                            flush();
                        }
                    } else {
                        slot.journalIndex = offIndex++;
                    }
                }
                if (endOfBatch) {
                    stampsLeft = 0;
                    if (journalEnabled) {
                        flush();
                        journal.endOfBatch();
                    }
                }
            } catch (Throwable t) {
                long failing = batched > 0 ? batchFirstSequence : sequence;
                batched = 0;
                fail(t, failing, "journal");
            }
        }

        /**
         * Journal off, on the apply stage's thread: stamps and numbers the input ({@link #numberedAt} holds the
         * stamp), without a store into the slot, which the publishing thread may be writing the neighbour of.
         *
         * @return the input's index, or {@link Journal#NO_INDEX} for a slot that holds no input to apply
         */
        long number(Slot<I, R> slot, long sequence, boolean endOfBatch) {
            try {
                if (sequence >= failedAt.get() || slot.kind != Slot.INPUT) {
                    return Journal.NO_INDEX;
                }
                numberedAt = nextStamp(slot);
                return offIndex++;
            } catch (Throwable t) {
                fail(t, sequence, "journal");
                return Journal.NO_INDEX;
            } finally {
                if (endOfBatch) {
                    stampsLeft = 0;
                }
            }
        }

        /**
         * @return the stamp of the slot's input, never less than the previous input's in journal order: with a
         *     real-time clock a reading at the start of each ring batch and every {@value #STAMP_EVERY} inputs
         *     within one; with another clock the reading its submitting thread took
         */
        private long nextStamp(Slot<I, R> slot) {
            if (stampOnSubmit) {
                if (slot.atNanos > stamp) {
                    stamp = slot.atNanos;
                }
                return stamp;
            }
            if (stampsLeft == 0) {
                long now = clock.nanos();
                if (now > stamp) {
                    stamp = now;
                }
                stampsLeft = STAMP_EVERY;
            }
            stampsLeft--;
            return stamp;
        }

        /** Appends the encoded inputs as one batch and gives each slot its journal index. */
        void flush() {
            if (batched == 0) {
                return;
            }
            journal.appendAll(payloads, batched, indexes);
            for (int k = 0; k < batched; k++) {
                @SuppressWarnings("unchecked")
                Slot<I, R> slot = (Slot<I, R>) slots[k];
                slot.journalIndex = indexes[k];
            }
            batched = 0;
        }

        /** @return whether every input this stage has seen is journaled, so its slots may be applied */
        boolean drained() {
            return batched == 0;
        }
    }

    /**
     * Cache-line padding in front of a stage's thread-confined counters (the Disruptor's own trick: superclass
     * fields are laid out first); each stage adds padding behind its counters.
     */
    @SuppressWarnings("unused")
    private abstract static class StagePadding {
        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;
    }

    /**
     * Encodes into the region, or, for an input larger than it, into the slot's buffer, growing that (up to
     * maxEncodedBytes) until the input fits.
     */
    private ByteBuffer encode(ByteBuffer region, Slot<I, R> slot, long atNanos) {
        I input = slot.input;
        region.clear();
        try {
            int length = codec.encode(input, atNanos, region);
            return region.limit(length).position(0);
        } catch (BufferOverflowException e) {
            // Larger than a region: below.
        }
        ByteBuffer buffer = slot.encoded;
        if (buffer == null) {
            buffer = ByteBuffer.allocate((int) Math.min(maxEncodedBytes, 2L * region.capacity()));
            slot.encoded = buffer;
        }
        while (true) {
            buffer.clear();
            try {
                int length = codec.encode(input, atNanos, buffer);
                return buffer.limit(length).position(0);
            } catch (BufferOverflowException e) {
                if (buffer.capacity() >= maxEncodedBytes) {
                    throw new IllegalStateException(
                            "event core '" + name + "': encoded input is larger than maxEncodedBytes = "
                                    + maxEncodedBytes + "; raise EventCore.Builder.maxEncodedBytes: " + input,
                            e);
                }
                buffer = ByteBuffer.allocate((int) Math.min(maxEncodedBytes, 2L * buffer.capacity()));
                slot.encoded = buffer;
            }
        }
    }

    private final class ApplyStage extends StagePadding implements EventHandler<Slot<I, R>> {
        /** Whether the last {@link #apply} applied an input: kept here, not in the slot, on the writer's thread. */
        boolean appliedLast;

        private long lastAppliedIndex;
        private long applied;
        private long sinceSnapshot;
        private long p9;
        private long p10;
        private long p11;
        private long p12;
        private long p13;
        private long p14;
        private long p15;

        ApplyStage(long initialIndex) {
            this.lastAppliedIndex = initialIndex;
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        /** On a thread of its own: the result waits in the slot for the reply stage's thread. */
        @Override
        public void onEvent(Slot<I, R> slot, long sequence, boolean endOfBatch) {
            slot.result = apply(slot, sequence, slot.journalIndex, slot.atNanos);
            slot.applied = appliedLast;
        }

        /**
         * Applies the slot's input, or runs its task; {@link #appliedLast} tells whether an input was applied.
         *
         * @param index the input's journal index
         * @param atNanos the input's stamp
         * @return the input's result; null for a task, a refused slot, or a slot not applied after a failure
         */
        R apply(Slot<I, R> slot, long sequence, long index, long atNanos) {
            appliedLast = false;
            if (sequence >= failedAt.get()) {
                return null;
            }
            try {
                if (slot.kind == Slot.INPUT) {
                    R result = stateMachine.apply(slot.input, atNanos);
                    appliedLast = true;
                    lastAppliedIndex = index;
                    lastAppliedPublished.set(lastAppliedIndex);
                    appliedCount.set(++applied);
                    if (snapshots != null && snapshots.every > 0 && ++sinceSnapshot >= snapshots.every) {
                        sinceSnapshot = 0;
                        snapshots.takeInBackground(lastAppliedIndex);
                    }
                    return result;
                }
                if (slot.kind == Slot.TASK) {
                    slot.task.run(lastAppliedIndex);
                }
            } catch (Throwable t) {
                fail(t, sequence, "apply");
            }
            return null;
        }
    }

    private final class ReplyStage implements EventHandler<Slot<I, R>> {
        @Override
        public void onStart() {
            started.countDown();
        }

        /** On a thread of its own: the result comes from the slot. */
        @Override
        public void onEvent(Slot<I, R> slot, long sequence, boolean endOfBatch) {
            reply(slot, sequence, slot.journalIndex, slot.applied, slot.result);
        }

        /**
         * Answers the slot's caller and clears the slot. On the apply stage's own thread the index, the applied flag
         * and the result are handed over directly instead of through the slot, which spares the stores (and, for
         * the result, a GC write barrier) into the long-lived slot.
         */
        void reply(Slot<I, R> slot, long sequence, long index, boolean applied, R result) {
            try {
                if (slot.kind == Slot.REFUSED) {
                    // Its publisher was refused after claiming it and has thrown already.
                } else if (slot.kind == Slot.TASK) {
                    slot.task.deliver(failure.get());
                } else if (applied) {
                    if (slot.future != null) {
                        slot.future.complete(result);
                    } else {
                        slot.handler.onReply(result, null);
                    }
                    if (resultListener != null) {
                        resultListener.onResult(index, slot.input, result);
                    }
                } else if (slot.future != null) {
                    slot.future.completeExceptionally(failure.get());
                } else {
                    slot.handler.onReply(null, failure.get());
                }
            } catch (Throwable t) {
                fail(t, sequence, "reply");
            } finally {
                slot.clear();
            }
        }
    }

    /**
     * Several stages on one thread. Without a journal stage: each of them for one slot, then the next slot. With
     * it: the journal stage for each slot of a ring batch (it appends the batch in one piece at its end, or in
     * pieces of {@link #JOURNAL_BATCH}), then apply and reply for each slot it has journaled, so that no input is
     * applied before it is journaled.
     */
    private final class Stages implements EventHandler<Slot<I, R>> {
        private final JournalStage journalStage;
        private final ApplyStage applyStage;
        private final ReplyStage replyStage;
        private final Object[] held;
        private final long[] heldSequences;
        private int heldCount;

        /** @param journalStage null when the journal stage has a thread of its own */
        Stages(JournalStage journalStage, ApplyStage applyStage, ReplyStage replyStage) {
            this.journalStage = journalStage;
            this.applyStage = applyStage;
            this.replyStage = replyStage;
            int capacity = journalStage == null ? 0 : 2 * JOURNAL_BATCH;
            this.held = new Object[capacity];
            this.heldSequences = new long[capacity];
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onEvent(Slot<I, R> slot, long sequence, boolean endOfBatch) {
            if (journalStage == null) {
                applyAndReply(slot, sequence, slot.journalIndex, slot.atNanos);
                return;
            }
            if (!journalEnabled) {
                long index = journalStage.number(slot, sequence, endOfBatch);
                applyAndReply(slot, sequence, index, journalStage.numberedAt);
                return;
            }
            journalStage.onEvent(slot, sequence, endOfBatch);
            held[heldCount] = slot;
            heldSequences[heldCount] = sequence;
            heldCount++;
            if (heldCount == held.length && !journalStage.drained()) {
                try {
                    journalStage.flush();
                } catch (Throwable t) {
                    fail(t, heldSequences[0], "journal");
                }
            }
            if (journalStage.drained() || failure.get() != null) {
                for (int k = 0; k < heldCount; k++) {
                    @SuppressWarnings("unchecked")
                    Slot<I, R> ready = (Slot<I, R>) held[k];
                    applyAndReply(ready, heldSequences[k], ready.journalIndex, ready.atNanos);
                }
                heldCount = 0;
            }
        }

        /** Apply and reply on this one thread: the result and the applied flag pass directly, not through the slot. */
        private void applyAndReply(Slot<I, R> slot, long sequence, long index, long atNanos) {
            R result = applyStage.apply(slot, sequence, index, atNanos);
            replyStage.reply(slot, sequence, index, applyStage.appliedLast, result);
        }
    }

    private final class FailFast implements ExceptionHandler<Slot<I, R>> {
        @Override
        public void handleEventException(Throwable ex, long sequence, Slot<I, R> event) {
            fail(ex, sequence, "ring");
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            fail(ex, -1, "start");
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.warn("event core '{}': exception while stopping", name, ex);
        }
    }

    /** Snapshots of a state of type S: encoded on the writer thread, written on a background thread. */
    private static final class SnapshotSupport<S> {
        private final SnapshotStore store;
        private final Snapshotter<S> snapshotter;
        private final S state;
        private final long every;
        private final SnapshotExtra extra;
        private ExecutorService writer;
        private Journal journal;
        private String coreName;

        SnapshotSupport(SnapshotStore store, Snapshotter<S> snapshotter, S state, long every, SnapshotExtra extra) {
            this.store = store;
            this.snapshotter = snapshotter;
            this.state = state;
            this.every = every;
            this.extra = extra;
        }

        void start(String name, Journal journalToRelease) {
            this.coreName = name;
            this.journal = journalToRelease;
            this.writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name + "-snapshot");
                t.setDaemon(true);
                return t;
            });
        }

        /** On the writer thread: encode now, write later. */
        CompletableFuture<Path> take(long lastAppliedIndex) {
            byte[] encoded = snapshotter.write(state);
            byte[] bytes = extra == null
                    ? encoded
                    : SnapshotEnvelope.wrap(
                            encoded,
                            Objects.requireNonNull(extra.write(lastAppliedIndex), "SnapshotExtra.write returned null"));
            return CompletableFuture.supplyAsync(() -> write(lastAppliedIndex, bytes), writer);
        }

        void takeInBackground(long lastAppliedIndex) {
            try {
                take(lastAppliedIndex).whenComplete((path, error) -> {
                    if (error != null) {
                        LOG.error(
                                "event core '{}': periodic snapshot at index {} failed",
                                coreName,
                                lastAppliedIndex,
                                error);
                    }
                });
            } catch (RuntimeException e) {
                // The snapshot only reads the state; its failure must not stop the core, but must be seen.
                LOG.error(
                        "event core '{}': encoding periodic snapshot at index {} failed",
                        coreName,
                        lastAppliedIndex,
                        e);
            }
        }

        private Path write(long index, byte[] bytes) {
            Path file = store.write(index, ByteBuffer.wrap(bytes));
            store.oldestIndex().ifPresent(journal::release);
            return file;
        }

        void stop() {
            writer.shutdown();
            try {
                if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("event core '{}': snapshot writer still busy after 30 s", coreName);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Configuration of an {@link EventCore}. Defaults: journal off, {@link NanoClock#system()},
     * ring of 4096 slots, {@link BlockingWaitStrategy}, {@link Topology#SINGLE_THREAD}, many producers, publish
     * timeout 10 ms, sync spin 20 µs, encoded inputs up to 1 MiB.
     *
     * <p>Thread-safety: not thread-safe; configure on one thread, then {@link #start()}.
     */
    public static final class Builder<I, R> {
        private final StateMachine<I, R> stateMachine;
        private String name = "event-core";
        private Journal journal = Journal.disabled();
        private Codec<I> codec;
        private NanoClock clock = NanoClock.system();
        private Function<? super I, ? extends R> overloadedResult;
        private Duration publishTimeout = Duration.ofMillis(10);
        private Duration syncSpin = Duration.ofNanos(20_000);
        private Duration closeTimeout = Duration.ofSeconds(10);
        private int ringSize = 4096;
        private WaitStrategy waitStrategy;
        private Topology topology = Topology.SINGLE_THREAD;
        private boolean singleProducer;
        private int maxEncodedBytes = 1 << 20;
        private ResultListener<? super I, ? super R> resultListener;
        private Consumer<? super Throwable> failureListener;
        private long initialIndex = Journal.NO_INDEX;
        private SnapshotSupport<?> snapshots;

        private Builder(StateMachine<I, R> stateMachine) {
            this.stateMachine = Objects.requireNonNull(stateMachine, "stateMachine");
        }

        /**
         * @param name used in thread names, log lines and exception messages
         * @return this builder
         */
        public Builder<I, R> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Turns the journal on.
         *
         * @param journal where inputs are appended before they are applied; the caller keeps ownership (closes it)
         * @param codec encodes inputs for it
         * @return this builder
         */
        public Builder<I, R> journal(Journal journal, Codec<I> codec) {
            this.journal = Objects.requireNonNull(journal, "journal");
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * @param clock time source for input stamps, in nanoseconds; read on the journal stage's thread if it is
         *     {@link NanoClock#realTime()}, else on the submitting thread (see "Time" above)
         * @return this builder
         */
        public Builder<I, R> clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param result the answer to an input that could not be published because the ring stayed full, e.g.
         *     {@code input -> Result.OVERLOADED}; called on the submitting thread; required
         * @return this builder
         */
        public Builder<I, R> overloadedResult(Function<? super I, ? extends R> result) {
            this.overloadedResult = Objects.requireNonNull(result, "overloadedResult");
            return this;
        }

        /**
         * @param timeout longest time a submit waits for a free slot before answering with the overloaded
         *     result; zero answers at once
         * @return this builder
         */
        public Builder<I, R> publishTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "publishTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("EventCore publishTimeout must be >= 0, was " + timeout);
            }
            this.publishTimeout = timeout;
            return this;
        }

        /**
         * @param spin how long {@link EventCore#submitSync} spins on the reply before parking; spinning saves the
         *     wake-up latency but takes a core
         * @return this builder
         */
        public Builder<I, R> syncSpin(Duration spin) {
            Objects.requireNonNull(spin, "syncSpin");
            if (spin.isNegative()) {
                throw new IllegalArgumentException("EventCore syncSpin must be >= 0, was " + spin);
            }
            this.syncSpin = spin;
            return this;
        }

        /**
         * @param timeout how long {@link EventCore#close()} waits for published inputs to finish
         * @return this builder
         */
        public Builder<I, R> closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            return this;
        }

        /**
         * @param slots ring size, a power of two &ge; 2
         * @return this builder
         */
        public Builder<I, R> ringSize(int slots) {
            if (slots < 2 || Integer.bitCount(slots) != 1) {
                throw new IllegalArgumentException("EventCore ringSize must be a power of two >= 2, was " + slots);
            }
            this.ringSize = slots;
            return this;
        }

        /**
         * @param strategy how idle stage threads wait: {@link BlockingWaitStrategy} (default; no idle CPU), or
         *     {@link com.lmax.disruptor.YieldingWaitStrategy} for low latency with a core to spare; a new instance
         *     per core
         * @return this builder
         */
        public Builder<I, R> waitStrategy(WaitStrategy strategy) {
            this.waitStrategy = Objects.requireNonNull(strategy, "waitStrategy");
            return this;
        }

        /**
         * @param topology how stages map onto threads
         * @return this builder
         */
        public Builder<I, R> topology(Topology topology) {
            this.topology = Objects.requireNonNull(topology, "topology");
            return this;
        }

        /**
         * Promises that only one thread ever submits or executes tasks, and that it has stopped before
         * {@link EventCore#close} is called (cheaper claims: a claim is then not an atomic update the closing
         * thread could see). Breaking the promise corrupts the ring.
         *
         * @return this builder
         */
        public Builder<I, R> singleProducer() {
            this.singleProducer = true;
            return this;
        }

        /**
         * @param bytes largest encoded input, in bytes; a larger one stops the core. Inputs up to 256 bytes are
         *     encoded into the journal stage's batch area; a slot gets a buffer of its own for a larger one, which
         *     grows (and stays grown) when an input does not fit
         * @return this builder
         */
        public Builder<I, R> maxEncodedBytes(int bytes) {
            if (bytes < 16) {
                throw new IllegalArgumentException("EventCore maxEncodedBytes must be >= 16, was " + bytes);
            }
            this.maxEncodedBytes = bytes;
            return this;
        }

        /**
         * @param listener notified of each applied input after its reply, on the reply thread
         * @return this builder
         */
        public Builder<I, R> resultListener(ResultListener<? super I, ? super R> listener) {
            this.resultListener = Objects.requireNonNull(listener, "resultListener");
            return this;
        }

        /**
         * @param listener called once, on the failing stage's thread, with the exception that stopped the core
         * @return this builder
         */
        public Builder<I, R> onFailure(Consumer<? super Throwable> listener) {
            this.failureListener = Objects.requireNonNull(listener, "onFailure");
            return this;
        }

        /**
         * @param index journal index of the last input already in the state machine (from
         *     {@link Recovery}); {@link Journal#NO_INDEX} for a fresh state
         * @return this builder
         */
        public Builder<I, R> initialIndex(long index) {
            this.initialIndex = index;
            return this;
        }

        /**
         * Enables snapshots.
         *
         * @param store where snapshot files go
         * @param snapshotter encodes the state
         * @param state the state object the snapshotter reads (usually the state machine itself)
         * @param everyInputs take a snapshot automatically after this many applied inputs; 0 for only on
         *     {@link EventCore#snapshot()}
         * @param <S> state type
         * @return this builder
         */
        public <S> Builder<I, R> snapshots(SnapshotStore store, Snapshotter<S> snapshotter, S state, long everyInputs) {
            return snapshots(store, snapshotter, state, everyInputs, null);
        }

        /**
         * Enables snapshots that also carry extra state of the journal position (see {@link SnapshotExtra}).
         *
         * @param store where snapshot files go
         * @param snapshotter encodes the state
         * @param state the state object the snapshotter reads (usually the state machine itself)
         * @param everyInputs take a snapshot automatically after this many applied inputs; 0 for only on
         *     {@link EventCore#snapshot()}
         * @param extra asked for its bytes as of each snapshot's journal index, on the writer thread; null for
         *     none (the payload is then the state's bytes only)
         * @param <S> state type
         * @return this builder
         */
        public <S> Builder<I, R> snapshots(
                SnapshotStore store, Snapshotter<S> snapshotter, S state, long everyInputs, SnapshotExtra extra) {
            if (everyInputs < 0) {
                throw new IllegalArgumentException("EventCore snapshot everyInputs must be >= 0, was " + everyInputs);
            }
            this.snapshots = new SnapshotSupport<>(
                    Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(snapshotter, "snapshotter"),
                    Objects.requireNonNull(state, "state"),
                    everyInputs,
                    extra);
            return this;
        }

        /**
         * Starts the stage threads.
         *
         * @return the running core
         * @throws IllegalStateException if {@link #overloadedResult} was not set
         */
        public EventCore<I, R> start() {
            if (overloadedResult == null) {
                throw new IllegalStateException("EventCore.Builder: set overloadedResult(input -> ...) before start()");
            }
            if (waitStrategy == null) {
                waitStrategy = new BlockingWaitStrategy();
            }
            return new EventCore<>(this);
        }
    }
}
