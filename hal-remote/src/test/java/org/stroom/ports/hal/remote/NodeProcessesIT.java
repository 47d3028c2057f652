package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.ChannelEvent;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.remote.proto.Event;
import org.stroom.ports.hal.tck.EventInvariants;
import org.stroom.ports.t1.SpanLocation;

/**
 * A Server (RemoteBackends in this JVM) and two Node processes on loopback with TLS: node-a runs
 * {@link NodeMain} with softport from its configuration file, node-b runs {@link TrafficNode} with
 * inbound traffic. Each is killed with SIGKILL mid-traffic and restarted on its journal; no event
 * the Node journaled is lost or applied twice, calls in flight are reported lost once, channels come
 * back; a client with a certificate from another CA is refused by a Node process, which logs why.
 */
@Timeout(180)
class NodeProcessesIT {
    // generous: child JVMs start Chronicle and gRPC, slow on a loaded 2-core machine
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** What the Server saw of one Node. */
    static final class Seen {
        final EventLog app = new EventLog();
        final List<Long> sequences = new ArrayList<>();
        final Map<Long, HalEvent> bySequence = new HashMap<>();

        synchronized void node(long seq, HalEvent e) {
            sequences.add(seq);
            bySequence.put(seq, e);
        }

        synchronized List<Long> sequences() {
            return List.copyOf(sequences);
        }
    }

    @Test
    void nodesKilledMidTrafficAndRestartedLoseNoJournaledEventAndComeBack() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("IT CA");
        Path tls = dir.resolve("tls");
        ca.save(tls);
        for (String m : List.of("server1", "node-a", "node-b")) {
            ca.issue(tls, m);
        }
        CertificateAuthority.create("other CA").issue(dir.resolve("rogue"), "server1");
        Path aConfig = config("node-a", tls, freePort(), "backend = softport\nbackend.softport.boards = TR1034_1T1\n");
        Path bConfig = config(
                "node-b",
                tls,
                freePort(),
                "traffic.speed = 20\ntraffic.callsPerHour = 3000\ntraffic.holdSeconds = 20\ntraffic.seed = 7\n");
        NodeConfig a = NodeConfig.load(aConfig);
        NodeConfig b = NodeConfig.load(bConfig);

