package org.stroom.ports.benchmarks;

import com.lmax.disruptor.YieldingWaitStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
import org.stroom.ports.portmgr.core.StateMachine;
import org.stroom.ports.portmgr.journal.ChronicleJournal;

/**
 * (5) Allocation round trip: {@code submitSync(Allocate)} on the 19,200-channel System, from the caller's
 * submit to its having the {@code Granted} result, through stamp, Chronicle journal, apply and reply. The
 * release of the lease is then submitted without waiting, so it is processed ahead of the next allocation, as
 * it would be under a steady allocate/release load. JMH samples each call; the percentiles are in the result.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LatencyBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ReplyHandler<Result> IGNORE = (result, failure) -> {};

    /** {@code chronicle} or {@code off}. */
    @Param({"chronicle"})
    public String journal;

    private Path dir;
    private ChronicleJournal chronicle;
    private EventCore<Input, Result> core;
    private long requestId;

    /** Builds the System and starts the core; the caller spins for its reply. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        PortManagerState state = Fixtures.largeSystem();
        EventCore.Builder<Input, Result> builder = EventCore.builder((StateMachine<Input, Result>) state::apply)
                .name("bench-latency")
                .waitStrategy(new YieldingWaitStrategy())
                .singleProducer()
                .ringSize(Bench.RING_SIZE)
                .syncSpin(Duration.ofMillis(10))
                .overloadedResult(PortManager::overloaded);
        if ("chronicle".equals(journal)) {
            dir = Bench.tempDir("latency");
            chronicle = ChronicleJournal.open(dir);
            builder.journal(chronicle, PortManager.codec());
        }
        core = builder.start();
    }

    /** @return the grant; its lease is released asynchronously */
    @Benchmark
    public Result allocateRoundTrip() {
        Result result = core.submitSync(Bench.allocate(++requestId), TIMEOUT);
        if (!(result instanceof Result.Granted granted)) {
            throw new IllegalStateException("latency benchmark invalid: allocation refused: " + result);
        }
        core.submit(Bench.release(++requestId, granted.leaseId()), IGNORE);
        return result;
    }

    /** Stops the core. */
    @TearDown(Level.Trial)
    public void stop() {
        core.close();
        if (chronicle != null) {
            chronicle.close();
            Bench.delete(dir);
        }
    }
}
