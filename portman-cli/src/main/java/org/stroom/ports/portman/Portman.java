package org.stroom.ports.portman;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code portman} command line.
 *
 * <p>Exit codes: 0 success, 1 a check failed or the input is invalid, 2 unusable input (a file that
 * cannot be read or parsed, a bad option).
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "portman",
        mixinStandardHelpOptions = true,
        versionProvider = Portman.Version.class,
        description =
                "Stroom port manager: capacity checks, simulation and calculators for fax and voice ports on T1 spans.",
        subcommands = {
            DemoCommand.class,
            ValidateCommand.class,
            CheckCommand.class,
            ReportCommand.class,
            CertsCommand.class,
            NodeCommand.class,
            ServerCommand.class,
            UiCommand.class,
            SimulateCommand.class,
            ErlangCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Portman implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: a check failed, or the input broke a rule. */
    public static final int FAILED = 1;
    /** Exit code: the input could not be used at all. */
    public static final int UNUSABLE = 2;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return a command line wired to the given streams */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Portman());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("portman: " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? UNUSABLE : FAILED;
        });
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int rc = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(rc);
    }

    /** Reports the version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Portman.class.getPackage().getImplementationVersion();
            return new String[] {"portman " + (v == null ? "development build" : v)};
        }
    }
}
