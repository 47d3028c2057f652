package org.stroom.ports.hal.softport;

import java.util.random.RandomGenerator;

/**
 * A distribution of pages per fax, each ≥ 1.
 *
 * <p>Thread-safety: immutable; sampling uses the caller's random.
 */
public sealed interface PageCount permits PageCount.Fixed, PageCount.Uniform, PageCount.Geometric {
    /** @return one page count, ≥ 1 */
    int sample(RandomGenerator random);

    /** @return the mean page count */
    double mean();

    /** @return always {@code pages} */
    static PageCount fixed(int pages) {
        return new Fixed(pages);
    }

    /** @return uniformly {@code min..max} */
    static PageCount uniform(int min, int max) {
        return new Uniform(min, max);
    }

    /** @return geometric on 1, 2, 3 ... with this mean (many short faxes, a few long ones) */
    static PageCount geometric(double mean) {
        return new Geometric(mean);
    }

    /**
     * Constant.
     *
     * @param pages ≥ 1
     *     <p>Thread-safety: immutable.
     */
    record Fixed(int pages) implements PageCount {
        /** Checks the count. */
        public Fixed {
            if (pages < 1) {
                throw new IllegalArgumentException("pages per fax " + pages + " must be ≥ 1");
            }
        }

        @Override
        public int sample(RandomGenerator random) {
            return pages;
        }

        @Override
        public double mean() {
            return pages;
        }
    }

    /**
     * Uniform.
     *
     * @param min ≥ 1
     * @param max ≥ min
     *     <p>Thread-safety: immutable.
     */
    record Uniform(int min, int max) implements PageCount {
        /** Checks the bounds. */
        public Uniform {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("pages per fax " + min + ".." + max + ": need 1 ≤ min ≤ max");
            }
        }

        @Override
        public int sample(RandomGenerator random) {
            return random.nextInt(min, max + 1);
        }

        @Override
        public double mean() {
            return (min + max) / 2.0;
        }
    }

    /**
     * Geometric on 1, 2, 3 ...
     *
     * @param mean ≥ 1
     *     <p>Thread-safety: immutable.
     */
    record Geometric(double mean) implements PageCount {
        /** Checks the mean. */
        public Geometric {
            if (!(mean >= 1)) {
                throw new IllegalArgumentException("mean pages per fax " + mean + " must be ≥ 1");
            }
        }

        @Override
        public int sample(RandomGenerator random) {
            if (mean == 1) {
                return 1;
            }
            double p = 1 / mean;
            double u = 1.0 - random.nextDouble();
            return 1 + (int) Math.min(10_000, Math.floor(Math.log(u) / Math.log(1 - p)));
        }
    }
}
