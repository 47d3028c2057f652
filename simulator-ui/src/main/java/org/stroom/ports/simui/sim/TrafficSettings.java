package org.stroom.ports.simui.sim;

/**
 * The traffic the simulator offers to one hunt group: inbound calls from the network on the group's circuits that
 * deliver DIDs, or outbound calls placed through the port manager for a group without DIDs.
 *
 * @param callsPerHour mean call attempts per hour (Poisson arrivals), finite and ≥ 0; 0 offers nothing
 * @param faxShare share of inbound calls that are faxes, 0..1 (outbound calls take the group's kind)
 * @param holdingSeconds mean holding time of a voice call in seconds (exponential), finite and &gt; 0
 * @param pagesPerFax mean pages per fax (geometric), finite and ≥ 1
 *     <p>Thread-safety: immutable.
 */
public record TrafficSettings(double callsPerHour, double faxShare, double holdingSeconds, double pagesPerFax) {
    /**
     * @throws IllegalArgumentException naming the field out of range
     */
    public TrafficSettings {
        if (!(callsPerHour >= 0) || Double.isInfinite(callsPerHour)) {
            throw new IllegalArgumentException(
                    "traffic: callsPerHour = " + callsPerHour + " must be finite and >= 0 (attempts per hour)");
        }
        if (!(faxShare >= 0 && faxShare <= 1)) {
            throw new IllegalArgumentException("traffic: faxShare = " + faxShare + " is outside 0..1");
        }
        if (!(holdingSeconds > 0) || Double.isInfinite(holdingSeconds)) {
            throw new IllegalArgumentException(
                    "traffic: holdingSeconds = " + holdingSeconds + " must be finite and > 0 (mean voice call)");
        }
        if (!(pagesPerFax >= 1) || Double.isInfinite(pagesPerFax)) {
            throw new IllegalArgumentException("traffic: pagesPerFax = " + pagesPerFax + " must be finite and >= 1");
        }
    }

    /** @return a copy with another rate */
    public TrafficSettings withCallsPerHour(double rate) {
        return new TrafficSettings(rate, faxShare, holdingSeconds, pagesPerFax);
    }
}
