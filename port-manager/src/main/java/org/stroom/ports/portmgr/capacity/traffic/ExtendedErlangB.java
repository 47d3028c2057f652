package org.stroom.ports.portmgr.capacity.traffic;

/**
 * Extended Erlang B: Erlang B where a fraction r of blocked calls retries (for example a fax server redialling a
 * busy outbound group). The retries add to the offered load, so the total offered load A' is the fixed point of
 * A' = A + r·A'·B(N, A'); the fraction 1 − r of blocked attempts gives up and is lost.
 *
 * <p>The fixed point is unique for r in [0, 1): the map's slope is r·(1 − dCarried/dA') &le; r. It is found by a
 * safeguarded Newton iteration inside [A, A / (1 − r)], so r close to 1 costs no more than small r.
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class ExtendedErlangB {
    private ExtendedErlangB() {}

    /**
     * Outcome of a port group under retries.
     *
     * <p>Thread-safety: immutable.
     *
     * @param blocking probability that an attempt (first try or retry) is blocked, B(N, A'), in [0, 1]
     * @param offeredErlangs offered load including retries A', in erlangs, &ge; the fresh traffic
     * @param lostErlangs traffic that is finally abandoned, A'·B·(1 − r), in erlangs, &ge; 0
     */
    public record Result(double blocking, double offeredErlangs, double lostErlangs) {
        /**
         * @throws IllegalArgumentException if blocking is outside [0, 1] or a traffic value is negative or not
         *     finite
         */
        public Result {
            if (!(blocking >= 0.0 && blocking <= 1.0)) {
                throw new IllegalArgumentException(
                        "ExtendedErlangB.Result: blocking = " + blocking + " is outside the valid range [0, 1]");
            }
            Arguments.erlangs("ExtendedErlangB.Result", "offeredErlangs", offeredErlangs);
            Arguments.erlangs("ExtendedErlangB.Result", "lostErlangs", lostErlangs);
        }

        /**
         * @return traffic carried by the ports, A'·(1 − B), in erlangs
         */
        public double carriedErlangs() {
            return offeredErlangs * (1.0 - blocking);
        }
    }

    /**
     * Blocking, offered load with retries and lost traffic for a group of ports.
     *
     * @param ports number of ports N, in [0, {@link ErlangB#MAX_PORTS}]
     * @param erlangs fresh offered traffic A (first attempts only) in erlangs, finite and &ge; 0
     * @param retryFraction fraction r of blocked attempts that retry, in [0, 1); 0 gives plain Erlang B
     * @return the fixed point, never null
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static Result evaluate(int ports, double erlangs, double retryFraction) {
        String function = "ExtendedErlangB.evaluate";
        Arguments.ports(function, "ports", ports, 0);
        Arguments.erlangs(function, "erlangs", erlangs);
        Arguments.fraction(function, "retryFraction", retryFraction);
        return solve(ports, erlangs, retryFraction);
    }

    /**
     * Blocking probability of an attempt, the {@link Result#blocking()} of {@link #evaluate}.
     *
     * @param ports number of ports N, in [0, {@link ErlangB#MAX_PORTS}]
     * @param erlangs fresh offered traffic A in erlangs, finite and &ge; 0
     * @param retryFraction fraction r of blocked attempts that retry, in [0, 1)
     * @return B(N, A') in [0, 1], never less than {@code ErlangB.blocking(N, A)}
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double blocking(int ports, double erlangs, double retryFraction) {
        String function = "ExtendedErlangB.blocking";
        Arguments.ports(function, "ports", ports, 0);
        Arguments.erlangs(function, "erlangs", erlangs);
        Arguments.fraction(function, "retryFraction", retryFraction);
        return solve(ports, erlangs, retryFraction).blocking();
    }

    /**
     * Smallest number of ports whose blocking with retries does not exceed the target: the N with
     * {@code blocking(N, A, r) <= target < blocking(N - 1, A, r)}.
     *
     * <p>Exact shortcut: B(N, A') &le; t holds exactly when B(N, A / (1 − r·t)) &le; t, so this is one Erlang B
     * search plus a check of the neighbours.
     *
     * @param erlangs fresh offered traffic A in erlangs, finite and &ge; 0; 0 needs 0 ports
     * @param targetBlocking highest acceptable blocking per attempt, in (0, 1)
     * @param retryFraction fraction r of blocked attempts that retry, in [0, 1)
     * @return the number of ports, in [0, {@link ErlangB#MAX_PORTS}]
     * @throws IllegalArgumentException if an argument is outside its range, or if more than
     *     {@link ErlangB#MAX_PORTS} ports would be needed
     */
    public static int portsFor(double erlangs, double targetBlocking, double retryFraction) {
        String function = "ExtendedErlangB.portsFor";
        Arguments.erlangs(function, "erlangs", erlangs);
        Arguments.openProbability(function, "targetBlocking", targetBlocking);
        Arguments.fraction(function, "retryFraction", retryFraction);
        if (erlangs == 0.0) {
            return 0;
        }
        double inflated = erlangs / (1.0 - retryFraction * targetBlocking);
        int n = ErlangB.portsFor(function, inflated, targetBlocking);
        // The shortcut is exact in real arithmetic; align it with evaluate() where rounding differs.
        while (solve(n, erlangs, retryFraction).blocking() > targetBlocking) {
            if (n == ErlangB.MAX_PORTS) {
                throw Arguments.tooManyPorts(
                        function,
                        "erlangs = " + erlangs + " at targetBlocking = " + targetBlocking + " with retryFraction = "
                                + retryFraction);
            }
            n++;
        }
        while (n > 0 && solve(n - 1, erlangs, retryFraction).blocking() <= targetBlocking) {
            n--;
        }
        return n;
    }

    static Result solve(int ports, double erlangs, double retryFraction) {
        if (erlangs == 0.0) {
            return new Result(0.0, 0.0, 0.0);
        }
        double x = erlangs;
        double b = ErlangB.recurse(ports, x);
        if (retryFraction > 0.0) {
            // g(x) = x − A − r·x·B(N, x) is increasing with slope in [1 − r, 1]; g(A) <= 0 <= g(A / (1 − r)).
            double lo = erlangs;
            double hi = erlangs / (1.0 - retryFraction);
            for (int i = 0; i < ErlangB.MAX_ITERATIONS; i++) {
                double g = (x - erlangs) - retryFraction * x * b;
                if (g == 0.0) {
                    break;
                }
                if (g < 0.0) {
                    lo = x;
                } else {
                    hi = x;
                }
                // d(x·B)/dx = B·(1 + N − x·(1 − B)).
                double slope = 1.0 - retryFraction * b * (1.0 + (ports - x) + x * b);
                slope = Math.max(1.0 - retryFraction, Math.min(1.0, slope));
                double next = x - g / slope;
                if (!(next >= lo && next <= hi)) {
                    next = 0.5 * (lo + hi);
                }
                boolean converged = Math.abs(next - x) <= ErlangB.RELATIVE_TOLERANCE * next
                        || hi - lo <= ErlangB.RELATIVE_TOLERANCE * hi;
                x = next;
                b = ErlangB.recurse(ports, x);
                if (converged) {
                    break;
                }
            }
        }
        return new Result(b, x, x * b * (1.0 - retryFraction));
    }
}
