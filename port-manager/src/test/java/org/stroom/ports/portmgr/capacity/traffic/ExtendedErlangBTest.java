package org.stroom.ports.portmgr.capacity.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExtendedErlangBTest {

    @Test
    void withoutRetriesItIsPlainErlangB() {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(24, 15.3, 0);

        assertThat(result.blocking()).isEqualTo(ErlangB.blocking(24, 15.3));
        assertThat(result.offeredErlangs()).isEqualTo(15.3);
        assertThat(result.lostErlangs()).isEqualTo(15.3 * ErlangB.blocking(24, 15.3));
        assertThat(ExtendedErlangB.portsFor(15.3, 0.01, 0)).isEqualTo(ErlangB.portsFor(15.3, 0.01));
    }

    @Test
    void onePortMatchesTheQuadraticFixedPoint() {
        // x = A + r·x·x/(1 + x)  <=>  (1 − r)·x² + (1 − A)·x − A = 0; positive root without cancellation.
        for (double r : new double[] {0.1, 0.5, 0.9, 0.999}) {
            for (double a : new double[] {0.01, 0.5, 1, 3}) {
                double b = 1 - a;
                double root = Math.sqrt(b * b + 4 * (1 - r) * a);
                double x = b > 0 ? 2 * a / (b + root) : (root - b) / (2 * (1 - r));
                ExtendedErlangB.Result result = ExtendedErlangB.evaluate(1, a, r);
                assertThat(result.offeredErlangs()).as("A=%s r=%s", a, r).isCloseTo(x, within(1e-12 * x));
                assertThat(result.blocking()).as("A=%s r=%s", a, r).isCloseTo(x / (1 + x), within(1e-12));
            }
        }
    }

    @Test
    void withoutPortsEveryAttemptIsBlockedAndAllTrafficIsLost() {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(0, 4, 0.75);

        assertThat(result.blocking()).isEqualTo(1.0);
        assertThat(result.offeredErlangs()).isCloseTo(16, within(1e-12));
        assertThat(result.lostErlangs()).isCloseTo(4, within(1e-12));
        assertThat(result.carriedErlangs()).isZero();
    }

    @Test
    void retriesRaiseBlockingAndThePortsNeeded() {
        double plain = ErlangB.blocking(24, 15.3);
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(24, 15.3, 0.5);

        assertThat(result.blocking()).isGreaterThan(plain);
        assertThat(result.offeredErlangs()).isGreaterThan(15.3);
        assertThat(result.lostErlangs()).isLessThan(15.3 * plain);
        assertThat(result.offeredErlangs())
                .isCloseTo(15.3 + 0.5 * result.offeredErlangs() * result.blocking(), within(1e-12));
        assertThat(ExtendedErlangB.blocking(24, 15.3, 0.5)).isEqualTo(result.blocking());

        // 15.2 E fits one T1 at 1 %, but 90 % of the blocked calls redialling push it over.
        assertThat(ErlangB.portsFor(15.2, 0.01)).isEqualTo(24);
        assertThat(ExtendedErlangB.portsFor(15.2, 0.01, 0.9)).isEqualTo(25);
    }

    @Test
    void offeredTrafficIsCarriedOrLost() {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(96, 95, 0.8);

        assertThat(result.carriedErlangs() + result.lostErlangs()).isCloseTo(95, within(1e-12 * 95));
    }

    @Test
    void retryFractionNearOneStillConvergesForLargeGroups() {
        ExtendedErlangB.Result result = ExtendedErlangB.evaluate(100_000, 99_000, 0.999);

        double fixedPoint = 99_000 + 0.999 * result.offeredErlangs() * result.blocking();
        assertThat(result.offeredErlangs()).isCloseTo(fixedPoint, within(1e-12 * fixedPoint));
    }

    @Test
    void noTrafficNeedsNoPorts() {
        assertThat(ExtendedErlangB.evaluate(0, 0, 0.5)).isEqualTo(new ExtendedErlangB.Result(0, 0, 0));
        assertThat(ExtendedErlangB.portsFor(0, 0.01, 0.5)).isZero();
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        assertThatThrownBy(() -> ExtendedErlangB.evaluate(24, 10, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ExtendedErlangB.evaluate", "retryFraction = 1.0", "[0, 1)");
        assertThatThrownBy(() -> ExtendedErlangB.blocking(24, 10, -0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ExtendedErlangB.blocking", "retryFraction = -0.1");
        assertThatThrownBy(() -> ExtendedErlangB.portsFor(10, 0, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ExtendedErlangB.portsFor", "targetBlocking = 0.0", "(0, 1)");
        assertThatThrownBy(() -> ExtendedErlangB.portsFor(2e6, 0.01, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("ExtendedErlangB.portsFor", "more than 1000000 ports");
        assertThatThrownBy(() -> new ExtendedErlangB.Result(1.5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("blocking = 1.5", "[0, 1]");
    }
}
