package org.stroom.ports.portmgr.capacity.plan;

import java.util.Objects;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.SpanLocation;

/**
 * One number rollover: the carrier re-points a DID range from the failed system's circuit to a circuit of the
 * survivor (by the plan agreed in advance; self-service or a call to the carrier).
 *
 * @param range the numbers re-pointed
 * @param pool the hunt pool that answers them
 * @param fromCircuit the circuit that delivered them (on the failed system)
 * @param toCircuit the survivor's circuit that will deliver them
 * @param toSpan where that circuit is plugged in
 *     <p>Thread-safety: immutable.
 */
public record Rollover(DidRange range, String pool, CircuitId fromCircuit, CircuitId toCircuit, SpanLocation toSpan) {
    /** Checks for null. */
    public Rollover {
        Objects.requireNonNull(range, "rollover: range");
        Objects.requireNonNull(pool, "rollover " + range + ": pool");
        Objects.requireNonNull(fromCircuit, "rollover " + range + ": fromCircuit");
        Objects.requireNonNull(toCircuit, "rollover " + range + ": toCircuit");
        Objects.requireNonNull(toSpan, "rollover " + range + ": toSpan");
    }

    /** @return e.g. {@code "roll DIDs 3125550100-3125550199 (pool inbound-fax) from circuit C1 to circuit P2 at Passive/b0/s2"} */
    public String describe() {
        return "roll DIDs " + range + " (pool " + pool + ") from circuit " + fromCircuit + " to circuit " + toCircuit
                + " at " + toSpan;
    }
}
