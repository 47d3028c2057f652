package org.stroom.ports.portmgr.capacity;

/**
 * Overall outcome of a capacity check, from best to worst.
 *
 * <p>Thread-safety: immutable.
 */
public enum Grade {
    /** Every pool meets its target. */
    PASS,
    /** Some target is missed, but every pool stays within the {@link DegradedLimits}. */
    DEGRADED,
    /** Some pool misses its target beyond the degraded limits, or gets no port at all. */
    FAIL;

    /** @return the worse of this grade and {@code other} */
    public Grade worse(Grade other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
