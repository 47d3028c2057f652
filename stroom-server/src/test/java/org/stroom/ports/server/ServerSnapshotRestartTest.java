package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.Snapshot;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server with a small {@code journal.snapshotEvery} (in this JVM, with a Node served in this JVM on virtual
 * time, as in {@link ServerNodesTest}) snapshots while Node traffic flows; restarted, it replays only the journal
 * after its newest snapshot and resumes the Node exactly after the last mark the snapshot holds.
 */
@Timeout(60)
class ServerSnapshotRestartTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String NODE = OneNodeSite.NODE;
    static final SpanLocation SPAN = OneNodeSite.SPAN;

    @TempDir
    Path dir;

    OneNodeSite site;

    @BeforeEach
    void start() {
        site = OneNodeSite.in(dir)
                .journalKeys("snapshotEvery: 25, snapshotsKept: 2")
                .start(WAIT);
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private long newestSnapshotIndex(SnapshotStore store) {
        return store.latest(new ArrayList<>()).map(Snapshot::journalIndex).orElse(-1L);
    }

    private void awaitJournaledUpToTheNode() {
        Eventually.await(
                "the journal holds the node's last event",
                WAIT,
                () -> {
                    long last = site.nodeServer().lastSequence();
                    return site.link().status().lastApplied() == last
                            && site.server()
                                            .journal()
                                            .journaled(NODE)
                                            .map(NodeMark::sequence)
                                            .orElse(0L)
                                    == last;
                },
                () -> site.link().status() + " " + site.server().journal().journaled());
    }

    /** True when the newest snapshot's marks are the journal's last and the Node has sent nothing since. */
    private boolean snapshotHoldsTheLastMark(SnapshotStore store) {
        Optional<NodeMark> last = site.server().journal().journaled(NODE);
        if (last.isEmpty() || last.get().sequence() != site.nodeServer().lastSequence()) {
            return false;
        }
        try {
            return last.get()
                    .equals(site.server()
                            .journal()
                            .marksAt(newestSnapshotIndex(store))
                            .get(NODE));
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
        ServerConfig config = ServerConfig.load(site.serverConfig());
        SnapshotStore store = SnapshotStore.open(config.snapshotDir(), config.snapshotsKept());
        for (int ds0 = 1; ds0 <= 8; ds0++) {
            site.offer(ds0);
        }
        Eventually.await("eight calls busy", WAIT, () -> site.counts().busy() == 8, site::countsText);
        for (int ds0 = 1; ds0 <= 3; ds0++) {
            site.node().farEnd(SPAN).hangUp(new ChannelId(SPAN, ds0));
        }
        Eventually.await(
                "three calls ended", WAIT, site.advancing(() -> site.counts().busy() == 5), site::countsText);
        awaitJournaledUpToTheNode();
        int total = site.counts().total();
        // the server's own ticks and heartbeats keep the journal (and so the snapshots) going after the traffic
        Eventually.await(
                "two snapshots are kept and the newest holds the node's last mark",
                WAIT,
                () -> store.files().size() == 2 && snapshotHoldsTheLastMark(store),
                () -> "newest snapshot " + newestSnapshotIndex(store) + ", "
                        + site.server().journal().journaled());

        StroomServer closed = site.stopServer();
        long lastIndex = closed.journal().lastIndex();
        NodeMark atClose = closed.journal().journaled(NODE).orElseThrow();
        long snapshotIndex = newestSnapshotIndex(store);
        long lastMarkIndex = lastMarkIndex(config);
        assertThat(lastMarkIndex)
                .as("the node's last mark is in the snapshot, not in the tail")
                .isLessThanOrEqualTo(snapshotIndex);
        site.offer(10); // while the Server is down: the Node journals it, the Server must get it exactly once

        site.startServer();
        RecoveryReport report = site.server().portManager().recoveryReport();
        assertThat(report.isClean()).isTrue();
        assertThat(report.rejectedSnapshots()).isEmpty();
        assertThat(report.snapshotIndex()).isEqualTo(snapshotIndex);
        assertThat(report.lastGoodIndex()).isEqualTo(lastIndex);
        assertThat(report.entriesReplayed())
                .as("only the tail after the snapshot is replayed, not the %d entries of the journal", lastIndex + 1)
                .isEqualTo(lastIndex - snapshotIndex)
                .isLessThan(lastIndex + 1);
        assertThat(site.server().resumedAfter(NODE))
                .as("the node's mark comes from the snapshot")
                .contains(atClose);

        Eventually.await(
                "the call made while down arrives", WAIT, () -> site.counts().busy() == 6, site::countsText);
        awaitJournaledUpToTheNode();
        assertThat(site.link().status().duplicatesDropped()).isZero();
        site.node().farEnd(SPAN).hangUp(new ChannelId(SPAN, 4));
        Eventually.await(
                "and a call ends", WAIT, site.advancing(() -> site.counts().busy() == 5), site::countsText);
        awaitJournaledUpToTheNode();
        assertThat(site.counts().free()).isEqualTo(total - 5);
        site.stopServer();

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
                .contains(atClose.sequence(), site.nodeServer().lastSequence());
    }
}
