package org.stroom.ports.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;

/**
 * A 96-port pooled group (four T1s hunted as one) offered 85 E of Poisson traffic with exponential
 * holding times: over a long seeded run the measured blocking must lie in the 95 % batch-means
 * interval around Erlang B(96, 85) ≈ 2.6 %. A wrong pool (four separate 24-port groups would block
 * about 18 %) or a wrong holding time falls far outside it.
 */
class PooledGroupErlangTest {
    @TempDir
    Path dir;

    @Test
    void measuredBlockingOfA96PortPoolMatchesErlangB() {
        SystemDescription d = DescriptionReader.read(Path.of("src", "test", "resources", "pooled-96.yaml"));
        try (SimulatedSystem sys = new SimulatedSystem(d.systems().get(0), new VirtualClock(), 2026, dir, false)) {
            SimulationRun run = SimulationRun.run(sys, Duration.ofHours(24), 25, p -> {});
            SimulationRun.ModuleResult r = run.modules().get(0);
            assertThat(r.poolPorts()).isEqualTo(96);
            assertThat(r.poolOfferedErlangs()).isEqualTo(85.0);
            assertThat(r.stats().offered()).isGreaterThan(55_000);
            assertThat(r.predictedBlocking()).isBetween(0.02, 0.03);
            assertThat(r.ciHigh() - r.ciLow()).as("interval width").isLessThan(0.02);
            assertThat(r.agrees())
                    .as(
                            "Erlang B %.4f within [%.4f, %.4f], measured %.4f",
                            r.predictedBlocking(),
                            r.ciLow(),
                            r.ciHigh(),
                            r.stats().blocking())
                    .isTrue();
        }
    }
}
