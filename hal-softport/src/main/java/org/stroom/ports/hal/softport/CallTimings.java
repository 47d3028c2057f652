package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;

/**
 * Signalling delays of the simulated network and boards.
 *
 * @param proceeding from our SETUP until the network acknowledges it (CALL PROCEEDING); until
 *     then an outbound call can collide with an inbound one on the same channel (glare); default
 *     200 ms
 * @param release from DISCONNECT until the channel is released (RELEASE / RELEASE COMPLETE) and
 *     {@code CallDisconnected} is reported; default 50 ms
 * @param digitInterval time per DTMF digit, tone plus pause (ITU-T Q.24 asks at least 40 ms
 *     each); default 100 ms
 * @param ringTimeout how long the network lets an inbound call ring unanswered before clearing it
 *     with cause 19 (Q.931 T301 is at least 3 min); default 180 s
 * @param t303 how long an outbound SETUP waits for any answer from the network before the board
 *     clears the call with cause 102; default 4 s
 * @param t309 how long calls survive a D-channel (layer 2) failure before they are cleared with
 *     cause 27 (Q.931 §5.8.8); default 90 s
 * @param jitter relative random variation of the network's delays (proceeding, release), 0..0.9,
 *     drawn from the backend's seeded random; default 0 (exact)
 *     <p>Thread-safety: immutable.
 */
public record CallTimings(
        Duration proceeding,
        Duration release,
        Duration digitInterval,
        Duration ringTimeout,
        Duration t303,
        Duration t309,
        double jitter) {
    /** The defaults listed above. */
    public static final CallTimings DEFAULT = new CallTimings(
            Duration.ofMillis(200),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofSeconds(180),
            Duration.ofSeconds(4),
            Duration.ofSeconds(90),
            0.0);

    /** Rejects nulls, negative durations and out-of-range jitter. */
    public CallTimings {
        check(proceeding, "proceeding");
        check(release, "release");
        check(digitInterval, "digitInterval");
        check(ringTimeout, "ringTimeout");
        check(t303, "t303");
        check(t309, "t309");
        if (digitInterval.isZero()) {
            throw new IllegalArgumentException("call timings: digitInterval must be positive");
        }
        if (!(jitter >= 0 && jitter <= 0.9)) {
            throw new IllegalArgumentException("call timings: jitter " + jitter + " is outside 0..0.9");
        }
    }

    private static void check(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("call timings: " + name + " " + d + " is negative");
        }
    }

    /** @return a copy with another jitter */
    public CallTimings withJitter(double j) {
        return new CallTimings(proceeding, release, digitInterval, ringTimeout, t303, t309, j);
    }

    /** @return a copy with another release time */
    public CallTimings withRelease(Duration r) {
        return new CallTimings(proceeding, r, digitInterval, ringTimeout, t303, t309, jitter);
    }
}
