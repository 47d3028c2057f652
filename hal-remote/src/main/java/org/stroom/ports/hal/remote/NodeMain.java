package org.stroom.ports.hal.remote;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.Hal;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.t1.NanoClock;

/**
 * Runs a Node process: reads a {@link NodeConfig} file, opens the configured hal-api backend (found
 * with {@link java.util.ServiceLoader}) and serves it to the Server with {@link NodeServer} until the
 * process is stopped (SIGTERM runs a shutdown hook that closes the server, the journal and the
 * backend; after {@code kill -9} the journal is still consistent and the next start resumes it).
 *
 * <pre>
 *   java ${jvm.flags.chronicle} -cp ... org.stroom.ports.hal.remote.NodeMain --config /etc/portman/node1.properties
 * </pre>
 *
 * <p>When serving, it prints one line to standard output: {@code node <name> serving <backend> on
 * <address>:<port> (journal <id>, incarnation <n>, last event <seq>)}. Exit status 2 for bad
 * arguments, 1 when the configuration or the backend cannot be used.
 *
 * <p>Thread-safety: the static methods may be called from any thread.
 */
public final class NodeMain {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMain.class);

    private NodeMain() {}

    /**
     * @param args {@code --config FILE}
     */
    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: NodeMain --config FILE   (see docs/deployment.md for the file's keys)");
            System.exit(2);
            return;
        }
        NodeConfig config;
        HalBackend backend;
        try {
            config = NodeConfig.load(Path.of(args[1]));
            backend = open(config);
        } catch (RuntimeException e) {
            System.err.println("node: " + e.getMessage());
            System.exit(1);
            return;
        }
        NodeServer server;
        try {
            server = serve(config, backend, System.out);
        } catch (RuntimeException e) {
            System.err.println("node " + config.name() + ": " + e.getMessage());
            backend.close();
            System.exit(1);
            return;
        }
        runUntilStopped(server, backend);
    }

    /**
     * Opens the backend a configuration names (or the best available one).
     *
     * @return the opened backend; the caller closes it
     * @throws org.stroom.ports.hal.api.NoBackendException listing what was tried
     */
    public static HalBackend open(NodeConfig config) {
        BackendOptions options = new BackendOptions(config.backendProperties(), NanoClock.system(), config.name());
        Hal.Selection selection = config.backend()
                .map(id -> Hal.Selection.named(id, options))
                .orElse(Hal.Selection.best(config.allowSimulated(), options));
        return Hal.open(selection);
    }

    /**
     * Starts serving {@code backend} and prints the serving line to {@code out}.
     *
     * @return the running server
     */
    public static NodeServer serve(NodeConfig config, HalBackend backend, PrintStream out) {
        NodeServer server = NodeServer.start(backend, config);
        out.println("node " + config.name() + " serving " + backend.id() + " on "
                + server.address().getAddress().getHostAddress() + ":" + server.port() + " (journal "
                + server.journalId() + ", incarnation " + server.incarnation() + ", last event "
                + server.lastSequence() + ")");
        out.flush();
        return server;
    }

    /**
     * Blocks the calling thread until the process is asked to stop, then closes {@code resources}
     * in order (from the shutdown hook).
     */
    public static void runUntilStopped(AutoCloseable... resources) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (AutoCloseable r : resources) {
                                try {
                                    r.close();
                                } catch (Exception e) { // keep closing the others
                                    LOG.warn("node shutdown: closing {} failed: {}", r, e.toString());
                                }
                            }
                            stopped.countDown();
                        },
                        "node-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
