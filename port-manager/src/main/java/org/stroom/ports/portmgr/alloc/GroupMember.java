package org.stroom.ports.portmgr.alloc;

import java.util.Objects;
import org.stroom.ports.t1.SpanLocation;

/**
 * A hunt group member: some or all timeslots of one span. Timeslots that are not bearers of the span
 * (a PRI D-channel, unprovisioned ones) or cannot serve the group's kind are ignored.
 *
 * @param span the span position
 * @param timeslots the member timeslots; not empty
 *     <p>Thread-safety: immutable.
 */
public record GroupMember(SpanLocation span, TimeslotSet timeslots) {
    /**
     * @throws IllegalArgumentException when the timeslot set is empty
     */
    public GroupMember {
        Objects.requireNonNull(span, "GroupMember.span");
        Objects.requireNonNull(timeslots, "GroupMember.timeslots");
        if (timeslots.isEmpty()) {
            throw new IllegalArgumentException("GroupMember on " + span + " has no timeslots; give at least one");
        }
    }

    /** @return a member holding every channel of {@code span} */
    public static GroupMember wholeSpan(SpanLocation span) {
        return new GroupMember(span, TimeslotSet.ALL);
    }
}
