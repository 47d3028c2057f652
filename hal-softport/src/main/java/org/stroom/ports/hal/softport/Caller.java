package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.hal.api.FaxTiming;

/**
 * Who is behind an inbound call the far end offers, and how they behave once answered.
 *
 * @param holdingTime how long after answer the caller hangs up; empty: the caller stays until the
 *     call is cleared otherwise (a fax caller without holding time hangs up when its fax session
 *     ends, or after the fax's duration from {@link FaxTiming} if no session is started)
 * @param faxPages pages the caller sends when we {@code receiveFax}; 0 for a voice caller
 * @param takesFax whether a fax we send on the call succeeds (false: NO_FAX_DEVICE after T1)
 *     <p>Thread-safety: immutable.
 */
public record Caller(Optional<Duration> holdingTime, int faxPages, boolean takesFax) {
    /**
     * A caller for tests: stays until hung up, sends no fax unless told to ({@link
     * FarEnd#sendFaxPages}), and takes a fax we send.
     */
    public static final Caller ANY = new Caller(Optional.empty(), 0, true);

    /** Checks values. */
    public Caller {
        Objects.requireNonNull(holdingTime, "holdingTime");
        holdingTime.ifPresent(h -> {
            if (h.isNegative()) {
                throw new IllegalArgumentException("caller holding time " + h + " is negative");
            }
        });
        if (faxPages < 0) {
            throw new IllegalArgumentException("caller fax pages " + faxPages + " is negative");
        }
    }

    /** @return a person who hangs up {@code holding} after answer and cannot take a fax */
    public static Caller voice(Duration holding) {
        return new Caller(Optional.of(holding), 0, false);
    }

    /** @return a fax machine sending {@code pages} pages, hanging up when the session ends */
    public static Caller fax(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a fax caller sends at least 1 page, got " + pages);
        }
        return new Caller(Optional.empty(), pages, true);
    }
}
