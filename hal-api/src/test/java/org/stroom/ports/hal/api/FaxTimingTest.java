package org.stroom.ports.hal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class FaxTimingTest {
    private static final FaxTiming T = FaxTiming.DEFAULT;

    @Test
    void sessionSecondsOfAWholePageCountIsExactlyTheSession() {
        for (FaxModulation m : FaxModulation.values()) {
            for (int pages = 1; pages <= 20; pages++) {
                assertThat(T.sessionSeconds(m, pages))
                        .as("%s, %d pages", m, pages)
                        .isEqualTo(T.session(m, pages).toNanos() / 1e9);
            }
        }
    }

    @Test
    void sessionSecondsFollowsThePhasesOfTheDefaultFigures() {
        // setup 3 + pre-message + pages × (25,000 bytes at the top rate + post-page) + post-message 1;
        // page data is timed in whole nanoseconds, hence the tolerance
        assertThat(T.sessionSeconds(FaxModulation.V17, 2.5))
                .isCloseTo(3 + 12 + 2.5 * (200_000 / 14_400.0 + 4) + 1, within(1e-8));
        assertThat(T.sessionSeconds(FaxModulation.V34, 3))
                .isCloseTo(3 + 6 + 3 * (200_000 / 33_600.0 + 1) + 1, within(1e-8));
        assertThat(T.sessionSeconds(FaxModulation.V27TER, 1))
                .isCloseTo(3 + 12 + 1 * (200_000 / 4_800.0 + 4) + 1, within(1e-8));
    }

    @Test
    void fractionalPageCountsInterpolateBetweenTheWholeOnes() {
        for (FaxModulation m : FaxModulation.values()) {
            double two = T.session(m, 2).toNanos() / 1e9;
            double three = T.session(m, 3).toNanos() / 1e9;

            assertThat(T.sessionSeconds(m, 2.5)).isCloseTo((two + three) / 2, within(1e-9));
            assertThat(T.sessionSeconds(m, 2.25)).isCloseTo(two + 0.25 * (three - two), within(1e-9));
        }
    }

    @Test
    void belowOnePageTheLineRunsTowardsASessionWithoutPages() {
        double empty = 3 + 6 + 1;
        double one = T.session(FaxModulation.V34, 1).toNanos() / 1e9;

        assertThat(T.sessionSeconds(FaxModulation.V34, 0.5)).isCloseTo((empty + one) / 2, within(1e-8));
    }

    @Property
    void eachFurtherPageAddsOnePerPageTime(
            @ForAll @DoubleRange(min = 0.01, max = 500) double pages, @ForAll FaxModulation m) {
        double perPage = T.perPage(m).toNanos() / 1e9;

        assertThat(T.sessionSeconds(m, pages + 1) - T.sessionSeconds(m, pages)).isCloseTo(perPage, within(1e-6));
    }

    @Test
    void sessionSecondsRejectsPageCountsThatAreNotFiniteAndPositive() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> T.sessionSeconds(FaxModulation.V34, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("meanPages = " + bad);
        }
        assertThatThrownBy(() -> T.sessionSeconds(null, 1)).hasMessageContaining("modulation");
    }

    @Test
    void withPageBytesChangesOnlyThePageSize() {
        FaxTiming big = T.withPageBytes(30_000);

        assertThat(big.pageBytes()).isEqualTo(30_000);
        assertThat(big.pageData(FaxModulation.V17)).isEqualTo(Duration.ofNanos(Math.round(240_000 / 14_400.0 * 1e9)));
        assertThat(big.withPageBytes(T.pageBytes())).isEqualTo(T);
        assertThat(T.withPageBytes(T.pageBytes())).isSameAs(T);
        assertThatThrownBy(() -> T.withPageBytes(0)).hasMessageContaining("pageBytes 0 must be ≥ 1");
    }
}
