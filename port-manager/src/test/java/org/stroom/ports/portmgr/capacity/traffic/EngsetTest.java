package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EngsetTest {

    @Test
    void noCallIsBlockedWhenThereAreAtLeastAsManyPortsAsSources() {
        assertThat(Engset.blocking(10, 10, 5.0)).isZero();
        assertThat(Engset.blocking(10, 24, 5.0)).isZero();
        assertThat(Engset.blocking(1, 1, 1e9)).isZero();
        assertThat(Engset.blocking(1, 0, 0.5)).isEqualTo(1.0);
    }

    @Test
    void timeCongestionWithAPortPerSourceIsTheChanceThatEverySourceIsBusy() {
        double beta = 0.25;
        double busy = beta / (1 + beta);
        assertThat(Engset.timeCongestion(4, 4, beta)).isCloseTo(Math.pow(busy, 4), within(1e-16));
        assertThat(Engset.timeCongestion(4, 5, beta)).isZero();
    }

    @Test
    void threeSourcesOnOnePortMatchTheClosedForm() {
        // A caller is blocked when either of the two other sources holds the port.
        for (double beta : new double[] {0.01, 0.2, 1, 7}) {
            assertThat(Engset.blocking(3, 1, beta))
                    .as("beta=%s", beta)
                    .isCloseTo(2 * beta / (1 + 2 * beta), within(1e-15));
        }
    }

    @Test
    void matchesBigDecimalBinomialSumTo1e12RelativeOnAGrid() {
        for (int sources : new int[] {2, 5, 30, 100, 1000, 50_000}) {
            for (int ports : new int[] {0, 1, 4, 24, 96, 500}) {
                for (double beta : new double[] {1e-4, 0.01, 0.1, 0.5, 2, 20}) {
                    BigDecimal exact = BigDecimalTraffic.engsetCall(sources, ports, beta);
                    double actual = Engset.blocking(sources, ports, beta);
                    String label = "S=" + sources + " N=" + ports + " beta=" + beta;
                    if (exact.signum() == 0) {
                        assertThat(actual).as(label).isZero();
                    } else if (BigDecimalTraffic.representable(exact)) {
                        assertThat(BigDecimalTraffic.relativeError(actual, exact))
                                .as(label)
                                .isLessThanOrEqualTo(1e-12);
                    } else {
                        assertThat(actual).as(label).isLessThan(1e-280);
                    }
                }
            }
        }
    }

    @Test
    void totalOfferedTrafficIsWhatTheSourcesWouldCarryWithUnlimitedPorts() {
        double beta = Engset.erlangsPerIdleSource(10, 2.5);

        assertThat(beta).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(10 * beta / (1 + beta)).isCloseTo(2.5, within(1e-14));
        assertThat(Engset.blockingForTotalOffered(10, 3, 2.5)).isEqualTo(Engset.blocking(10, 3, beta));
    }

    @Test
    void approachesErlangBAsTheSourcesBecomeInfinite() {
        double erlangB = ErlangB.blocking(24, 20);
        double previous = Double.POSITIVE_INFINITY;
        for (int sources : new int[] {100, 10_000, 1_000_000, 100_000_000}) {
            double difference = Math.abs(Engset.blockingForTotalOffered(sources, 24, 20) - erlangB) / erlangB;
            assertThat(difference).as("S=%d", sources).isLessThan(previous / 50);
            previous = difference;
        }
        assertThat(previous).isLessThan(1e-7);
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertThatThrownBy(() -> Engset.blocking(0, 1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Engset.blocking", "sources = 0", "[1, 2147483647]");
        assertThatThrownBy(() -> Engset.timeCongestion(5, -2, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Engset.timeCongestion", "ports = -2", "[0, 1000000]");
        assertThatThrownBy(() -> Engset.blocking(5, 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("erlangsPerIdleSource = NaN", "[0, +inf)");
        assertThatThrownBy(() -> Engset.blockingForTotalOffered(10, 3, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Engset.blockingForTotalOffered", "offeredErlangs = 10.0", "sources = 10");
        assertThatThrownBy(() -> Engset.erlangsPerIdleSource(10, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("Engset.erlangsPerIdleSource", "offeredErlangs = -1.0");
    }
}
