package org.stroom.ports.server;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.stroom.ports.hal.remote.CertificateAuthority;
import org.stroom.ports.hal.remote.PeerVerifier;
import org.stroom.ports.hal.remote.TlsFiles;

/**
 * A test installation in a temporary directory: certificates of one CA for every machine (and of a rogue CA for
 * a-server), a Mode 2 system description, and Server and Node configuration files.
 *
 * <pre>
 *  stroom-a: a-server (TR1034_1T1, local softport), a-node1, a-node2 (TR1034_1T1 each); hunt group "voice"
 *  stroom-b: b-server (TR1034_2T1, local softport), the passive backing stroom-a
 * </pre>
 */
final class Installation {
    static final String DESCRIPTION = """
            systems:
              - name: stroom-a
                machines:
                  - name: a-server
                    role: server
                    boards:
                      - model: TR1034_1T1
                        spans:
                          - {port: 1, circuit: DHEC.600101..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1}
                  - name: a-node1
                    role: node
                    boards:
                      - model: TR1034_1T1
                        spans:
                          - {port: 1, circuit: DHEC.600102..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1}
                  - name: a-node2
                    role: node
                    boards:
                      - model: TR1034_1T1
                        spans:
                          - {port: 1, circuit: DHEC.600103..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1}
                huntGroups:
                  - {name: voice, kind: VOICE, strategy: BALANCE_MACHINES, members: [a-server, a-node1, a-node2]}
                modules:
                  - {name: ivr, type: IVR_VOICE, pool: voice, busyHourAttempts: 200, holdingSeconds: 60, target: {blocking: 0.01}}
              - name: stroom-b
                machines:
                  - name: b-server
                    role: server
                    boards:
                      - model: TR1034_2T1
                        spans:
                          - {port: 1, circuit: DHEC.600201..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1}
                          - {port: 2, circuit: DHEC.600202..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 2}
                huntGroups:
                  - {name: voice, kind: VOICE, strategy: ROUND_ROBIN_UP, members: [b-server]}
            redundancy:
              mode: MODE_2
              backups:
                - {backup: stroom-b, covers: [stroom-a]}
            """;

    final Path dir;
    final Path tls;
    final Path rogue;
    final Path site;

    Installation(Path dir) {
        this.dir = dir;
        this.tls = dir.resolve("tls");
        this.rogue = dir.resolve("rogue");
        CertificateAuthority ca = CertificateAuthority.create("IT CA");
        ca.save(tls);
        for (String m : List.of("a-server", "b-server", "a-node1", "a-node2", "auditor")) {
            ca.issue(tls, m);
        }
        CertificateAuthority other = CertificateAuthority.create("other CA");
        other.save(rogue);
        other.issue(rogue, "b-server");
        this.site = write("site.yaml", DESCRIPTION);
    }

    /** A Server configuration for quick tests: short heartbeats, short failover count, short load window. */
    Path server(String name, String role, int port, int peerPort, String nodes, String extra) {
        String peer = name.equals("a-server") ? "b-server" : "a-server";
        String boards = name.equals("a-server") ? "TR1034_1T1" : "TR1034_2T1";
        return write(name + ".yaml", """
                server: {name: %s, role: %s, system: site.yaml}
                listen: {address: 127.0.0.1, port: %d}
                peer: {name: %s, host: 127.0.0.1, port: %d}
                tls: {dir: tls}
                nodes: %s
                nodeLink: {heartbeatInterval: 200ms, heartbeatTimeout: 1500ms, maxReconnectDelay: 500ms}
                local: {backend: softport, options: {softport.boards: %s}}
                journal: {dir: %s-journal}
                portManager: {machineTimeout: 30s, tickEvery: 200ms}
                monitor: {heartbeatInterval: 200ms, heartbeatTimeout: 150ms, warnAfterMisses: 2,
                          failoverAfterMisses: 5, failoverAfterRestartMisses: 50, waitToRestore: 1s}
                proofs: {dir: %s-proofs}
                load: {window: 1s, reportEvery: 300ms}
                %s
                """.formatted(name, role, port, peer, peerPort, nodes, boards, name, name, extra));
    }

    /** A Node configuration (properties, as hal-remote's NodeConfig reads them). */
    Path node(String name, int port, String extra) {
        return write(
                name + ".properties",
                "node.name = " + name + "\nlisten.port = " + port + "\ntls.dir = tls\nservers = a-server, auditor\n"
                        + "journal.dir = " + name + "-journal\n" + extra);
    }

    Path write(String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the digest of the state a Server's journal held at {@code index} (its entries up to it replayed)
     */
    static String digestAt(Path journalDir, long index) {
        org.stroom.ports.portmgr.alloc.PortManagerState state = new org.stroom.ports.portmgr.alloc.PortManagerState();
        var codec = org.stroom.ports.portmgr.core.PortManager.codec();
        try (var files = org.stroom.ports.portmgr.journal.ChronicleJournal.open(journalDir.resolve("port-manager"))) {
            new ResumeJournal(files).replay(org.stroom.ports.portmgr.journal.Journal.NO_INDEX, (i, payload) -> {
                if (i <= index) {
                    state.apply(codec.decode(payload));
                }
            });
        }
        return state.digest().hex();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A peer-link client that dials a-server at {@code port} presenting b-server's certificate from the rogue CA,
     * for the tests that check the refusal.
     *
     * @param port a-server's listen port
     * @return the connecting intruder; close it to stop its channel and thread
     */
    RoguePeer roguePeer(int port) {
        TlsFiles files =
                new TlsFiles(tls.resolve("ca.pem"), rogue.resolve("b-server.pem"), rogue.resolve("b-server-key.pem"));
        PeerVerifier verifier = Tls.serverVerifier(files, "a-server", InstantSource.system());
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        ManagedChannel channel = Tls.connect("b-server", "127.0.0.1", port, "a-server", files, verifier, ex);
        PeerLinkClient client = new PeerLinkClient(
                "b-server",
                "a-server",
                channel,
                ex,
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                InstantSource.system());
        return new RoguePeer(client, channel, ex);
    }

    /** A rogue peer-link client, its channel and its thread; {@link #close} stops all three. */
    record RoguePeer(PeerLinkClient client, ManagedChannel channel, ScheduledExecutorService executor)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                channel.shutdownNow();
                executor.shutdownNow();
            }
        }
    }
}
