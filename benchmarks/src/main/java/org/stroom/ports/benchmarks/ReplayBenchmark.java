package org.stroom.ports.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
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
import org.stroom.ports.portmgr.core.Codec;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.Recovered;
import org.stroom.ports.portmgr.core.Recovery;
import org.stroom.ports.portmgr.journal.ChronicleJournal;

/**
 * (6) Replay rate and recovery time: a Chronicle journal of the large System's inventory followed by
 * {@link #inputs} allocate/release inputs (written once per trial, outside the measurement, in batches of
 * {@link #batch} entries per document as the event core's journal stage writes them) is opened and replayed
 * into a new {@link PortManagerState}, as a restart without snapshot would. Score: seconds per recovery; the
 * replay rate is {@code inputs / score}.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ReplayBenchmark {
    /** Allocate/release inputs journaled after the inventory. */
    @Param({"10000000"})
    public int inputs;

    /**
     * {@code port-manager}: decode and apply to a new {@link PortManagerState}; {@code decode-only}: decode and
     * drop, to show what reading the journal itself costs.
     */
    @Param({"port-manager", "decode-only"})
    public String machine;

    /**
     * Entries per Chronicle document: 256, what the event core writes under load (its journal stage appends a
     * ring batch in pieces of up to 256 entries); 1, what it writes when every input arrives alone.
     */
    @Param({"256", "1"})
    public int batch;

    private Path dir;
    private long expectedEntries;

    /** Writes the journal. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Bench.tempDir("replay");
        Codec<Input> codec = PortManager.codec();
        ByteBuffer large = ByteBuffer.allocate(1 << 20);
        List<Input> inventory = Fixtures.largeSystemInputs();
        long lease = Fixtures.build(inventory).nextLeaseId();
        long at = 1;
        try (ChronicleJournal journal = ChronicleJournal.open(dir)) {
            Batches batches = new Batches(journal, codec, batch);
            for (Input input : inventory) {
                large.clear();
                int length = codec.encode(input, input.atNanos(), large);
                journal.append(large.limit(length).position(0));
            }
            for (long i = 0; i < inputs; i += 2) {
                at += 1_000;
                batches.add(Bench.allocate(i).withAtNanos(at));
                batches.add(Bench.release(i + 1, lease++).withAtNanos(at + 500));
            }
            batches.flush();
        }
        expectedEntries = inventory.size() + (long) inputs;
    }

    /** Encodes inputs and appends them {@code size} at a time, as the event core's journal stage does. */
    private static final class Batches {
        private final ChronicleJournal journal;
        private final Codec<Input> codec;
        private final ByteBuffer[] payloads;
        private final long[] indexes;
        private int count;

        Batches(ChronicleJournal journal, Codec<Input> codec, int size) {
            this.journal = journal;
            this.codec = codec;
            this.payloads = new ByteBuffer[size];
            this.indexes = new long[size];
            for (int i = 0; i < size; i++) {
                payloads[i] = ByteBuffer.allocate(256);
            }
        }

        void add(Input input) {
            ByteBuffer buffer = payloads[count].clear();
            int length = codec.encode(input, input.atNanos(), buffer);
            buffer.limit(length).position(0);
            if (++count == payloads.length) {
                flush();
            }
        }

        void flush() {
            journal.appendAll(payloads, count, indexes);
            count = 0;
        }
    }

    /** @return the recovered state */
    @Benchmark
    public PortManagerState recover() {
        try (ChronicleJournal journal = ChronicleJournal.open(dir)) {
            Recovered<PortManagerState> recovered = "decode-only".equals(machine)
                    ? Recovery.replayAll(
                            journal, PortManager.codec(), PortManagerState::new, s -> (input, atNanos) -> input)
                    : Recovery.replayAll(journal, PortManager.codec(), PortManagerState::new, s -> s::apply);
            if (!recovered.report().isClean() || recovered.report().entriesReplayed() != expectedEntries) {
                throw new IllegalStateException("replay benchmark invalid: " + recovered.report());
            }
            return recovered.state();
        }
    }

    /** Deletes the journal. */
    @TearDown(Level.Trial)
    public void delete() {
        Bench.delete(dir);
    }
}
