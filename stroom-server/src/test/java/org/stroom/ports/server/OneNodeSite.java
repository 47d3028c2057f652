package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server "a-server" in this JVM with one Node "a-node1" served by a NodeServer in this JVM: a softport
 * TR1034_1T1 on a {@link VirtualClock} (seed 7, one PRI span on circuit DHEC.600102..SW) that journals to
 * {@code node-journal}, optionally behind a {@link TcpRelay}. Started, the Server's link to the Node is up and the
 * Node's virtual time has moved on by 5 s.
 *
 * <pre>
 *  StroomServer ──▶ [TcpRelay] ──▶ NodeServer ──▶ SoftBackend (VirtualClock), Node journal
 *  (config a-server.yaml, journal a-server-journal)
 * </pre>
 *
 * <p>The Server can be stopped and started again on the same configuration file, and the Node can die and start
 * again on its journal; {@link #close()} closes whatever is still running.
 *
 * <p>Thread-safety: driven by the test thread; the accessors and the conditions made by {@link #advancing} may be
 * called from {@link Eventually}'s checker thread, so the parts a test replaces are volatile.
 */
final class OneNodeSite implements AutoCloseable {
    static final String NODE = "a-node1";
    static final SpanLocation SPAN = new SpanLocation(NODE, 0, 1);
    private static final String JOURNAL = "journal: {dir: a-server-journal}";

    private final VirtualClock clock = new VirtualClock();
    private final Path serverConfig;
    private final NodeConfig nodeConfig;
    private final TcpRelay relay;
    private volatile SoftBackend node;
    private volatile NodeServer nodeServer;
    private volatile StroomServer server;

    private OneNodeSite(Builder b) {
        Installation site = new Installation(b.dir);
        node = newNode();
        NodeConfig config =
                NodeConfig.of(NODE, TlsFiles.in(site.tls, NODE), Set.of("a-server"), b.dir.resolve("node-journal"));
        nodeServer = NodeServer.start(node, config);
        // a restarted Node must listen where the Server (or the relay) connects
        nodeConfig = config.withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeServer.port()));
        relay = b.relay ? TcpRelay.start(nodeServer.port()) : null;
        int nodePort = relay != null ? relay.port() : nodeServer.port();
        serverConfig = site.server(
                "a-server",
                "active",
                Installation.freePort(),
                Installation.freePort(),
                "[{name: " + NODE + ", host: 127.0.0.1, port: " + nodePort + "}]",
                "");
        if (b.journalKeys != null) {
            addJournalKeys(b.journalKeys);
        }
    }

    /**
     * @param dir the installation's directory (a test's {@code @TempDir}), not null
     * @return options of a site in {@code dir}: by default the Server connects straight to the NodeServer
     */
    static Builder in(Path dir) {
        return new Builder(dir);
    }

    /**
     * Options of a {@link OneNodeSite}.
     *
     * <p>Thread-safety: confined to the test thread.
     */
    static final class Builder {
        private final Path dir;
        private boolean relay;
        private String journalKeys;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** @return this; the Server's configuration names a {@link TcpRelay}'s port in front of the NodeServer */
        Builder throughRelay() {
            relay = true;
            return this;
        }

        /**
         * @param keys more keys of the Server configuration's {@code journal} section, as YAML flow entries
         *     ({@code "snapshotEvery: 25, snapshotsKept: 2"}), not null
         * @return this
         */
        Builder journalKeys(String keys) {
            journalKeys = keys;
            return this;
        }

        /**
         * Starts the Node, the Server, moves the Node's virtual time on by 5 s and waits for the Server's link to the
         * Node to be up.
         *
         * @param upWithin how long to wait for the link
         * @return the running site; on failure whatever was started is closed
         */
        OneNodeSite start(Duration upWithin) {
            OneNodeSite site = new OneNodeSite(this);
            try {
                site.startServer();
                site.clock.advance(Duration.ofSeconds(5));
                Eventually.await("the node is up", upWithin, () -> site.link().awaitUp(Duration.ofMillis(10)));
                return site;
            } catch (RuntimeException | Error e) {
                site.close();
                throw e;
            }
        }
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

    private void addJournalKeys(String keys) {
        try {
            String text = Files.readString(serverConfig, StandardCharsets.UTF_8);
            assertThat(text).contains(JOURNAL);
            Files.writeString(
                    serverConfig,
                    text.replace(JOURNAL, JOURNAL.replace("}", ", " + keys + "}")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("OneNodeSite: cannot add journal keys to " + serverConfig, e);
        }
    }

    /** @return the Server's configuration file ({@code a-server.yaml}) */
    Path serverConfig() {
        return serverConfig;
    }

    /**
     * Starts a Server on the configuration file as it is now.
     *
     * @return the started Server, also {@link #server()} from now on
     * @throws IllegalStateException when a Server is running
     */
    StroomServer startServer() {
        if (server != null) {
            throw new IllegalStateException("OneNodeSite.startServer: a Server is running; stopServer() it first");
        }
        server = StroomServer.start(ServerConfig.load(serverConfig), () -> {});
        return server;
    }

    /**
     * Closes the running Server.
     *
     * @return the closed Server, whose journal can still be read
     * @throws IllegalStateException when no Server is running
     */
    StroomServer stopServer() {
        StroomServer closing = server();
        server = null;
        closing.close();
        return closing;
    }

    /** The Node process dies: its NodeServer (so its link), then its boards and their calls. */
    void stopNode() {
        nodeServer.close();
        node.close();
    }

    /** A new Node process starts on the stopped one's journal, listening on the same port. */
    void restartNode() {
        node = newNode();
        nodeServer = NodeServer.start(node, nodeConfig);
    }

    /**
     * @return the running Server
     * @throws IllegalStateException when no Server is running
     */
    StroomServer server() {
        StroomServer s = server;
        if (s == null) {
            throw new IllegalStateException("OneNodeSite.server: no Server is running; startServer() first");
        }
        return s;
    }

    /** @return the Node's softport backend (the last one started) */
    SoftBackend node() {
        return node;
    }

    /** @return the Node's server (the last one started) */
    NodeServer nodeServer() {
        return nodeServer;
    }

    /**
     * @return the relay in front of the NodeServer
     * @throws IllegalStateException when the site was not built {@link Builder#throughRelay() through a relay}
     */
    TcpRelay relay() {
        if (relay == null) {
            throw new IllegalStateException("OneNodeSite.relay: this site has no relay; build it throughRelay()");
        }
        return relay;
    }

    /** @return the running Server's link to the Node */
    RemoteBackend link() {
        return server().nodes().get(NODE);
    }

    /** @return the running Server's port manager metrics */
    Metrics metrics() {
        return server().portManager().metrics().join();
    }

    /** @return the running Server's channel counts of the Node */
    Metrics.Counts counts() {
        return metrics().byMachine().get(NODE);
    }

    /** @return {@link #counts()} as text, for the message of a wait that failed */
    String countsText() {
        return counts().toString();
    }

    /** @return the Node sequence of the running Server's journaled mark of the Node, 0 when it has none */
    long journaled() {
        return server().journal().journaled(NODE).map(NodeMark::sequence).orElse(0L);
    }

    /** The condition, checked after the Node's virtual time moved on by 100 ms (releases take time there). */
    BooleanSupplier advancing(BooleanSupplier condition) {
        return () -> {
            clock.advance(Duration.ofMillis(100));
            return condition.getAsBoolean();
        };
    }

    /**
     * @param ds0 the channel of the Node's span, 1..23
     * @return the call the far end offers on it, from 3125550100 to 2125550000
     */
    CallId offer(int ds0) {
        return node.farEnd(SPAN).offerCall(ds0, "3125550100", "2125550000");
    }

    /** Closes the Server if running, the relay, the NodeServer and the Node, in that order. */
    @Override
    public void close() {
        StroomServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        if (relay != null) {
            relay.close();
        }
        nodeServer.close();
        node.close();
    }
}
