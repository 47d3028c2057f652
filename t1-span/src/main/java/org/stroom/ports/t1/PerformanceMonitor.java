package org.stroom.ports.t1;

/**
 * Accumulates one span's performance counters one second at a time, classifying errored and
 * severely errored seconds. Fed by the simulator and by the vendor backends' counter reads.
 *
 * <p>Thread-safety: not thread-safe; confine to the span's owner and publish {@link #snapshot()}s.
 */
public final class PerformanceMonitor {
    /** CRC-6 errors in one second that make it severely errored on ESF (ANSI T1.231). */
    public static final int SES_CRC_THRESHOLD = 320;
    /** Framing-bit errors in one second that make it severely errored on D4. */
    public static final int SES_FRAMING_THRESHOLD = 8;

    private final Framing framing;
    private long bpv;
    private long crc;
    private long fe;
    private long es;
    private long ses;
    private long seconds;

    /** @param framing the span's framing; decides which error counts classify a second */
    public PerformanceMonitor(Framing framing) {
        this.framing = java.util.Objects.requireNonNull(framing, "framing");
    }

    /**
     * Records one second of observation.
     *
     * @param bipolarViolations BPVs counted in the second, ≥ 0
     * @param crcErrors CRC-6 errors (ignored on D4), ≥ 0
     * @param framingErrors framing-bit errors, ≥ 0
     * @param severeDefect whether LOS, LOF or AIS was present during the second
     */
    public void recordSecond(int bipolarViolations, int crcErrors, int framingErrors, boolean severeDefect) {
        if (bipolarViolations < 0 || crcErrors < 0 || framingErrors < 0) {
            throw new IllegalArgumentException("error counts must be ≥ 0, got bpv=" + bipolarViolations + " crc="
                    + crcErrors + " framing=" + framingErrors);
        }
        int effectiveCrc = framing == Framing.ESF ? crcErrors : 0;
        bpv += bipolarViolations;
        crc += effectiveCrc;
        fe += framingErrors;
        seconds++;
        boolean severe = severeDefect
                || (framing == Framing.ESF
                        ? effectiveCrc >= SES_CRC_THRESHOLD
                        : framingErrors >= SES_FRAMING_THRESHOLD);
        if (severe || effectiveCrc > 0 || framingErrors > 0) {
            es++;
        }
        if (severe) {
            ses++;
        }
    }

    /** @return the counters so far */
    public PerformanceCounters snapshot() {
        return new PerformanceCounters(bpv, crc, fe, es, ses, seconds);
    }

    /** Sets every counter back to zero. */
    public void reset() {
        bpv = crc = fe = es = ses = seconds = 0;
    }
}
