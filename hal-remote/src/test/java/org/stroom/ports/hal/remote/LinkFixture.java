package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.FarEnd;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * One Node (softport on virtual time, one TR1034 with one PRI) served by a {@link NodeServer} on
 * loopback with TLS, reached through a {@link TcpProxy} by a {@link RemoteBackend} named server1.
 * The test advances the Node's clock; events cross the real link asynchronously.
 */
final class LinkFixture implements AutoCloseable {
    static final String NODE = "node1";
    static final String SERVER = "server1";
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestPki pki;
    final Path journalDir;
    final VirtualClock clock = new VirtualClock();
    final EventLog nodeEvents = new EventLog();
    final EventLog serverEvents = new EventLog();
    final List<Long> nodeSequences = new ArrayList<>();
    SoftBackend node;
    NodeServer nodeServer;
    TcpProxy proxy;
    RemoteBackend remote;
    private NodeConfig config;
    private Subscription nodeRecording;

    LinkFixture(TestPki pki, Path dir) {
        this.pki = pki;
        this.journalDir = dir.resolve("journal");
    }

    static SpanConfig pri() {
        return SpanConfig.pri(new CircuitId("C1"), PriSwitch.NI2, 1, List.of(new DidRange("3125550100", "3125550199")));
    }

    static ChannelId ch(int ds0) {
        return new ChannelId(new SpanLocation(NODE, 0, 1), ds0);
    }

    LinkFixture startNode(long maxReplay) {
        node = SoftBackend.builder(NODE)
                .clock(clock)
                .seed(42)
                .board(BoardModel.TR1034_1T1, pri())
                .build();
        nodeRecording = node.subscribe(nodeEvents, Runnable::run);
        config = NodeConfig.of(NODE, pki.files(NODE), Set.of(SERVER, "server2"), journalDir)
                .withMaxReplay(maxReplay);
        nodeServer = NodeServer.start(node, config);
        try {
            proxy = new TcpProxy(nodeServer.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stops the Node's server and backend, then starts new ones on the same journal and port. */
    void restartNode() {
        int port = nodeServer.port();
        nodeRecording.close(); // what the closing backend publishes is never journaled, as in a crash
        nodeServer.close();
        node.close();
        node = SoftBackend.builder(NODE)
                .clock(clock)
                .seed(43)
                .board(BoardModel.TR1034_1T1, pri())
                .build();
        nodeRecording = node.subscribe(nodeEvents, Runnable::run);
        nodeServer = NodeServer.start(
                node,
                config.withListen(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port)));
    }

    LinkFixture connect() {
        return connect(RemoteBackend.builder(NODE, "127.0.0.1", proxy.port())
                .serverName(SERVER)
                .tls(pki.files(SERVER))
                .heartbeat(Duration.ofMillis(100), Duration.ofMillis(2500))
                .commandTimeout(Duration.ofSeconds(5))
                .maxReconnectDelay(Duration.ofMillis(200)));
    }

    LinkFixture connect(RemoteBackend.Builder builder) {
        remote = builder.build();
        remote.subscribe(serverEvents, Runnable::run);
        remote.subscribeNodeEvents((seq, e) -> {
            synchronized (nodeSequences) {
                nodeSequences.add(seq);
            }
        });
        return this;
    }

    List<Long> nodeSequences() {
        synchronized (nodeSequences) {
            return List.copyOf(nodeSequences);
        }
    }

    FarEnd farEnd() {
        return node.farEnd(new SpanLocation(NODE, 0, 1));
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void awaitUp() {
        if (!remote.awaitUp(WAIT)) {
            throw new AssertionError("link did not come up: " + remote.status());
        }
    }

    /**
     * Waits until the Server has applied every event the Node's backends have published so far
     * (the journal numbers them 1, 2, 3 … across restarts, one per published event).
     */
    void awaitDrained() {
        long last = nodeEvents.events().size();
        if (!remote.awaitApplied(last, WAIT)) {
            throw new AssertionError("server applied up to " + remote.status().lastApplied() + ", node published "
                    + last + ", journaled " + nodeServer.lastSequence());
        }
    }

    @Override
    public void close() throws IOException {
        if (remote != null) {
            remote.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (nodeServer != null) {
            nodeServer.close();
        }
        if (node != null) {
            node.close();
        }
    }
}
