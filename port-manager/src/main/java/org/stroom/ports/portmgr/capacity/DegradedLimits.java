package org.stroom.ports.portmgr.capacity;

/**
 * How far a missed target may be missed for the verdict to be {@link Grade#DEGRADED} rather than
 * {@link Grade#FAIL}. Defaults: blocking up to 5 %, at least half the calls within the service-level time, mean
 * wait up to four times its target; an unstable queue or a pool without ports always fails.
 *
 * @param maxBlocking highest blocking of a loss pool still graded DEGRADED, in (0, 1)
 * @param minServiceLevel lowest service level (fraction within the target time) still graded DEGRADED, in [0, 1)
 * @param meanWaitFactor highest mean wait, as a multiple of its target, still graded DEGRADED, &ge; 1
 *     <p>Thread-safety: immutable.
 */
public record DegradedLimits(double maxBlocking, double minServiceLevel, double meanWaitFactor) {
    /**
     * @throws IllegalArgumentException naming the field out of range
     */
    public DegradedLimits {
        if (!(maxBlocking > 0.0 && maxBlocking < 1.0)) {
            throw new IllegalArgumentException("degraded limits: maxBlocking = " + maxBlocking + " is outside (0, 1)");
        }
        if (!(minServiceLevel >= 0.0 && minServiceLevel < 1.0)) {
            throw new IllegalArgumentException(
                    "degraded limits: minServiceLevel = " + minServiceLevel + " is outside [0, 1)");
        }
        if (!(meanWaitFactor >= 1.0) || Double.isInfinite(meanWaitFactor)) {
            throw new IllegalArgumentException(
                    "degraded limits: meanWaitFactor = " + meanWaitFactor + " must be finite and >= 1");
        }
    }

    /** @return 5 % blocking, 50 % service level, 4 × mean wait */
    public static DegradedLimits defaults() {
        return new DegradedLimits(0.05, 0.5, 4.0);
    }

    /**
     * @param req the pool
     * @param allotted ports it gets
     * @param achieved what they give
     * @param checks its targets checked
     * @return the pool's grade
     */
    public Grade grade(PoolRequirement req, int allotted, Achieved achieved, java.util.List<TargetCheck> checks) {
        if (checks.stream().allMatch(TargetCheck::met)) {
            return Grade.PASS;
        }
        if (req.offeredErlangs() > 0.0 && allotted == 0) {
            return Grade.FAIL;
        }
        if (achieved instanceof Achieved.Queue q && !q.stable()) {
            return Grade.FAIL;
        }
        for (TargetCheck c : checks) {
            if (c.met()) {
                continue;
            }
            boolean tolerable;
            if (c.target() instanceof Target.Blocking) {
                tolerable = c.achieved() <= maxBlocking;
            } else if (c.target() instanceof Target.ServiceLevel) {
                tolerable = c.achieved() >= minServiceLevel;
            } else {
                tolerable = c.achieved() <= meanWaitFactor * ((Target.MeanWait) c.target()).maxSeconds();
            }
            if (!tolerable) {
                return Grade.FAIL;
            }
        }
        return Grade.DEGRADED;
    }
}
