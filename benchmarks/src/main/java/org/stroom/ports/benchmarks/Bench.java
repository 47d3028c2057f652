package org.stroom.ports.benchmarks;

import com.lmax.disruptor.YieldingWaitStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.core.EventCore;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.StateMachine;
import org.stroom.ports.portmgr.core.Topology;

/**
 * Settings and inputs shared by the benchmarks, so that the baselines and the pipeline measure the same sizes.
 *
 * <p>Thread-safety: stateless.
 */
final class Bench {
    /** Ring size of the raw Disruptor and of the event core. */
    static final int RING_SIZE = 1 << 14;
    /** Lease of every benchmark allocation: long enough never to expire during a run. */
    static final long LEASE_NANOS = 3_600_000_000_000L;
    /** Bytes of the journal frame header in front of each payload ([u8][u32][u32]). */
    static final int FRAME_HEADER_BYTES = 9;
    /** Where the benchmarks put their queues: {@code -Dbench.dir}, else the temporary directory. */
    static final Path BASE_DIR = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));

    private Bench() {}

    /** @return the allocation the pipeline benchmarks make: fax, outbound, hunt group {@link Fixtures#FAX_ALL} */
    static Input.Allocate allocate(long requestId) {
        return new Input.Allocate(
                0, requestId, PortKind.FAX, Direction.OUT, Fixtures.FAX_ALL, null, "normal", LEASE_NANOS);
    }

    /** @return a release of the given lease */
    static Input.Release release(long requestId, long leaseId) {
        return new Input.Release(0, requestId, leaseId);
    }

    /**
     * @param machine {@code port-manager}: the real state's {@code apply}; {@code no-op}: a constant result, to show
     *     what the core itself costs
     * @param state the large System
     * @return the state machine the pipeline benchmarks drive
     */
    static StateMachine<Input, Result> machine(String machine, PortManagerState state) {
        if ("port-manager".equals(machine)) {
            return state::apply;
        }
        if ("no-op".equals(machine)) {
            Result constant = new Result.Renewed(0, 0, 0);
            return (input, atNanos) -> constant;
        }
        throw new IllegalArgumentException("machine must be port-manager or no-op, was " + machine);
    }

    /**
     * @return an event core builder as the pipeline benchmarks use it: one producer, the ring size and wait
     *     strategy of the raw baseline, a 10 s publish timeout; the caller adds a journal if it wants one
     */
    static EventCore.Builder<Input, Result> pipeline(
            StateMachine<Input, Result> machine, Topology topology, String name) {
        return EventCore.builder(machine)
                .name(name)
                .waitStrategy(new YieldingWaitStrategy())
                .topology(topology)
                .singleProducer()
                .ringSize(RING_SIZE)
                .publishTimeout(Duration.ofSeconds(10))
                .overloadedResult(PortManager::overloaded);
    }

    /** @return bytes of one journal entry of an {@link #allocate} input: frame header plus encoded payload */
    static int journalEntryBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        return FRAME_HEADER_BYTES + PortManager.codec().encode(allocate(1), 1, buffer);
    }

    static Path tempDir(String prefix) throws IOException {
        Files.createDirectories(BASE_DIR);
        return Files.createTempDirectory(BASE_DIR, "stroom-bench-" + prefix);
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
