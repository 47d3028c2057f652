package org.stroom.ports.portmgr.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.proof.PromotionDecision;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;

/**
 * The standby's view of its peer: a deterministic state machine over explicit inputs and explicit time
 * (nanoseconds of an injected monotonic clock), emitting {@link MonitorAction}s for its owner to carry out.
 *
 * <pre>
 *            heartbeat answered healthy                 suspend            resume
 *   OK  &lt;-------------------------------  SUSPECT      OK ------&gt; SUSPENDED ------&gt; OK
 *   |  miss (timeout or unhealthy)         |  misses &gt;= failover count (30 after own restart)
 *   +-------------------------------------&gt;+---------------------------+
 *   controlled-shutdown notice, failover-now command                   v
 *   -----------------------------------------------------------&gt;  FAILURE --proof PASS (or DEGRADED if allowed,
 *                                                                   |        or override)--&gt; promoted
 *   promoted, peer healthy for wait-to-restore, no calls active,    |
 *   not locked out (3 failovers in 24 h)  -----&gt; REPLICATING ------+--replicationFinished--&gt; OK (failback)
 * </pre>
 *
 * <p>Heartbeats: every interval the monitor asks for one ({@link MonitorAction.SendHeartbeat}); an answer
 * counts only if it quotes the outstanding sequence number, arrives within the timeout and reports a healthy peer
 * ({@link PeerHealth}: port manager alive, some span usable); anything else is a miss once the timeout passes. A
 * warning is raised once at the warn count. At the failover count the peer is declared failed and a proof is
 * built; promotion follows {@link PromotionPolicy#automatic}. While the peer stays failed and promotion was
 * refused, each further miss builds a new proof (the survivor's spans may have recovered); a refusal is reported
 * again only when its reason changes.
 *
 * <p>Failback: while promoted the monitor keeps sending heartbeats to see the peer return. Once the peer has
 * answered healthy for wait-to-restore, no call is active here and automatic failback is not locked out, it emits
 * {@link MonitorAction.StartFailback} (state REPLICATING); {@link #replicationFinished} completes it. An operator
 * can {@link #requestFailback} earlier (no wait-to-restore, no lock-out, but never with calls active).
 *
 * <p>Thread-safety: not thread-safe; owned by one thread (the port manager's event thread).
 */
public final class FailoverMonitor {
    private static final long NONE = Long.MIN_VALUE;

    private final MonitorSettings settings;
    private final PromotionPolicy policy;
    private final ProofSource proofs;
    private final long interval;
    private final long timeout;
    private final long waitToRestore;
    private final long lockoutWindow;

    private MonitorState state = MonitorState.OK;
    private boolean promoted;
    private boolean afterRestart;
    private int misses;
    private boolean warned;
    private long sequence;
    private long outstanding = NONE;
    private long deadline;
    private long nextHeartbeatAt;
    private long healthySince = NONE;
    private boolean callsActive;
    private boolean scheduledReplication;
    private boolean deferredReported;
    private boolean lockoutReported;
    private String lastRefusal;
    private TakeoverProof lastProof;
    private final Deque<Long> promotions = new ArrayDeque<>();

    /**
     * A monitor that has just started: the restart failover count applies until the peer first answers healthy.
     *
     * @param settings timing and thresholds
     * @param policy when to promote
     * @param proofs builds takeover proofs
     * @param nowNanos current time; the first heartbeat is due now
     */
    public FailoverMonitor(MonitorSettings settings, PromotionPolicy policy, ProofSource proofs, long nowNanos) {
        this.settings = Objects.requireNonNull(settings, "FailoverMonitor: settings");
        this.policy = Objects.requireNonNull(policy, "FailoverMonitor: policy");
        this.proofs = Objects.requireNonNull(proofs, "FailoverMonitor: proofs");
        this.interval = settings.heartbeatInterval().toNanos();
        this.timeout = settings.heartbeatTimeout().toNanos();
        this.waitToRestore = settings.waitToRestore().toNanos();
        this.lockoutWindow = settings.lockoutWindow().toNanos();
        this.afterRestart = true;
        this.nextHeartbeatAt = nowNanos;
    }

    /**
     * A monitor of a system that had promoted itself before its process restarted (the Server keeps that fact in a
     * file): it starts promoted, in state FAILURE, sends heartbeats to see the peer return and fails back exactly as
     * a monitor that promoted in this process does. A restart must not hand the service back on its own.
     *
     * @param settings timing and thresholds
     * @param policy when to promote
     * @param proofs builds takeover proofs
     * @param nowNanos current time; the first heartbeat is due now
     * @param promotionAges how long ago each promotion still in the lock-out window happened (the one being resumed
     *     included), so that a restart does not reset the lock-out of automatic failback; each &gt;= 0
     * @return the promoted monitor
     * @throws IllegalArgumentException if an age is negative
     */
    public static FailoverMonitor resumePromoted(
            MonitorSettings settings,
            PromotionPolicy policy,
            ProofSource proofs,
            long nowNanos,
            List<Duration> promotionAges) {
        FailoverMonitor m = withHistory(settings, policy, proofs, nowNanos, promotionAges);
        m.state = MonitorState.FAILURE;
        m.promoted = true;
        return m;
    }

