package org.stroom.ports.hal.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a T.30 fax session takes, phase by phase:
 *
 * <pre>
 *   session = setup + pre-message + pages × (page data ÷ rate + post-page) + post-message
 * </pre>
 *
 * <p>Default figures ({@link #DEFAULT}), from T.30 practice and the domain brief:
 *
 * <ul>
 *   <li><b>setup</b> 3 s — phase A: CED (or V.8 ANSam for V.34) answer tone, 2.6–4 s.
 *   <li><b>pre-message</b> — phase B, DIS/DCS exchange and training: V.34 ≈ 6 s (V.8 + control
 *       channel start-up); V.17 and slower ≈ 12 s (V.21 at 300 bit/s, TCF at each tried rate).
 *   <li><b>page data</b> 25,000 bytes — a typical business page in T.4/T.6 at fine resolution is
 *       20–30 KB; at 33,600 bit/s that is 5.95 s, at 14,400 bit/s 13.9 s.
 *   <li><b>post-page</b> — MPS/EOP and MCF confirmation between pages: V.34 ≈ 1 s (the control
 *       channel stays up), V.17 ≈ 4 s (turn-around to V.21 and retraining).
 *   <li><b>post-message</b> 1 s — DCN and release.
 *   <li><b>T1</b> 35 s — how long a caller waits for a fax device before giving up
 *       (NO_FAX_DEVICE).
 * </ul>
 *
 * <p>So one page takes ≈ 6.95 s at V.34 and ≈ 17.9 s at V.17; a 3-page fax ≈ 30.9 s at V.34 and ≈
 * 69.7 s at V.17 — with dialling and ringing, near the "one minute per page" rule of thumb for V.17.
 * The negotiated rate is the top rate of the best modulation both ends support; line-quality
 * fall-back is not modelled. V.29 and V.27ter use the V.17 phase times at their own top rates.
 *
 * <p>This is the one fax model of the project: the simulated boards (hal-softport) time their fax
 * sessions with it, and the capacity model (port-manager's {@code HoldingTime.FaxPages}, the
 * capacity report) derives fax holding times from it with {@link #sessionSeconds(FaxModulation,
 * double)}. Dialling and ringing come before the session and are not part of it.
 *
 * @param setup phase A
 * @param preMessageV34 phase B for V.34
 * @param preMessageV17 phase B for V.17, V.29 and V.27ter
 * @param postPageV34 page confirmation for V.34
 * @param postPageV17 page confirmation for V.17, V.29 and V.27ter
 * @param postMessage DCN and release after the last confirmation
 * @param pageBytes compressed image data per page, ≥ 1
 * @param t1 how long to wait for the far end's fax device before giving up
 *     <p>Thread-safety: immutable.
 */
public record FaxTiming(
        Duration setup,
        Duration preMessageV34,
        Duration preMessageV17,
        Duration postPageV34,
        Duration postPageV17,
        Duration postMessage,
        int pageBytes,
        Duration t1) {
    /** The figures listed above. */
    public static final FaxTiming DEFAULT = new FaxTiming(
            Duration.ofSeconds(3),
            Duration.ofSeconds(6),
            Duration.ofSeconds(12),
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            Duration.ofSeconds(1),
            25_000,
            Duration.ofSeconds(35));

    /** Rejects nulls, negative durations and empty pages. */
    public FaxTiming {
        check(setup, "setup");
        check(preMessageV34, "preMessageV34");
        check(preMessageV17, "preMessageV17");
        check(postPageV34, "postPageV34");
        check(postPageV17, "postPageV17");
        check(postMessage, "postMessage");
        check(t1, "t1");
        if (pageBytes < 1) {
            throw new IllegalArgumentException("fax timing: pageBytes " + pageBytes + " must be ≥ 1");
        }
    }

    private static void check(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("fax timing: " + name + " " + d + " is negative");
        }
    }

    /** @return phase B time for {@code m} */
    public Duration preMessage(FaxModulation m) {
        return m == FaxModulation.V34 ? preMessageV34 : preMessageV17;
    }

    /** @return time to send one page's data at {@code m}'s top rate */
    public Duration pageData(FaxModulation m) {
        return Duration.ofNanos(Math.round(pageBytes * 8.0 / m.maxBps() * 1e9));
    }

    /** @return one page: data plus confirmation */
    public Duration perPage(FaxModulation m) {
        return pageData(m).plus(m == FaxModulation.V34 ? postPageV34 : postPageV17);
    }

    /** @return from the start of the session until page {@code page} (1-based) is confirmed */
    public Duration pageConfirmedAfter(FaxModulation m, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("fax page numbers start at 1, got " + page);
        }
        return setup.plus(preMessage(m)).plus(perPage(m).multipliedBy(page));
    }

    /** @return the whole session for {@code pages} pages, ≥ 1 */
    public Duration session(FaxModulation m, int pages) {
        return pageConfirmedAfter(m, pages).plus(postMessage);
    }

    /**
     * The mean session length for a mean page count, for capacity planning: exactly {@link
     * #session(FaxModulation, int)} in seconds for a whole count, linear in between (the session is
     * linear in the page count). Below one page the same line continues towards setup + pre-message
     * + post-message, the length of a session that sends nothing.
     *
     * @param m the negotiated modulation, not null
     * @param meanPages pages per fax on average, finite and &gt; 0
     * @return seconds, &gt; 0
     * @throws IllegalArgumentException when {@code meanPages} is not finite and positive
     */
    public double sessionSeconds(FaxModulation m, double meanPages) {
        Objects.requireNonNull(m, "fax timing: modulation");
        if (!(meanPages > 0.0) || Double.isInfinite(meanPages)) {
            throw new IllegalArgumentException(
                    "fax timing: meanPages = " + meanPages + " must be finite and > 0 (pages per fax on average)");
        }
        // Whole nanoseconds as session() adds them, so whole page counts give session() bit for bit.
        long fixedNanos = setup.plus(preMessage(m)).plus(postMessage).toNanos();
        return (fixedNanos + meanPages * perPage(m).toNanos()) / 1e9;
    }

    /**
     * @param bytes compressed image data per page, ≥ 1
     * @return these timings with another page size
     * @throws IllegalArgumentException when {@code bytes} &lt; 1
     */
    public FaxTiming withPageBytes(int bytes) {
        return bytes == pageBytes
                ? this
                : new FaxTiming(setup, preMessageV34, preMessageV17, postPageV34, postPageV17, postMessage, bytes, t1);
    }

    /**
     * @param local modulations our board supports
     * @param remote modulations the far end supports
     * @return the fastest modulation both support, or empty when they share none
     */
    public static Optional<FaxModulation> negotiate(Collection<FaxModulation> local, Collection<FaxModulation> remote) {
        return local.stream().filter(remote::contains).max(Comparator.comparingInt(FaxModulation::maxBps));
    }
}
