package org.stroom.ports.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.Result;

/**
 * What (4) costs on the writer thread alone: {@code PortManagerState.apply} of the pipeline benchmark's inputs (an
 * {@code Allocate} from hunt group {@code fax-all} and the {@code Release} of its lease) on the 19,200-channel
 * System, on one thread, without the event core. The pipeline cannot pass more inputs per second than this; the
 * difference is the core and the second core's data. Score: nanoseconds per input.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ApplyBenchmark {
    private PortManagerState state;
    private long nextLease;
    private long requestId;
    private long at;
    private long refused;

    /** Builds the System. */
    @Setup(Level.Trial)
    public void start() {
        state = Fixtures.largeSystem();
        nextLease = state.nextLeaseId();
    }

    /**
     * One allocation and the release of its lease: two inputs, 500 ns apart.
     *
     * @param bh keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public void allocateRelease(Blackhole bh) {
        Result granted = state.apply(Bench.allocate(++requestId), at += 500);
        Result released = state.apply(Bench.release(++requestId, nextLease++), at += 500);
        if (granted instanceof Result.Rejected || released instanceof Result.Rejected) {
            refused++;
        }
        bh.consume(granted);
        bh.consume(released);
    }

    /** Checks that every request was served. */
    @TearDown(Level.Trial)
    public void stop() {
        if (refused != 0) {
            throw new IllegalStateException("apply benchmark invalid: " + refused + " requests refused");
        }
    }
}
