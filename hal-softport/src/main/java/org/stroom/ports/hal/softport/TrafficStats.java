package org.stroom.ports.hal.softport;

/**
 * Counts of inbound call attempts.
 *
 * @param offered attempts the network made
 * @param carried attempts that seized a channel (offered to the application)
 * @param blocked attempts that found no free channel (all busy, out of service, span down, or the
 *     backend out of service): lost, as in Erlang B
 *     <p>Thread-safety: immutable.
 */
public record TrafficStats(long offered, long carried, long blocked) {
    /** No attempts. */
    public static final TrafficStats ZERO = new TrafficStats(0, 0, 0);

    /** @return blocked ÷ offered, 0 when nothing was offered */
    public double blocking() {
        return offered == 0 ? 0.0 : (double) blocked / offered;
    }

    /** @return the sum of both counts */
    public TrafficStats plus(TrafficStats o) {
        return new TrafficStats(offered + o.offered, carried + o.carried, blocked + o.blocked);
    }
}
