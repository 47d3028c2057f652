package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.Snapshot;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server with a small {@code journal.snapshotEvery} (in this JVM, with a Node served in this JVM on virtual
 * time, as in {@link ServerNodesTest}) snapshots while Node traffic flows; restarted, it replays only the journal
 * after its newest snapshot and resumes the Node exactly after the last mark the snapshot holds.
 */
@Timeout(60)
class ServerSnapshotRestartTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String NODE = "a-node1";
    static final SpanLocation SPAN = new SpanLocation(NODE, 0, 1);

    @TempDir
    Path dir;

    Installation site;
    VirtualClock clock = new VirtualClock();
    SoftBackend node;
    NodeServer nodeServer;
    Path serverConfig;
    StroomServer server;

    @BeforeEach
    void start() throws IOException {
        site = new Installation(dir);
        node = SoftBackend.builder(NODE)
                .clock(clock)
                .seed(7)
                .board(
                        BoardModel.TR1034_1T1,
                        SpanConfig.pri(new CircuitId("DHEC.600102..SW"), PriSwitch.NI2, 1, List.of()))
                .build();
        NodeConfig nodeConfig =
                NodeConfig.of(NODE, TlsFiles.in(site.tls, NODE), Set.of("a-server"), dir.resolve("node-journal"));
        nodeServer = NodeServer.start(node, nodeConfig);
        nodeConfig = nodeConfig.withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeServer.port()));
        serverConfig = site.server(
                "a-server",
                "active",
                Installation.freePort(),
                Installation.freePort(),
                "[{name: " + NODE + ", host: 127.0.0.1, port: " + nodeServer.port() + "}]",
                "");
        String text = Files.readString(serverConfig, StandardCharsets.UTF_8);
        String journal = "journal: {dir: a-server-journal}";
        assertThat(text).contains(journal);
        Files.writeString(
                serverConfig,
                text.replace(journal, "journal: {dir: a-server-journal, snapshotEvery: 25, snapshotsKept: 2}"),
                StandardCharsets.UTF_8);
        server = StroomServer.start(ServerConfig.load(serverConfig), () -> {});
        clock.advance(Duration.ofSeconds(5));
        Eventually.await("the node is up", WAIT, () -> server.nodes().get(NODE).awaitUp(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        nodeServer.close();
        node.close();
    }

    private Metrics.Counts counts() {
        return server.portManager().metrics().join().byMachine().get(NODE);
    }

    private BooleanSupplier advancing(BooleanSupplier condition) {
        return () -> {
            clock.advance(Duration.ofMillis(100));
            return condition.getAsBoolean();
        };
    }

    private void offer(int ds0) {
        node.farEnd(SPAN).offerCall(ds0, "3125550100", "2125550000");
    }

    private long newestSnapshotIndex(SnapshotStore store) {
        return store.latest(new ArrayList<>()).map(Snapshot::journalIndex).orElse(-1L);
    }

    private void awaitJournaledUpToTheNode() {
        Eventually.await(
                "the journal holds the node's last event",
                WAIT,
                () -> {
                    long last = nodeServer.lastSequence();
                    return server.nodes().get(NODE).status().lastApplied() == last
                            && server.journal()
                                            .journaled(NODE)
                                            .map(NodeMark::sequence)
                                            .orElse(0L)
                                    == last;
                },
                () -> server.nodes().get(NODE).status() + " " + server.journal().journaled());
    }

    /** True when the newest snapshot's marks are the journal's last and the Node has sent nothing since. */
    private boolean snapshotHoldsTheLastMark(SnapshotStore store) {
        Optional<NodeMark> last = server.journal().journaled(NODE);
        if (last.isEmpty() || last.get().sequence() != nodeServer.lastSequence()) {
            return false;
        }
        try {
            return last.get()
                    .equals(server.journal().marksAt(newestSnapshotIndex(store)).get(NODE));
        } catch (IllegalStateException e) {
            return false; // a newer snapshot is being written
        }
    }

    private static long lastMarkIndex(ServerConfig config) {
        try (ChronicleJournal j = ChronicleJournal.open(config.journalDir().resolve("port-manager"))) {
            return ResumeJournal.marks(j).keySet().stream()
                    .mapToLong(Long::longValue)
                    .max()
                    .orElse(-1);
        }
    }

    @Test
    void aRestartReplaysOnlyTheTailAfterTheSnapshotAndResumesTheNodeExactlyAfterItsMark() {
        ServerConfig config = ServerConfig.load(serverConfig);
        SnapshotStore store = SnapshotStore.open(config.snapshotDir(), config.snapshotsKept());
        for (int ds0 = 1; ds0 <= 8; ds0++) {
            offer(ds0);
        }
        Eventually.await("eight calls busy", WAIT, () -> counts().busy() == 8, () -> counts().toString());
        for (int ds0 = 1; ds0 <= 3; ds0++) {
            node.farEnd(SPAN).hangUp(new ChannelId(SPAN, ds0));
        }
        Eventually.await("three calls ended", WAIT, advancing(() -> counts().busy() == 5), () -> counts().toString());
        awaitJournaledUpToTheNode();
        int total = counts().total();
        // the server's own ticks and heartbeats keep the journal (and so the snapshots) going after the traffic
        Eventually.await(
                "two snapshots are kept and the newest holds the node's last mark",
                WAIT,
                () -> store.files().size() == 2 && snapshotHoldsTheLastMark(store),
                () -> "newest snapshot " + newestSnapshotIndex(store) + ", "
                        + server.journal().journaled());

        server.close();
        long lastIndex = server.journal().lastIndex();
        NodeMark atClose = server.journal().journaled(NODE).orElseThrow();
        long snapshotIndex = newestSnapshotIndex(store);
        server = null;
        long lastMarkIndex = lastMarkIndex(config);
        assertThat(lastMarkIndex)
                .as("the node's last mark is in the snapshot, not in the tail")
                .isLessThanOrEqualTo(snapshotIndex);
        offer(10); // while the Server is down: the Node journals it, the Server must get it exactly once

        server = StroomServer.start(config, () -> {});
        RecoveryReport report = server.portManager().recoveryReport();
        assertThat(report.isClean()).isTrue();
        assertThat(report.rejectedSnapshots()).isEmpty();
        assertThat(report.snapshotIndex()).isEqualTo(snapshotIndex);
        assertThat(report.lastGoodIndex()).isEqualTo(lastIndex);
        assertThat(report.entriesReplayed())
                .as("only the tail after the snapshot is replayed, not the %d entries of the journal", lastIndex + 1)
                .isEqualTo(lastIndex - snapshotIndex)
                .isLessThan(lastIndex + 1);
        assertThat(server.journal().journaled(NODE))
                .as("the node's mark comes from the snapshot")
                .contains(atClose);

        Eventually.await(
                "the call made while down arrives", WAIT, () -> counts().busy() == 6, () -> counts().toString());
        awaitJournaledUpToTheNode();
        assertThat(server.nodes().get(NODE).status().duplicatesDropped()).isZero();
        node.farEnd(SPAN).hangUp(new ChannelId(SPAN, 4));
        Eventually.await("and a call ends", WAIT, advancing(() -> counts().busy() == 5), () -> counts().toString());
        awaitJournaledUpToTheNode();
        assertThat(counts().free()).isEqualTo(total - 5);
        server.close();
        server = null;

        List<Long> sequences = new ArrayList<>();
        try (ChronicleJournal j = ChronicleJournal.open(config.journalDir().resolve("port-manager"))) {
            for (NodeMark m : ResumeJournal.marks(j).values()) {
                sequences.add(m.sequence());
            }
        }
        assertThat(sequences)
                .as("no node event journaled twice or out of order")
                .isSorted()
                .doesNotHaveDuplicates()
                .contains(atClose.sequence(), nodeServer.lastSequence());
    }
}
