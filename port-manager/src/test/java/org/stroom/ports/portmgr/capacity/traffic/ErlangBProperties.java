package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ErlangBProperties {

    @Property(tries = 300)
    void matchesBigDecimalRecursionTo1e12Relative(
            @ForAll @IntRange(min = 0, max = 1500) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 2000) double a) {
        BigDecimal exact = BigDecimalTraffic.erlangB(ports, a);
        double actual = ErlangB.blocking(ports, a);
        if (a == 0) {
            assertThat(actual).isZero();
        } else if (BigDecimalTraffic.representable(exact)) {
            assertThat(BigDecimalTraffic.relativeError(actual, exact)).isLessThanOrEqualTo(1e-12);
        } else {
            assertThat(actual).isLessThan(1e-280);
        }
    }

    @Property
    void blockingIsAProbability(
            @ForAll @IntRange(min = 0, max = 20_000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1e6) double a) {
        assertThat(ErlangB.blocking(ports, a)).isBetween(0.0, 1.0);
    }

    @Property
    void blockingDecreasesWithEveryAddedPort(
            @ForAll @IntRange(min = 0, max = 5000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1e4) double a) {
        assertThat(ErlangB.blocking(ports + 1, a)).isLessThanOrEqualTo(ErlangB.blocking(ports, a));
    }

    @Property
    void blockingIncreasesWithOfferedTraffic(
            @ForAll @IntRange(min = 0, max = 5000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1e4) double a1,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1e4) double a2) {
        double low = Math.min(a1, a2);
        double high = Math.max(a1, a2);
        // Monotone up to rounding in the last place of each step.
        assertThat(ErlangB.blocking(ports, low)).isLessThanOrEqualTo(ErlangB.blocking(ports, high) * (1 + 1e-12));
    }

    @Property
    void portsForIsTheSmallestGroupMeetingTheTarget(
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 20_000) double a, @ForAll("targets") double target) {
        int ports = ErlangB.portsFor(a, target);

        assertThat(ErlangB.blocking(ports, a)).isLessThanOrEqualTo(target);
        if (ports > 0) {
            assertThat(ErlangB.blocking(ports - 1, a)).isGreaterThan(target);
        }
    }

    @Property(tries = 300)
    void trafficForIsWithin1e9RelativeOfTheRoot(
            @ForAll @IntRange(min = 1, max = 20_000) int ports, @ForAll("targets") double target) {
        double a = ErlangB.trafficFor(ports, target);

        assertThat(ErlangB.blocking(ports, a * (1 - 1e-9))).isLessThan(target);
        assertThat(ErlangB.blocking(ports, a * (1 + 1e-9))).isGreaterThan(target);
    }

    @Property(tries = 300)
    void trafficForNeverOvershootsSoPortsForRoundTrips(
            @ForAll @IntRange(min = 1, max = 20_000) int ports, @ForAll("targets") double target) {
        double a = ErlangB.trafficFor(ports, target);

        assertThat(ErlangB.blocking(ports, a)).isLessThanOrEqualTo(target);
        assertThat(ErlangB.portsFor(a, target)).isEqualTo(ports);
    }

    @Property(tries = 100)
    void trafficForIsWithin1e9RelativeOfTheBigDecimalRoot(
            @ForAll @IntRange(min = 1, max = 300) int ports, @ForAll("targets") double target) {
        double a = ErlangB.trafficFor(ports, target);
        BigDecimal exactTarget = new BigDecimal(target);

        assertThat(BigDecimalTraffic.erlangB(ports, a * (1 - 1e-9))).isLessThan(exactTarget);
        assertThat(BigDecimalTraffic.erlangB(ports, a * (1 + 1e-9))).isGreaterThan(exactTarget);
    }

    @Property
    void carriedTrafficNeverExceedsOfferedTrafficOrPorts(
            @ForAll @IntRange(min = 0, max = 5000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1e5) double a) {
        double carried = ErlangB.carried(ports, a);

        assertThat(carried).isBetween(0.0, a);
        assertThat(carried).isLessThanOrEqualTo(ports * (1 + 1e-12));
    }

    /** Grades of service spread evenly in log scale from 1e-12 to 0.98. */
    @Provide
    Arbitrary<Double> targets() {
        return Arbitraries.doubles().between(-12, -0.01).map(exponent -> Math.pow(10, exponent));
    }
}
