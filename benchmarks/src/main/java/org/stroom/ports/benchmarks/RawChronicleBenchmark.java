package org.stroom.ports.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
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
 * (2) Baseline: raw Chronicle Queue appends from one thread, each a record as long as one journal entry of the
 * pipeline benchmark (frame header plus an encoded {@code Allocate}), written as raw bytes. Score: appends per
 * second.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RawChronicleBenchmark {
    private Path dir;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private byte[] record;

    /** Opens a fresh queue. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Bench.tempDir("raw-chronicle");
        queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(RollCycles.FAST_DAILY)
                .build();
        appender = queue.createAppender();
        record = new byte[Bench.journalEntryBytes()];
        for (int i = 0; i < record.length; i++) {
            record[i] = (byte) (i * 31);
        }
    }

    /** Appends one record. */
    @Benchmark
    public void append() {
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(record);
        }
    }

    /** Closes and deletes the queue. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
        queue.close();
        Bench.delete(dir);
    }
}
