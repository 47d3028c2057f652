package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import java.util.OptionalDouble;
import org.stroom.ports.hal.api.PortKind;

/**
 * One port kind in a verdict.
 *
 * @param kind the kind
 * @param required ports the pools of this kind need together
 * @param usable usable ports that can serve this kind (dual-capable ports are counted here and in the other
 *     kind's line; the split decides where they go)
 * @param dualUsable usable ports that can serve either kind
 * @param allotted ports given to the pools of this kind by the split
 * @param margin when every pool of the kind is satisfied: how many more ports of the kind could still be given
 *     while every other requirement stays met; otherwise minus the shortfall
 * @param worstBlocking highest blocking among the kind's loss pools, empty when it has none
 * @param worstMeanWaitSeconds highest mean wait among the kind's queued pools (infinite when a queue is
 *     unstable), empty when it has none
 *     <p>Thread-safety: immutable.
 */
public record KindLine(
        PortKind kind,
        int required,
        int usable,
        int dualUsable,
        int allotted,
        int margin,
        OptionalDouble worstBlocking,
        OptionalDouble worstMeanWaitSeconds) {
    /** Checks for null. */
    public KindLine {
        Objects.requireNonNull(kind, "kind line: kind");
        Objects.requireNonNull(worstBlocking, "kind line: worstBlocking");
        Objects.requireNonNull(worstMeanWaitSeconds, "kind line: worstMeanWaitSeconds");
    }

    /** @return e.g. {@code "FAX: required 40, usable 72 (24 dual), allotted 40, margin +32, blocking 0.8 %"} */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(kind)
                .append(": required ")
                .append(required)
                .append(", usable ")
                .append(usable)
                .append(" (")
                .append(dualUsable)
                .append(" dual), allotted ")
                .append(allotted)
                .append(", margin ")
                .append(Fmt.signed(margin));
        worstBlocking.ifPresent(v -> b.append(", worst blocking ").append(Fmt.percent(v)));
        worstMeanWaitSeconds.ifPresent(
                v -> b.append(", worst mean wait ").append(Fmt.number(v)).append(" s"));
        return b.toString();
    }
}
