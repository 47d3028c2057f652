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
 * {@link #inputs} allocate/release inputs (written once per trial, outside the measurement) is opened and
 * replayed into a new {@link PortManagerState}, as a restart without snapshot would. Score: seconds per
 * recovery; the replay rate is {@code inputs / score}.
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

    private Path dir;
    private long expectedEntries;

    /** Writes the journal. */
    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Bench.tempDir("replay");
        Codec<Input> codec = PortManager.codec();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        List<Input> inventory = Fixtures.largeSystemInputs();
        long lease = Fixtures.build(inventory).nextLeaseId();
        long at = 1;
        try (ChronicleJournal journal = ChronicleJournal.open(dir)) {
            for (Input input : inventory) {
                append(journal, codec, buffer, input);
            }
            for (long i = 0; i < inputs; i += 2) {
                at += 1_000;
                append(journal, codec, buffer, Bench.allocate(i).withAtNanos(at));
                append(journal, codec, buffer, Bench.release(i + 1, lease++).withAtNanos(at + 500));
            }
        }
        expectedEntries = inventory.size() + (long) inputs;
    }

    private static void append(ChronicleJournal journal, Codec<Input> codec, ByteBuffer buffer, Input input) {
        buffer.clear();
        int length = codec.encode(input, buffer);
        buffer.limit(length).position(0);
        journal.append(buffer);
    }

    /** @return the recovered state */
    @Benchmark
    public PortManagerState recover() {
        try (ChronicleJournal journal = ChronicleJournal.open(dir)) {
            Recovered<PortManagerState> recovered = "decode-only".equals(machine)
                    ? Recovery.replayAll(journal, PortManager.codec(), PortManagerState::new, s -> input -> input)
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
