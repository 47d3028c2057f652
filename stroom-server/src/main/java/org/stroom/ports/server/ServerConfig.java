package org.stroom.ports.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.openhft.chronicle.queue.RollCycles;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.cluster.MonitorSettings;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.Problem;
import org.stroom.ports.portmgr.config.YamlNode;
import org.stroom.ports.portmgr.config.YamlReader;

/**
 * How a Server runs: its name and role, the system description it belongs to, where it listens, its peer in a
 * Mode 2 pair, its TLS files, the Nodes it connects to, its own boards, its journal, the failover monitor's
 * settings and the promotion policy. Read from YAML by {@link #load(Path)} ({@code portman server --config FILE});
 * every problem is reported at once with its line and column. Example (docs/examples/servers/server-a.yaml):
 *
 * <pre>
 * server:
 *   name: a-server              # machine name: certificate name, and a server machine of the description
 *   role: active                # active | passive
 *   system: mode2.yaml          # the system description (machines, hunt groups, modules, the pair)
 * listen: {address: 127.0.0.1, port: 7543}      # default loopback: nothing reachable from outside
 * peer: {name: b-server, host: 10.0.0.21, port: 7543}   # the other Server of a Mode 2 pair
 * tls: {dir: tls}               # ca.pem, a-server.pem, a-server-key.pem (or ca:, cert:, key:)
 * nodes:
 *   - {name: a-node1, host: 10.0.0.11, port: 7443}
 * nodeLink: {heartbeatInterval: 1s, heartbeatTimeout: 5s, commandTimeout: 10s, maxReconnectDelay: 5s}
 * local: {backend: softport, allowSimulated: true, options: {softport.boards: TR1034_2T1}}
 * journal: {dir: journal, rollCycle: FAST_DAILY, snapshotEvery: 1000000, snapshotsKept: 2, retainCycles: 0}
 * portManager: {machineTimeout: 30s, tickEvery: 1s}
 * monitor: {heartbeatInterval: 2s, heartbeatTimeout: 1s, warnAfterMisses: 5, failoverAfterMisses: 15,
 *           failoverAfterRestartMisses: 30, waitToRestore: 5m, lockoutFailovers: 3, lockoutWindow: 24h,
 *           autoFailback: true, promoteOnControlledShutdown: true}
 * promotion: {autoPromoteDegraded: false}
 * proofs: {dir: proofs}
 * load: {window: 1h, reportEvery: 10s}
 * </pre>
 *
 * Durations are written {@code 250ms}, {@code 2s}, {@code 5m}, {@code 24h} (or ISO-8601, {@code PT2S}). Relative
 * paths are relative to the file's directory. Only {@code server}, {@code tls} and, for a passive, {@code peer}
 * are required.
 *
 * @param file the file read (for messages)
 * @param name this Server's machine name
 * @param role active or passive
 * @param system the system description file
 * @param listen address and port of this Server's peer and admin service
 * @param peer the other Server of the pair, if any
 * @param tls this Server's TLS files
 * @param nodes the Nodes to connect to, in order
 * @param nodeLink heartbeat and timeouts of the Node links
 * @param local this machine's own boards, if any
 * @param journalDir the port-manager journal directory
 * @param rollCycle a Chronicle {@code RollCycles} name for the journal's files
 * @param snapshotEvery the port manager snapshots its state (with each Node's resume point) after this many
 *     journaled inputs, into {@code journal.dir/snapshots}, so a restart replays only the journal after the newest
 *     snapshot; 0 turns snapshots off (a restart then replays the whole journal). Journal files are never deleted.
 * @param retainCycles 0 (the default) keeps every journal file; n &gt; 0 keeps the newest n roll-cycle files and
 *     deletes older ones once the oldest kept snapshot covers them. Only for a Server without a {@code peer}: the
 *     passive's hot-standby copy follows the active's journal from its first entry, so a Server of a pair keeps
 *     its whole journal. Needs {@code snapshotEvery} &gt; 0
 * @param snapshotsKept how many newest snapshots are kept (recovery falls back to an older one if the newest is
 *     damaged)
 * @param machineTimeout the port manager declares a machine down after this long without a heartbeat
 * @param tickEvery how often heartbeats and ticks enter the port manager
 * @param monitor the failover monitor's settings (used by a passive)
 * @param promotion when a passive promotes itself
 * @param proofsDir where takeover proofs and the proof signing key are kept
 * @param loadWindow the window over which an active measures its load for its passive
 * @param loadReportEvery how often an active sends its measured load
 *     <p>Thread-safety: immutable.
 */
