package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;

/**
 * How long a call of a module holds a port, on average.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface HoldingTime permits HoldingTime.Mean, HoldingTime.FaxPages {
    /** @return mean holding time in seconds, finite and &gt; 0 */
    double seconds();

    /**
     * @param seconds a configured or measured mean holding time in seconds, finite and &gt; 0
     * @return the holding time
     */
    static HoldingTime mean(double seconds) {
        return new Mean(seconds);
    }

    /**
     * A configured or measured mean holding time.
     *
     * @param seconds mean holding time in seconds, finite and &gt; 0
     *     <p>Thread-safety: immutable.
     */
    record Mean(double seconds) implements HoldingTime {
        /**
         * @throws IllegalArgumentException when seconds is not finite and positive
         */
        public Mean {
            if (!(seconds > 0.0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("holding time: seconds = " + seconds
                        + " must be finite and > 0 (mean seconds a call holds a port)");
            }
        }
    }

    /**
     * Fax holding time from the project's T.30 page model, {@link FaxTiming}: the time before the fax session
     * (dialling, ringing) plus the session itself,
     *
     * <pre>
     *   seconds = callSetupSeconds + timing().sessionSeconds(modulation, meanPages)
     *           = callSetupSeconds + setup + pre-message + meanPages × (page data ÷ rate + post-page) + post-message
     * </pre>
     *
     * <p>The phase times are those of {@link FaxTiming#DEFAULT} (3 s answer tone, pre-message 6 s with V.34 and 12 s
     * with V.17 and slower, post-page 1 s or 4 s after every page, 1 s post-message), the simulated boards' timing,
     * so a capacity plan and a simulation of it agree; only the page size comes from {@code kilobitsPerPage}. Whole
     * page counts give exactly {@link FaxTiming#session}; fractional ones interpolate linearly.
     *
     * @param meanPages pages per call on average, finite and &gt; 0
     * @param modulation negotiated page-transfer modulation; its top rate is used
     * @param kilobitsPerPage coded size of a page in kbit (1 kbit = 125 bytes, rounded to whole bytes), finite and
     *     at least 0.008 (one byte)
     * @param callSetupSeconds dialling, ringing and answer before the fax session starts, finite and &ge; 0 (0 for
     *     inbound calls, which hold a port from the answer; the typical time to answer for outbound ones)
     *     <p>Thread-safety: immutable.
     */
    record FaxPages(double meanPages, FaxModulation modulation, double kilobitsPerPage, double callSetupSeconds)
            implements HoldingTime {
        /**
         * The page size of {@link FaxTiming#DEFAULT} in kbit: 25,000 bytes = 200 kbit, a typical business page in
         * T.4/T.6 at fine resolution (rule of thumb; measure your own documents when you can).
         */
        public static final double TYPICAL_KILOBITS_PER_PAGE = FaxTiming.DEFAULT.pageBytes() / 125.0;

        /**
         * @throws IllegalArgumentException naming the field that is out of range
         */
        public FaxPages {
            Objects.requireNonNull(modulation, "fax pages: modulation");
            positive("meanPages", meanPages);
            positive("kilobitsPerPage", kilobitsPerPage);
            long bytes = Math.round(kilobitsPerPage * 125.0);
            if (bytes < 1 || bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("fax pages: kilobitsPerPage = " + kilobitsPerPage
                        + " must be between 0.008 (one byte) and " + Integer.MAX_VALUE / 125 + " kbit");
            }
            if (!(callSetupSeconds >= 0.0) || Double.isInfinite(callSetupSeconds)) {
                throw new IllegalArgumentException(
                        "fax pages: callSetupSeconds = " + callSetupSeconds + " must be finite and >= 0");
            }
        }

        private static void positive(String field, double v) {
            if (!(v > 0.0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("fax pages: " + field + " = " + v + " must be finite and > 0");
            }
        }

        /**
         * @param meanPages pages per call, finite and &gt; 0
         * @param modulation negotiated modulation
         * @return the model with {@link FaxTiming#DEFAULT}'s page size and no call set-up time, so that {@link
         *     #seconds()} is {@code FaxTiming.DEFAULT.sessionSeconds(modulation, meanPages)}
         */
        public static FaxPages typical(double meanPages, FaxModulation modulation) {
            return new FaxPages(meanPages, modulation, TYPICAL_KILOBITS_PER_PAGE, 0.0);
        }

        /** @return {@link FaxTiming#DEFAULT} with this model's page size */
        public FaxTiming timing() {
            return FaxTiming.DEFAULT.withPageBytes((int) Math.round(kilobitsPerPage * 125.0));
        }

        @Override
        public double seconds() {
            return callSetupSeconds + timing().sessionSeconds(modulation, meanPages);
        }
    }
}
