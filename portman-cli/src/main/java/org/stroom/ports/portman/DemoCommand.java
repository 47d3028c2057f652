package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.sim.DefaultSystem;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.sim.SimulationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portman demo}: the embedded default installation runs a busy hour on simulated boards in
 * virtual time through the port manager, then the summary is printed next to the Erlang prediction.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the embedded default installation (a Server and two Nodes, 8 T1 spans, fax and voice traffic)",
            "through a busy hour on simulated boards in virtual time, and compare it with the Erlang prediction."
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = {"-o", "--output"},
            defaultValue = "portman-demo",
            description = "output directory (journal, faxes, report); default ${DEFAULT-VALUE}")
    Path output;

    @Option(names = "--seed", defaultValue = "42", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--hours", defaultValue = "1", description = "simulated hours; default ${DEFAULT-VALUE}")
    double hours;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SystemDescription d = DefaultSystem.description();
        StroomSystem active = d.systems().get(0);
        Files.createDirectories(output);
        Path work = Files.createTempDirectory(output.toAbsolutePath(), "run-");
        out.printf(
                Locale.ROOT,
                "Stroom demo: %s active, %s passive (%s), seed %d%n",
                active.name(),
                d.systems().size() > 1 ? d.systems().get(1).name() : "none",
                d.mode(),
                seed);
        for (SystemDescription.Machine m : active.machines()) {
            long spans = m.boards().stream().mapToLong(b -> b.spans().size()).sum();
            out.printf(
                    Locale.ROOT,
                    "  %-10s %-6s %d board(s), %d T1 span(s)%n",
                    m.name(),
                    m.role().name().toLowerCase(Locale.ROOT),
                    m.boards().size(),
                    spans);
        }
        out.flush();
        Duration length = Duration.ofSeconds((long) (hours * 3600));
        VirtualClock clock = new VirtualClock();
        long wallStart = System.nanoTime();
        SimulationRun run;
        try (SimulatedSystem sys = new SimulatedSystem(active, clock, seed, work, true);
                ProgressBar bar = new ProgressBarBuilder()
                        .setTaskName("busy hour")
                        .setInitialMax(length.toMinutes())
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" min", 1)
                        .setUpdateIntervalMillis(100)
                        .continuousUpdate()
                        .build()) {
            run = SimulationRun.run(sys, length, 12, p -> {
                bar.stepTo(p.done().toMinutes());
                bar.setExtraMessage(" busy " + p.busyPorts());
            });
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        printSummary(out, run, wall);

        Failover.Outcome failover = Failover.rehearse(d, active.name(), out);
        Files.writeString(
                output.resolve("takeover-proof.json"), failover.proof().envelope());
        Files.writeString(output.resolve("takeover-proof.txt"), failover.proof().text());

        out.printf(
                Locale.ROOT,
                "%nWriting the capacity-planning report (simulating another %s busy hour for span utilisation)...%n",
                fmt(length));
        out.flush();
        java.util.List<Path> files =
                ReportCommand.write(d, "(embedded) default installation", output.resolve("report"), hours, seed);
        out.printf(
                Locale.ROOT,
                "Report: %s (%d files: HTML, JSON, CSV, PDF)%n",
                output.resolve("report").resolve("report.html"),
                files.size());
        out.printf(Locale.ROOT, "Takeover proof: %s%n", output.resolve("takeover-proof.json"));
        out.printf(Locale.ROOT, "Demo finished in %.1f s.%n", (System.nanoTime() - wallStart) / 1e9);
        return failover.promoted() ? Portman.OK : Portman.FAILED;
    }

    static void printSummary(PrintWriter out, SimulationRun run, double wallSeconds) {
        Metrics m = run.metrics();
        out.printf(Locale.ROOT, "%nSimulated %s in %.1f s of wall time.%n", fmt(run.length()), wallSeconds);
        out.printf(
                Locale.ROOT,
                "Ports: %d fax-capable, %d voice-capable; %d unusable; port manager granted %d, rejected %d%n",
                m.byKind().get(PortKind.FAX).total(),
                m.byKind().get(PortKind.VOICE).total(),
                m.byKind().get(PortKind.FAX).unusable(),
                m.activity().granted(),
                m.activity().rejectedTotal());
        out.printf(
                Locale.ROOT,
                "%n%-14s %-8s %5s %8s %8s %8s %9s %-17s %9s%n",
                "module",
                "pool",
                "ports",
                "offered",
                "carried",
                "blocked",
                "measured",
                "95% interval",
                "Erlang B");
        double predictedCarried = 0;
        for (SimulationRun.ModuleResult r : run.modules()) {
            var s = r.stats();
            out.printf(
                    Locale.ROOT,
                    "%-14s %-8s %5d %8d %8d %8d %8.2f%% [%5.2f%%, %5.2f%%] %8.2f%%%s%n",
                    s.module(),
                    s.pool(),
                    r.poolPorts(),
                    s.offered(),
                    s.carried(),
                    s.blocked(),
                    100 * s.blocking(),
                    100 * r.ciLow(),
                    100 * r.ciHigh(),
                    100 * r.predictedBlocking(),
                    r.agrees() ? "" : "  (outside the interval)");
            predictedCarried += s.offeredErlangs() * (1 - r.predictedBlocking());
        }
        out.printf(
                Locale.ROOT,
                "%nCarried traffic: %.2f E measured by the port manager, %.2f E predicted by Erlang B.%n",
                run.carriedErlangs(),
                predictedCarried);
        out.flush();
    }

    private static String fmt(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
