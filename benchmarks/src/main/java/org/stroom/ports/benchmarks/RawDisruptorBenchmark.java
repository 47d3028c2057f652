package org.stroom.ports.benchmarks;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (1) Baseline: a bare Disruptor, one producer (the benchmark thread) and one consumer with a no-op handler,
 * same ring size and wait strategy as the pipeline benchmark. Score: events per second.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class RawDisruptorBenchmark {
    /** A ring slot. */
    static final class ValueEvent {
        long value;
    }

    private Disruptor<ValueEvent> disruptor;
    private RingBuffer<ValueEvent> ring;
    private EventHandler<ValueEvent> handler;

    /** Starts the consumer. */
    @Setup(Level.Trial)
    public void start() {
        disruptor = new Disruptor<>(
                ValueEvent::new,
                Bench.RING_SIZE,
                DaemonThreadFactory.INSTANCE,
                ProducerType.SINGLE,
                new YieldingWaitStrategy());
        handler = (event, sequence, endOfBatch) -> {};
        disruptor.handleEventsWith(handler);
        ring = disruptor.start();
    }

    /** Publishes one event. */
    @Benchmark
    public void publishNoOp() {
        long sequence = ring.next();
        ring.get(sequence).value = sequence;
        ring.publish(sequence);
    }

    /** Counts only consumed events: the iteration ends when the consumer has caught up. */
    @TearDown(Level.Iteration)
    public void drain() {
        long cursor = ring.getCursor();
        while (disruptor.getSequenceValueFor(handler) < cursor) {
            Thread.onSpinWait();
        }
    }

    /** Stops the consumer. */
    @TearDown(Level.Trial)
    public void stop() {
        disruptor.shutdown();
    }
}
