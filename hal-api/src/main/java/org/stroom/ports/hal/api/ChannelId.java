package org.stroom.ports.hal.api;

import java.util.Objects;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * A DS0 channel: a span position and a timeslot on it.
 *
 * @param span where the span is plugged in
 * @param ds0 timeslot, 1..24
 *     <p>Thread-safety: immutable.
 */
public record ChannelId(SpanLocation span, int ds0) implements Comparable<ChannelId> {
    /**
     * @throws IllegalArgumentException when {@code ds0} is outside 1..24
     */
    public ChannelId {
        Objects.requireNonNull(span, "span");
        if (ds0 < 1 || ds0 > Ds0Layout.TIMESLOTS) {
            throw new IllegalArgumentException("channel on " + span + ": DS0 " + ds0 + " is outside 1..24");
        }
    }

    /** @return the board holding this channel */
    public BoardId board() {
        return new BoardId(span.machine(), span.board());
    }

    @Override
    public int compareTo(ChannelId o) {
        int c = span.compareTo(o.span);
        return c != 0 ? c : Integer.compare(ds0, o.ds0);
    }

    @Override
    public String toString() {
        return span + "/c" + ds0;
    }
}
