package org.stroom.ports.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineProbeTest {
    @Test
    void measuresTheRateAndBothThreadsCpuTimePerInputInEveryInterval() {
        List<PipelineProbe.Interval> intervals =
                PipelineProbe.run("port-manager", Duration.ofMillis(600), Duration.ofMillis(200));

        assertThat(intervals).hasSizeBetween(2, 4).allSatisfy(i -> {
            assertThat(i.inputsPerSecond()).isPositive();
            assertThat(i.coreNanosPerInput()).isPositive();
            assertThat(i.submitterNanosPerInput()).isPositive();
            assertThat(i.ringFullPercent()).isBetween(0, 100);
        });
        assertThat(intervals.get(0).toString()).contains("M inputs/s", "core", "submitter", "ring nearly full");
    }

    @Test
    void anUnknownMachineIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> PipelineProbe.run("fast", Duration.ofMillis(100), Duration.ofMillis(100)))
                .hasMessageContaining("port-manager or no-op")
                .hasMessageContaining("fast");
    }
}
