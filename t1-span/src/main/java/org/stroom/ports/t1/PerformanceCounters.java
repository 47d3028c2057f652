package org.stroom.ports.t1;

/**
 * DS1 performance counters of a span since they were last reset (ANSI T1.231 style).
 *
 * @param bipolarViolations line code violations counted
 * @param crcErrors ESF CRC-6 errors (always 0 on D4)
 * @param framingErrors framing bit errors
 * @param erroredSeconds seconds with at least one CRC/framing error or a severe defect
 * @param severelyErroredSeconds seconds with ≥ {@value PerformanceMonitor#SES_CRC_THRESHOLD} CRC errors
 *     (ESF), ≥ {@value PerformanceMonitor#SES_FRAMING_THRESHOLD} framing errors (D4), or a severe defect
 *     (LOS, LOF, AIS)
 * @param seconds seconds observed
 *     <p>Thread-safety: immutable.
 */
public record PerformanceCounters(
        long bipolarViolations,
        long crcErrors,
        long framingErrors,
        long erroredSeconds,
        long severelyErroredSeconds,
        long seconds) {
    /** All zero. */
    public static final PerformanceCounters ZERO = new PerformanceCounters(0, 0, 0, 0, 0, 0);

    /** @return errored seconds as a fraction of observed seconds (0 when none observed) */
    public double erroredSecondsRatio() {
        return seconds == 0 ? 0.0 : (double) erroredSeconds / seconds;
    }
}
