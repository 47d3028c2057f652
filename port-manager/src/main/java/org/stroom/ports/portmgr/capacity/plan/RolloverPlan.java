package org.stroom.ports.portmgr.capacity.plan;

import java.util.List;

/**
 * The number rollovers needed when physical span moves cannot bring every required DID range to the survivor.
 *
 * @param rollovers the rollovers in the order to request them (copied)
 *     <p>Thread-safety: immutable.
 */
public record RolloverPlan(List<Rollover> rollovers) {
    /** Copies the list. */
    public RolloverPlan {
        rollovers = List.copyOf(rollovers);
    }

    /** @return a plan with no rollover */
    public static RolloverPlan none() {
        return new RolloverPlan(List.of());
    }

    /** @return whether there is nothing to roll over */
    public boolean isEmpty() {
        return rollovers.isEmpty();
    }
}
