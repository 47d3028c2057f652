package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.report.CapacityReport;
import org.stroom.ports.report.ReportBuilder;
import org.stroom.ports.report.ReportData;
import org.stroom.ports.report.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portman report FILE -o DIR}: the capacity-planning report as HTML, JSON, CSV and PDF.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the capacity-planning report of a described installation: report.html (self-contained),",
            "report.json, CSV tables and report.pdf, with a simulated busy hour for per-span utilisation."
        })
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "system description (YAML)")
    Path file;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "output directory")
    Path output;

    @Option(
            names = "--hours",
            defaultValue = "1",
            description = "simulated hours for utilisation (0 to skip); default ${DEFAULT-VALUE}")
    double hours;

    @Option(names = "--seed", defaultValue = "1", description = "simulation seed; default ${DEFAULT-VALUE}")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SystemDescription d;
        try {
            d = DescriptionReader.read(file);
        } catch (DescriptionException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.unusable() ? Portman.UNUSABLE : Portman.FAILED;
        }
        List<Path> files = write(d, file.toString(), output, hours, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + files.size() + " files to " + output + ":");
        files.forEach(f -> out.println("  " + f.getFileName()));
        return Portman.OK;
    }

    static List<Path> write(SystemDescription d, String source, Path output, double hours, long seed) throws Exception {
        if (hours < 0 || hours > 1000) {
            throw new IllegalArgumentException("--hours " + hours + " is outside 0..1000");
        }
        Files.createDirectories(output);
        Optional<SimulationResult> sim = Optional.empty();
        if (hours > 0) {
            Path work = Files.createTempDirectory("portman-report-");
            sim = Optional.of(ReportBuilder.simulate(d, hours, seed, work));
        }
        ReportData data =
                ReportBuilder.build(d, sim, ReportBuilder.Options.defaults().withSource(source));
        return CapacityReport.write(data, output);
    }
}
