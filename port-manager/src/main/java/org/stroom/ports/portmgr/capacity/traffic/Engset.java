package org.stroom.ports.portmgr.capacity.traffic;

/**
 * Engset: blocking of a group of N ports serving a finite population of S sources (for example S fax machines
 * or extensions sharing N lines), blocked calls cleared. Each idle source offers β erlangs; a busy source
 * offers nothing, so traffic falls as ports fill up and blocking is lower than Erlang B for the same load.
 *
 * <p>Two congestion measures differ for finite sources:
 *
 * <ul>
 *   <li>{@link #timeCongestion} E(S, N, β): fraction of time all N ports are busy;
 *   <li>{@link #blocking} (call congestion) B = E(S − 1, N, β): fraction of call attempts that are blocked, the
 *       one to size against a grade of service. It is 0 when S &le; N.
 * </ul>
 *
 * <p>Computed with the stable recursion E(0) = 1, E(n) = (S − n + 1)·β·E(n−1) / (n + (S − n + 1)·β·E(n−1)),
 * never with binomial coefficients. As S → ∞ with S·β fixed at A the call congestion tends to Erlang B(N, A).
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class Engset {
    private Engset() {}

    /**
     * Call congestion: probability that a call attempt finds all ports busy.
     *
     * @param sources number of sources S, &ge; 1
     * @param ports number of ports N, in [0, {@link ErlangB#MAX_PORTS}]
     * @param erlangsPerIdleSource traffic β offered by each idle source (call rate of an idle source times the
     *     mean holding time) in erlangs, finite and &ge; 0
     * @return B in [0, 1]; 0 when S &le; N or β = 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double blocking(int sources, int ports, double erlangsPerIdleSource) {
        String function = "Engset.blocking";
        check(function, sources, ports, erlangsPerIdleSource);
        return congestion(sources - 1, ports, erlangsPerIdleSource);
    }

    /**
     * Time congestion: fraction of time all ports are busy.
     *
     * @param sources number of sources S, &ge; 1
     * @param ports number of ports N, in [0, {@link ErlangB#MAX_PORTS}]
     * @param erlangsPerIdleSource traffic β offered by each idle source in erlangs, finite and &ge; 0
     * @return E in [0, 1]; 0 when S &lt; N or β = 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double timeCongestion(int sources, int ports, double erlangsPerIdleSource) {
        String function = "Engset.timeCongestion";
        check(function, sources, ports, erlangsPerIdleSource);
        return congestion(sources, ports, erlangsPerIdleSource);
    }

    /**
     * Call congestion for a given total offered traffic, with the ITU-T / Iversen definition: the offered
     * traffic is what the sources would carry with unlimited ports, A = S·β / (1 + β).
     *
     * @param sources number of sources S, &ge; 1
     * @param ports number of ports N, in [0, {@link ErlangB#MAX_PORTS}]
     * @param offeredErlangs total offered traffic A in erlangs, in [0, S)
     * @return B in [0, 1], the same as {@code blocking(S, N, erlangsPerIdleSource(S, A))}
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double blockingForTotalOffered(int sources, int ports, double offeredErlangs) {
        String function = "Engset.blockingForTotalOffered";
        Arguments.atLeast(function, "sources", sources, 1);
        Arguments.ports(function, "ports", ports, 0);
        return congestion(sources - 1, ports, perIdleSource(function, sources, offeredErlangs));
    }

    /**
     * Traffic per idle source β for a total offered traffic A from S sources: β = A / (S − A), the inverse of
     * A = S·β / (1 + β).
     *
     * @param sources number of sources S, &ge; 1
     * @param offeredErlangs total offered traffic A in erlangs, in [0, S)
     * @return β in erlangs, finite and &ge; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static double erlangsPerIdleSource(int sources, double offeredErlangs) {
        String function = "Engset.erlangsPerIdleSource";
        Arguments.atLeast(function, "sources", sources, 1);
        return perIdleSource(function, sources, offeredErlangs);
    }

    private static double perIdleSource(String function, int sources, double offeredErlangs) {
        Arguments.erlangs(function, "offeredErlangs", offeredErlangs);
        if (!(offeredErlangs < sources)) {
            throw new IllegalArgumentException(function + ": offeredErlangs = " + offeredErlangs
                    + " is outside the valid range [0, sources = " + sources
                    + "): each source offers less than one erlang");
        }
        return offeredErlangs / (sources - offeredErlangs);
    }

    private static void check(String function, int sources, int ports, double erlangsPerIdleSource) {
        Arguments.atLeast(function, "sources", sources, 1);
        Arguments.ports(function, "ports", ports, 0);
        Arguments.erlangs(function, "erlangsPerIdleSource", erlangsPerIdleSource);
    }

    /** E(sources, ports, beta): time congestion, or call congestion when given S − 1 sources. */
    private static double congestion(int sources, int ports, double beta) {
        if (beta == 0.0 || ports > sources) {
            return 0.0;
        }
        double e = 1.0;
        for (int n = 1; n <= ports && e != 0.0; n++) {
            double s = (double) (sources - n + 1) * beta * e;
            e = s / (n + s);
        }
        return e;
    }
}
