package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ErlangCProperties {

    @Property(tries = 300)
    void matchesBigDecimalDefiningSumTo1e12Relative(
            @ForAll @IntRange(min = 1, max = 1000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double load) {
        double a = load * ports;
        BigDecimal exact = BigDecimalTraffic.erlangC(ports, a);
        double actual = ErlangC.probabilityOfWaiting(ports, a);
        if (a == 0) {
            assertThat(actual).isZero();
        } else if (BigDecimalTraffic.representable(exact)) {
            assertThat(BigDecimalTraffic.relativeError(actual, exact)).isLessThanOrEqualTo(1e-12);
        } else {
            assertThat(actual).isLessThan(1e-280);
        }
    }

    @Property
    void waitingIsAtLeastAsLikelyAsBlocking(
            @ForAll @IntRange(min = 1, max = 5000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double load) {
        double a = load * ports;
        double waiting = ErlangC.probabilityOfWaiting(ports, a);

        assertThat(waiting).isGreaterThanOrEqualTo(ErlangB.blocking(ports, a)).isBetween(0.0, 1.0);
    }

    @Property
    void serviceLevelImprovesWithMorePortsAndLongerLimits(
            @ForAll @IntRange(min = 1, max = 2000) int ports,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 1, maxIncluded = false) double load,
            @ForAll @Scale(9) @DoubleRange(min = 1, max = 600) double holdingSeconds,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 600) double withinSeconds) {
        double a = load * ports;
        double level = ErlangC.serviceLevel(ports, a, holdingSeconds, withinSeconds);

        assertThat(level).isBetween(0.0, 1.0);
        assertThat(ErlangC.serviceLevel(ports + 1, a, holdingSeconds, withinSeconds))
                .isGreaterThanOrEqualTo(level);
        assertThat(ErlangC.serviceLevel(ports, a, holdingSeconds, withinSeconds + 1))
                .isGreaterThanOrEqualTo(level);
    }

    @Property
    void portsForIsTheSmallestGroupMeetingTheServiceLevel(
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 5000) double a,
            @ForAll @Scale(9) @DoubleRange(min = 1, max = 600) double holdingSeconds,
            @ForAll @Scale(9) @DoubleRange(min = 0.01, max = 0.999) double target,
            @ForAll @Scale(9) @DoubleRange(min = 0, max = 300) double withinSeconds) {
        int ports = ErlangC.portsFor(a, holdingSeconds, target, withinSeconds);

        assertThat((double) ports).isGreaterThan(a);
        assertThat(ErlangC.serviceLevel(ports, a, holdingSeconds, withinSeconds))
                .isGreaterThanOrEqualTo(target);
        if (ports - 1 > a) {
            assertThat(ErlangC.serviceLevel(ports - 1, a, holdingSeconds, withinSeconds))
                    .isLessThan(target);
        }
    }
}
