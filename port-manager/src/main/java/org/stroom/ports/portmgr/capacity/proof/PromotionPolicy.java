package org.stroom.ports.portmgr.capacity.proof;

import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.portmgr.capacity.Grade;

/**
 * When a survivor may be promoted:
 *
 * <ul>
 *   <li>automatically only on PASS, or on DEGRADED when {@code autoPromoteDegraded} is set;
 *   <li>on an operator's failover-now command on PASS or DEGRADED;
 *   <li>on FAIL only with a {@link ManualOverride}, which the decision records (who and why).
 * </ul>
 *
 * @param autoPromoteDegraded whether automatic promotion accepts a DEGRADED proof
 *     <p>Thread-safety: immutable.
 */
public record PromotionPolicy(boolean autoPromoteDegraded) {
    /** @return promote automatically on PASS only */
    public static PromotionPolicy strict() {
        return new PromotionPolicy(false);
    }

    /**
     * Automatic promotion (the monitor declared the peer failed).
     *
     * @param proof the proof built at that moment
     * @return the decision
     */
    public PromotionDecision automatic(TakeoverProof proof) {
        Grade g = proof.grade();
        if (g == Grade.PASS) {
            return new PromotionDecision(true, g, false, Optional.empty(), "proof PASS");
        }
        if (g == Grade.DEGRADED && autoPromoteDegraded) {
            return new PromotionDecision(
                    true, g, false, Optional.empty(), "proof DEGRADED and policy promotes on DEGRADED");
        }
        return new PromotionDecision(
                false,
                g,
                false,
                Optional.empty(),
                "proof " + g + ": automatic promotion needs PASS"
                        + (autoPromoteDegraded ? " or DEGRADED" : "")
                        + "; an operator can fail over now" + (g == Grade.FAIL ? " with an override" : ""));
    }

    /**
     * An operator's failover-now command.
     *
     * @param proof the proof built at that moment
     * @param override the operator's override, needed only when the proof FAILs; may be null
     * @return the decision
     */
    public PromotionDecision manual(TakeoverProof proof, ManualOverride override) {
        Grade g = Objects.requireNonNull(proof, "manual: proof").grade();
        if (g != Grade.FAIL) {
            return new PromotionDecision(true, g, true, Optional.empty(), "operator command, proof " + g);
        }
        if (override == null) {
            return new PromotionDecision(
                    false,
                    g,
                    true,
                    Optional.empty(),
                    "proof FAIL: promotion needs an override naming the operator and the reason");
        }
        return new PromotionDecision(
                true,
                g,
                true,
                Optional.of(override),
                "proof FAIL overridden by " + override.operator() + ": " + override.reason());
    }
}
