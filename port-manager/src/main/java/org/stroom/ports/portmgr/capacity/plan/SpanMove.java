package org.stroom.ports.portmgr.capacity.plan;

import java.util.Objects;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * One physical span move: unplug the carrier's circuit from the failed system's board port and plug it into a
 * free, compatible position on the survivor.
 *
 * @param circuit the circuit moved
 * @param from where it is plugged in now (failed system)
 * @param to the free position it goes to (survivor)
 * @param config its provisioning (unchanged by the move)
 * @param why why it is moved, e.g. {@code "delivers DIDs 3125550100-3125550199 of pool inbound-fax"}
 *     <p>Thread-safety: immutable.
 */
public record SpanMove(CircuitId circuit, SpanLocation from, SpanLocation to, SpanConfig config, String why) {
    /** Checks for null and that the configuration is the circuit's. */
    public SpanMove {
        Objects.requireNonNull(circuit, "span move: circuit");
        Objects.requireNonNull(from, "span move " + circuit + ": from");
        Objects.requireNonNull(to, "span move " + circuit + ": to");
        Objects.requireNonNull(config, "span move " + circuit + ": config");
        Objects.requireNonNull(why, "span move " + circuit + ": why");
        if (!circuit.equals(config.circuitId())) {
            throw new IllegalArgumentException(
                    "span move " + circuit + ": the configuration is of circuit " + config.circuitId());
        }
    }

    /** @return e.g. {@code "move circuit C1 from Active/b0/s1 to Passive/b1/s3 (delivers DIDs ...)"} */
    public String describe() {
        return "move circuit " + circuit + " from " + from + " to " + to + " (" + why + ")";
    }
}
