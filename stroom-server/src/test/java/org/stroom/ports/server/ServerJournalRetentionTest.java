package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.journal.RecoveryReport;

/**
 * {@code journal.retainCycles}: a Server without a peer deletes the journal files its snapshots cover, keeping the
 * newest cycles, and restarts from its snapshot and the files left; a Server of a pair, or one without snapshots,
 * is refused the key.
 */
@Timeout(90)
class ServerJournalRetentionTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration MONTH = Duration.ofDays(30);

    @TempDir
    Path dir;

    /** A wall clock the test moves: the journal rolls its files by it. */
    static final class Wall implements InstantSource {
        private volatile Instant now;

        Wall(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ServerConfig parse(String rest) {
        return ServerConfig.parse(
                dir.resolve("s.yaml"), "server: {name: s1, system: site.yaml}\ntls: {dir: tls}\n" + rest);
    }

    @Test
    void retentionIsRefusedForAServerWithAPeerOrWithoutSnapshots() {
        assertThatThrownBy(() -> parse("peer: {name: s2, host: 127.0.0.1, port: 7543}\n"
                        + "journal: {snapshotEvery: 1000, retainCycles: 2}\n"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageContaining("journal.retainCycles")
                .hasMessageContaining("a Server with a peer keeps its whole journal");
        assertThatThrownBy(() -> parse("journal: {snapshotEvery: 0, retainCycles: 2}\n"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageContaining("journal.retainCycles")
                .hasMessageContaining("journal.snapshotEvery is 0");
        assertThat(parse("journal: {snapshotEvery: 1000}\n").retainCycles())
                .as("every file is kept by default")
                .isZero();
        assertThat(parse("journal: {snapshotEvery: 1000, retainCycles: 3}\n").retainCycles())
                .isEqualTo(3);
    }

    private static List<Path> journalFiles(Path queue) throws IOException {
        try (Stream<Path> files = Files.list(queue)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4"))
                    .sorted()
                    .toList();
        }
    }

    private static long allocate(StroomServer server) {
        long[] lease = {-1};
        Eventually.await(
                "a voice port is granted",
                WAIT,
                () -> {
                    Result r = server.portManager().allocateSync("voice", PortKind.VOICE, Direction.OUT, MONTH, WAIT);
                    if (r instanceof Result.Granted g) {
                        lease[0] = g.leaseId();
                        return true;
                    }
                    return false;
                },
                () -> "no grant");
        return lease[0];
    }

    @Test
    void aServerWithoutAPeerDeletesTheJournalFilesItsSnapshotsCoverAndRestartsFromTheRest() throws Exception {
        Installation site = new Installation(dir);
        Path file = site.write("solo.yaml", """
                server: {name: a-server, role: active, system: site.yaml}
                listen: {address: 127.0.0.1, port: %d}
                tls: {dir: tls}
                local: {backend: softport, options: {softport.boards: TR1034_1T1}}
                journal: {dir: solo-journal, rollCycle: FAST_HOURLY, snapshotEvery: 10, snapshotsKept: 1, retainCycles: 1}
                portManager: {machineTimeout: 30s, tickEvery: 200ms}
                proofs: {dir: solo-proofs}
                """.formatted(Installation.freePort()));
        ServerConfig config = ServerConfig.load(file);
        Path queue = config.journalDir().resolve("port-manager");
        // near the real time, so that the certificates issued just now are valid
        Wall wall = new Wall(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(10)));

        StroomServer server = StroomServer.start(config, wall, () -> {});
        long kept;
        try {
            kept = allocate(server); // held for a month, across every roll and the restart
            for (int hour = 0; hour < 4; hour++) {
                for (int i = 0; i < 15; i++) {
                    long lease = allocate(server);
                    assertThat(server.portManager().releaseSync(lease, WAIT)).isInstanceOf(Result.Released.class);
                }
                wall.advance(Duration.ofHours(1));
            }
            // traffic in the last hour rolls the journal once more and applies the retention
            for (int i = 0; i < 15; i++) {
                server.portManager().releaseSync(allocate(server), WAIT);
            }
            Eventually.await(
                    "the covered files are deleted",
                    WAIT,
                    () -> {
                        try {
                            return journalFiles(queue).size() <= 2;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    () -> queue.toString());
        } finally {
            server.close();
        }
        List<Path> left = journalFiles(queue);
        assertThat(left).as("5 hours of traffic, newest cycle kept").hasSizeBetween(1, 2);

        server = StroomServer.start(config, wall, () -> {});
        try {
            RecoveryReport report = server.portManager().recoveryReport();
            assertThat(report.isClean()).isTrue();
            assertThat(report.snapshotIndex()).as("recovered from a snapshot").isNotNegative();
            assertThat(report.entriesReplayed()).isLessThan(report.lastGoodIndex() + 1);
            assertThat(server.portManager().metrics().join().liveLeases())
                    .as("the month-long lease taken before every roll is still there")
                    .isEqualTo(1);
            assertThat(server.portManager().releaseSync(kept, WAIT)).isInstanceOf(Result.Released.class);
            long again = allocate(server);
            assertThat(again).isGreaterThan(kept);
        } finally {
            server.close();
        }

        // without the snapshots, the entries retention deleted cannot be replayed: the Server refuses to start
        try (Stream<Path> snapshots = Files.list(config.snapshotDir())) {
            for (Path f : snapshots.toList()) {
                Files.delete(f);
            }
        }
        assertThatThrownBy(() -> StroomServer.start(config, wall, () -> {}))
                .hasStackTraceContaining("were deleted by journal retention")
                .hasStackTraceContaining("Restore the snapshots");
    }
}
