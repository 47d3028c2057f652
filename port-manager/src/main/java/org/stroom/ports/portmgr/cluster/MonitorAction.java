package org.stroom.ports.portmgr.cluster;

import java.util.Objects;
import org.stroom.ports.portmgr.capacity.proof.PromotionDecision;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;

/**
 * What the failover monitor asks its owner to do, or reports. Dispatch with {@code instanceof} in one place.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface MonitorAction
        permits MonitorAction.SendHeartbeat,
                MonitorAction.StateChanged,
                MonitorAction.Warn,
                MonitorAction.Promote,
                MonitorAction.RefusePromotion,
                MonitorAction.StartFailback,
                MonitorAction.Failback,
                MonitorAction.FailbackDeferred,
                MonitorAction.FailbackLockedOut,
                MonitorAction.CommandRejected {

    /**
     * Send a heartbeat request to the peer; its answer must quote the sequence number.
     *
     * @param sequence heartbeat number, increasing from 1
     *     <p>Thread-safety: immutable.
     */
    record SendHeartbeat(long sequence) implements MonitorAction {}

    /**
     * The monitor changed state.
     *
     * @param from previous state
     * @param to new state
     * @param why in words
     *     <p>Thread-safety: immutable.
     */
    record StateChanged(MonitorState from, MonitorState to, String why) implements MonitorAction {}

    /**
     * Alert the operators (e-mail): heartbeats are being missed, or the peer shut down and an operator must act.
     *
     * @param consecutiveMisses misses so far
     * @param problem the last problem seen
     *     <p>Thread-safety: immutable.
     */
    record Warn(int consecutiveMisses, String problem) implements MonitorAction {}

    /**
     * Take over: start the telephony applications and the modules flagged to start on promotion.
     *
     * @param proof the signed proof, to store with the event
     * @param decision on what authority
     *     <p>Thread-safety: immutable.
     */
    record Promote(TakeoverProof proof, PromotionDecision decision) implements MonitorAction {
        /** Checks for null. */
        public Promote {
            Objects.requireNonNull(proof, "promote: proof");
            Objects.requireNonNull(decision, "promote: decision");
        }
    }

    /**
     * The peer is considered failed but this system does not take over; alert the operators with the proof.
     *
     * @param proof the proof that did not allow promotion
     * @param decision why not
     *     <p>Thread-safety: immutable.
     */
    record RefusePromotion(TakeoverProof proof, PromotionDecision decision) implements MonitorAction {
        /** Checks for null. */
        public RefusePromotion {
            Objects.requireNonNull(proof, "refuse promotion: proof");
            Objects.requireNonNull(decision, "refuse promotion: decision");
        }
    }

    /**
     * Begin failback: replicate data back to the peer; then call
     * {@link FailoverMonitor#replicationFinished(long)}.
     *
     * @param why automatic (after wait-to-restore) or by whom
     *     <p>Thread-safety: immutable.
     */
    record StartFailback(String why) implements MonitorAction {}

    /**
     * Failback complete: stop serving, the peer is active again.
     *
     * @param why in words
     *     <p>Thread-safety: immutable.
     */
    record Failback(String why) implements MonitorAction {}

    /**
     * Failback is due but waits, e.g. while calls are active.
     *
     * @param reason why it waits
     *     <p>Thread-safety: immutable.
     */
    record FailbackDeferred(String reason) implements MonitorAction {}

    /**
     * Automatic failback is locked out after too many failovers in the window; an operator must request it.
     *
     * @param failoversInWindow promotions counted in the lock-out window
     *     <p>Thread-safety: immutable.
     */
    record FailbackLockedOut(int failoversInWindow) implements MonitorAction {}

    /**
     * A command was not applied.
     *
     * @param command the command
     * @param reason why
     *     <p>Thread-safety: immutable.
     */
    record CommandRejected(String command, String reason) implements MonitorAction {}
}
