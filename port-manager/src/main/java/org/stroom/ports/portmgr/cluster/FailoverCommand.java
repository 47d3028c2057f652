package org.stroom.ports.portmgr.cluster;

import java.time.Instant;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.proof.ManualOverride;

/**
 * An operator's "failover now".
 *
 * @param operator who, non-blank
 * @param reason why, non-blank
 * @param at when (from the injected wall clock)
 * @param overrideFail whether to promote even if the proof FAILs (recorded as a {@link ManualOverride})
 *     <p>Thread-safety: immutable.
 */
public record FailoverCommand(String operator, String reason, Instant at, boolean overrideFail) {
    /**
     * @throws IllegalArgumentException when operator or reason is blank
     */
    public FailoverCommand {
        Objects.requireNonNull(operator, "failover command: operator");
        Objects.requireNonNull(reason, "failover command: reason");
        Objects.requireNonNull(at, "failover command: at");
        if (operator.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("failover command: operator and reason are required");
        }
    }

    /** @return the override this command carries, or null when it does not override a FAIL */
    public ManualOverride override() {
        return overrideFail ? new ManualOverride(operator, reason, at) : null;
    }
}