    /**
     * A monitor that has just started, not promoted, that remembers the promotions of earlier runs still inside
     * the lock-out window, so that a restart between two failovers does not reset the lock-out of automatic
     * failback.
     *
     * @param settings timing and thresholds
     * @param policy when to promote
     * @param proofs builds takeover proofs
     * @param nowNanos current time; the first heartbeat is due now
     * @param promotionAges how long ago each earlier promotion happened, each &gt;= 0; older than the window ignored
     * @return the monitor
     * @throws IllegalArgumentException if an age is negative
     */
    public static FailoverMonitor withHistory(
            MonitorSettings settings,
            PromotionPolicy policy,
            ProofSource proofs,
            long nowNanos,
            List<Duration> promotionAges) {
        FailoverMonitor m = new FailoverMonitor(settings, policy, proofs, nowNanos);
        List<Duration> ages = new ArrayList<>(Objects.requireNonNull(promotionAges, "promotionAges"));
        ages.sort(Comparator.reverseOrder());
        for (Duration age : ages) {
            if (age.isNegative()) {
                throw new IllegalArgumentException("FailoverMonitor: promotion age " + age
                        + " is negative; give how long ago each promotion happened");
            }
            if (age.toNanos() < m.lockoutWindow) {
                m.promotions.addLast(nowNanos - age.toNanos());
            }
        }
        return m;
    }

    /** @return the current state */
    public MonitorState state() {
        return state;
    }

    /** @return whether this system has taken over the peer's role */
    public boolean promoted() {
        return promoted;
    }

    /** @return consecutive misses counted so far */
    public int consecutiveMisses() {
        return misses;
    }

    /** @return misses needed for failover now: the restart count until the peer first answered healthy */
    public int failoverThreshold() {
        return afterRestart ? settings.failoverAfterRestartMisses() : settings.failoverAfterMisses();
    }

    /** @return the last proof built, or null */
    public TakeoverProof lastProof() {
        return lastProof;
    }

    /**
     * Advances time: counts a miss when the outstanding heartbeat's timeout has passed, asks for the next
     * heartbeat when due, and fails back when it is time.
     *
     * @param now current time in nanoseconds, never decreasing
     * @return actions, possibly empty
     */
    public List<MonitorAction> tick(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (state == MonitorState.STOPPED || state == MonitorState.SUSPENDED) {
            return out;
        }
        if (outstanding != NONE && now - deadline >= 0) {
            outstanding = NONE;
            miss(now, "no answer within " + settings.heartbeatTimeout().toMillis() + " ms", out);
        }
        if (outstanding == NONE && now - nextHeartbeatAt >= 0) {
            sequence++;
            outstanding = sequence;
            deadline = now + timeout;
            nextHeartbeatAt = now - nextHeartbeatAt >= interval ? now + interval : nextHeartbeatAt + interval;
            out.add(new MonitorAction.SendHeartbeat(sequence));
        }
        if (promoted && state == MonitorState.FAILURE) {
            considerFailback(now, out);
        }
        return out;
    }

    /**
     * A heartbeat answer from the peer.
     *
     * @param now current time in nanoseconds
     * @param seq the sequence number it answers
     * @param health what the peer reports
     * @return actions, possibly empty
     */
    public List<MonitorAction> onHeartbeat(long now, long seq, PeerHealth health) {
        Objects.requireNonNull(health, "onHeartbeat: health");
        List<MonitorAction> out = new ArrayList<>();
        if (state == MonitorState.STOPPED || state == MonitorState.SUSPENDED) {
            return out;
        }
        if (seq != outstanding || now - deadline > 0) {
            return out;
        }
        outstanding = NONE;
        if (!health.isHealthy()) {
            miss(now, "peer answers but " + health.problem(), out);
            return out;
        }
        misses = 0;
        warned = false;
        afterRestart = false;
        if (promoted) {
            if (healthySince == NONE) {
                healthySince = now;
            }
            return out;
        }
        lastRefusal = null;
        if (state == MonitorState.SUSPECT || state == MonitorState.FAILURE) {
            change(MonitorState.OK, "heartbeat answered, peer healthy", out);
        }
        return out;
    }

