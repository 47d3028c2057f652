package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.hal.api.FaxModulation;

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
     * Fax holding time from a page model: call set-up, T.30 pre-message phase, each page at the negotiated speed,
     * the gaps between pages and the post-message phase.
     *
     * <p>Phase times are the rules of thumb of the domain brief: pre-message about 6 s with V.34 and 12 s with
     * V.17 and slower, about 1 s (V.34) or 4 s between pages, and {@value #POST_MESSAGE_SECONDS} s for
     * EOP/MCF/DCN. A page of {@value #TYPICAL_KILOBITS_PER_PAGE} kbit is a typical A4 page in MH/MR coding at
     * standard resolution (rule of thumb; measure your own documents when you can).
     *
     * @param meanPages pages per call on average, finite and &gt; 0
     * @param modulation negotiated page-transfer modulation; its top rate is used
     * @param kilobitsPerPage coded size of a page in kbit, finite and &gt; 0
     * @param callSetupSeconds dialling, ringing and answer before the fax handshake, finite and &ge; 0
     *     <p>Thread-safety: immutable.
     */
    record FaxPages(double meanPages, FaxModulation modulation, double kilobitsPerPage, double callSetupSeconds)
            implements HoldingTime {
        /** EOP, MCF and DCN after the last page, seconds (rule of thumb). */
        public static final double POST_MESSAGE_SECONDS = 2.0;
        /** A typical coded A4 page in kbit (about 30 kB; rule of thumb). */
        public static final double TYPICAL_KILOBITS_PER_PAGE = 240.0;

        /**
         * @throws IllegalArgumentException naming the field that is out of range
         */
        public FaxPages {
            Objects.requireNonNull(modulation, "fax pages: modulation");
            positive("meanPages", meanPages);
            positive("kilobitsPerPage", kilobitsPerPage);
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
         * @param meanPages pages per call
         * @param modulation negotiated modulation
         * @return the model with a typical page size and no call set-up time
         */
        public static FaxPages typical(double meanPages, FaxModulation modulation) {
            return new FaxPages(meanPages, modulation, TYPICAL_KILOBITS_PER_PAGE, 0.0);
        }

        /** @return seconds to send one page at the negotiated speed */
        public double secondsPerPage() {
            return kilobitsPerPage * 1000.0 / modulation.maxBps();
        }

        /** @return T.30 phase B (pre-message) seconds for the modulation */
        public double preMessageSeconds() {
            return modulation == FaxModulation.V34 ? 6.0 : 12.0;
        }

        /** @return seconds between pages (post-page exchange) for the modulation */
        public double interPageSeconds() {
            return modulation == FaxModulation.V34 ? 1.0 : 4.0;
        }

        @Override
        public double seconds() {
            return callSetupSeconds
                    + preMessageSeconds()
                    + meanPages * secondsPerPage()
                    + Math.max(0.0, meanPages - 1.0) * interPageSeconds()
                    + POST_MESSAGE_SECONDS;
        }
    }
}
