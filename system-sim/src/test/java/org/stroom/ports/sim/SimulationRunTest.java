package org.stroom.ports.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationRunTest {
    @Test
    void batchMeansIntervalUsesStudentT() {
        // ratios 0.1, 0.2, 0.3: mean 0.2, s = 0.1, t(2) = 4.303 → half-width 0.2484
        double[] ci = SimulationRun.interval(List.of(new double[] {10, 1}, new double[] {10, 2}, new double[] {10, 3}));
        assertThat(ci[0]).isEqualTo(0.0);
        assertThat(ci[1]).isCloseTo(0.2 + 4.303 * 0.1 / Math.sqrt(3), within(1e-9));
    }

    @Test
    void noBlockingGivesTheRuleOfThreeUpperBound() {
        double[] ci = SimulationRun.interval(List.of(new double[] {100, 0}, new double[] {200, 0}));
        assertThat(ci).containsExactly(0.0, 0.01);
    }
}
