package org.stroom.ports.portmgr.capacity;

import java.util.Objects;

/**
 * One target of a pool checked against what the allotted ports give.
 *
 * @param target the target
 * @param achieved the achieved value in the target's terms: blocking fraction, service-level fraction, or mean
 *     wait in seconds ({@link Double#POSITIVE_INFINITY} for an unstable queue)
 * @param met whether the target is met
 *     <p>Thread-safety: immutable.
 */
public record TargetCheck(Target target, double achieved, boolean met) {
    /** Checks for null. */
    public TargetCheck {
        Objects.requireNonNull(target, "target check: target");
    }

    /** @return e.g. {@code "blocking <= 1 %: 0.8 % (met)"} */
    public String describe() {
        String value = target instanceof Target.MeanWait ? Fmt.number(achieved) + " s" : Fmt.percent(achieved);
        return target.describe() + ": " + value + (met ? " (met)" : " (missed)");
    }
}
