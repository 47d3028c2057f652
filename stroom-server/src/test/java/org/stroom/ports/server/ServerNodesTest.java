package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server in this JVM and a Node served by a NodeServer in this JVM (softport on virtual time): the Node's calls
 * reach the Server's port manager, each with its Node sequence in the journal; a restarted Server resumes after
 * the last one; a silent Node's channels become unusable and come back reconciled.
 */
@Timeout(120)
class ServerNodesTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String NODE = "a-node1";
    static final SpanLocation SPAN = new SpanLocation(NODE, 0, 1);

    @TempDir
    Path dir;

    Installation site;
    VirtualClock clock = new VirtualClock();
    SoftBackend node;
    NodeServer nodeServer;
    NodeConfig nodeConfig;
    Path serverConfig;
    StroomServer server;

    @BeforeEach
    void start() {
        site = new Installation(dir);
        node = newNode();
        nodeConfig = NodeConfig.of(NODE, TlsFiles.in(site.tls, NODE), Set.of("a-server"), dir.resolve("node-journal"));
        nodeServer = NodeServer.start(node, nodeConfig);
        nodeConfig = nodeConfig.withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeServer.port()));
        serverConfig = site.server(
                "a-server",
                "active",
                Installation.freePort(),
                Installation.freePort(),
                "[{name: " + NODE + ", host: 127.0.0.1, port: " + nodeServer.port() + "}]",
                "");
        server = StroomServer.start(ServerConfig.load(serverConfig), () -> {});
        clock.advance(Duration.ofSeconds(5));
        Eventually.await("the node is up", WAIT, () -> server.nodes().get(NODE).awaitUp(Duration.ofMillis(10)));
    }

    private SoftBackend newNode() {
        return SoftBackend.builder(NODE)
                .clock(clock)
                .seed(7)
                .board(
                        BoardModel.TR1034_1T1,
                        SpanConfig.pri(new CircuitId("DHEC.600102..SW"), PriSwitch.NI2, 1, List.of()))
                .build();
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

    /** The condition, checked after the Node's virtual time moved on by 100 ms (releases take time there). */
    private java.util.function.BooleanSupplier advancing(java.util.function.BooleanSupplier condition) {
        return () -> {
            clock.advance(Duration.ofMillis(100));
            return condition.getAsBoolean();
        };
    }

    private CallId offer(int ds0) {
        return node.farEnd(SPAN).offerCall(ds0, "3125550100", "2125550000");
    }

    @Test
    void nodeCallsReachThePortManagerWithTheirNodeSequenceAndARestartedServerResumesAfterIt() throws Exception {
        for (int ds0 = 1; ds0 <= 3; ds0++) {
            offer(ds0);
        }
        Eventually.await("three calls busy", WAIT, () -> counts().busy() == 3, () -> counts().toString());
        node.farEnd(SPAN).hangUp(new ChannelId(SPAN, 2));
        Eventually.await("one call ended", WAIT, advancing(() -> counts().busy() == 2), () -> counts().toString());
        long applied = server.nodes().get(NODE).status().lastApplied();
        Eventually.await(
                "the journal holds the last event",
                WAIT,
                () -> server.journal().journaled(NODE).map(NodeMark::sequence).orElse(0L) == applied,
                () -> server.journal().journaled().toString());
        String journalId = server.nodes().get(NODE).status().journalId();

        server.close();
        offer(5); // while the Server is down: the Node journals it, the Server must get it once after its restart
        server = StroomServer.start(ServerConfig.load(serverConfig), () -> {});
        assertThat(server.journal().journaled(NODE)).contains(new NodeMark(NODE, journalId, applied));
        Eventually.await(
                "the call made while down arrives", WAIT, () -> counts().busy() == 3, () -> counts().toString());
        assertThat(server.nodes().get(NODE).status().duplicatesDropped()).isZero();
        node.farEnd(SPAN).hangUp(new ChannelId(SPAN, 1));
        Eventually.await(
                "and the next one ends", WAIT, advancing(() -> counts().busy() == 2), () -> counts().toString());
        server.close();
        server = null;

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
        offer(1);
        offer(2);
        Eventually.await("two calls busy", WAIT, () -> counts().busy() == 2, () -> counts().toString());
        int total = counts().total();

        nodeServer.close(); // the Node process dies: its link, then its boards and their calls
        node.close();
        Eventually.await(
                "the node's channels are unusable and its calls gone",
                WAIT,
                () -> counts().unusable() == total && counts().busy() == 0,
                () -> counts().toString());

        node = newNode(); // and starts again on its journal
        nodeServer = NodeServer.start(node, nodeConfig);
        Eventually.await(
                "the node's channels are back",
                WAIT,
                advancing(() -> counts().free() == total),
                () -> counts() + " " + server.nodes().get(NODE).status());
        assertThat(server.nodes().get(NODE).status().incarnation()).isEqualTo(2);
        offer(4);
        Eventually.await("a call on it is seen again", WAIT, () -> counts().busy() == 1, () -> counts().toString());
    }
}
