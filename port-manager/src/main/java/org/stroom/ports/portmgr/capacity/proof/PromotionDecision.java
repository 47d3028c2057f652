package org.stroom.ports.portmgr.capacity.proof;

import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.portmgr.capacity.Grade;

/**
 * Whether the survivor is promoted, and on what authority.
 *
 * @param promote whether to promote
 * @param grade the proof's grade
 * @param manual whether an operator asked for the promotion (failover-now command)
 * @param override the override that allowed a promotion the proof alone did not allow, if any
 * @param reason why, in words
 *     <p>Thread-safety: immutable.
 */
public record PromotionDecision(
        boolean promote, Grade grade, boolean manual, Optional<ManualOverride> override, String reason) {
    /** Checks for null. */
    public PromotionDecision {
        Objects.requireNonNull(grade, "promotion decision: grade");
        Objects.requireNonNull(override, "promotion decision: override");
        Objects.requireNonNull(reason, "promotion decision: reason");
        if (override.isPresent() && !promote) {
            throw new IllegalArgumentException("promotion decision: an override that does not promote is pointless");
        }
    }

    /** @return whether it promotes on an operator's override */
    public boolean overridden() {
        return override.isPresent();
    }
}
