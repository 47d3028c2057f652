package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ExtendedErlangBProperties {

    @Property
    void retriesNeverLowerTheBlocking(
            @ForAll @IntRange(min = 0, max = 2000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 3000) double a,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(ports, a, r);

        assertThat(result.blocking()).isGreaterThanOrEqualTo(ErlangB.blocking(ports, a) * (1 - 1e-12));
        assertThat(result.offeredErlangs()).isGreaterThanOrEqualTo(a);
    }

    @Property
    void offeredTrafficIsTheFixedPointAndIsEitherCarriedOrLost(
            @ForAll @IntRange(min = 0, max = 2000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 3000) double a,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(ports, a, r);
        double offered = result.offeredErlangs();
        double tolerance = 1e-12 * Math.max(offered, Double.MIN_NORMAL);

        assertThat(offered).isCloseTo(a + r * offered * result.blocking(), within(tolerance));
        assertThat(result.carriedErlangs() + result.lostErlangs()).isCloseTo(a, within(tolerance));
    }

    @Property
    void portsForIsTheSmallestGroupMeetingTheTarget(
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 3000) double a,
            @ForAll("targets") double target,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
        int ports = ExtendedErlangB.portsFor(a, target, r);

        assertThat(ExtendedErlangB.blocking(ports, a, r)).isLessThanOrEqualTo(target);
        if (ports > 0) {
            assertThat(ExtendedErlangB.blocking(ports - 1, a, r)).isGreaterThan(target);
        }
        assertThat(ports).isGreaterThanOrEqualTo(ErlangB.portsFor(a, target));
    }

    /** Grades of service spread evenly in log scale from 1e-9 to 0.98. */
    @Provide
    Arbitrary<Double> targets() {
        return Arbitraries.doubles().between(-9, -0.01).map(exponent -> Math.pow(10, exponent));
    }
}
