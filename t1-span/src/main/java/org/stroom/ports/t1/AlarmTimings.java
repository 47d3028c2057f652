package org.stroom.ports.t1;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a defect must persist before its alarm is declared, and how long clean signal must
 * persist before it clears. Defaults follow common T1 practice: LOS/LOF/AIS 2.5 s, RAI 0.5 s,
 * clear 10 s.
 *
 * @param redSet LOS or LOF persistence before RED
 * @param blueSet AIS persistence before BLUE
 * @param yellowSet RAI persistence before YELLOW
 * @param clear clean-signal persistence before any alarm clears
 *     <p>Thread-safety: immutable.
 */
public record AlarmTimings(Duration redSet, Duration blueSet, Duration yellowSet, Duration clear) {
    /** The default timings. */
    public static final AlarmTimings DEFAULT = new AlarmTimings(
            Duration.ofMillis(2500), Duration.ofMillis(2500), Duration.ofMillis(500), Duration.ofSeconds(10));

    /**
     * @throws IllegalArgumentException when a duration is negative
     */
    public AlarmTimings {
        check(redSet, "redSet");
        check(blueSet, "blueSet");
        check(yellowSet, "yellowSet");
        check(clear, "clear");
    }

    private static void check(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("alarm timing " + name + " is negative: " + d);
        }
    }

    /** @return the set time of {@code alarm} in nanoseconds */
    public long setNanos(Alarm alarm) {
        return switch (alarm) {
            case RED -> redSet.toNanos();
            case BLUE -> blueSet.toNanos();
            case YELLOW -> yellowSet.toNanos();
        };
    }

    /** @return the clear time in nanoseconds */
    public long clearNanos() {
        return clear.toNanos();
    }
}
