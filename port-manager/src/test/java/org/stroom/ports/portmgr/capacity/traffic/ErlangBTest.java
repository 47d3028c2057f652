package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ErlangBTest {
    private static final int[] PORTS = {1, 2, 3, 5, 10, 23, 24, 30, 48, 96, 100, 120, 240, 500, 1000, 2000, 5000};
    private static final double[] ERLANGS = {
        1e-6, 0.001, 0.1, 0.5, 1, 2, 5, 10, 14.5, 15.3, 24, 50, 80.3, 100, 250, 500, 1000, 2000, 4990, 5000, 10000
    };

    @Test
    void oneAndTwoPortsMatchTheirClosedForms() {
        for (double a : ERLANGS) {
            assertThat(ErlangB.blocking(1, a)).as("A=%s", a).isCloseTo(a / (1 + a), within(1e-15));
            double twoPorts = (a * a / 2) / (1 + a + a * a / 2);
            assertThat(ErlangB.blocking(2, a)).as("A=%s", a).isCloseTo(twoPorts, within(1e-15));
        }
    }

    @Test
    void referenceRecursionAgreesWithTheDefiningSum() {
        for (int n : new int[] {1, 7, 24, 96, 300}) {
            for (double a : new double[] {0.01, 3.7, 24, 80.3, 299.5, 1000}) {
                BigDecimal recursion = BigDecimalTraffic.erlangB(n, a);
                BigDecimal sum = BigDecimalTraffic.erlangBBySum(n, a);
                assertThat(recursion
                                .subtract(sum)
                                .abs()
                                .divide(sum, BigDecimalTraffic.MC)
                                .doubleValue())
                        .as("N=%d A=%s", n, a)
                        .isLessThan(1e-35);
            }
        }
    }

    @Test
    void matchesBigDecimalReferenceTo1e12RelativeOnAGridOfGroupsAndLoads() {
        for (int n : PORTS) {
            for (double a : ERLANGS) {
                BigDecimal exact = BigDecimalTraffic.erlangB(n, a);
                double actual = ErlangB.blocking(n, a);
                if (BigDecimalTraffic.representable(exact)) {
                    assertThat(BigDecimalTraffic.relativeError(actual, exact))
                            .as("N=%d A=%s", n, a)
                            .isLessThanOrEqualTo(1e-12);
                } else {
                    assertThat(actual).as("N=%d A=%s underflows", n, a).isLessThan(1e-280);
                }
            }
        }
    }

    @Test
    void oneT1CarriesAbout15Point3ErlangsAtOnePercentBlocking() {
        assertThat(ErlangB.trafficFor(24, 0.01)).isCloseTo(15.3, within(0.01));
    }

    @Test
    void onePriWith23BearerChannelsCarriesAbout14Point5ErlangsAtOnePercentBlocking() {
        assertThat(ErlangB.trafficFor(23, 0.01)).isCloseTo(14.5, within(0.05));
    }

    @Test
    void fourT1sPooledCarryAbout31PercentMoreThanFourSeparateT1s() {
        double pooled = ErlangB.trafficFor(96, 0.01);
        double separate = 4 * ErlangB.trafficFor(24, 0.01);

        assertThat(pooled).isCloseTo(80.3, within(0.01));
        assertThat(separate).isCloseTo(61.2, within(0.05));
        assertThat(pooled / separate - 1).isCloseTo(0.31, within(0.01));
    }

    @Test
    void fifteenPointThreeErlangsNeedA25thPortBecauseOneT1CarriesOnly15Point295AtOnePercent() {
        // The rounded rule of thumb "24 ports carry 15.3 E" is slightly optimistic: B(24, 15.3) = 1.0029 %.
        assertThat(BigDecimalTraffic.erlangB(24, 15.3)).isGreaterThan(new BigDecimal("0.01"));
        assertThat(ErlangB.trafficFor(24, 0.01)).isCloseTo(15.2950, within(1e-4));

        assertThat(ErlangB.portsFor(15.3, 0.01)).isEqualTo(25);
        assertThat(ErlangB.portsFor(15.29, 0.01)).isEqualTo(24);
        assertThat(ErlangB.portsFor(ErlangB.trafficFor(24, 0.01), 0.01)).isEqualTo(24);
    }

    @Test
    void trafficForBracketsTheExactRootWithin1e9Relative() {
        for (int n : new int[] {1, 2, 23, 24, 96, 500}) {
            for (double t : new double[] {1e-12, 1e-6, 0.001, 0.01, 0.05, 0.5, 0.9, 0.999}) {
                double a = ErlangB.trafficFor(n, t);
                BigDecimal target = new BigDecimal(t);
                assertThat(BigDecimalTraffic.erlangB(n, a * (1 - 1e-9)))
                        .as("N=%d t=%s A=%s", n, t, a)
                        .isLessThan(target);
                assertThat(BigDecimalTraffic.erlangB(n, a * (1 + 1e-9)))
                        .as("N=%d t=%s A=%s", n, t, a)
                        .isGreaterThan(target);
            }
        }
    }

    @Test
    void matchesBigDecimalReferenceForOneHundredThousandPorts() {
        for (double a : new double[] {90_000, 99_000, 99_500, 100_000, 120_000}) {
            BigDecimal exact = BigDecimalTraffic.erlangB(100_000, a);
            assertThat(BigDecimalTraffic.relativeError(ErlangB.blocking(100_000, a), exact))
                    .as("A=%s", a)
                    .isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS) // guards against an O(N²) search; a linear one takes ~1 ms
    void handlesOneHundredThousandPortsInLinearTime() {
        int n = 100_000;
        double a = 99_000;

        int needed = ErlangB.portsFor(a, 0.01);
        assertThat(ErlangB.blocking(needed, a)).isLessThanOrEqualTo(0.01);
        assertThat(ErlangB.blocking(needed - 1, a)).isGreaterThan(0.01);
        assertThat(needed).isBetween(98_010, 99_000);

        double carried = ErlangB.trafficFor(n, 0.01);
        assertThat(ErlangB.blocking(n, carried * (1 - 1e-9))).isLessThan(0.01);
        assertThat(ErlangB.blocking(n, carried * (1 + 1e-9))).isGreaterThan(0.01);
    }

    @Test
    void acceptsTheLargestGroup() {
        double a = 0.99 * ErlangB.MAX_PORTS;
        double b = ErlangB.blocking(ErlangB.MAX_PORTS, a);

        assertThat(b).isStrictlyBetween(0.0, 0.01);
        assertThat(ErlangB.portsFor(a, b)).isEqualTo(ErlangB.MAX_PORTS);
    }

    @Test
    void noTrafficIsNeverBlockedAndNeedsNoPorts() {
        assertThat(ErlangB.blocking(0, 0)).isZero();
        assertThat(ErlangB.blocking(24, 0)).isZero();
        assertThat(ErlangB.portsFor(0, 0.01)).isZero();
        assertThat(ErlangB.carried(24, 0)).isZero();
    }

    @Test
    void trafficWithoutPortsIsAlwaysBlocked() {
        assertThat(ErlangB.blocking(0, 1e-9)).isEqualTo(1.0);
        assertThat(ErlangB.carried(0, 7)).isZero();
    }

    @Test
    void carriedTrafficIsOfferedTrafficThatIsNotBlocked() {
        double b = ErlangB.blocking(24, 20);
        assertThat(ErlangB.carried(24, 20)).isEqualTo(20 * (1 - b));
        assertThat(ErlangB.carried(24, 1e6)).isCloseTo(24, within(1e-3)).isLessThanOrEqualTo(24);
    }

    @Test
    void rejectsPortsOutsideTheirRangeNamingFunctionValueAndRange() {
        assertThatThrownBy(() -> ErlangB.blocking(-1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangB.blocking", "ports = -1", "[0, 1000000]");
        assertThatThrownBy(() -> ErlangB.blocking(ErlangB.MAX_PORTS + 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ports = 1000001");
        assertThatThrownBy(() -> ErlangB.trafficFor(0, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangB.trafficFor", "ports = 0", "[1, 1000000]");
    }

    @Test
    void rejectsNegativeNanOrInfiniteTraffic() {
        for (double bad : new double[] {-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ErlangB.blocking(10, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("ErlangB.blocking", "erlangs = " + bad, "[0, +inf)");
            assertThatThrownBy(() -> ErlangB.portsFor(bad, 0.01))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("erlangs = " + bad);
        }
    }

    @Test
    void rejectsTargetsOutsideTheOpenUnitInterval() {
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> ErlangB.portsFor(10, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("ErlangB.portsFor", "targetBlocking = " + bad, "(0, 1)");
            assertThatThrownBy(() -> ErlangB.trafficFor(10, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("targetBlocking = " + bad);
        }
    }

    @Test
    void rejectsTrafficNeedingMoreThanTheLargestGroup() {
        assertThatThrownBy(() -> ErlangB.portsFor(2e6, 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangB.portsFor", "erlangs = 2000000.0", "more than 1000000 ports");
        assertThatThrownBy(() -> ErlangB.portsFor(2.0 * ErlangB.MAX_PORTS - 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1000000 ports");
    }
}
