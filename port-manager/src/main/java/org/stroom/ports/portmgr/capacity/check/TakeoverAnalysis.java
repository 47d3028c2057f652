package org.stroom.ports.portmgr.capacity.check;

import java.util.Objects;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.portmgr.capacity.plan.TakeoverPlan;

/**
 * Whether a survivor can take over a failed system, and how.
 *
 * @param failed the failed system as last known
 * @param survivor the survivor before the plan
 * @param load what the survivor must carry: its own load plus the failed system's modules
 * @param plan span moves, rollovers and what is missing
 * @param survivorAfterPlan the survivor once the plan is carried out
 * @param verdict the capacity verdict on {@code survivorAfterPlan}, whose reasons start with the plan
 *     <p>Thread-safety: immutable.
 */
public record TakeoverAnalysis(
        InventorySystem failed,
        InventorySystem survivor,
        LoadProfile load,
        TakeoverPlan plan,
        InventorySystem survivorAfterPlan,
        Verdict verdict) {
    /** Checks for null. */
    public TakeoverAnalysis {
        Objects.requireNonNull(failed, "takeover analysis: failed");
        Objects.requireNonNull(survivor, "takeover analysis: survivor");
        Objects.requireNonNull(load, "takeover analysis: load");
        Objects.requireNonNull(plan, "takeover analysis: plan");
        Objects.requireNonNull(survivorAfterPlan, "takeover analysis: survivorAfterPlan");
        Objects.requireNonNull(verdict, "takeover analysis: verdict");
    }
}
