package org.stroom.ports.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.core.EventCore;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.ReplyHandler;
import org.stroom.ports.portmgr.core.Topology;
import org.stroom.ports.portmgr.journal.ChronicleJournal;

/**
 * (3) and (4): the port manager's allocate + release pipeline on the 19,200-channel System of
 * {@link Fixtures#largeSystem()} (100 Nodes x 8 T1s), through the real event core: stamp, encode, journal
 * (Chronicle, or off), apply {@link PortManagerState}, reply to a {@link ReplyHandler}, clear. One producer
 * (the benchmark thread) submits an {@code Allocate} and the {@code Release} of the lease it will get (lease
 * ids are deterministic) without waiting, so the ring stays full and the score is the pipeline's rate in
 * inputs per second. The trial fails if any request was refused, so every op did the full work. The
 * {@code no-op} machine variant shows the core's own cost (stamp, encode, journal, hand-offs, reply).
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PipelineBenchmark {
    /** {@code chronicle} (3) or {@code off} (4). */
    @Param({"chronicle", "off"})
    public String journal;

    /** Thread layout of the core. */
    @Param({"SINGLE_THREAD", "JOURNAL_AND_WRITER"})
    public Topology topology;

    /**
     * {@code port-manager}: the real {@link PortManagerState}; {@code no-op}: a state machine that returns a
     * constant, to show what the core itself costs.
     */
    @Param({"port-manager", "no-op"})
    public String machine;

    private Path dir;
    private ChronicleJournal chronicle;
    private PortManagerState state;
    private EventCore<Input, Result> core;
    private CountingReplies replies;
    private long nextLease;
    private long requestId;
    private long submitted;

    /** Counts refusals on the reply thread; read after the core is closed. */
    static final class CountingReplies implements ReplyHandler<Result> {
        long refused;
        long replied;

        @Override
        public void onReply(Result result, Throwable failure) {
            replied++;
            if (failure != null || result instanceof Result.Rejected) {
                refused++;
            }
        }
    }

    /** Builds the System and starts the core. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        state = Fixtures.largeSystem();
        nextLease = state.nextLeaseId();
        replies = new CountingReplies();
        EventCore.Builder<Input, Result> builder = Bench.pipeline(Bench.machine(machine, state), topology, "bench");
        if ("chronicle".equals(journal)) {
            dir = Bench.tempDir("pipeline");
            chronicle = ChronicleJournal.open(dir);
            builder.journal(chronicle, PortManager.codec());
        } else if (!"off".equals(journal)) {
            throw new IllegalArgumentException("journal must be chronicle or off, was " + journal);
        }
        core = builder.start();
    }

    /** One allocation and the release of its lease: two inputs. */
    @Benchmark
    @OperationsPerInvocation(2)
    public void allocateRelease() {
        core.submit(Bench.allocate(++requestId), replies);
        core.submit(Bench.release(++requestId, nextLease++), replies);
        submitted += 2;
    }

    /** Stops the core and checks that every request was served. */
    @TearDown(Level.Trial)
    public void stop() {
        core.close();
        if (chronicle != null) {
            chronicle.close();
            Bench.delete(dir);
        }
        if (replies.refused != 0 || replies.replied != submitted) {
            throw new IllegalStateException("pipeline benchmark invalid: " + replies.refused + " of " + replies.replied
                    + " replies refused, " + submitted + " submitted");
        }
    }
}
