package org.stroom.ports.portmgr.alloc;

/**
 * How a hunt group searches its ordered members for a free channel. Members are spans (or parts of
 * spans) in the order the group lists them; within a span, channels are ordered by DS0 timeslot.
 *
 * <p>Thread-safety: immutable.
 */
public enum HuntStrategy {
    /** The first free channel from the start of the member list. */
    TOP_DOWN,
    /** The first free channel from the end of the member list, searching backwards. */
    BOTTOM_UP,
    /** The next free channel after the one last granted from this group, wrapping to the start. */
    ROUND_ROBIN_UP,
    /** The next free channel before the one last granted from this group, wrapping to the end. */
    ROUND_ROBIN_DOWN,
    /** The lowest free channel of the member span with the fewest busy member channels (ties: list order). */
    LEAST_BUSY_SPAN,
    /**
     * The machine with the fewest busy member channels of this group (ties: order of first appearance in
     * the list), then its least busy member span, then that span's lowest free channel. Spreads load so
     * that losing one Node loses as few calls as possible.
     */
    BALANCE_MACHINES;

    /** @return whether the strategy keeps a hunt position that survives restarts */
    public boolean roundRobin() {
        return this == ROUND_ROBIN_UP || this == ROUND_ROBIN_DOWN;
    }

    /** @return whether channels within a span are taken from the highest timeslot down */
    boolean descending() {
        return this == BOTTOM_UP || this == ROUND_ROBIN_DOWN;
    }
}
