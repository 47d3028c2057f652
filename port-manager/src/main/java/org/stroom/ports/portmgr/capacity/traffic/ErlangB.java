package org.stroom.ports.portmgr.capacity.traffic;

/**
 * Erlang B (blocked calls cleared): the probability that a call offered to a group of ports finds every port
 * busy and is lost, for Poisson arrivals and any holding-time distribution.
 *
 * <p>Computed with the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), never with factorials. Each
 * step damps the error of the previous one, so the result keeps about 13 significant digits for groups up to
 * {@link #MAX_PORTS} ports (until it underflows below {@link Double#MIN_NORMAL}). Cost is O(N) per evaluation.
 *
 * <p>Convention: with no offered traffic nothing is blocked, so {@code blocking(n, 0) == 0} for every n,
 * including 0; with traffic and no ports every call is blocked, {@code blocking(0, A) == 1} for A &gt; 0.
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class ErlangB {
    /** Largest port group accepted by the traffic formulas of this package (ports). */
    public static final int MAX_PORTS = 1_000_000;

    /** Relative step at which the root finders stop; far below the promised 1e-9. */
    static final double RELATIVE_TOLERANCE = 1e-13;

    static final int MAX_ITERATIONS = 200;

    private ErlangB() {}

    /**
     * Blocking probability of a group of ports.
     *
     * @param ports number of ports (servers) N, in [0, {@link #MAX_PORTS}]
     * @param erlangs offered traffic A in erlangs, finite and &ge; 0
     * @return B(N, A), the fraction of offered calls that are lost, in [0, 1]
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double blocking(int ports, double erlangs) {
        Arguments.ports("ErlangB.blocking", "ports", ports, 0);
        Arguments.erlangs("ErlangB.blocking", "erlangs", erlangs);
        return recurse(ports, erlangs);
    }

    /**
     * Smallest number of ports whose blocking does not exceed the target: the N with
     * {@code blocking(N, A) <= target < blocking(N - 1, A)}. One pass of the recursion, O(N).
     *
     * @param erlangs offered traffic A in erlangs, finite and &ge; 0; 0 needs 0 ports
     * @param targetBlocking grade of service, in (0, 1), e.g. 0.01 for 1 %
     * @return the number of ports N, in [0, {@link #MAX_PORTS}]
     * @throws IllegalArgumentException if an argument is outside its range, or if more than {@link #MAX_PORTS}
     *     ports would be needed
     */
    public static int portsFor(double erlangs, double targetBlocking) {
        String function = "ErlangB.portsFor";
        Arguments.erlangs(function, "erlangs", erlangs);
        Arguments.openProbability(function, "targetBlocking", targetBlocking);
        return portsFor(function, erlangs, targetBlocking);
    }

    static int portsFor(String function, double erlangs, double targetBlocking) {
        if (erlangs == 0.0) {
            return 0;
        }
        // Carried traffic A·(1 − B) can never exceed N, so this many ports are needed at least.
        if (erlangs * (1.0 - targetBlocking) > MAX_PORTS) {
            throw Arguments.tooManyPorts(function, "erlangs = " + erlangs + " at targetBlocking = " + targetBlocking);
        }
        double b = 1.0;
        int n = 0;
        while (b > targetBlocking) {
            if (n == MAX_PORTS) {
                throw Arguments.tooManyPorts(
                        function, "erlangs = " + erlangs + " at targetBlocking = " + targetBlocking);
            }
            n++;
            b = step(b, n, erlangs);
        }
        return n;
    }

    /**
     * Offered traffic that a group of ports carries at the target blocking: the A with B(N, A) = target, to a
     * relative error below 1e-9 (in practice about 1e-13). Safeguarded Newton iteration on ln B as a function
     * of ln A, which is increasing and concave; about ten to twenty evaluations of O(N) each. The result never
     * overshoots: {@code blocking(N, trafficFor(N, t)) <= t}, so {@code portsFor(trafficFor(N, t), t) == N}.
     *
     * @param ports number of ports N, in [1, {@link #MAX_PORTS}]
     * @param targetBlocking grade of service, in (0, 1); targets below {@link Double#MIN_NORMAL} lose precision
     * @return offered traffic A in erlangs, &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double trafficFor(int ports, double targetBlocking) {
        String function = "ErlangB.trafficFor";
        Arguments.ports(function, "ports", ports, 1);
        Arguments.openProbability(function, "targetBlocking", targetBlocking);

        double logTarget = Math.log(targetBlocking);
        double lo = 0.0; // B(N, lo) <= target
        double hi = ports / (1.0 - targetBlocking); // B >= 1 − N/A, so B(N, hi) >= target
        double a = hi;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double b = recurse(ports, a);
            if (b == targetBlocking) {
                return a;
            }
            if (b > targetBlocking) {
                hi = a;
            } else {
                lo = a;
            }
            // d ln B / d ln A = N − A·(1 − B): ports minus carried traffic.
            double slope = (ports - a) + a * b;
            double next = Double.NaN;
            if (b > 0.0 && slope > 0.0) {
                next = a * Math.exp((logTarget - Math.log(b)) / slope);
            }
            if (!(next > lo && next < hi)) {
                next = lo > 0.0 ? Math.sqrt(lo * hi) : 0.5 * hi;
            }
            if (Math.abs(next - a) <= RELATIVE_TOLERANCE * next || hi - lo <= RELATIVE_TOLERANCE * hi) {
                return notAbove(ports, targetBlocking, next);
            }
            a = next;
        }
        return notAbove(ports, targetBlocking, a);
    }

    /**
     * Moves a converged root down by a few units in the last place if needed, so that B(N, result) &le; target
     * and {@code portsFor(trafficFor(N, t), t) == N} holds despite rounding.
     */
    private static double notAbove(int ports, double targetBlocking, double root) {
        if (recurse(ports, root) <= targetBlocking) {
            return root;
        }
        double hi = root;
        double lo;
        double gap = RELATIVE_TOLERANCE * root;
        do {
            lo = Math.max(0.0, hi - gap);
            gap *= 2;
        } while (lo > 0.0 && recurse(ports, lo) > targetBlocking);
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return lo;
            }
            if (recurse(ports, mid) <= targetBlocking) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /**
     * Traffic carried by the group, A·(1 − B): the mean number of busy ports.
     *
     * @param ports number of ports N, in [0, {@link #MAX_PORTS}]
     * @param erlangs offered traffic A in erlangs, finite and &ge; 0
     * @return carried traffic in erlangs, in [0, min(A, N)]
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double carried(int ports, double erlangs) {
        Arguments.ports("ErlangB.carried", "ports", ports, 0);
        Arguments.erlangs("ErlangB.carried", "erlangs", erlangs);
        return erlangs * (1.0 - recurse(ports, erlangs));
    }

    /** B(N, A) without argument checks. */
    static double recurse(int ports, double erlangs) {
        if (erlangs == 0.0) {
            return 0.0;
        }
        double b = 1.0;
        for (int n = 1; n <= ports && b != 0.0; n++) {
            b = step(b, n, erlangs);
        }
        return b;
    }

    /** B(n, A) from B(n − 1, A). */
    static double step(double previous, int n, double erlangs) {
        double s = erlangs * previous;
        return s / (n + s);
    }
}
