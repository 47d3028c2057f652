package org.stroom.ports.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Server process: reads a {@link ServerConfig} file and runs a {@link StroomServer} until the process is
 * stopped (SIGTERM closes it; after {@code kill -9} the journal is consistent and the next start resumes every Node
 * after the last event the journal holds) or an operator's {@code portman server shutdown} command.
 *
 * <pre>
 *   java ${jvm.flags.chronicle} -cp ... org.stroom.ports.server.ServerMain --config /etc/portman/server-a.yaml
 * </pre>
 *
 * <p>When running it prints one line to standard output: {@code server <name> <ROLE> of <system> on
 * <address>:<port> (journal index <i>, nodes [...])}. Exit status 2 for bad arguments, 1 when the configuration
 * cannot be used.
 *
 * <p>Thread-safety: the static methods may be called from any thread.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {}

    /**
     * @param args {@code --config FILE}
     */
    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: ServerMain --config FILE   (see docs/deployment.md)");
            System.exit(2);
            return;
        }
        System.exit(run(Path.of(args[1]), System.out, System.err));
    }

    /**
     * Runs a Server until it is stopped; the serving line goes to {@code out}.
     *
     * @return the exit status: 0 after a shutdown command, 1 when the configuration or the start failed
     */
    public static int run(Path configFile, PrintStream out, PrintStream err) {
        ServerConfig config;
        try {
            config = ServerConfig.load(configFile);
        } catch (ServerConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        StroomServer server;
        try {
            server = StroomServer.start(config, stop::countDown);
        } catch (RuntimeException e) {
            err.println("server " + config.name() + ": " + e.getMessage());
            LOG.debug("start failed", e);
            return 1;
        }
        out.println("server " + server.name() + " " + server.role() + " on "
                + config.listen().getAddress().getHostAddress() + ":" + server.port() + " (journal index "
                + server.journal().lastIndex() + ", nodes " + server.nodes().keySet() + ", resume points "
                + server.journal().journaled().values() + ")");
        out.flush();
        Thread hook = new Thread(
                () -> {
                    server.close();
                    stop.countDown();
                },
                "server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        return 0;
    }
}
