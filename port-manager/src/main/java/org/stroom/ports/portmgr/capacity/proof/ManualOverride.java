package org.stroom.ports.portmgr.capacity.proof;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's decision to promote although the proof does not allow it.
 *
 * @param operator who decided, non-blank (login or name)
 * @param reason why, non-blank
 * @param at when (from the injected clock)
 *     <p>Thread-safety: immutable.
 */
public record ManualOverride(String operator, String reason, Instant at) {
    /**
     * @throws IllegalArgumentException when operator or reason is blank
     */
    public ManualOverride {
        Objects.requireNonNull(operator, "manual override: operator");
        Objects.requireNonNull(reason, "manual override: reason");
        Objects.requireNonNull(at, "manual override: at");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("manual override: operator is blank; record who overrides");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("manual override by " + operator + ": reason is blank; say why");
        }
    }
}
