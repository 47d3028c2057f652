package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.remote.ChildJvm;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.remote.TrafficNode;
import org.stroom.ports.portmgr.alloc.HalInputs;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.core.Codec;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.server.proto.MachineCounts;
import org.stroom.ports.server.proto.NodeLink;
import org.stroom.ports.server.proto.StatusReply;

/**
 * Real processes on loopback with mutual TLS: a Server ({@link ServerMain}) and two Node JVMs with traffic
 * ({@link TrafficNode}), a Node and then the Server killed with SIGKILL mid-traffic and restarted; and a Mode 2
 * pair whose active is killed with SIGKILL.
 */
@Timeout(170)
class ServerProcessesIT {
    // generous: child JVMs start Chronicle, gRPC and softport, slowly on a loaded 2-core machine
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String N1 = "a-node1";
    static final String N2 = "a-node2";

    @TempDir
    Path dir;

    @Test
    void nodesAndTheServerKilledMidTrafficLoseNoEventAndApplyNoneTwice() throws Exception {
        Installation site = new Installation(dir);
        int p1 = Installation.freePort();
        int p2 = Installation.freePort();
        String traffic = "traffic.speed = 20\ntraffic.callsPerHour = 3000\ntraffic.holdSeconds = 20\n";
        Path node1 = site.node(N1, p1, traffic + "traffic.seed = 7\ntraffic.circuit = SOFT-" + N1 + "\n");
        Path node2 = site.node(N2, p2, traffic + "traffic.seed = 8\ntraffic.circuit = SOFT-" + N2 + "\n");
        Path serverFile = site.server(
                "a-server",
                "active",
                Installation.freePort(),
                Installation.freePort(),
                "[{name: " + N1 + ", host: 127.0.0.1, port: " + p1 + "}, {name: " + N2 + ", host: 127.0.0.1, port: "
                        + p2 + "}]",
                "");
        ServerConfig config = ServerConfig.load(serverFile);
        ChildJvm n1 = ChildJvm.start(dir, N1 + "-1", TrafficNode.class, node1);
        ChildJvm n2 = ChildJvm.start(dir, N2 + "-1", TrafficNode.class, node2);
        ChildJvm server = ChildJvm.start(dir, "a-server-1", ServerMain.class, serverFile);
        try {
            server.awaitLog("server a-server ACTIVE on", WAIT);
            Map<String, Long> journaled = awaitTraffic(config, server, Map.of(N1, 50L, N2, 50L));

            // kill -9 a Node mid-traffic: its channels become unusable, its calls are reported lost
            n1.kill();
            StatusReply down = await(config, server, "node-1 unreachable, its channels unusable", s -> {
                NodeLink n = node(s, N1);
                MachineCounts m = machine(s, N1);
                return !n.getReachable() && m.getBusy() == 0 && m.getUnusable() == m.getTotal();
            });
            assertThat(machine(down, N1).getTotal()).isEqualTo(23);
            n1 = ChildJvm.start(dir, N1 + "-2", TrafficNode.class, node1);
            long before = node(down, N1).getJournaled();
            await(config, server, "node-1 back, its channels reconciled", s -> {
                NodeLink n = node(s, N1);
                return n.getReachable()
                        && n.getJournaled() > before + 20
                        && machine(s, N1).getUnusable() == 0;
            });

            // kill -9 the Server mid-traffic: the new one resumes each Node after the last event it journaled
            journaled = awaitTraffic(config, server, Map.of(N1, before + 40, N2, journaled.get(N2) + 40));
            server.kill();
            server = ChildJvm.start(dir, "a-server-2", ServerMain.class, serverFile);
            server.awaitLog("server a-server ACTIVE on", WAIT);
            assertThat(server.log()).contains("resuming after its event");
            awaitTraffic(config, server, Map.of(N1, journaled.get(N1) + 40, N2, journaled.get(N2) + 40));

            // a passive with a certificate from another CA is refused, and the Server logs why
            rogueConnects(site, config.listen().getPort(), server);
            assertThat(server.log()).contains("does not chain to the configured CA 'CN=IT CA");

            server.stop(); // SIGTERM: a clean stop
            verifyExactlyOnce(site, Map.of(N1, p1, N2, p2));
        } finally {
            server.stop();
            n1.stop();
            n2.stop();
        }
    }

