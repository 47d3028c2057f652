package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class EngsetProperties {

    @Property(tries = 300)
    void callCongestionMatchesBigDecimalBinomialSumTo1e12Relative(
            @ForAll @IntRange(min = 1, max = 600) int sources,
            @ForAll @IntRange(min = 0, max = 600) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 50) double beta) {
        BigDecimal exact = BigDecimalTraffic.engsetCall(sources, ports, beta);
        double actual = Engset.blocking(sources, ports, beta);
        if (beta == 0 || exact.signum() == 0) {
            assertThat(actual).isZero();
        } else if (BigDecimalTraffic.representable(exact)) {
            assertThat(BigDecimalTraffic.relativeError(actual, exact)).isLessThanOrEqualTo(1e-12);
        } else {
            assertThat(actual).isLessThan(1e-280);
        }
    }

    @Property(tries = 300)
    void timeCongestionMatchesBigDecimalBinomialSumTo1e12Relative(
            @ForAll @IntRange(min = 1, max = 600) int sources,
            @ForAll @IntRange(min = 0, max = 600) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 50) double beta) {
        BigDecimal exact = BigDecimalTraffic.engsetTime(sources, ports, beta);
        double actual = Engset.timeCongestion(sources, ports, beta);
        if (beta == 0 || exact.signum() == 0) {
            assertThat(actual).isZero();
        } else if (BigDecimalTraffic.representable(exact)) {
            assertThat(BigDecimalTraffic.relativeError(actual, exact)).isLessThanOrEqualTo(1e-12);
        } else {
            assertThat(actual).isLessThan(1e-280);
        }
    }

    @Property
    void blockingIsAProbabilityThatFallsWithPortsAndRisesWithSources(
            @ForAll @IntRange(min = 1, max = 5000) int sources,
            @ForAll @IntRange(min = 0, max = 500) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 10) double beta) {
        double b = Engset.blocking(sources, ports, beta);

        assertThat(b).isBetween(0.0, 1.0);
        assertThat(Engset.blocking(sources, ports + 1, beta)).isLessThanOrEqualTo(b);
        assertThat(Engset.blocking(sources + 1, ports, beta)).isGreaterThanOrEqualTo(b * (1 - 1e-12));
    }

    @Property
    void approachesErlangBForAVeryLargePopulation(
            @ForAll @IntRange(min = 1, max = 100) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0.1, max = 2) double load) {
        int sources = 100_000_000;
        double a = load * ports;
        double erlangB = ErlangB.blocking(ports, a);
        // The finite population thins the traffic by a relative amount of order N / S per busy port.
        double tolerance = 5.0 * ports * ports / sources * erlangB;

        assertThat(Engset.blockingForTotalOffered(sources, ports, a)).isCloseTo(erlangB, within(tolerance));
        assertThat(Engset.blocking(sources, ports, a / sources)).isCloseTo(erlangB, within(tolerance));
    }
}
