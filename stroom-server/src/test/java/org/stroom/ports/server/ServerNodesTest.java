package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server in this JVM and a Node served by a NodeServer in this JVM (softport on virtual time): the Node's calls
 * reach the Server's port manager, each with its Node sequence in the journal; a restarted Server resumes after
 * the last one; a silent Node's channels become unusable and come back reconciled.
 */
@Timeout(120)
class ServerNodesTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NODE = OneNodeSite.NODE;
    static final SpanLocation SPAN = OneNodeSite.SPAN;

    @TempDir
    Path dir;

    OneNodeSite site;

    @BeforeEach
    void start() {
        site = OneNodeSite.in(dir).start(WAIT);
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void nodeCallsReachThePortManagerWithTheirNodeSequenceAndARestartedServerResumesAfterIt() throws Exception {
        for (int ds0 = 1; ds0 <= 3; ds0++) {
            site.offer(ds0);
        }
        Eventually.await("three calls busy", WAIT, () -> site.counts().busy() == 3, site::countsText);
        site.node().farEnd(SPAN).hangUp(new ChannelId(SPAN, 2));
        Eventually.await(
                "one call ended", WAIT, site.advancing(() -> site.counts().busy() == 2), site::countsText);
        long applied = site.link().status().lastApplied();
        Eventually.await(
                "the journal holds the last event",
                WAIT,
                () -> site.journaled() == applied,
                () -> site.server().journal().journaled().toString());
        String journalId = site.link().status().journalId();

        site.stopServer();
        site.offer(5); // while the Server is down: the Node journals it, the Server must get it once after its restart
        site.startServer();
        // what the restarted Server recovered and asked the Node to resume after (the live mark may already have
        // moved on with the call made while down)
        assertThat(site.server().resumedAfter(NODE)).contains(new NodeMark(NODE, journalId, applied));
        Eventually.await(
                "the call made while down arrives", WAIT, () -> site.counts().busy() == 3, site::countsText);
        assertThat(site.link().status().duplicatesDropped()).isZero();
        site.node().farEnd(SPAN).hangUp(new ChannelId(SPAN, 1));
        Eventually.await(
                "and the next one ends",
                WAIT,
                site.advancing(() -> site.counts().busy() == 2),
                site::countsText);
        site.stopServer();

        List<Long> sequences = new ArrayList<>();
        try (ChronicleJournal j =
                ChronicleJournal.open(dir.resolve("a-server-journal").resolve("port-manager"))) {
            for (Map.Entry<Long, NodeMark> e : ResumeJournal.marks(j).entrySet()) {
                sequences.add(e.getValue().sequence());
            }
        }
        assertThat(sequences).hasSizeGreaterThanOrEqualTo(6).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aSilentNodesChannelsBecomeUnusableAndItsCallsLostThenComeBackReconciled() {
        site.offer(1);
        site.offer(2);
        Eventually.await("two calls busy", WAIT, () -> site.counts().busy() == 2, site::countsText);
        int total = site.counts().total();

        site.stopNode(); // the Node process dies: its link, then its boards and their calls
        Eventually.await(
                "the node's channels are unusable and its calls gone",
                WAIT,
                () -> site.counts().unusable() == total && site.counts().busy() == 0,
                site::countsText);

        site.restartNode(); // and starts again on its journal
        Eventually.await(
                "the node's channels are back",
                WAIT,
                site.advancing(() -> site.counts().free() == total),
                () -> site.counts() + " " + site.link().status());
        assertThat(site.link().status().incarnation()).isEqualTo(2);
        site.offer(4);
        Eventually.await("a call on it is seen again", WAIT, () -> site.counts().busy() == 1, site::countsText);
    }
}
