package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A distribution of call holding times (from answer until the caller hangs up).
 *
 * <p>Thread-safety: immutable; sampling uses the caller's random.
 */
public sealed interface HoldingTime permits HoldingTime.Exponential, HoldingTime.Fixed, HoldingTime.LogNormal {
    /** @return one holding time, ≥ 0 */
    Duration sample(RandomGenerator random);

    /** @return the distribution's mean */
    Duration mean();

    /** @return exponential holding times with {@code mean} (the classic telephony assumption) */
    static HoldingTime exponential(Duration mean) {
        return new Exponential(mean);
    }

    /** @return always {@code value} */
    static HoldingTime fixed(Duration value) {
        return new Fixed(value);
    }

    /** @return lognormal holding times with this mean and standard deviation (typical of voice calls) */
    static HoldingTime lognormal(Duration mean, Duration stdDev) {
        return new LogNormal(mean, stdDev);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("holding time " + name + " " + d + " must be positive");
        }
    }

    /**
     * Exponential.
     *
     * @param mean positive
     *     <p>Thread-safety: immutable.
     */
    record Exponential(Duration mean) implements HoldingTime {
        /** Checks the mean. */
        public Exponential {
            positive(mean, "mean");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return Duration.ofNanos(Math.round(-Math.log(1.0 - random.nextDouble()) * mean.toNanos()));
        }
    }

    /**
     * Constant.
     *
     * @param value non-negative
     *     <p>Thread-safety: immutable.
     */
    record Fixed(Duration value) implements HoldingTime {
        /** Checks the value. */
        public Fixed {
            Objects.requireNonNull(value, "value");
            if (value.isNegative()) {
                throw new IllegalArgumentException("holding time " + value + " is negative");
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return value;
        }

        @Override
        public Duration mean() {
            return value;
        }
    }

    /**
     * Lognormal, parameterised by its own mean and standard deviation.
     *
     * @param mean positive
     * @param stdDev positive
     *     <p>Thread-safety: immutable.
     */
    record LogNormal(Duration mean, Duration stdDev) implements HoldingTime {
        /** Checks both. */
        public LogNormal {
            positive(mean, "mean");
            positive(stdDev, "stdDev");
        }

        @Override
        public Duration sample(RandomGenerator random) {
            double m = mean.toNanos();
            double s = stdDev.toNanos();
            double sigma2 = Math.log(1 + (s * s) / (m * m));
            double mu = Math.log(m) - sigma2 / 2;
            return Duration.ofNanos(Math.round(Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian())));
        }
    }
}
