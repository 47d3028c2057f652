package org.stroom.ports.portmgr.capacity.traffic;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Independent reference for the traffic formulas in 40-digit decimal arithmetic: Erlang B by the direct
 * recursion and by its defining sum, Erlang C and Engset by their defining sums of Poisson and binomial terms.
 * Slow (O(N) big-number operations), exact to far more digits than a double holds.
 *
 * <p>Thread-safety: stateless.
 */
final class BigDecimalTraffic {
    static final MathContext MC = new MathContext(40);

    private BigDecimalTraffic() {}

    /** B(N, A) by B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)). */
    static BigDecimal erlangB(int ports, double erlangs) {
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal b = BigDecimal.ONE;
        for (int n = 1; n <= ports; n++) {
            BigDecimal s = a.multiply(b, MC);
            b = s.divide(BigDecimal.valueOf(n).add(s, MC), MC);
        }
        return b;
    }

    /** B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!. */
    static BigDecimal erlangBBySum(int ports, double erlangs) {
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k <= ports; k++) {
            term = term.multiply(a, MC).divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return term.divide(sum, MC);
    }

    /** Erlang C: (A^N / N! · N / (N − A)) / (Σ_{k=0..N−1} A^k / k! + A^N / N! · N / (N − A)), for A &lt; N. */
    static BigDecimal erlangC(int ports, double erlangs) {
        BigDecimal a = new BigDecimal(erlangs);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k <= ports; k++) {
            sum = sum.add(term, MC);
            term = term.multiply(a, MC).divide(BigDecimal.valueOf(k), MC);
        }
        BigDecimal n = BigDecimal.valueOf(ports);
        BigDecimal last = term.multiply(n, MC).divide(n.subtract(a), MC);
        return last.divide(sum.add(last, MC), MC);
    }

    /** Engset time congestion: C(S, N)·β^N / Σ_{k=0..N} C(S, k)·β^k; 0 when N &gt; S. */
    static BigDecimal engsetTime(int sources, int ports, double beta) {
        if (ports > sources) {
            return BigDecimal.ZERO;
        }
        BigDecimal b = new BigDecimal(beta);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k <= ports; k++) {
            // C(S, k) = C(S, k − 1)·(S − k + 1) / k
            term = term.multiply(BigDecimal.valueOf((long) sources - k + 1), MC)
                    .multiply(b, MC)
                    .divide(BigDecimal.valueOf(k), MC);
            sum = sum.add(term, MC);
        }
        return term.divide(sum, MC);
    }

    /** Engset call congestion: time congestion seen by S − 1 other sources. */
    static BigDecimal engsetCall(int sources, int ports, double beta) {
        return engsetTime(sources - 1, ports, beta);
    }

    /** |actual − expected| / expected. */
    static double relativeError(double actual, BigDecimal expected) {
        if (expected.signum() == 0) {
            return actual == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return new BigDecimal(actual)
                .subtract(expected, MC)
                .divide(expected, MC)
                .abs()
                .doubleValue();
    }

    /** True when the exact value is large enough that a double holds it with full relative precision. */
    static boolean representable(BigDecimal exact) {
        return exact.compareTo(new BigDecimal("1e-290")) >= 0;
    }
}
