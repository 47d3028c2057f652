package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.stroom.ports.hal.api.FaxModulation;

/**
 * The person or machine at the far end of one call.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class Party {
    /** Hang up this long after answer; null: stay. */
    Duration holding;
    /** Pages sent when we receive a fax. */
    int faxPages;
    /** A fax machine that called to send: hangs up when its session ends. */
    boolean faxCaller;
    /** A fax we send succeeds. */
    boolean takesFax;
    /** Fastest modulation of the far end's fax device. */
    FaxModulation faxBest = FaxModulation.V34;
    /** Clock time when the far end stops talking; recording counts silence from then. */
    long speechEnd = Long.MIN_VALUE;

    static Party of(Caller caller, FaxModulation best) {
        Party p = new Party();
        p.holding = caller.holdingTime().orElse(null);
        p.faxPages = caller.faxPages();
        p.faxCaller = caller.faxPages() > 0 && caller.holdingTime().isEmpty();
        p.takesFax = caller.takesFax();
        p.faxBest = best;
        return p;
    }

    static Party outbound(OutboundBehaviour.Outcome outcome, FaxModulation best) {
        Party p = new Party();
        p.takesFax = outcome == OutboundBehaviour.Outcome.ANSWER_FAX;
        p.faxBest = best;
        return p;
    }

    Set<FaxModulation> faxModulations() {
        EnumSet<FaxModulation> s = EnumSet.noneOf(FaxModulation.class);
        for (FaxModulation m : FaxModulation.values()) {
            if (m.maxBps() <= faxBest.maxBps()) {
                s.add(m);
            }
        }
        return s;
    }
}
