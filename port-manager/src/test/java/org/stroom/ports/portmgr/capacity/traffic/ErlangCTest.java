package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ErlangCTest {

    @Test
    void oneServerIsTheMM1Queue() {
        double h = 60;
        for (double rho : new double[] {0.0, 0.1, 0.5, 0.9, 0.999}) {
            assertThat(ErlangC.probabilityOfWaiting(1, rho)).as("rho=%s", rho).isCloseTo(rho, within(1e-15));
            assertThat(ErlangC.meanWait(1, rho, h))
                    .as("rho=%s", rho)
                    .isCloseTo(rho * h / (1 - rho), within(1e-12 * (1 + rho * h / (1 - rho))));
            double t = 30;
            assertThat(ErlangC.serviceLevel(1, rho, h, t))
                    .as("rho=%s", rho)
                    .isCloseTo(1 - rho * Math.exp(-(1 - rho) * t / h), within(1e-15));
        }
    }

    @Test
    void twoServersMatchTheirClosedForm() {
        for (double a : new double[] {0.01, 0.5, 1, 1.5, 1.99}) {
            assertThat(ErlangC.probabilityOfWaiting(2, a)).as("A=%s", a).isCloseTo(a * a / (2 + a), within(1e-15));
        }
    }

    @Test
    void matchesBigDecimalDefiningSumTo1e12RelativeOnAGrid() {
        for (int n : new int[] {1, 2, 5, 23, 24, 96, 240, 1000, 3000}) {
            for (double load : new double[] {1e-6, 0.01, 0.3, 0.7, 0.9, 0.99, 0.999999}) {
                double a = load * n;
                BigDecimal exact = BigDecimalTraffic.erlangC(n, a);
                double actual = ErlangC.probabilityOfWaiting(n, a);
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
    void serviceLevelAtZeroSecondsIsTheProbabilityOfNotWaiting() {
        assertThat(ErlangC.serviceLevel(24, 20, 180, 0)).isEqualTo(1 - ErlangC.probabilityOfWaiting(24, 20));
    }

    @Test
    void meanWaitScalesWithHoldingTime() {
        double w = ErlangC.meanWait(24, 20, 60);
        assertThat(w).isPositive();
        assertThat(ErlangC.meanWait(24, 20, 120)).isCloseTo(2 * w, within(1e-12 * w));
        assertThat(w).isCloseTo(ErlangC.probabilityOfWaiting(24, 20) * 60 / 4, within(1e-12 * w));
    }

    @Test
    void portsForIsTheSmallestStableGroupMeetingTheServiceLevel() {
        // Outbound fax queue: 10 E of two-minute jobs, 80 % must start within 20 s.
        int ports = ErlangC.portsFor(10, 120, 0.8, 20);

        assertThat(ErlangC.serviceLevel(ports, 10, 120, 20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(ports - 1, 10, 120, 20)).isLessThan(0.8);
    }

    @Test
    void portsForAlwaysKeepsTheQueueStable() {
        assertThat(ErlangC.portsFor(10, 120, 0.01, 1e6)).isEqualTo(11);
        assertThat(ErlangC.portsFor(10.5, 120, 0.01, 1e6)).isEqualTo(11);
        assertThat(ErlangC.portsFor(0, 120, 0.99, 0)).isEqualTo(1);
    }

    @Test
    void rejectsAnUnstableQueueNamingTheValues() {
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(24, 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangC.probabilityOfWaiting", "erlangs = 24.0", "ports = 24", "unstable");
        assertThatThrownBy(() -> ErlangC.meanWait(24, 30, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangC.meanWait", "erlangs = 30.0", "unstable");
        assertThatThrownBy(() -> ErlangC.serviceLevel(0, 0, 60, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangC.serviceLevel", "ports = 0", "unstable");
    }

    @Test
    void rejectsBadTimesAndTargets() {
        assertThatThrownBy(() -> ErlangC.meanWait(24, 20, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("holdingSeconds = 0.0", "(0, +inf)");
        assertThatThrownBy(() -> ErlangC.serviceLevel(24, 20, 60, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("withinSeconds = -1.0", "[0, +inf)");
        assertThatThrownBy(() -> ErlangC.portsFor(10, 60, 1.0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ErlangC.portsFor", "targetServiceLevel = 1.0", "(0, 1)");
        assertThatThrownBy(() -> ErlangC.portsFor(ErlangB.MAX_PORTS, 60, 0.8, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 1000000 ports");
    }
}
