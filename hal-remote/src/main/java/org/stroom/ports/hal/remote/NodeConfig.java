package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * How a Node runs: its name, where it listens, its TLS files, which Servers may connect, its event
 * journal and which hal-api backend it serves. Read from a properties file by {@link #load(Path)}
 * ({@code portman node --config FILE}); see docs/deployment.md for an example.
 *
 * <pre>
 *   node.name            = node1                 # machine name, as in its certificate
 *   listen.address       = 127.0.0.1             # default: loopback only
 *   listen.port          = 7443                  # 0: any free port
 *   tls.dir              = tls                   # ca.pem, node1.pem, node1-key.pem
 *   servers              = server1, server2      # certificate names allowed to connect
 *   journal.dir          = journal
 *   journal.rollCycle    = FAST_HOURLY           # a Chronicle RollCycles name
 *   journal.retainCycles = 48                    # files kept
 *   journal.maxReplay    = 10000000              # beyond this gap a Server gets a snapshot; default unlimited
 *   link.sendWindow      = 65536                 # events sent beyond the last acknowledgement
 *   backend              = dialogic              # empty: the best real backend available
 *   backend.allowSimulated = false
 *   backend.softport.boards = TR1034_4T1         # any other backend.* key goes to the provider
 * </pre>
 *
 * Relative paths are resolved against the directory of the configuration file.
 *
 * @param name the Node's machine name
 * @param listen the address and port to listen on
 * @param tls the Node's TLS files
 * @param servers machine names of the Servers allowed to connect (lower case)
 * @param journalDir the event journal directory
 * @param rollCycle the name of a Chronicle {@code RollCycles} constant
 * @param retainCycles journal files kept, ≥ 1
 * @param maxReplay the largest gap (in events) replayed to a reconnecting Server; beyond it the
 *     Server gets a snapshot
 * @param sendWindow events sent beyond the Server's last acknowledgement, ≥ 1
 * @param backend the hal-api backend id to serve, or empty for the best available
 * @param allowSimulated whether the simulator may be chosen when {@code backend} is empty
 * @param backendProperties options passed to the backend provider
 *     <p>Thread-safety: immutable.
 */
public record NodeConfig(
        String name,
        InetSocketAddress listen,
        TlsFiles tls,
        Set<String> servers,
        Path journalDir,
        String rollCycle,
        int retainCycles,
        long maxReplay,
        int sendWindow,
        Optional<String> backend,
        boolean allowSimulated,
        Map<String, String> backendProperties) {
    /** Default port of a Node. */
    public static final int DEFAULT_PORT = 7443;

    /** Validates every field. */
    public NodeConfig {
        CertificateAuthority.checkMachine(name);
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(journalDir, "journalDir");
        Objects.requireNonNull(backend, "backend");
        Set<String> lower = new LinkedHashSet<>();
        for (String s : servers) {
            CertificateAuthority.checkMachine(s);
            lower.add(s.toLowerCase(Locale.ROOT));
        }
        if (lower.isEmpty()) {
            throw new IllegalArgumentException(
                    "node " + name + ": no servers are allowed to connect; list their machine names in 'servers'");
        }
        servers = Set.copyOf(lower);
        rollCycle(rollCycle);
        if (retainCycles < 1) {
            throw new IllegalArgumentException(
                    "node " + name + ": journal.retainCycles " + retainCycles + " must be >= 1");
        }
        if (maxReplay < 0) {
            throw new IllegalArgumentException("node " + name + ": journal.maxReplay " + maxReplay + " is negative");
        }
        if (sendWindow < 1) {
            throw new IllegalArgumentException("node " + name + ": link.sendWindow " + sendWindow + " must be >= 1");
        }
        backendProperties = Map.copyOf(backendProperties);
    }

    /**
     * A configuration with the defaults: listening on loopback port 0 (any free port), files rolled
     * hourly and kept 48 cycles, unlimited replay, a window of 65,536 events, the best real backend.
     *
     * @param name the Node's machine name
     * @param tls its TLS files
     * @param servers Servers allowed to connect
     * @param journalDir the journal directory
     * @return the configuration
     */
    public static NodeConfig of(String name, TlsFiles tls, Set<String> servers, Path journalDir) {
        return new NodeConfig(
                name,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                tls,
                servers,
                journalDir,
                "FAST_HOURLY",
                48,
                Long.MAX_VALUE,
                65_536,
                Optional.empty(),
                false,
                Map.of());
    }

    /** @return a copy listening on {@code address} */
    public NodeConfig withListen(InetSocketAddress address) {
        return new NodeConfig(
                name,
                address,
                tls,
                servers,
                journalDir,
                rollCycle,
                retainCycles,
                maxReplay,
                sendWindow,
                backend,
                allowSimulated,
                backendProperties);
    }

    /** @return a copy that replays at most {@code events} to a reconnecting Server */
    public NodeConfig withMaxReplay(long events) {
        return new NodeConfig(
                name,
                listen,
                tls,
                servers,
                journalDir,
                rollCycle,
                retainCycles,
                events,
                sendWindow,
                backend,
                allowSimulated,
                backendProperties);
    }

    /** @return a copy with the given journal rolling */
    public NodeConfig withJournal(String rollCycle, int retainCycles) {
        return new NodeConfig(
                name,
                listen,
                tls,
                servers,
                journalDir,
                rollCycle,
                retainCycles,
                maxReplay,
                sendWindow,
                backend,
                allowSimulated,
                backendProperties);
    }

    /** @return a copy serving the backend {@code id} with these provider options */
    public NodeConfig withBackend(String id, Map<String, String> properties) {
        return new NodeConfig(
                name,
                listen,
                tls,
                servers,
                journalDir,
                rollCycle,
                retainCycles,
                maxReplay,
                sendWindow,
                Optional.of(id),
                allowSimulated,
                properties);
    }

    /**
     * Reads a configuration file (Java properties, UTF-8).
     *
     * @param file the file
     * @return the configuration
     * @throws IllegalArgumentException naming the file and key of the first problem
     */
    public static NodeConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("node config " + file + " cannot be read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(p, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param p the properties, with the keys listed on this class
     * @param base the directory relative paths are resolved against
     * @return the configuration
     * @throws IllegalArgumentException naming the key of the first problem
     */
    public static NodeConfig parse(Properties p, Path base) {
        String name = required(p, "node.name");
        String address = p.getProperty("listen.address", "127.0.0.1").strip();
        int port = (int) number(p, "listen.port", DEFAULT_PORT, 0, 65_535);
        InetSocketAddress listen;
        try {
            listen = new InetSocketAddress(InetAddress.getByName(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("listen.address '" + address + "' is not a known address", e);
        }
        TlsFiles tls;
        if (p.getProperty("tls.dir") != null) {
            tls = TlsFiles.in(base.resolve(p.getProperty("tls.dir").strip()), name);
        } else {
            tls = new TlsFiles(
                    base.resolve(required(p, "tls.ca")),
                    base.resolve(required(p, "tls.cert")),
                    base.resolve(required(p, "tls.key")));
        }
        Set<String> servers = new LinkedHashSet<>();
        Arrays.stream(required(p, "servers").split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(servers::add);
        Path journal = base.resolve(required(p, "journal.dir"));
        String backend = p.getProperty("backend", "").strip();
        Map<String, String> props = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("backend.") && !key.equals("backend.allowSimulated")) {
                props.put(key.substring("backend.".length()), p.getProperty(key).strip());
            }
        }
        return new NodeConfig(
                name,
                listen,
                tls,
                servers,
                journal,
                p.getProperty("journal.rollCycle", "FAST_HOURLY").strip(),
                (int) number(p, "journal.retainCycles", 48, 1, Integer.MAX_VALUE),
                number(p, "journal.maxReplay", Long.MAX_VALUE, 0, Long.MAX_VALUE),
                (int) number(p, "link.sendWindow", 65_536, 1, Integer.MAX_VALUE),
                backend.isEmpty() ? Optional.empty() : Optional.of(backend),
                Boolean.parseBoolean(
                        p.getProperty("backend.allowSimulated", "false").strip()),
                props);
    }

    /** @return the Chronicle roll cycle named by {@link #rollCycle()} */
    RollCycle chronicleRollCycle() {
        return rollCycle(rollCycle);
    }

    private static RollCycle rollCycle(String name) {
        try {
            return RollCycles.valueOf(Objects.requireNonNull(name, "rollCycle").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "journal.rollCycle '" + name + "' is not one of " + Arrays.toString(RollCycles.values()));
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return v.strip();
    }

    private static long number(Properties p, String key, long dflt, long min, long max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n < min || n > max) {
                throw new IllegalArgumentException("'" + key + "' = " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' = '" + v.strip() + "' is not a whole number", e);
        }
    }
}
