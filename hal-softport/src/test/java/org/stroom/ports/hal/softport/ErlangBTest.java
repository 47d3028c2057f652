package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Measured blocking of Poisson traffic on one 24-channel span against Erlang B.
 *
 * <p>Set-up: an E&amp;M wink-start CAS span (24 bearer channels), exponential holding times of
 * mean 180 s from answer, answer at once, no release delay, so each call holds its channel for
 * exactly its holding time; offered load A = λ·h. Blocked calls are lost (Erlang B's assumption),
 * which is what the simulated network does when its hunt finds no idle channel.
 *
 * <p>Estimate: after a 5-hour warm-up, 20 batches of 40 hours each (≈ 12,000 arrivals per batch,
 * 240,000 in all); the batch blocking ratios are treated as independent normal samples, giving a
 * 95 % confidence interval mean ± t(0.975, 19)·s/√20 with t = 2.093. Seeded, so the run and its
 * interval are the same every time.
 */
class ErlangBTest {
    private static final int CHANNELS = 24;
    private static final int BATCHES = 20;
    private static final double T_975_19 = 2.093;

    /** Erlang B by the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)). */
    static double erlangB(int n, double a) {
        double b = 1.0;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    @Test
    void erlangBRecursionMatchesKnownValues() {
        assertThat(erlangB(24, 15.3)).isCloseTo(0.010, within(0.0002));
        assertThat(erlangB(23, 14.5)).isCloseTo(0.010, within(0.0005));
        assertThat(erlangB(96, 80.3)).isCloseTo(0.010, within(0.0002));
        assertThat(erlangB(1, 1.0)).isEqualTo(0.5);
    }

    @Test
    void blockingOnA24ChannelSpanMatchesErlangBWithinA95PercentInterval() {
        double erlangs = 15.0;
        Duration holding = Duration.ofSeconds(180);
        VirtualClock clock = new VirtualClock();
        SoftBackend backend = SoftBackend.builder("server")
                .clock(clock)
                .seed(3)
                .callTimings(CallTimings.DEFAULT.withRelease(Duration.ZERO))
                .board(BoardModel.TR1034_1T1, Sim.cas("E1", 3125550100L))
                .build();
        assertThat(backend.channels()).hasSize(CHANNELS);
        ApplicationBehaviour app = ApplicationBehaviour.builder(backend).build();
        TrafficSource traffic = TrafficSource.builder(clock)
                .seed(20240501)
                .group(backend.cables().get(0))
                .callsPerHour(erlangs * 3600.0 / holding.toSeconds())
                .faxShare(0)
                .voiceHolding(HoldingTime.exponential(holding))
                .build();

        traffic.start();
        clock.advance(Duration.ofHours(5));
        double[] blocking = new double[BATCHES];
        TrafficStats before = traffic.stats();
        for (int i = 0; i < BATCHES; i++) {
            clock.advance(Duration.ofHours(40));
            TrafficStats after = traffic.stats();
            blocking[i] = (double) (after.blocked() - before.blocked()) / (after.offered() - before.offered());
            before = after;
        }
        traffic.stop();

        double mean = 0;
        for (double b : blocking) {
            mean += b / BATCHES;
        }
        double var = 0;
        for (double b : blocking) {
            var += (b - mean) * (b - mean) / (BATCHES - 1);
        }
        double halfWidth = T_975_19 * Math.sqrt(var / BATCHES);
        double expected = erlangB(CHANNELS, erlangs);

        assertThat(expected).isCloseTo(0.00839, within(0.00001));
        assertThat(traffic.stats().offered()).isGreaterThan(150_000);
        assertThat(halfWidth)
                .as("95%% CI half-width %.5f must be tight enough to mean something", halfWidth)
                .isLessThan(0.2 * expected);
        assertThat(expected)
                .as("Erlang B %.5f inside measured %.5f ± %.5f", expected, mean, halfWidth)
                .isBetween(mean - halfWidth, mean + halfWidth);
        assertThat(app.answered()).isEqualTo(traffic.stats().carried());
        app.close();
        backend.close();
    }
}