        ChildJvm nodeA = ChildJvm.start(dir, "node-a-1", NodeMain.class, aConfig);
        ChildJvm nodeB = ChildJvm.start(dir, "node-b-1", TrafficNode.class, bConfig);
        Seen seenA = new Seen();
        Seen seenB = new Seen();
        try (RemoteBackend remoteA = remote(a, tls, seenA);
                RemoteBackend remoteB = remote(b, tls, seenB)) {
            assertThat(remoteA.awaitUp(WAIT)).as("node-a up: " + nodeA.log()).isTrue();
            assertThat(remoteB.awaitUp(WAIT)).as("node-b up: " + nodeB.log()).isTrue();
            int channelsA = remoteA.channels().size();
            int channelsB = remoteB.channels().size();

            // node-a: the Server places calls through the link (the far end answers after 3 s)
            List<CallId> placed = new ArrayList<>();
            for (int ds0 = 1; ds0 <= 5; ds0++) {
                placed.add(remoteA.placeCall(channel("node-a", ds0), OutboundCall.to("55512" + ds0)));
            }
            seenA.app.awaitCount(CallAlerting.class, e -> placed.contains(e.call()), placed.size(), WAIT);
            // node-b: inbound traffic flows on its own
            awaitEvents(remoteB, 100);

            // kill -9 both mid-traffic
            long appliedB = remoteB.status().lastApplied();
            nodeB.kill();
            nodeA.kill();
            assertThat(remoteB.awaitUnreachable(WAIT)).isTrue();
            assertThat(remoteA.awaitUnreachable(WAIT)).isTrue();
            seenB.app.awaitCount(ChannelOutOfService.class, e -> e.reason().contains("unreachable"), channelsB, WAIT);
            seenA.app.awaitCount(ChannelOutOfService.class, e -> e.reason().contains("unreachable"), channelsA, WAIT);
            for (CallId call : placed) {
                CallDisconnected d =
                        seenA.app.await(CallDisconnected.class, e -> e.call().equals(call), WAIT);
                assertThat(d.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
            }

            // restart both on their journals
            nodeA = ChildJvm.start(dir, "node-a-2", NodeMain.class, aConfig);
            nodeB = ChildJvm.start(dir, "node-b-2", TrafficNode.class, bConfig);
            assertThat(remoteA.awaitUp(WAIT)).as("node-a back: " + nodeA.log()).isTrue();
            assertThat(remoteB.awaitUp(WAIT)).as("node-b back: " + nodeB.log()).isTrue();
            assertThat(remoteB.status().incarnation()).isEqualTo(2);
            awaitEvents(remoteB, remoteB.status().lastApplied() + 50);
            assertThat(remoteB.status().lastApplied()).isGreaterThan(appliedB);

            // channels reconciled: back in service and usable
            for (Seen s : List.of(seenA, seenB)) {
                Map<ChannelId, HalEvent> lastServiceEvent = new HashMap<>();
                for (HalEvent e : s.app.events()) {
                    if (e instanceof ChannelInService || e instanceof ChannelOutOfService) {
                        lastServiceEvent.put(((ChannelEvent) e).channel(), e);
                    }
                }
                assertThat(lastServiceEvent.values())
                        .allSatisfy(e -> assertThat(e).isInstanceOf(ChannelInService.class));
            }
            assertThat(remoteA.channels())
                    .hasSize(channelsA)
                    .extracting(ChannelInfo::state)
                    .containsOnly(ChannelState.IDLE);
            assertThat(remoteB.channels()).hasSize(channelsB).noneMatch(c -> c.state() == ChannelState.OUT_OF_SERVICE);
            CallId again = remoteA.placeCall(channel("node-a", 1), OutboundCall.to("5551299"));
            assertThat(again).isNotIn(placed);

            // a client with a certificate from another CA is refused, and the Node logs why
            try (RemoteBackend rogue = RemoteBackend.builder(
                            "node-a", "127.0.0.1", a.listen().getPort())
                    .serverName("server1")
                    .tls(new TlsFiles(
                            tls.resolve("ca.pem"),
                            dir.resolve("rogue/server1.pem"),
                            dir.resolve("rogue/server1-key.pem")))
                    .build()) {
                nodeA.awaitLog("TLS: refused client", WAIT);
                assertThat(nodeA.log()).contains("does not chain to the configured CA 'CN=IT CA");
                assertThat(rogue.status().state()).isNotEqualTo(RemoteBackend.LinkState.UP);
                assertThatThrownBy(() -> rogue.answer(channel("node-a", 2)))
                        .isInstanceOf(NodeUnavailableException.class);
            }

            // calls: none has an event after its end, none ends twice
            for (Seen s : List.of(seenA, seenB)) {
                List<HalEvent> events = s.app.events();
                EventInvariants.noChannelInTwoCalls(events);
                Map<CallId, Long> ends = events.stream()
                        .filter(e -> e instanceof CallDisconnected)
                        .collect(Collectors.groupingBy(e -> ((CallEvent) e).call(), Collectors.counting()));
                assertThat(ends.values()).containsOnly(1L);
            }
        } finally {
            nodeA.stop();
            nodeB.stop();
        }

        // every event each Node journaled reached the Server once, in order, unchanged; the only
        // ones missing are later events of calls the Server had already reported lost (suppressed so
        // that no call ends twice or has an event after its end)
        for (var node : List.of(Map.entry(a, seenA), Map.entry(b, seenB))) {
            List<Long> seqs = node.getValue().sequences();
            assertThat(seqs).isNotEmpty();
            for (int i = 1; i < seqs.size(); i++) {
                assertThat(seqs.get(i))
                        .as(node.getKey().name() + " sequence after " + seqs.get(i - 1))
                        .isGreaterThan(seqs.get(i - 1));
            }
            Set<CallId> reportedLost = node.getValue().app.events().stream()
                    .filter(e -> e instanceof CallDisconnected d && d.cause() == Q850Cause.NETWORK_OUT_OF_ORDER)
                    .map(e -> ((CallEvent) e).call())
                    .collect(Collectors.toSet());
            try (EventJournal j = EventJournal.open(
                            node.getKey().journalDir(), RollCycles.FAST_HOURLY, 48, InstantSource.system());
                    EventJournal.Cursor c = j.cursor(seqs.get(0) - 1)) {
                long last = seqs.get(seqs.size() - 1);
                assertThat(j.lastSequence())
                        .as(node.getKey().name() + " journal end")
                        .isGreaterThanOrEqualTo(last);
                for (long s = seqs.get(0); s <= last; s++) {
                    Event journaled = c.next();
                    assertThat(journaled.getSequence()).isEqualTo(s);
                    HalEvent expected = EventCodec.decode(journaled, 0, 0);
                    HalEvent seen = node.getValue().bySequence.get(s);
                    if (seen == null) {
                        assertThat(expected)
                                .as(node.getKey().name() + " event " + s + " did not reach the Server's listener,"
                                        + " so it must be of a call reported lost")
                                .isInstanceOfSatisfying(CallEvent.class, e -> assertThat(reportedLost)
                                        .contains(e.call()));
                        continue;
                    }
                    assertThat(NodeLinkTest.withoutStamp(seen)).isEqualTo(expected);
                }
            }
        }
    }

    private RemoteBackend remote(NodeConfig node, Path tls, Seen seen) {
        RemoteBackend r = RemoteBackend.builder(
                        node.name(), "127.0.0.1", node.listen().getPort())
                .serverName("server1")
                .tls(TlsFiles.in(tls, "server1"))
                .heartbeat(Duration.ofMillis(200), Duration.ofMillis(1500))
                .maxReconnectDelay(Duration.ofMillis(500))
                .build();
        r.subscribe(seen.app, Runnable::run);
        r.subscribeNodeEvents(seen::node);
        return r;
    }

    private static void awaitEvents(RemoteBackend r, long sequence) {
        assertThat(r.awaitApplied(sequence, WAIT)).as("events from " + r.node()).isTrue();
    }

    private static ChannelId channel(String node, int ds0) {
        return new ChannelId(new SpanLocation(node, 0, 1), ds0);
    }

    private Path config(String name, Path tls, int port, String extra) throws IOException {
        Path file = dir.resolve(name + ".properties");
        Files.writeString(
                file,
                "node.name = " + name + "\nlisten.port = " + port + "\ntls.ca = " + tls.resolve("ca.pem")
                        + "\ntls.cert = " + tls.resolve(name + ".pem") + "\ntls.key = "
                        + tls.resolve(name + "-key.pem") + "\nservers = server1\njournal.dir = " + name
                        + "-journal\n" + extra);
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
