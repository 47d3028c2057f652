package org.stroom.ports.portmgr.cluster;

/**
 * What the peer reports with each heartbeat answer: beyond "the host answers", whether its telephony can work.
 * A host that answers while its port manager is dead, or with no usable span, counts as a missed heartbeat (the
 * weakness of ping-only monitoring).
 *
 * @param portManagerAlive whether the peer's port manager is running
 * @param usableSpans spans usable for traffic now, &ge; 0
 * @param configuredSpans spans configured, &ge; usableSpans
 * @param activeCalls calls in progress on the peer, &ge; 0
 *     <p>Thread-safety: immutable.
 */
public record PeerHealth(boolean portManagerAlive, int usableSpans, int configuredSpans, int activeCalls) {
    /**
     * @throws IllegalArgumentException when a count is out of range
     */
    public PeerHealth {
        if (usableSpans < 0 || configuredSpans < usableSpans || activeCalls < 0) {
            throw new IllegalArgumentException("peer health: need 0 <= usableSpans (" + usableSpans
                    + ") <= configuredSpans (" + configuredSpans + ") and activeCalls (" + activeCalls + ") >= 0");
        }
    }

    /**
     * @param spans spans configured and usable
     * @return a healthy report
     */
    public static PeerHealth healthy(int spans) {
        return new PeerHealth(true, spans, spans, 0);
    }

    /** @return whether the peer's telephony can work */
    public boolean isHealthy() {
        return problem().isEmpty();
    }

    /** @return what is wrong, or empty */
    public String problem() {
        if (!portManagerAlive) {
            return "port manager not running";
        }
        if (configuredSpans > 0 && usableSpans == 0) {
            return "no usable span (0 of " + configuredSpans + ")";
        }
        return "";
    }
}
