package org.stroom.ports.sim;

/**
 * What one load module experienced in a simulation run.
 *
 * @param module module name
 * @param pool hunt group it used
 * @param outbound whether its calls were placed by us (allocated through the port manager)
 * @param offered call attempts
 * @param carried attempts that got a port
 * @param blocked attempts that found no port (rejected by the port manager, or all channels busy)
 * @param offeredErlangs the module's offered traffic as configured (attempts/hour × mean holding)
 * @param reachablePorts ports the module's calls can land on: for inbound modules the bearer channels of
 *     the pool's circuits that carry DIDs (the carrier picks the circuit), joined with those of other
 *     inbound modules sharing any of them; for outbound modules 0 (the port manager hunts the pool)
 * @param trunks for inbound modules the circuits counted in {@code reachablePorts}, joined by '+';
 *     empty for outbound modules
 *     <p>Thread-safety: immutable.
 */
public record ModuleStats(
        String module,
        String pool,
        boolean outbound,
        long offered,
        long carried,
        long blocked,
        double offeredErlangs,
        int reachablePorts,
        String trunks) {
    /** @return blocked / offered, 0 when nothing was offered */
    public double blocking() {
        return offered == 0 ? 0 : (double) blocked / offered;
    }
}
