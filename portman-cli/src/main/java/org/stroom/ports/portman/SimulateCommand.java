package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.sim.SimulationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portman simulate FILE --hours H --seed S}: discrete-event simulation of a described
 * system on softport, measured blocking per module next to Erlang B with confidence intervals.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate a described system on simulated boards in virtual time (seeded), and print each",
            "module's measured blocking with its 95%% batch-means interval next to the Erlang B prediction."
        })
final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "system description (YAML)")
    Path file;

    @Option(names = "--hours", defaultValue = "1", description = "simulated hours; default ${DEFAULT-VALUE}")
    double hours;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--system", description = "which system to run (default: the first)")
    String system;

    @Option(
            names = "--batches",
            defaultValue = "12",
            description = "batches for the interval (first is warm-up); default ${DEFAULT-VALUE}")
    int batches;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SystemDescription d;
        try {
            d = DescriptionReader.read(file);
        } catch (DescriptionException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.unusable() ? Portman.UNUSABLE : Portman.FAILED;
        }
        if (hours <= 0 || hours > 1000) {
            throw new IllegalArgumentException("--hours " + hours + " is outside (0, 1000]");
        }
        SystemDescription.StroomSystem s = system == null
                ? d.systems().get(0)
                : d.system(system)
                        .orElseThrow(() -> new IllegalArgumentException("no system '" + system + "' in " + file));
        Path work = Files.createTempDirectory("portman-simulate-");
        long wallStart = System.nanoTime();
        SimulationRun run;
        try (SimulatedSystem sys = new SimulatedSystem(s, new VirtualClock(), seed, work, false)) {
            run = SimulationRun.run(sys, Duration.ofSeconds((long) (hours * 3600)), batches, p -> {});
        }
        out.printf(Locale.ROOT, "%s: system %s, seed %d%n", file, s.name(), seed);
        DemoCommand.printSummary(out, run, (System.nanoTime() - wallStart) / 1e9);
        return Portman.OK;
    }
}
