package org.stroom.ports.t1;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The operational state of a span at one moment.
 *
 * @param inService whether the span is administratively in service
 * @param alarms declared alarms (copied)
 * @param dChannel D-channel state; {@link DChannelState#NOT_APPLICABLE} for CAS spans
 *     <p>Thread-safety: immutable.
 */
public record SpanStatus(boolean inService, Set<Alarm> alarms, DChannelState dChannel) {
    /** Copies the alarm set. */
    public SpanStatus {
        Objects.requireNonNull(dChannel, "dChannel");
        alarms = alarms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alarms));
    }

    /** @return an in-service span with no alarm, D-channel up for PRI */
    public static SpanStatus healthy(Signalling signalling) {
        return new SpanStatus(
                true, Set.of(), signalling == Signalling.ISDN_PRI ? DChannelState.UP : DChannelState.NOT_APPLICABLE);
    }

    /**
     * A span carries traffic only when in service, without RED or BLUE alarm, and — for PRI — with
     * its D-channel up. YELLOW alone does not stop traffic.
     *
     * @return whether new calls may use the span
     */
    public boolean usableForTraffic() {
        return inService && !Alarm.blocksTraffic(alarms) && dChannel != DChannelState.DOWN;
    }

    /** @return why the span is not usable, or empty when it is */
    public String unusableReason() {
        if (!inService) {
            return "out of service";
        }
        if (alarms.contains(Alarm.RED)) {
            return "RED alarm";
        }
        if (alarms.contains(Alarm.BLUE)) {
            return "BLUE alarm";
        }
        if (dChannel == DChannelState.DOWN) {
            return "D-channel down";
        }
        return "";
    }

    /** @return a copy with other alarms */
    public SpanStatus withAlarms(Set<Alarm> a) {
        return new SpanStatus(inService, a, dChannel);
    }

    /** @return a copy with another D-channel state */
    public SpanStatus withDChannel(DChannelState d) {
        return new SpanStatus(inService, alarms, d);
    }

    /** @return a copy with another service state */
    public SpanStatus withInService(boolean s) {
        return new SpanStatus(s, alarms, dChannel);
    }
}