    /**
     * The peer announced a controlled shutdown (as opposed to a lost connection).
     *
     * @param now current time in nanoseconds
     * @param reason what the peer said
     * @return actions
     */
    public List<MonitorAction> onShutdownNotice(long now, String reason) {
        List<MonitorAction> out = new ArrayList<>();
        if (state == MonitorState.STOPPED || state == MonitorState.SUSPENDED || promoted) {
            return out;
        }
        outstanding = NONE;
        String detail = "controlled shutdown announced by the peer: " + reason;
        change(MonitorState.FAILURE, detail, out);
        if (settings.promoteOnControlledShutdown()) {
            attemptAutomatic(now, TakeoverCause.CONTROLLED_SHUTDOWN, detail, out);
        } else {
            out.add(new MonitorAction.Warn(misses, detail + "; waiting for an operator to fail over now"));
        }
        return out;
    }

    /**
     * An operator's failover-now command.
     *
     * @param now current time in nanoseconds
     * @param command who, why, and whether a FAIL proof is overridden
     * @return actions: Promote, or RefusePromotion with the proof, or CommandRejected
     */
    public List<MonitorAction> failoverNow(long now, FailoverCommand command) {
        Objects.requireNonNull(command, "failoverNow: command");
        List<MonitorAction> out = new ArrayList<>();
        if (promoted) {
            out.add(new MonitorAction.CommandRejected("failover now", "this system is already promoted"));
            return out;
        }
        String detail = "failover now by " + command.operator() + ": " + command.reason();
        TakeoverProof proof = proofs.prove(TakeoverCause.OPERATOR_COMMAND, detail);
        lastProof = proof;
        PromotionDecision decision = policy.manual(proof, command.override());
        if (decision.promote()) {
            if (state != MonitorState.FAILURE) {
                change(MonitorState.FAILURE, detail, out);
            }
            promote(now, proof, decision, out);
        } else {
            out.add(new MonitorAction.RefusePromotion(proof, decision));
        }
        return out;
    }

    /**
     * Pauses monitoring for maintenance: no heartbeat, no failover.
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> suspend(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (promoted || state == MonitorState.STOPPED || state == MonitorState.SUSPENDED) {
            out.add(new MonitorAction.CommandRejected(
                    "suspend", promoted ? "this system is promoted; fail back first" : "monitoring is " + state));
            return out;
        }
        resetMonitoring(now);
        change(MonitorState.SUSPENDED, "monitoring suspended for maintenance", out);
        return out;
    }

    /**
     * Resumes monitoring after {@link #suspend}; the next heartbeat is due at once.
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> resume(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (state != MonitorState.SUSPENDED) {
            out.add(new MonitorAction.CommandRejected("resume", "monitoring is " + state + ", not SUSPENDED"));
            return out;
        }
        resetMonitoring(now);
        change(MonitorState.OK, "monitoring resumed", out);
        return out;
    }

    /**
     * Stops monitoring.
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> stop(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (promoted || state == MonitorState.STOPPED) {
            out.add(new MonitorAction.CommandRejected(
                    "stop", promoted ? "this system is promoted; fail back first" : "monitoring is already STOPPED"));
            return out;
        }
        resetMonitoring(now);
        change(MonitorState.STOPPED, "monitoring stopped", out);
        return out;
    }

    /**
     * Starts monitoring after {@link #stop}.
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> start(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (state != MonitorState.STOPPED) {
            out.add(new MonitorAction.CommandRejected("start", "monitoring is " + state + ", not STOPPED"));
            return out;
        }
        resetMonitoring(now);
        change(MonitorState.OK, "monitoring started", out);
        return out;
    }

    /**
     * Whether calls are active on this system; failback waits until none is.
     *
     * @param active whether any call is in progress
     */
    public void setCallsActive(boolean active) {
        callsActive = active;
    }

    /**
     * A scheduled replication from the peer begins (shown as REPLICATING; heartbeats continue).
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> replicationStarted(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (state != MonitorState.OK) {
            out.add(new MonitorAction.CommandRejected("replicate", "monitoring is " + state + ", not OK"));
            return out;
        }
        scheduledReplication = true;
        change(MonitorState.REPLICATING, "scheduled replication from the peer", out);
        return out;
    }

    /**
     * The current replication finished: after a scheduled one the state returns to OK; during failback the peer
     * becomes active again and this system stands by ({@link MonitorAction.Failback}).
     *
     * @param now current time in nanoseconds
     * @return actions
     */
    public List<MonitorAction> replicationFinished(long now) {
        List<MonitorAction> out = new ArrayList<>();
        if (state != MonitorState.REPLICATING) {
            out.add(new MonitorAction.CommandRejected("replication finished", "no replication in progress"));
            return out;
        }
        if (scheduledReplication) {
            scheduledReplication = false;
            change(MonitorState.OK, "scheduled replication finished", out);
            return out;
        }
        promoted = false;
        resetMonitoring(now);
        afterRestart = false;
        out.add(new MonitorAction.Failback("data replicated back; the peer is active again"));
        change(MonitorState.OK, "failback complete", out);
        return out;
    }

