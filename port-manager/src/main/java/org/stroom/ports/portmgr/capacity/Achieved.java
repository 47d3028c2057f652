package org.stroom.ports.portmgr.capacity;

/**
 * The grade of service a pool would get with a given number of ports.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface Achieved permits Achieved.Loss, Achieved.Queue {
    /** @return a short description, e.g. {@code "blocking 0.8 %"} */
    String describe();

    /**
     * Loss pool.
     *
     * @param blocking probability that an attempt is blocked, in [0, 1]
     *     <p>Thread-safety: immutable.
     */
    record Loss(double blocking) implements Achieved {
        @Override
        public String describe() {
            return "blocking " + Fmt.percent(blocking);
        }
    }

    /**
     * Queue pool.
     *
     * @param probabilityOfWaiting probability a call waits at all, in [0, 1]
     * @param meanWaitSeconds mean wait over all calls in seconds; {@link Double#POSITIVE_INFINITY} when the
     *     queue is unstable (offered traffic not below the ports)
     *     <p>Thread-safety: immutable.
     */
    record Queue(double probabilityOfWaiting, double meanWaitSeconds) implements Achieved {
        /** @return whether the queue is stable (waits stay bounded) */
        public boolean stable() {
            return !Double.isInfinite(meanWaitSeconds);
        }

        @Override
        public String describe() {
            return stable()
                    ? "P(wait) " + Fmt.percent(probabilityOfWaiting) + ", mean wait " + Fmt.number(meanWaitSeconds)
                            + " s"
                    : "unstable queue (waits grow without bound)";
        }
    }
}
