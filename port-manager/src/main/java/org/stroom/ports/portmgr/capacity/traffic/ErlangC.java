package org.stroom.ports.portmgr.capacity.traffic;

/**
 * Erlang C (blocked calls wait, M/M/N with an unlimited first-in first-out queue): used to size queues such as
 * outbound fax jobs waiting for a port. Assumes Poisson arrivals and exponential holding times.
 *
 * <p>Computed from Erlang B: P_w = N·B / (N − A·(1 − B)), so it inherits the stability and O(N) cost of
 * {@link ErlangB}. Only defined for a stable queue, A &lt; N; otherwise the queue grows without bound and every
 * method throws {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class ErlangC {
    private ErlangC() {}

    /**
     * Probability that an arriving call finds every port busy and has to wait.
     *
     * @param ports number of ports N, in [1, {@link ErlangB#MAX_PORTS}]
     * @param erlangs offered traffic A in erlangs, finite, &ge; 0 and &lt; N
     * @return P_w(N, A) in [0, 1); never less than {@code ErlangB.blocking(N, A)}
     * @throws IllegalArgumentException if an argument is outside its range or A &ge; N (unstable queue)
     */
    public static double probabilityOfWaiting(int ports, double erlangs) {
        String function = "ErlangC.probabilityOfWaiting";
        checkStable(function, ports, erlangs);
        return probabilityOfWaiting(ports, erlangs, ErlangB.recurse(ports, erlangs));
    }

    /**
     * Mean waiting time over all calls (including those that do not wait), W = P_w·h / (N − A).
     *
     * @param ports number of ports N, in [1, {@link ErlangB#MAX_PORTS}]
     * @param erlangs offered traffic A in erlangs, finite, &ge; 0 and &lt; N
     * @param holdingSeconds mean holding time h of a call in seconds, finite and &gt; 0
     * @return mean wait in seconds, &ge; 0
     * @throws IllegalArgumentException if an argument is outside its range or A &ge; N (unstable queue)
     */
    public static double meanWait(int ports, double erlangs, double holdingSeconds) {
        String function = "ErlangC.meanWait";
        checkStable(function, ports, erlangs);
        Arguments.positiveSeconds(function, "holdingSeconds", holdingSeconds);
        double waiting = probabilityOfWaiting(ports, erlangs, ErlangB.recurse(ports, erlangs));
        return waiting * holdingSeconds / (ports - erlangs);
    }

    /**
     * Service level: probability that a call waits no longer than the given time,
     * 1 − P_w·exp(−(N − A)·t / h).
     *
     * @param ports number of ports N, in [1, {@link ErlangB#MAX_PORTS}]
     * @param erlangs offered traffic A in erlangs, finite, &ge; 0 and &lt; N
     * @param holdingSeconds mean holding time h of a call in seconds, finite and &gt; 0
     * @param withinSeconds waiting-time limit t in seconds, finite and &ge; 0
     * @return P(wait &le; t) in (0, 1]
     * @throws IllegalArgumentException if an argument is outside its range or A &ge; N (unstable queue)
     */
    public static double serviceLevel(int ports, double erlangs, double holdingSeconds, double withinSeconds) {
        String function = "ErlangC.serviceLevel";
        checkStable(function, ports, erlangs);
        Arguments.positiveSeconds(function, "holdingSeconds", holdingSeconds);
        Arguments.seconds(function, "withinSeconds", withinSeconds);
        double waiting = probabilityOfWaiting(ports, erlangs, ErlangB.recurse(ports, erlangs));
        return serviceLevel(ports, erlangs, waiting, holdingSeconds, withinSeconds);
    }

    /**
     * Smallest number of ports that meets a service level: the N &gt; A with
     * {@code serviceLevel(N, A, h, t) >= target} and, if N − 1 &gt; A, {@code serviceLevel(N - 1, A, h, t) <
     * target}. One pass of the Erlang B recursion, O(N).
     *
     * @param erlangs offered traffic A in erlangs, finite and &ge; 0
     * @param holdingSeconds mean holding time h of a call in seconds, finite and &gt; 0
     * @param targetServiceLevel required probability of waiting no longer than t, in (0, 1), e.g. 0.8
     * @param withinSeconds waiting-time limit t in seconds, finite and &ge; 0
     * @return the number of ports, in [1, {@link ErlangB#MAX_PORTS}]
     * @throws IllegalArgumentException if an argument is outside its range, or if more than
     *     {@link ErlangB#MAX_PORTS} ports would be needed
     */
    public static int portsFor(double erlangs, double holdingSeconds, double targetServiceLevel, double withinSeconds) {
        String function = "ErlangC.portsFor";
        Arguments.erlangs(function, "erlangs", erlangs);
        Arguments.positiveSeconds(function, "holdingSeconds", holdingSeconds);
        Arguments.openProbability(function, "targetServiceLevel", targetServiceLevel);
        Arguments.seconds(function, "withinSeconds", withinSeconds);
        String detail = "erlangs = " + erlangs + " at targetServiceLevel = " + targetServiceLevel + " within "
                + withinSeconds + " s";
        if (erlangs >= ErlangB.MAX_PORTS) {
            throw Arguments.tooManyPorts(function, detail);
        }
        int n = (int) Math.floor(erlangs) + 1;
        double b = ErlangB.recurse(n, erlangs);
        while (serviceLevel(n, erlangs, probabilityOfWaiting(n, erlangs, b), holdingSeconds, withinSeconds)
                < targetServiceLevel) {
            if (n == ErlangB.MAX_PORTS) {
                throw Arguments.tooManyPorts(function, detail);
            }
            n++;
            b = ErlangB.step(b, n, erlangs);
        }
        return n;
    }

    static double probabilityOfWaiting(int ports, double erlangs, double blocking) {
        // N − A + A·B rather than N − A·(1 − B): no cancellation when B is close to 1.
        return ports * blocking / ((ports - erlangs) + erlangs * blocking);
    }

    private static double serviceLevel(
            int ports, double erlangs, double waiting, double holdingSeconds, double withinSeconds) {
        return 1.0 - waiting * Math.exp(-(ports - erlangs) * withinSeconds / holdingSeconds);
    }

    private static void checkStable(String function, int ports, double erlangs) {
        Arguments.ports(function, "ports", ports, 0);
        Arguments.erlangs(function, "erlangs", erlangs);
        if (!(erlangs < ports)) {
            throw new IllegalArgumentException(function + ": erlangs = " + erlangs + " >= ports = " + ports
                    + ": the queue is unstable (waits grow without bound); offered traffic must be less than"
                    + " the number of ports");
        }
    }
}