    /**
     * An operator asks for failback now: no wait-to-restore and no lock-out, but the peer must be answering
     * healthy and no call may be active here.
     *
     * @param now current time in nanoseconds
     * @param operator who asks
     * @return actions: StartFailback, FailbackDeferred or CommandRejected
     */
    public List<MonitorAction> requestFailback(long now, String operator) {
        List<MonitorAction> out = new ArrayList<>();
        if (!promoted || state != MonitorState.FAILURE) {
            out.add(new MonitorAction.CommandRejected(
                    "failback", promoted ? "failback already in progress" : "this system is not promoted"));
            return out;
        }
        if (healthySince == NONE) {
            out.add(new MonitorAction.CommandRejected("failback", "the peer is not answering healthy heartbeats"));
            return out;
        }
        if (callsActive) {
            out.add(new MonitorAction.FailbackDeferred("calls are active on this system"));
            return out;
        }
        startFailback("requested by " + operator, out);
        return out;
    }

    private void miss(long now, String why, List<MonitorAction> out) {
        misses++;
        healthySince = NONE;
        if (state == MonitorState.REPLICATING) {
            if (scheduledReplication) {
                scheduledReplication = false;
                change(MonitorState.SUSPECT, "replication interrupted: " + why, out);
            } else {
                change(MonitorState.FAILURE, "failback aborted, peer lost again: " + why, out);
                return;
            }
        }
        if (promoted) {
            return;
        }
        if (state == MonitorState.OK) {
            change(MonitorState.SUSPECT, why, out);
        }
        if (misses >= settings.warnAfterMisses() && !warned) {
            warned = true;
            out.add(new MonitorAction.Warn(misses, why));
        }
        if (misses >= failoverThreshold()) {
            String detail = misses + " consecutive missed heartbeats: " + why;
            if (state != MonitorState.FAILURE) {
                change(MonitorState.FAILURE, detail, out);
            }
            attemptAutomatic(now, TakeoverCause.MISSED_HEARTBEATS, detail, out);
        }
    }

    private void attemptAutomatic(long now, TakeoverCause cause, String detail, List<MonitorAction> out) {
        TakeoverProof proof = proofs.prove(cause, detail);
        lastProof = proof;
        PromotionDecision decision = policy.automatic(proof);
        if (decision.promote()) {
            promote(now, proof, decision, out);
            return;
        }
        if (!decision.reason().equals(lastRefusal)) {
            lastRefusal = decision.reason();
            out.add(new MonitorAction.RefusePromotion(proof, decision));
        }
    }

    private void promote(long now, TakeoverProof proof, PromotionDecision decision, List<MonitorAction> out) {
        promoted = true;
        promotions.addLast(now);
        healthySince = NONE;
        lastRefusal = null;
        deferredReported = false;
        lockoutReported = false;
        out.add(new MonitorAction.Promote(proof, decision));
    }

    private void considerFailback(long now, List<MonitorAction> out) {
        if (!settings.autoFailback() || healthySince == NONE || now - healthySince < waitToRestore) {
            return;
        }
        while (!promotions.isEmpty() && now - promotions.peekFirst() >= lockoutWindow) {
            promotions.removeFirst();
        }
        if (promotions.size() >= settings.lockoutFailovers()) {
            if (!lockoutReported) {
                lockoutReported = true;
                out.add(new MonitorAction.FailbackLockedOut(promotions.size()));
            }
            return;
        }
        if (callsActive) {
            if (!deferredReported) {
                deferredReported = true;
                out.add(new MonitorAction.FailbackDeferred("calls are active on this system"));
            }
            return;
        }
        startFailback(
                "peer healthy for " + settings.waitToRestore().toSeconds() + " s (wait-to-restore), no call active",
                out);
    }

    private void startFailback(String why, List<MonitorAction> out) {
        scheduledReplication = false;
        change(MonitorState.REPLICATING, "failback: replicating data back to the peer", out);
        out.add(new MonitorAction.StartFailback(why));
    }

    private void resetMonitoring(long now) {
        misses = 0;
        warned = false;
        outstanding = NONE;
        nextHeartbeatAt = now;
        healthySince = NONE;
        lastRefusal = null;
        scheduledReplication = false;
    }

    private void change(MonitorState to, String why, List<MonitorAction> out) {
        if (state != to) {
            out.add(new MonitorAction.StateChanged(state, to, why));
            state = to;
        }
    }
}
