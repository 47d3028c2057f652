package org.stroom.ports.portmgr.capacity;

/**
 * The grade of service a module must get: a blocking probability for loss systems (calls that find every port
 * busy are lost or retried), or a waiting-time target for queued traffic (outbound fax jobs wait for a port).
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface Target permits Target.Blocking, Target.ServiceLevel, Target.MeanWait {
    /** @return whether calls wait (Erlang C) rather than being blocked (Erlang B) */
    boolean queued();

    /** @return a short human description, e.g. {@code "blocking <= 1 %"} */
    String describe();

    /**
     * @param maxBlocking highest acceptable blocking, in (0, 1)
     * @return a loss target
     */
    static Target blocking(double maxBlocking) {
        return new Blocking(maxBlocking);
    }

    /**
     * Loss target: at most this fraction of calls finds every port busy.
     *
     * @param maxBlocking in (0, 1), e.g. 0.01 for 1 %
     *     <p>Thread-safety: immutable.
     */
    record Blocking(double maxBlocking) implements Target {
        /**
         * @throws IllegalArgumentException when outside (0, 1)
         */
        public Blocking {
            if (!(maxBlocking > 0.0 && maxBlocking < 1.0)) {
                throw new IllegalArgumentException(
                        "blocking target: maxBlocking = " + maxBlocking + " is outside (0, 1); e.g. 0.01 for 1 %");
            }
        }

        @Override
        public boolean queued() {
            return false;
        }

        @Override
        public String describe() {
            return "blocking <= " + Fmt.percent(maxBlocking);
        }
    }

    /**
     * Queue target: at least {@code fraction} of calls wait no longer than {@code withinSeconds}.
     *
     * @param fraction required service level, in (0, 1)
     * @param withinSeconds waiting-time limit in seconds, finite and &ge; 0
     *     <p>Thread-safety: immutable.
     */
    record ServiceLevel(double fraction, double withinSeconds) implements Target {
        /**
         * @throws IllegalArgumentException when a component is out of range
         */
        public ServiceLevel {
            if (!(fraction > 0.0 && fraction < 1.0)) {
                throw new IllegalArgumentException(
                        "service-level target: fraction = " + fraction + " is outside (0, 1); e.g. 0.9 for 90 %");
            }
            if (!(withinSeconds >= 0.0) || Double.isInfinite(withinSeconds)) {
                throw new IllegalArgumentException(
                        "service-level target: withinSeconds = " + withinSeconds + " must be finite and >= 0");
            }
        }

        @Override
        public boolean queued() {
            return true;
        }

        @Override
        public String describe() {
            return Fmt.percent(fraction) + " wait <= " + Fmt.number(withinSeconds) + " s";
        }
    }

    /**
     * Queue target: the mean wait over all calls is at most {@code maxSeconds}.
     *
     * @param maxSeconds highest acceptable mean wait in seconds, finite and &gt; 0
     *     <p>Thread-safety: immutable.
     */
    record MeanWait(double maxSeconds) implements Target {
        /**
         * @throws IllegalArgumentException when not finite and positive
         */
        public MeanWait {
            if (!(maxSeconds > 0.0) || Double.isInfinite(maxSeconds)) {
                throw new IllegalArgumentException(
                        "mean-wait target: maxSeconds = " + maxSeconds + " must be finite and > 0");
            }
        }

        @Override
        public boolean queued() {
            return true;
        }

        @Override
        public String describe() {
            return "mean wait <= " + Fmt.number(maxSeconds) + " s";
        }
    }
}
