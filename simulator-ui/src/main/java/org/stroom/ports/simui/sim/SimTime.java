package org.stroom.ports.simui.sim;

/**
 * Formats simulation time.
 *
 * <p>Thread-safety: stateless.
 */
public final class SimTime {
    private SimTime() {}

    /**
     * @param nanos simulation time in nanoseconds since the simulation started, ≥ 0
     * @return {@code hh:mm:ss.mmm} (hours keep counting past 24)
     */
    public static String format(long nanos) {
        long ms = Math.max(0, nanos) / 1_000_000L;
        long h = ms / 3_600_000L;
        long m = ms / 60_000L % 60;
        long s = ms / 1000 % 60;
        return String.format("%02d:%02d:%02d.%03d", h, m, s, ms % 1000);
    }

    /**
     * @param nanos a duration in nanoseconds, ≥ 0
     * @return e.g. {@code "1 min 05 s"} or {@code "42.0 s"}
     */
    public static String duration(long nanos) {
        double s = Math.max(0, nanos) / 1e9;
        if (s < 60) {
            return String.format("%.1f s", s);
        }
        long whole = (long) s;
        return whole / 60 + " min " + String.format("%02d", whole % 60) + " s";
    }
}