    @Test
    void killNineOfTheActiveIsDetectedAfterTheMissCountAndThePassivePromotesWithAProofThatVerifies() throws Exception {
        Installation site = new Installation(dir);
        int pa = Installation.freePort();
        int pb = Installation.freePort();
        Path aFile = site.server("a-server", "active", pa, pb, "[]", "");
        Path bFile = site.server("b-server", "passive", pb, pa, "[]", "");
        ServerConfig a = ServerConfig.load(aFile);
        ServerConfig b = ServerConfig.load(bFile);
        ChildJvm active = ChildJvm.start(dir, "a-server", ServerMain.class, aFile);
        ChildJvm passive = ChildJvm.start(dir, "b-server", ServerMain.class, bFile);
        try {
            active.awaitLog("server a-server ACTIVE on", WAIT);
            passive.awaitLog("server b-server STANDBY on", WAIT);
            try (AdminClient adminA = new AdminClient(a, Duration.ofSeconds(10));
                    AdminClient adminB = new AdminClient(b, Duration.ofSeconds(10))) {
                Eventually.await(
                        "the passive monitors the active and follows its journal and load",
                        WAIT,
                        () -> {
                            StatusReply sa = adminA.status();
                            StatusReply sb = adminB.status();
                            return sb.getMonitorState().equals("OK")
                                    && sb.getFailoverAfter() == 5
                                    && sb.getStandbyIndex() >= sa.getJournalIndex()
                                    && sb.getMeasurements() == 1;
                        },
                        () -> active.log() + passive.log());

                active.kill();
                StatusReply promoted = await(b, passive, "the passive promotes itself", s -> s.getRole()
                        .equals("PROMOTED"));
                assertThat(promoted.getMonitorState()).isEqualTo("FAILURE");
                // its copy is the state the dead active's journal held at the copy's last index
                assertThat(promoted.getStandbyDigest())
                        .isEqualTo(Installation.digestAt(dir.resolve("a-server-journal"), promoted.getStandbyIndex()));
                Path proof = Path.of(promoted.getLastProof());
                assertThat(proof.getFileName().toString()).endsWith("-PASS-promoted.json");
                assertThat(ProofArchive.verify(proof, b.proofsDir().resolve(ProofArchive.PUBLIC_KEY)))
                        .isTrue();
                Path text = proof.resolveSibling(proof.getFileName().toString().replace(".json", ".txt"));
                assertThat(Files.readString(text, StandardCharsets.UTF_8))
                        .contains("cause: MISSED_HEARTBEATS: 5 consecutive missed heartbeats")
                        .contains("VERDICT: PASS")
                        .contains("Decision: PROMOTE (automatic)");
                assertThat(passive.log()).contains("PROMOTED, taking over from a-server");
                // a tampered proof does not verify
                Path forged = dir.resolve("forged.json");
                Files.writeString(
                        forged, Files.readString(proof, StandardCharsets.UTF_8).replace("PASS", "FAIL"));
                assertThat(ProofArchive.verify(forged, b.proofsDir().resolve(ProofArchive.PUBLIC_KEY)))
                        .isFalse();
            }
        } finally {
            active.stop();
            passive.stop();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static StatusReply await(
            ServerConfig config, ChildJvm process, String what, java.util.function.Predicate<StatusReply> ok) {
        StatusReply[] last = new StatusReply[1];
        try (AdminClient admin = new AdminClient(config, Duration.ofSeconds(10))) {
            Eventually.await(
                    what,
                    WAIT,
                    () -> {
                        StatusReply s = admin.status();
                        last[0] = s;
                        return ok.test(s);
                    },
                    () -> (last[0] == null ? "no status" : last[0].getText()) + "\n" + tail(process.log()));
        }
        return last[0];
    }

    /** Waits until each Node's last journaled sequence is at least the given one; returns them. */
    private static Map<String, Long> awaitTraffic(ServerConfig config, ChildJvm server, Map<String, Long> atLeast) {
        StatusReply s = await(config, server, "traffic journaled " + atLeast, r -> {
            for (Map.Entry<String, Long> e : atLeast.entrySet()) {
                NodeLink n = node(r, e.getKey());
                if (!n.getReachable() || n.getJournaled() < e.getValue()) {
                    return false;
                }
            }
            return true;
        });
        Map<String, Long> out = new HashMap<>();
        for (NodeLink n : s.getNodesList()) {
            out.put(n.getNode(), n.getJournaled());
        }
        return out;
    }

    private static NodeLink node(StatusReply s, String name) {
        return s.getNodesList().stream()
                .filter(n -> n.getNode().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static MachineCounts machine(StatusReply s, String name) {
        return s.getMachinesList().stream()
                .filter(m -> m.getMachine().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    private static void rogueConnects(Installation site, int port, ChildJvm server) {
        try (Installation.RoguePeer intruder = site.roguePeer(port)) {
            server.awaitLog("TLS: refused client", WAIT);
            assertThat(intruder.client().connected()).isFalse();
        }
    }

    /** One entry of the Server's journal. */
    private record Entry(long index, Input input, NodeMark mark) {}

    /**
     * Every Node event between the first and the last one the Server journaled is in the journal exactly once,
     * as the input it maps to, unless it belongs to a call the Server had already reported lost (the backend
     * drops those); no Node sequence appears twice.
     */
    private void verifyExactlyOnce(Installation site, Map<String, Integer> ports) throws Exception {
        List<Entry> entries = new ArrayList<>();
        Codec<Input> codec = PortManager.codec();
        try (ChronicleJournal j =
                ChronicleJournal.open(dir.resolve("a-server-journal").resolve("port-manager"))) {
            j.replay(Journal.NO_INDEX, (index, payload) -> {
                ResumeJournal.Entry e = ResumeJournal.entry(index, payload);
                entries.add(new Entry(index, codec.decode(e.input()), e.mark()));
            });
        }
        for (Map.Entry<String, Integer> node : ports.entrySet()) {
            String n = node.getKey();
            Map<Long, Input> marked = new HashMap<>();
            Set<Long> lostCalls = new HashSet<>();
            long previous = 0;
            String journalId = null;
            for (Entry e : entries) {
                if (e.mark() != null && e.mark().node().equals(n)) {
                    assertThat(e.mark().sequence())
                            .as(n + " sequence after " + previous + " (journal index " + e.index() + ")")
                            .isGreaterThan(previous);
                    previous = e.mark().sequence();
                    journalId = e.mark().journalId();
                    marked.put(e.mark().sequence(), e.input().withAtNanos(0));
                } else if (e.mark() == null
                        && e.input() instanceof Input.CallEnded c
                        && c.channel().span().machine().equals(n)) {
                    lostCalls.add(c.callId());
                }
            }
            assertThat(marked).as(n + " events journaled").hasSizeGreaterThan(100);
            long first =
                    marked.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = previous;
            Map<Long, HalEvent> events = nodeJournal(site, n, ports.get(n), journalId, last);
            int checked = 0;
            int suppressed = 0;
            for (long seq = first; seq <= last; seq++) {
                HalEvent ev = events.get(seq);
                assertThat(ev).as(n + " event " + seq + " read back").isNotNull();
                Optional<Input> expected = HalInputs.from(ev, n, 0);
                if (expected.isEmpty()) {
                    assertThat(marked)
                            .as(n + " event " + seq + " maps to no input")
                            .doesNotContainKey(seq);
                    continue;
                }
                if (marked.containsKey(seq)) {
                    assertThat(marked.get(seq)).as(n + " event " + seq).isEqualTo(expected.get());
                    checked++;
                } else {
                    long call = expected.get() instanceof Input.CallActive a
                            ? a.callId()
                            : expected.get() instanceof Input.CallEnded c ? c.callId() : -1;
                    assertThat(lostCalls)
                            .as(n + " event " + seq + " (" + ev + ") is not in the Server's journal, and its call was"
                                    + " not reported lost")
                            .contains(call);
                    suppressed++;
                }
            }
            assertThat(checked).as(n + " events checked").isGreaterThan(100);
            System.out.printf(
                    "%s: Node events %d..%d: %d inputs journaled once each, %d of calls already reported lost%n",
                    n, first, last, checked, suppressed);
        }
    }

    /** Every event of a Node's journal up to {@code last}, read through a link of a Server named "auditor". */
    private static Map<Long, HalEvent> nodeJournal(
            Installation site, String node, int port, String journal, long last) {
        Map<Long, HalEvent> events = new java.util.concurrent.ConcurrentHashMap<>();
        try (RemoteBackend auditor = RemoteBackend.builder(node, "127.0.0.1", port)
                .serverName("auditor")
                .tls(TlsFiles.in(site.tls, "auditor"))
                .resumeAfter(journal, 0)
                .build()) {
            auditor.subscribeNodeEvents(events::put);
            assertThat(auditor.awaitApplied(last, WAIT))
                    .as("auditor read " + node + "'s journal up to " + last + ": " + auditor.status())
                    .isTrue();
        }
        return events;
    }
}
