package org.stroom.ports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.sim.DefaultSystem;

/**
 * Reports shared by the test classes, built once per test JVM: the embedded default installation, every
 * {@code docs/examples/*.yaml}, and the Mode 0 example with a short simulation run.
 */
final class Reports {
    static final Path EXAMPLES = Path.of("../docs/examples");
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final ProofSigner SIGNER = ProofSigner.generate();

    private static ReportData defaultReport;
    private static Map<String, ReportData> examples;
    private static ReportData simulated;
    private static SimulationResult simulation;

    private Reports() {}

    static ReportBuilder.Options options(String source) {
        return new ReportBuilder.Options("Capacity-planning report", source, InstantSource.fixed(NOW), SIGNER);
    }

    static synchronized ReportData defaultReport() {
        if (defaultReport == null) {
            defaultReport =
                    ReportBuilder.build(DefaultSystem.description(), Optional.empty(), options("embedded default"));
        }
        return defaultReport;
    }

    static List<Path> exampleFiles() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the examples are expected in " + EXAMPLES.toAbsolutePath(), e);
        }
    }

    static synchronized Map<String, ReportData> examples() {
        if (examples == null) {
            Map<String, ReportData> m = new LinkedHashMap<>();
            for (Path f : exampleFiles()) {
                m.put(
                        f.getFileName().toString(),
                        ReportBuilder.build(DescriptionReader.read(f), Optional.empty(), options(f.toString())));
            }
            examples = m;
        }
        return examples;
    }

    static SystemDescription example(String name) {
        return DescriptionReader.read(EXAMPLES.resolve(name));
    }

    static synchronized SimulationResult simulation() {
        if (simulation == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "simulation-work"));
                simulation = ReportBuilder.simulate(example("mode0.yaml"), 0.25, 7L, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return simulation;
    }

    static synchronized ReportData simulated() {
        if (simulated == null) {
            simulated = ReportBuilder.build(example("mode0.yaml"), Optional.of(simulation()), options("mode0.yaml"));
        }
        return simulated;
    }

    /** Every report the tests check, by a readable name. */
    static Map<String, ReportData> all() {
        Map<String, ReportData> m = new LinkedHashMap<>();
        m.put("default", defaultReport());
        m.putAll(examples());
        m.put("mode0.yaml + simulation", simulated());
        return m;
    }
}
