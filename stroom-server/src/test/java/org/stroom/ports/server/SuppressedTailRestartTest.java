package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
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
    static final String NODE = "a-node1";
    static final SpanLocation SPAN = new SpanLocation(NODE, 0, 1);
    static final ChannelId CH1 = new ChannelId(SPAN, 1);
    static final ChannelId CH2 = new ChannelId(SPAN, 2);

    @TempDir
    Path dir;

    VirtualClock clock = new VirtualClock();
    SoftBackend node;
    NodeServer nodeServer;
    TcpRelay relay;
    Path serverConfig;
    StroomServer server;

    @BeforeEach
    void start() {
        Installation site = new Installation(dir);
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
        relay = TcpRelay.start(nodeServer.port());
        serverConfig = site.server(
                "a-server",
                "active",
                Installation.freePort(),
                Installation.freePort(),
                "[{name: " + NODE + ", host: 127.0.0.1, port: " + relay.port() + "}]",
                "");
        server = startServer();
        clock.advance(Duration.ofSeconds(5));
        Eventually.await("the node is up", WAIT, () -> link().awaitUp(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        relay.close();
        nodeServer.close();
        node.close();
    }

    private StroomServer startServer() {
        return StroomServer.start(ServerConfig.load(serverConfig), () -> {});
    }

    private RemoteBackend link() {
        return server.nodes().get(NODE);
    }

    private Metrics metrics() {
        return server.portManager().metrics().join();
    }

    private Metrics.Counts counts() {
        return metrics().byMachine().get(NODE);
    }

    private long journaled() {
        return server.journal().journaled(NODE).map(NodeMark::sequence).orElse(0L);
    }

    private String state() {
        return counts() + " " + link().status() + " journaled " + journaled() + ", node at "
                + nodeServer.lastSequence();
    }

    /** The condition, checked after the Node's virtual time moved on by 100 ms (releases take time there). */
    private BooleanSupplier advancing(BooleanSupplier condition) {
        return () -> {
            clock.advance(Duration.ofMillis(100));
            return condition.getAsBoolean();
        };
    }

    private CallId offer(int ds0) {
        return node.farEnd(SPAN).offerCall(ds0, "3125550100", "2125550000");
    }

    @Test
    void aRestartedServerIgnoresTheSuppressedEventsOfLostCallsItGetsAgainAndResumesPastThem() {
        // 1. two calls up on the Node, each event of them journaled with its mark
        offer(1);
        offer(2);
        Eventually.await("two calls busy", WAIT, () -> counts().busy() == 2, this::state);
        int total = counts().total();
        Eventually.await(
                "the calls' events are journaled with their marks",
                WAIT,
                () -> journaled() == nodeServer.lastSequence(),
                this::state);
        NodeMark beforeCut = server.journal().journaled(NODE).orElseThrow();

        // 2. the network fails; the Node keeps running and journaling
        relay.cut();
        Eventually.await(
                "the server reports the calls lost and the node's channels unusable",
                WAIT,
                () -> !link().status().reachable() && counts().busy() == 0 && counts().unusable() == total,
                this::state);
        assertThat(link().status().callsReportedLost()).isEqualTo(2);

        // 3. while cut, the caller on channel 1 hangs up: the Node journals a CallDisconnected nobody receives
        long beforeHangUp = nodeServer.lastSequence();
        node.farEnd(SPAN).hangUp(CH1);
        Eventually.await(
                "the node journals the far end's hang-up",
                WAIT,
                advancing(() -> nodeServer.lastSequence() > beforeHangUp),
                this::state);

        // 4. the network is back: the Server reconciles and hangs up the lost call the Node still holds (cause 41)
        relay.restore();
        Eventually.await(
                "the node is reconciled: its channels are back and every event it sent is applied",
                WAIT,
                advancing(() -> link().status().reachable()
                        && counts().free() == total
                        && link().status().lastApplied() == nodeServer.lastSequence()),
                this::state);
        assertThat(node.channel(CH1).call()).isEmpty();
        assertThat(node.channel(CH2).call()).isEmpty();
        RemoteBackend.LinkStatus reconciled = link().status();
        long nodeLast = nodeServer.lastSequence();
        long suppressed = reconciled.eventsSuppressed();
        // The events after the cut are the Node's CallDisconnected of the two lost calls (channel 1 by the far end,
        // channel 2 by the Server's clearing): all suppressed, so none became an input with a mark and the journal's
        // resume point is still the last event before the cut. That is the tail a restart will get again.
        assertThat(suppressed).as("suppressed events of lost calls").isEqualTo(nodeLast - beforeCut.sequence());
        assertThat(suppressed).isEqualTo(2);
        assertThat(server.journal().journaled(NODE)).contains(beforeCut);
        assertThat(beforeCut.sequence()).isLessThan(nodeLast);
        Metrics.Activity beforeRestart = metrics().activity();

        // 5. restart: the fresh RemoteBackend resumes after the journaled mark and gets the suppressed tail again
        server.close();
        server = startServer();
        assertThat(server.journal().journaled(NODE)).contains(beforeCut);
        Eventually.await(
                "the re-delivered events arrive and are journaled with their marks",
                WAIT,
                () -> link().awaitUp(Duration.ofMillis(10))
                        && link().status().lastApplied() == nodeLast
                        && journaled() == nodeLast,
                this::state);
        Metrics afterRestart = metrics();
        RemoteBackend.LinkStatus resumed = link().status();
        long redelivered = nodeLast - beforeCut.sequence();
        assertThat(afterRestart.byMachine().get(NODE)).isEqualTo(new Metrics.Counts(total, 0, total, 0));
        assertThat(server.portManager().failure()).isEmpty();
        assertThat(resumed.duplicatesDropped()).isZero();
        assertThat(resumed.eventsSuppressed()).isZero();
        assertThat(resumed.callsReportedLost()).isZero();
        assertThat(afterRestart.activity().ignored() - beforeRestart.ignored())
                .as("re-delivered call endings ignored by the port manager")
                .isEqualTo(redelivered);
        assertThat(afterRestart.activity().callsSeen()).as("no call seen again").isEqualTo(beforeRestart.callsSeen());

        // 6. the channel of a re-delivered ending takes a new call, which ends normally
        offer(1);
        Eventually.await("a new call on channel 1 is busy", WAIT, () -> counts().busy() == 1, this::state);
        node.farEnd(SPAN).hangUp(CH1);
        Eventually.await(
                "and ends",
                WAIT,
                advancing(() -> counts().busy() == 0 && journaled() == nodeServer.lastSequence()),
                this::state);
        assertThat(server.portManager().failure()).isEmpty();
        long beforeSecondRestart = nodeServer.lastSequence();

        // 7. a second restart resumes after the moved mark: the next event the Node sends is the next new one
        server.close();
        server = startServer();
        assertThat(journaled()).isEqualTo(beforeSecondRestart);
        offer(3);
        Eventually.await(
                "a call made after the second restart arrives",
                WAIT,
                () -> counts().busy() == 1 && journaled() == nodeServer.lastSequence(),
                this::state);
        assertThat(link().status().duplicatesDropped()).isZero();
        assertThat(server.portManager().failure()).isEmpty();
        long finalSequence = nodeServer.lastSequence();
        server.close();
        server = null;

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
