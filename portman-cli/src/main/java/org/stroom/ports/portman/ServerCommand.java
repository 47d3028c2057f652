package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.stroom.ports.server.AdminClient;
import org.stroom.ports.server.ProofArchive;
import org.stroom.ports.server.ServerConfig;
import org.stroom.ports.server.ServerMain;
import org.stroom.ports.server.proto.AdminReply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portman server --config FILE}: runs a Stroom Server (its boards, its Nodes, its port manager and, in a
 * Mode 2 pair, the link to the other Server); the subcommands are an operator's commands to the running Server on
 * this machine: {@code status}, {@code failover-now}, {@code failback}, {@code suspend}, {@code resume},
 * {@code shutdown}, and {@code verify-proof} for a stored takeover proof.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Stroom Server: its boards and Nodes feeding one journaled port manager, and in a Mode 2 pair the"
                    + " link to the other Server (heartbeats, journal stream, takeover proofs).",
            "With a subcommand, command the Server running with that configuration on this machine.",
            "The configuration is described in docs/deployment.md; examples: docs/examples/servers/."
        },
        subcommands = {
            ServerCommand.Status.class,
            ServerCommand.FailoverNow.class,
            ServerCommand.Failback.class,
            ServerCommand.Suspend.class,
            ServerCommand.Resume.class,
            ServerCommand.Shutdown.class,
            ServerCommand.VerifyProof.class
        })
final class ServerCommand implements Callable<Integer> {
    private static final Duration ANSWER = Duration.ofSeconds(30);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "Server configuration (YAML)")
    Path config;

    @Override
    public Integer call() {
        if (config == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "portman server: give --config FILE to run a Server, or a subcommand");
        }
        // a Server is a service: its state changes (Nodes lost and back, monitor, journal stream) belong in its
        // log, unless the operator chose levels with -D
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.stroom.ports", "info");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        return ServerMain.run(config, System.out, System.err);
    }

    /** The configuration option of the operator's commands. */
    static class Target {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--config",
                required = true,
                description = "the running Server's configuration (its listen address and its own certificate)")
        Path config;

        AdminClient client() {
            return new AdminClient(ServerConfig.load(config), ANSWER);
        }

        int print(AdminReply r) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.getText());
            if (!r.getProofFile().isEmpty()) {
                out.println("proof: " + r.getProofFile());
            }
            out.flush();
            return r.getAccepted() ? Portman.OK : Portman.FAILED;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the running Server's state.")
    static final class Status extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                PrintWriter out = spec.commandLine().getOut();
                out.println(c.status().getText());
                out.flush();
                return Portman.OK;
            }
        }
    }

    @Command(
            name = "failover-now",
            mixinStandardHelpOptions = true,
            description = {
                "Passive Server: take over now. Builds and writes a signed takeover proof; promotes on PASS or"
                        + " DEGRADED, on FAIL only with --override-fail (recorded with the operator and reason).",
                "Exit 1 when the promotion is refused."
            })
    static final class FailoverNow extends Target implements Callable<Integer> {
        @Option(names = "--operator", required = true, description = "who gives the command")
        String operator;

        @Option(names = "--reason", required = true, description = "why")
        String reason;

        @Option(names = "--override-fail", description = "promote even if the proof FAILs")
        boolean overrideFail;

        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                return print(c.failoverNow(operator, reason, overrideFail));
            }
        }
    }

    @Command(
            name = "failback",
            mixinStandardHelpOptions = true,
            description = "Promoted passive Server: hand back to the active now (it must be answering healthy and no"
                    + " call may be active here).")
    static final class Failback extends Target implements Callable<Integer> {
        @Option(names = "--operator", required = true, description = "who gives the command")
        String operator;

        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                return print(c.failback(operator));
            }
        }
    }

    @Command(
            name = "suspend",
            mixinStandardHelpOptions = true,
            description = "Passive Server: pause monitoring (maintenance of the active): no heartbeat, no failover.")
    static final class Suspend extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                return print(c.suspend());
            }
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Passive Server: resume monitoring.")
    static final class Resume extends Target implements Callable<Integer> {
        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                return print(c.resume());
            }
        }
    }

    @Command(
            name = "shutdown",
            mixinStandardHelpOptions = true,
            description = "Stop the Server. An active first announces a controlled shutdown to its passive, which"
                    + " then takes over at once (if its monitor promotes on controlled shutdowns).")
    static final class Shutdown extends Target implements Callable<Integer> {
        @Option(names = "--reason", defaultValue = "", description = "told to the passive and logged")
        String reason;

        @Override
        public Integer call() {
            try (AdminClient c = client()) {
                return print(c.shutdown(reason));
            }
        }
    }

    @Command(
            name = "verify-proof",
            mixinStandardHelpOptions = true,
            description = "Check a stored takeover proof's signature. Exit 0 valid, 1 invalid.")
    static final class VerifyProof implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", description = "a proof-*.json file")
        Path proof;

        @Option(
                names = "--key",
                description = "the signer's public key (default: " + ProofArchive.PUBLIC_KEY + " next to the proof)")
        Path key;

        @Override
        public Integer call() {
            Path k = key != null ? key : proof.toAbsolutePath().resolveSibling(ProofArchive.PUBLIC_KEY);
            boolean ok = ProofArchive.verify(proof, k);
            PrintWriter out = spec.commandLine().getOut();
            out.println(proof + ": " + (ok ? "signature valid (key " + k + ")" : "INVALID for key " + k));
            out.flush();
            return ok ? Portman.OK : Portman.FAILED;
        }
    }
}
