package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.t1.SpanLocation;

/**
 * A free span position on a board, provisioned in advance for a circuit with the given line profile: the target
 * of a span move.
 *
 * @param location where the position is; non-null
 * @param profile the line settings the position is provisioned for; non-null
 *     <p>Thread-safety: immutable.
 */
public record SparePort(SpanLocation location, LineProfile profile) {
    /** Checks for null. */
    public SparePort {
        Objects.requireNonNull(location, "spare port: location");
        Objects.requireNonNull(profile, "spare port " + location + ": profile");
    }
}
