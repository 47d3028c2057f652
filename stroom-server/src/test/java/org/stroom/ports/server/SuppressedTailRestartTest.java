package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server whose last events from a Node before a restart were suppressed ones (events of calls it had already
 * reported lost while the link was cut) gets them again after the restart, from a fresh RemoteBackend that does not
 * know those calls were lost, and its port manager must take them without harm: the call endings are ignored, no
 * channel stays busy, the core does not fail, later events flow, and a second restart re-delivers nothing.
 *
 * <pre>
 *  StroomServer ──▶ TcpRelay (cut / restored) ──▶ NodeServer ──▶ SoftBackend (VirtualClock), Node journal
 * </pre>
 */
@Timeout(60)
class SuppressedTailRestartTest {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressedTailRestartTest.class);
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String NODE = OneNodeSite.NODE;
    static final SpanLocation SPAN = OneNodeSite.SPAN;
    static final ChannelId CH1 = new ChannelId(SPAN, 1);
    static final ChannelId CH2 = new ChannelId(SPAN, 2);

    @TempDir
    Path dir;

    OneNodeSite site;

    @BeforeEach
    void start() {
        site = OneNodeSite.in(dir).throughRelay().start(WAIT);
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private String state() {
        return site.counts() + " " + site.link().status() + " journaled " + site.journaled() + ", node at "
                + site.nodeServer().lastSequence();
    }

    @Test
    void aRestartedServerIgnoresTheSuppressedEventsOfLostCallsItGetsAgainAndResumesPastThem() {
        // 1. two calls up on the Node, each event of them journaled with its mark
        site.offer(1);
        site.offer(2);
        Eventually.await("two calls busy", WAIT, () -> site.counts().busy() == 2, this::state);
        int total = site.counts().total();
        Eventually.await(
                "the calls' events are journaled with their marks",
                WAIT,
                () -> site.journaled() == site.nodeServer().lastSequence(),
                this::state);
        NodeMark beforeCut = site.server().journal().journaled(NODE).orElseThrow();

        // 2. the network fails; the Node keeps running and journaling
        site.relay().cut();
        Eventually.await(
                "the server reports the calls lost and the node's channels unusable",
                WAIT,
                () -> !site.link().status().reachable()
                        && site.counts().busy() == 0
                        && site.counts().unusable() == total,
                this::state);
        assertThat(site.link().status().callsReportedLost()).isEqualTo(2);

        // 3. while cut, the caller on channel 1 hangs up: the Node journals a CallDisconnected nobody receives
        long beforeHangUp = site.nodeServer().lastSequence();
        site.node().farEnd(SPAN).hangUp(CH1);
        Eventually.await(
                "the node journals the far end's hang-up",
                WAIT,
                site.advancing(() -> site.nodeServer().lastSequence() > beforeHangUp),
                this::state);

        // 4. the network is back: the Server reconciles and hangs up the lost call the Node still holds (cause 41)
        site.relay().restore();
        Eventually.await(
                "the node is reconciled: its channels are back and every event it sent is applied",
                WAIT,
                site.advancing(() -> site.link().status().reachable()
                        && site.counts().free() == total
                        && site.link().status().lastApplied()
                                == site.nodeServer().lastSequence()),
                this::state);
        assertThat(site.node().channel(CH1).call()).isEmpty();
        assertThat(site.node().channel(CH2).call()).isEmpty();
        RemoteBackend.LinkStatus reconciled = site.link().status();
        long nodeLast = site.nodeServer().lastSequence();
        long suppressed = reconciled.eventsSuppressed();
        // The events after the cut are the Node's CallDisconnected of the two lost calls (channel 1 by the far end,
        // channel 2 by the Server's clearing): all suppressed, so none became an input with a mark and the journal's
        // resume point is still the last event before the cut. That is the tail a restart will get again.
        assertThat(suppressed).as("suppressed events of lost calls").isEqualTo(nodeLast - beforeCut.sequence());
        assertThat(suppressed).isEqualTo(2);
        assertThat(site.server().journal().journaled(NODE)).contains(beforeCut);
        assertThat(beforeCut.sequence()).isLessThan(nodeLast);
        Metrics.Activity beforeRestart = site.metrics().activity();

        // 5. restart: the fresh RemoteBackend resumes after the journaled mark and gets the suppressed tail again
        site.stopServer();
        site.startServer();
        assertThat(site.server().journal().journaled(NODE)).contains(beforeCut);
        Eventually.await(
                "the re-delivered events arrive and are journaled with their marks",
                WAIT,
                () -> site.link().awaitUp(Duration.ofMillis(10))
                        && site.link().status().lastApplied() == nodeLast
                        && site.journaled() == nodeLast,
                this::state);
        Metrics afterRestart = site.metrics();
        RemoteBackend.LinkStatus resumed = site.link().status();
        long redelivered = nodeLast - beforeCut.sequence();
        assertThat(afterRestart.byMachine().get(NODE)).isEqualTo(new Metrics.Counts(total, 0, total, 0));
        assertThat(site.server().portManager().failure()).isEmpty();
        assertThat(resumed.duplicatesDropped()).isZero();
        assertThat(resumed.eventsSuppressed()).isZero();
        assertThat(resumed.callsReportedLost()).isZero();
        assertThat(afterRestart.activity().ignored() - beforeRestart.ignored())
                .as("re-delivered call endings ignored by the port manager")
                .isEqualTo(redelivered);
        assertThat(afterRestart.activity().callsSeen()).as("no call seen again").isEqualTo(beforeRestart.callsSeen());

        // 6. the channel of a re-delivered ending takes a new call, which ends normally
        site.offer(1);
        Eventually.await(
                "a new call on channel 1 is busy", WAIT, () -> site.counts().busy() == 1, this::state);
        site.node().farEnd(SPAN).hangUp(CH1);
        Eventually.await(
                "and ends",
                WAIT,
                site.advancing(() -> site.counts().busy() == 0
                        && site.journaled() == site.nodeServer().lastSequence()),
                this::state);
        assertThat(site.server().portManager().failure()).isEmpty();
        long beforeSecondRestart = site.nodeServer().lastSequence();

        // 7. a second restart resumes after the moved mark: the next event the Node sends is the next new one
        site.stopServer();
        site.startServer();
        assertThat(site.journaled()).isEqualTo(beforeSecondRestart);
        site.offer(3);
        Eventually.await(
                "a call made after the second restart arrives",
                WAIT,
                () -> site.counts().busy() == 1
                        && site.journaled() == site.nodeServer().lastSequence(),
                this::state);
        assertThat(site.link().status().duplicatesDropped()).isZero();
        assertThat(site.server().portManager().failure()).isEmpty();
        long finalSequence = site.nodeServer().lastSequence();
        site.stopServer();

        List<MarkedInput> marked = markedInputs(dir.resolve("a-server-journal"));
        List<Long> sequences = new ArrayList<>();
        marked.forEach(m -> sequences.add(m.mark().sequence()));
        assertThat(sequences)
                .as("every Node event became at most one marked input, in order")
                .isSorted()
                .doesNotHaveDuplicates()
                .endsWith(finalSequence);
        List<MarkedInput> tail = marked.stream()
                .filter(m ->
                        m.mark().sequence() > beforeCut.sequence() && m.mark().sequence() <= nodeLast)
                .toList();
        assertThat(tail)
                .as("the re-delivered tail: the Node's call endings on channels 1 and 2")
                .hasSize((int) redelivered)
                .allSatisfy(m -> assertThat(m.input()).isInstanceOf(Input.CallEnded.class));
        assertThat(tail.stream().map(m -> ((Input.CallEnded) m.input()).channel()))
                .containsExactlyInAnyOrder(CH1, CH2);
        assertThat(sequences.stream().filter(s -> s > beforeSecondRestart))
                .as("after the second restart only the events the Node journaled after the moved mark")
                .containsExactlyElementsOf(LongStream.rangeClosed(beforeSecondRestart + 1, finalSequence)
                        .boxed()
                        .toList());
        LOG.info(
                "suppressed tail: mark {} before the cut, node at {}; {} events suppressed, {} re-delivered after"
                        + " the restart and ignored; after the second restart the next mark is {}",
                beforeCut.sequence(),
                nodeLast,
                suppressed,
                redelivered,
                sequences.stream()
                        .filter(s -> s > beforeSecondRestart)
                        .findFirst()
                        .orElse(0L));
    }

    /** An input of a Server journal entry with the Node mark it carries. */
    private record MarkedInput(NodeMark mark, Input input) {}

    private static List<MarkedInput> markedInputs(Path journalDir) {
        List<MarkedInput> out = new ArrayList<>();
        var codec = PortManager.codec();
        try (ChronicleJournal j = ChronicleJournal.open(journalDir.resolve("port-manager"))) {
            j.replay(Journal.NO_INDEX, (index, payload) -> {
                ResumeJournal.Entry e = ResumeJournal.entry(index, payload);
                if (e.mark() != null) {
                    out.add(new MarkedInput(e.mark(), codec.decode(e.input())));
                }
            });
        }
        return out;
    }
}
