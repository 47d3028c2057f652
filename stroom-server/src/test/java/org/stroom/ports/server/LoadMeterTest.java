package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.report.CapacityMapping;

class LoadMeterTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private SystemDescription description() {
        return DescriptionReader.read(new Installation(dir).site);
    }

    private static Metrics busy(int busy) {
        Metrics.Activity a = new Metrics.Activity(0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0);
        return new Metrics(
                0, 0, Map.of(), Map.of(), Map.of(), Map.of("voice", new Metrics.Counts(69, busy, 69 - busy, 0)), a);
    }

    @Test
    void reportsNothingUntilAWholeWindowIsSampledThenTheGroupsMeanBusyChannels() {
        LoadMeter m = new LoadMeter(description().systems().get(0), Duration.ofSeconds(60));
        for (int t = 0; t <= 50; t += 10) {
            m.sample(busy(t < 30 ? 4 : 8), t * SECOND);
        }
        assertThat(m.measurements()).isEmpty();
        m.sample(busy(8), 60 * SECOND);
        List<Measurement> ms = m.measurements().orElseThrow();
        // busy 4 for 30 s, then 8 for 30 s: 6 erlangs, all of the group's one module, at its configured 60 s
        assertThat(ms).singleElement().satisfies(x -> {
            assertThat(x.module()).isEqualTo("ivr");
            assertThat(x.meanHoldingSeconds()).isEqualTo(60.0);
            assertThat(x.erlangs()).isCloseTo(6.0, within(1e-9));
        });
        m.sample(busy(8), 90 * SECOND);
        // the window slides to 30..90 s, when 8 were busy throughout
        assertThat(m.measurements().orElseThrow().get(0).erlangs()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void aMeasurementOnlyCountsForTheProofWhereItIsBusierThanTheConfiguredLoad() {
        LoadProfile configured = CapacityMapping.map(description()).load("stroom-a");
        double ivr = configured.modules().get(0).offeredErlangs(); // 200 attempts × 60 s = 3.33 E
        List<Measurement> quiet = List.of(new Measurement("ivr", 10, 60));
        List<Measurement> busy = List.of(new Measurement("ivr", 400, 60), new Measurement("unknown", 1, 1));
        assertThat(ivr).isCloseTo(3.333, within(0.001));
        assertThat(StroomServer.busier(quiet, configured)).isEmpty();
        assertThat(StroomServer.busier(busy, configured)).isEqualTo(busy);
    }
}