public record ServerConfig(
        Path file,
        String name,
        Role role,
        Path system,
        InetSocketAddress listen,
        Optional<Peer> peer,
        TlsFiles tls,
        List<NodeAddress> nodes,
        NodeLink nodeLink,
        Optional<LocalBoards> local,
        Path journalDir,
        String rollCycle,
        long snapshotEvery,
        int snapshotsKept,
        int retainCycles,
        Duration machineTimeout,
        Duration tickEvery,
        MonitorSettings monitor,
        PromotionPolicy promotion,
        Path proofsDir,
        Duration loadWindow,
        Duration loadReportEvery) {
    /** Default port of a Server's peer and admin service. */
    public static final int DEFAULT_PORT = 7543;
    /** Default {@code journal.snapshotEvery}: inputs between two snapshots (about half a second of replay). */
    public static final int DEFAULT_SNAPSHOT_EVERY = 1_000_000;
    /** Default {@code journal.snapshotsKept}. */
    public static final int DEFAULT_SNAPSHOTS_KEPT = 2;

    /**
     * A Server's role in its pair.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Role {
        /** Serves the System; its passive connects to it. */
        ACTIVE,
        /** Stands by: follows the active's journal and monitors it; takes over when the policy allows. */
        PASSIVE
    }

    /**
     * The other Server of a Mode 2 pair.
     *
     * @param name its machine name (certificate name)
     * @param host host name or address
     * @param port its listen port
     *     <p>Thread-safety: immutable.
     */
    public record Peer(String name, String host, int port) {
        /** Checks for null. */
        public Peer {
            Objects.requireNonNull(name, "peer.name");
            Objects.requireNonNull(host, "peer.host");
        }
    }

    /**
     * A Node to connect to.
     *
     * @param name its machine name (certificate name, and a node machine of the description)
     * @param host host name or address
     * @param port its listen port
     *     <p>Thread-safety: immutable.
     */
    public record NodeAddress(String name, String host, int port) {
        /** Checks for null. */
        public NodeAddress {
            Objects.requireNonNull(name, "node.name");
            Objects.requireNonNull(host, "node.host");
        }
    }

    /**
     * Timing of the Node links (see RemoteBackend.Builder).
     *
     * @param heartbeatInterval between heartbeats
     * @param heartbeatTimeout silence after which a Node is unreachable
     * @param commandTimeout longest wait for a command's result
     * @param maxReconnectDelay longest wait between reconnection attempts
     *     <p>Thread-safety: immutable.
     */
    public record NodeLink(
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            Duration commandTimeout,
            Duration maxReconnectDelay) {
        /** @return 1 s, 5 s, 10 s, 5 s */
        public static NodeLink defaults() {
            return new NodeLink(
                    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
        }
    }

    /**
     * This Server's own boards, opened through hal-api.
     *
     * @param backend the backend id, or empty for the best real one available
     * @param allowSimulated whether the simulator may be chosen when no backend is named
     * @param options options for the backend provider (e.g. {@code softport.boards})
     *     <p>Thread-safety: immutable.
     */
    public record LocalBoards(Optional<String> backend, boolean allowSimulated, Map<String, String> options) {
        /** Copies the options. */
        public LocalBoards {
            Objects.requireNonNull(backend, "local.backend");
            options = Map.copyOf(options);
        }
    }

    /** Checks for null and copies the list. */
    public ServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(tls, "tls");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(nodeLink, "nodeLink");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(journalDir, "journalDir");
        if (snapshotEvery < 0 || snapshotsKept < 1) {
            throw new IllegalArgumentException("ServerConfig: journal.snapshotEvery " + snapshotEvery
                    + " must be >= 0 and journal.snapshotsKept " + snapshotsKept + " >= 1");
        }
        if (retainCycles < 0 || (retainCycles > 0 && (snapshotEvery == 0 || peer.isPresent()))) {
            throw new IllegalArgumentException("ServerConfig: journal.retainCycles " + retainCycles
                    + " must be >= 0, and > 0 only with journal.snapshotEvery > 0 and no peer");
        }
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(proofsDir, "proofsDir");
    }

    /**
     * Reads and checks a configuration file.
     *
     * @param file the YAML file
     * @return the configuration
     * @throws ServerConfigException listing every problem with its line and column
     */
    public static ServerConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ServerConfigException(
                    List.of(new Problem(file.toString(), 1, 1, "", "io", "the file does not exist", "check the path")));
        } catch (IOException e) {
            throw new ServerConfigException(List.of(new Problem(
                    file.toString(), 1, 1, "", "io", "cannot read the file: " + e.getMessage(), "check permissions")));
        }
        return parse(file, text);
    }

    /**
     * Reads YAML text; relative paths are resolved against {@code file}'s directory.
     *
     * @param file where the text comes from
     * @param text the YAML
     * @return the configuration
     * @throws ServerConfigException listing every problem with its line and column
     */
    public static ServerConfig parse(Path file, String text) {
        YamlNode root;
        try {
            root = YamlReader.read(file.toString(), text);
        } catch (DescriptionException e) {
            throw new ServerConfigException(e.problems());
        }
        return new Reader(file).read(root);
    }

    /** @return where the port manager's snapshots go: {@code journal.dir/snapshots} */
    public Path snapshotDir() {
        return journalDir.resolve("snapshots");
    }

    /** @return the address an admin client on this machine reaches the Server at */
    public InetSocketAddress adminAddress() {
        InetAddress a = listen.getAddress();
        return new InetSocketAddress(a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a, listen.getPort());
    }

    /** Walks the YAML tree, collecting problems. */
    private static final class Reader {
        private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
        private static final Pattern MACHINE = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

        private final Path file;
        private final Path dir;
        private final List<Problem> problems = new ArrayList<>();

        Reader(Path file) {
            this.file = file;
            Path parent = file.toAbsolutePath().getParent();
            this.dir = parent == null ? Path.of(".") : parent;
        }

        ServerConfig read(YamlNode root) {
            if (root.kind() != YamlNode.Kind.MAP) {
                problem(
                        root,
                        "",
                        "shape",
                        "the file is " + root.describe() + ", not a mapping",
                        "start with 'server:'");
                throw fail();
            }
            keys(
                    root,
                    "",
                    "server",
                    "listen",
                    "peer",
                    "tls",
                    "nodes",
                    "nodeLink",
                    "local",
                    "journal",
                    "portManager",
                    "monitor",
                    "promotion",
                    "proofs",
                    "load");
            YamlNode server = section(root, "server", true);
            keys(server, "server", "name", "role", "system");
            String name = machine(server, "server.name", true, "a-server");
            Role role = role(server);
            Path system = path(server, "server.system", null);

            YamlNode listenNode = section(root, "listen", false);
            keys(listenNode, "listen", "address", "port");
            InetSocketAddress listen = address(listenNode);

            YamlNode peerNode = section(root, "peer", role == Role.PASSIVE);
            keys(peerNode, "peer", "name", "host", "port");
            Optional<Peer> peer = Optional.empty();
            if (peerNode != null) {
                String peerName = machine(peerNode, "peer.name", true, "b-server");
                String host = text(peerNode, "peer.host", "127.0.0.1");
                int port = integer(peerNode, "peer.port", DEFAULT_PORT, 1, 65_535);
                if (peerName != null && peerName.equalsIgnoreCase(name)) {
                    problem(
                            at(peerNode, "name"),
                            "peer.name",
                            "peer",
                            "the peer is this Server itself",
                            "name the other Server of the pair");
                }
                peer = Optional.of(new Peer(peerName == null ? "?" : peerName, host, port));
            }

            YamlNode tlsNode = section(root, "tls", true);
            keys(tlsNode, "tls", "dir", "ca", "cert", "key");
            TlsFiles tls = tls(tlsNode, name);

            List<NodeAddress> nodes = nodes(root.fields().get("nodes"));

            YamlNode linkNode = section(root, "nodeLink", false);
            keys(linkNode, "nodeLink", "heartbeatInterval", "heartbeatTimeout", "commandTimeout", "maxReconnectDelay");
            NodeLink d = NodeLink.defaults();
            NodeLink nodeLink = new NodeLink(
                    duration(linkNode, "nodeLink.heartbeatInterval", d.heartbeatInterval()),
                    duration(linkNode, "nodeLink.heartbeatTimeout", d.heartbeatTimeout()),
                    duration(linkNode, "nodeLink.commandTimeout", d.commandTimeout()),
                    duration(linkNode, "nodeLink.maxReconnectDelay", d.maxReconnectDelay()));
            if (nodeLink.heartbeatTimeout()
                            .compareTo(nodeLink.heartbeatInterval().multipliedBy(2))
                    < 0) {
                problem(
                        at(linkNode, "heartbeatTimeout"),
                        "nodeLink.heartbeatTimeout",
                        "range",
                        "heartbeatTimeout " + nodeLink.heartbeatTimeout() + " is shorter than twice the interval "
                                + nodeLink.heartbeatInterval(),
                        "make it at least two intervals (three or more on a busy network)");
            }

            Optional<LocalBoards> local = local(section(root, "local", false));

            YamlNode journalNode = section(root, "journal", false);
            keys(journalNode, "journal", "dir", "rollCycle", "snapshotEvery", "snapshotsKept", "retainCycles");
            Path journalDir = path(journalNode, "journal.dir", "journal");
            String rollCycle = text(journalNode, "journal.rollCycle", "FAST_DAILY");
            try {
                RollCycles.valueOf(rollCycle);
            } catch (IllegalArgumentException e) {
                problem(
                        at(journalNode, "rollCycle"),
                        "journal.rollCycle",
                        "enum",
                        "'" + rollCycle + "' is not a Chronicle roll cycle",
                        "use e.g. FAST_DAILY or FAST_HOURLY");
            }
            int snapshotEvery =
                    integer(journalNode, "journal.snapshotEvery", DEFAULT_SNAPSHOT_EVERY, 0, Integer.MAX_VALUE);
            int snapshotsKept = integer(journalNode, "journal.snapshotsKept", DEFAULT_SNAPSHOTS_KEPT, 1, 100);
            int retainCycles = integer(journalNode, "journal.retainCycles", 0, 0, 100_000);
            if (retainCycles > 0 && peer.isPresent()) {
                problem(
                        at(journalNode, "retainCycles"),
                        "journal.retainCycles",
                        "pair",
                        "a Server with a peer keeps its whole journal: the passive's hot-standby copy follows the"
                                + " active's journal from its first entry",
                        "remove journal.retainCycles (or the peer section)");
            } else if (retainCycles > 0 && snapshotEvery == 0) {
                problem(
                        at(journalNode, "retainCycles"),
                        "journal.retainCycles",
                        "snapshots",
                        "journal files can only go once a snapshot covers them, and journal.snapshotEvery is 0",
                        "set journal.snapshotEvery > 0, or remove journal.retainCycles");
            }

            YamlNode pmNode = section(root, "portManager", false);
            keys(pmNode, "portManager", "machineTimeout", "tickEvery");
            Duration machineTimeout = duration(pmNode, "portManager.machineTimeout", Duration.ofSeconds(30));
            Duration tickEvery = duration(pmNode, "portManager.tickEvery", Duration.ofSeconds(1));

            MonitorSettings monitor = monitor(section(root, "monitor", false));

            YamlNode promotionNode = section(root, "promotion", false);
            keys(promotionNode, "promotion", "autoPromoteDegraded");
            PromotionPolicy promotion =
                    new PromotionPolicy(bool(promotionNode, "promotion.autoPromoteDegraded", false));

            YamlNode proofsNode = section(root, "proofs", false);
            keys(proofsNode, "proofs", "dir");
            Path proofs = path(proofsNode, "proofs.dir", "proofs");

            YamlNode loadNode = section(root, "load", false);
            keys(loadNode, "load", "window", "reportEvery");
            Duration loadWindow = duration(loadNode, "load.window", Duration.ofHours(1));
            Duration loadEvery = duration(loadNode, "load.reportEvery", Duration.ofSeconds(10));

            if (!problems.isEmpty()) {
                throw fail();
            }
            return new ServerConfig(
                    file,
                    name,
                    role,
                    system,
                    listen,
                    peer,
                    tls,
                    nodes,
                    nodeLink,
                    local,
                    journalDir,
                    rollCycle,
                    snapshotEvery,
                    snapshotsKept,
                    retainCycles,
                    machineTimeout,
                    tickEvery,
                    monitor,
                    promotion,
                    proofs,
                    loadWindow,
                    loadEvery);
        }

        private ServerConfigException fail() {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            return new ServerConfigException(sorted);
        }

        private Role role(YamlNode server) {
            String r = text(server, "server.role", null);
            if (r == null) {
                return Role.ACTIVE;
            }
            try {
                return Role.valueOf(r.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(
                        at(server, "role"),
                        "server.role",
                        "enum",
                        "'" + r + "' is not a role",
                        "use active or passive");
                return Role.ACTIVE;
            }
        }

        private InetSocketAddress address(YamlNode listen) {
            String address = text(listen, "listen.address", "127.0.0.1");
            int port = integer(listen, "listen.port", DEFAULT_PORT, 0, 65_535);
            try {
                return new InetSocketAddress(InetAddress.getByName(address), port);
            } catch (UnknownHostException e) {
                problem(
                        at(listen, "address"),
                        "listen.address",
                        "address",
                        "'" + address + "' is not a known address",
                        "give an address of this machine (127.0.0.1 for loopback only)");
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            }
        }

        private TlsFiles tls(YamlNode tls, String machine) {
            if (tls == null) {
                return new TlsFiles(dir, dir, dir);
            }
            Path d = path(tls, "tls.dir", null);
            String m = machine == null ? "server" : machine;
            Path ca = path(tls, "tls.ca", null);
            Path cert = path(tls, "tls.cert", null);
            Path key = path(tls, "tls.key", null);
            if (d == null && (ca == null || cert == null || key == null)) {
                problem(
                        tls,
                        "tls",
                        "required",
                        "neither tls.dir nor all of tls.ca, tls.cert and tls.key are given",
                        "give the directory portman certs wrote (ca.pem, " + m + ".pem, " + m + "-key.pem)");
                return new TlsFiles(dir, dir, dir);
            }
            TlsFiles inDir = d == null ? null : TlsFiles.in(d, m);
            return new TlsFiles(
                    ca != null ? ca : inDir.ca(),
                    cert != null ? cert : inDir.certificate(),
                    key != null ? key : inDir.privateKey());
        }

        private List<NodeAddress> nodes(YamlNode list) {
            List<NodeAddress> out = new ArrayList<>();
            if (list == null || list.kind() == YamlNode.Kind.NULL) {
                return out;
            }
            if (list.kind() != YamlNode.Kind.LIST) {
                problem(list, "nodes", "shape", "nodes is " + list.describe() + ", not a list", "list the Nodes");
                return out;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode n = list.items().get(i);
                String path = "nodes[" + i + "]";
                if (n.kind() != YamlNode.Kind.MAP) {
                    problem(n, path, "shape", "is " + n.describe(), "write {name: node1, host: 10.0.0.11, port: 7443}");
                    continue;
                }
                keys(n, path, "name", "host", "port");
                String name = machine(n, path + ".name", true, "node1");
                String host = text(n, path + ".host", null);
                if (host == null) {
                    problem(n, path + ".host", "required", "the Node's host is missing", "give its address");
                }
                int port = integer(n, path + ".port", 7443, 1, 65_535);
                if (name != null && !seen.add(name.toLowerCase(Locale.ROOT))) {
                    problem(at(n, "name"), path + ".name", "unique", "Node " + name + " is listed twice", "list once");
                }
                if (name != null && host != null) {
                    out.add(new NodeAddress(name, host, port));
                }
            }
            return out;
        }

        private Optional<LocalBoards> local(YamlNode local) {
            if (local == null) {
                return Optional.empty();
            }
            keys(local, "local", "backend", "allowSimulated", "options");
            String backend = text(local, "local.backend", null);
            boolean allowSimulated = bool(local, "local.allowSimulated", false);
            Map<String, String> options = new LinkedHashMap<>();
            YamlNode o = local.fields().get("options");
            if (o != null && o.kind() == YamlNode.Kind.MAP) {
                o.fields().forEach((k, v) -> {
                    if (v.kind() == YamlNode.Kind.SCALAR) {
                        options.put(k, v.text());
                    } else {
                        problem(v, "local.options." + k, "shape", "is " + v.describe(), "give a single value");
                    }
                });
            } else if (o != null && o.kind() != YamlNode.Kind.NULL) {
                problem(o, "local.options", "shape", "is " + o.describe() + ", not a mapping", "write key: value");
            }
            return Optional.of(
                    new LocalBoards(Optional.ofNullable(backend).filter(b -> !b.isBlank()), allowSimulated, options));
        }

        private MonitorSettings monitor(YamlNode m) {
            MonitorSettings d = MonitorSettings.defaults();
            if (m == null) {
                return d;
            }
            keys(
                    m,
                    "monitor",
                    "heartbeatInterval",
                    "heartbeatTimeout",
                    "warnAfterMisses",
                    "failoverAfterMisses",
                    "failoverAfterRestartMisses",
                    "waitToRestore",
                    "lockoutFailovers",
                    "lockoutWindow",
                    "autoFailback",
                    "promoteOnControlledShutdown");
            try {
                return new MonitorSettings(
                        duration(m, "monitor.heartbeatInterval", d.heartbeatInterval()),
                        duration(m, "monitor.heartbeatTimeout", d.heartbeatTimeout()),
                        integer(m, "monitor.warnAfterMisses", d.warnAfterMisses(), 1, 1_000_000),
                        integer(m, "monitor.failoverAfterMisses", d.failoverAfterMisses(), 1, 1_000_000),
                        integer(m, "monitor.failoverAfterRestartMisses", d.failoverAfterRestartMisses(), 1, 1_000_000),
                        duration(m, "monitor.waitToRestore", d.waitToRestore()),
                        integer(m, "monitor.lockoutFailovers", d.lockoutFailovers(), 1, 1_000_000),
                        duration(m, "monitor.lockoutWindow", d.lockoutWindow()),
                        bool(m, "monitor.autoFailback", d.autoFailback()),
                        bool(m, "monitor.promoteOnControlledShutdown", d.promoteOnControlledShutdown()));
            } catch (IllegalArgumentException e) {
                problem(m, "monitor", "range", e.getMessage(), "correct the monitor settings");
                return d;
            }
        }

        // ---------------------------------------------------------------- scalar helpers

        private YamlNode section(YamlNode parent, String key, boolean required) {
            YamlNode n = parent.fields().get(key);
            if (n == null || n.kind() == YamlNode.Kind.NULL) {
                if (required) {
                    problem(parent, key, "required", "'" + key + "' is missing", "add the '" + key + ":' section");
                }
                return null;
            }
            if (n.kind() != YamlNode.Kind.MAP) {
                problem(n, key, "shape", "'" + key + "' is " + n.describe() + ", not a mapping", "write key: value");
                return null;
            }
            return n;
        }

        private void keys(YamlNode map, String path, String... allowed) {
            if (map == null) {
                return;
            }
            Set<String> ok = Set.of(allowed);
            for (String k : map.fields().keySet()) {
                if (!ok.contains(k)) {
                    int[] p = map.keyPosition(k);
                    problems.add(new Problem(
                            file.toString(),
                            p[0],
                            p[1],
                            path.isEmpty() ? k : path + "." + k,
                            "unknown-key",
                            "unknown key '" + k + "'",
                            "use one of " + List.of(allowed)));
                }
            }
        }

        private YamlNode scalar(YamlNode map, String path) {
            if (map == null) {
                return null;
            }
            YamlNode n = map.fields().get(last(path));
            if (n == null || n.kind() == YamlNode.Kind.NULL) {
                return null;
            }
            if (n.kind() != YamlNode.Kind.SCALAR) {
                problem(n, path, "shape", "is " + n.describe() + ", not a single value", "give one value");
                return null;
            }
            return n;
        }

        private String text(YamlNode map, String path, String fallback) {
            YamlNode n = scalar(map, path);
            return n == null ? fallback : n.text().strip();
        }

        private String machine(YamlNode map, String path, boolean required, String example) {
            YamlNode n = scalar(map, path);
            if (n == null) {
                if (required && map != null) {
                    problem(map, path, "required", "'" + path + "' is missing", "give a machine name, e.g. " + example);
                }
                return null;
            }
            String v = n.text().strip();
            if (!MACHINE.matcher(v).matches()) {
                problem(
                        n,
                        path,
                        "machine-name",
                        "'" + v + "' is not a machine name",
                        "use letters, digits, hyphens and dots, as in the certificate");
                return null;
            }
            return v;
        }

        private int integer(YamlNode map, String path, int fallback, int min, int max) {
            YamlNode n = scalar(map, path);
            if (n == null) {
                return fallback;
            }
            try {
                int v = Integer.parseInt(n.text().strip());
                if (v < min || v > max) {
                    problem(n, path, "range", v + " is outside " + min + ".." + max, "give a value in that range");
                    return fallback;
                }
                return v;
            } catch (NumberFormatException e) {
                problem(n, path, "number", "'" + n.text() + "' is not a whole number", "give a whole number");
                return fallback;
            }
        }

        private boolean bool(YamlNode map, String path, boolean fallback) {
            YamlNode n = scalar(map, path);
            if (n == null) {
                return fallback;
            }
            String v = n.text().strip().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            problem(n, path, "boolean", "'" + n.text() + "' is not true or false", "write true or false");
            return fallback;
        }

        private Duration duration(YamlNode map, String path, Duration fallback) {
            YamlNode n = scalar(map, path);
            if (n == null) {
                return fallback;
            }
            String v = n.text().strip();
            Duration d = null;
            Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                double amount = Double.parseDouble(m.group(1));
                double millis =
                        switch (m.group(2)) {
                            case "ms" -> amount;
                            case "s" -> amount * 1_000;
                            case "m" -> amount * 60_000;
                            case "h" -> amount * 3_600_000;
                            default -> amount * 86_400_000;
                        };
                d = Duration.ofNanos(Math.round(millis * 1_000_000));
            } else {
                try {
                    d = Duration.parse(v);
                } catch (DateTimeParseException e) {
                    d = null;
                }
            }
            if (d == null || d.isNegative() || d.isZero()) {
                problem(
                        n,
                        path,
                        "duration",
                        "'" + v + "' is not a positive duration",
                        "write e.g. 250ms, 2s, 5m or 1h");
                return fallback;
            }
            return d;
        }

        private Path path(YamlNode map, String path, String fallback) {
            String v = text(map, path, fallback);
            if (v == null) {
                if (fallback == null && map != null && path.equals("server.system")) {
                    problem(
                            map,
                            path,
                            "required",
                            "'server.system' is missing",
                            "give the system description file (the format of docs/examples/mode2.yaml)");
                }
                return null;
            }
            Path p = Path.of(v);
            return p.isAbsolute() ? p : dir.resolve(p).normalize();
        }

        private static String last(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }

        private static YamlNode at(YamlNode map, String key) {
            YamlNode n = map.fields().get(key);
            return n == null ? map : n;
        }

        private void problem(YamlNode at, String field, String rule, String message, String fix) {
            problems.add(new Problem(file.toString(), at.line(), at.column(), field, rule, message, fix));
        }
    }
}
