package org.stroom.ports.portmgr.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;

/**
 * Drives a {@link FailoverMonitor} in virtual time: ticks every 100 ms, answers (or not) each heartbeat the
 * monitor asks for, and records every action. The peer's behaviour and the proof's grade can be changed at any
 * time.
 */
final class MonitorRig {
    static final long MS = 1_000_000L;
    static final long TICK_MS = 100;

    /** How the simulated peer answers heartbeats. */
    enum Peer {
        /** Answers healthy after {@link #answerDelayMs}. */
        HEALTHY,
        /** Never answers (connection lost). */
        SILENT,
        /** Answers in time, but its port manager is down. */
        APP_DEAD
    }

    final FailoverMonitor monitor;
    final List<MonitorAction> actions = new ArrayList<>();
    Grade proofGrade = Grade.PASS;
    Peer peer = Peer.HEALTHY;
    long answerDelayMs = 50;
    long nowMs;
    int proofsBuilt;
    /** Actions that came out of an operator's failover-now command (identity). */
    final java.util.Set<MonitorAction> fromCommand =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Actions that came out of a failover-now command with an override (identity). */
    final java.util.Set<MonitorAction> fromOverride =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Independent model of the misses the monitor should count. */
    int modelMisses;

    boolean modelAfterRestart = true;
    boolean suspended;
    private final java.util.ArrayDeque<long[]> badPings = new java.util.ArrayDeque<>();
    private boolean started;
    private long pendingSeq = -1;
    private long pendingAtMs;
    private long pendingSentMs;
    private Peer pendingPeer;

    MonitorRig() {
        this(MonitorSettings.defaults(), PromotionPolicy.strict());
    }

    MonitorRig(MonitorSettings settings, PromotionPolicy policy) {
        monitor = new FailoverMonitor(settings, policy, this::prove, 0);
    }

    /** A rig around a monitor resumed promoted after a restart, with these promotions' ages. */
    MonitorRig(MonitorSettings settings, java.util.List<java.time.Duration> promotionAges) {
        this(settings, promotionAges, true);
    }

    /** A rig around a restarted monitor with these earlier promotions' ages, promoted or not. */
    MonitorRig(MonitorSettings settings, java.util.List<java.time.Duration> promotionAges, boolean promoted) {
        monitor = promoted
                ? FailoverMonitor.resumePromoted(settings, PromotionPolicy.strict(), this::prove, 0, promotionAges)
                : FailoverMonitor.withHistory(settings, PromotionPolicy.strict(), this::prove, 0, promotionAges);
    }

    private org.stroom.ports.portmgr.capacity.proof.TakeoverProof prove(TakeoverCause cause, String detail) {
        proofsBuilt++;
        return TestProofs.of(proofGrade);
    }

    long now() {
        return nowMs * MS;
    }

    /** Runs for {@code ms} of virtual time in 100 ms ticks (the first call also ticks at the start time). */
    MonitorRig run(long ms) {
        if (!started) {
            started = true;
            tickAndAnswer();
        }
        long end = nowMs + ms;
        while (nowMs < end) {
            nowMs = Math.min(end, nowMs + TICK_MS);
            tickAndAnswer();
        }
        return this;
    }

    private void tickAndAnswer() {
        if (pendingSeq >= 0 && nowMs >= pendingAtMs) {
            long seq = pendingSeq;
            pendingSeq = -1;
            PeerHealth h = pendingPeer == Peer.APP_DEAD ? new PeerHealth(false, 2, 2, 0) : PeerHealth.healthy(2);
            boolean inTime = pendingAtMs <= pendingSentMs + 1000;
            if (!suspended && inTime) {
                if (pendingPeer == Peer.HEALTHY) {
                    modelMisses = 0;
                    modelAfterRestart = false;
                } else {
                    modelMisses++;
                }
            }
            // Delivered at the moment it arrives, before the tick that follows.
            actions.addAll(monitor.onHeartbeat(pendingAtMs * MS, seq, h));
        }
        while (!badPings.isEmpty() && nowMs >= badPings.peekFirst()[0] + 1000) {
            badPings.removeFirst();
            if (!suspended) {
                modelMisses++;
            }
        }
        for (MonitorAction a : monitor.tick(now())) {
            actions.add(a);
            if (a instanceof MonitorAction.SendHeartbeat h) {
                boolean answeredInTime = peer != Peer.SILENT && answerDelayMs <= 1000;
                if (!answeredInTime) {
                    badPings.addLast(new long[] {nowMs});
                }
                if (peer != Peer.SILENT) {
                    pendingSeq = h.sequence();
                    pendingAtMs = nowMs + answerDelayMs;
                    pendingSentMs = nowMs;
                    pendingPeer = peer;
                }
            }
        }
    }

    MonitorRig run(Duration d) {
        return run(d.toMillis());
    }

    MonitorRig peer(Peer p) {
        peer = p;
        return this;
    }

    MonitorRig proof(Grade g) {
        proofGrade = g;
        return this;
    }

    <T extends MonitorAction> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (MonitorAction a : actions) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    long heartbeatsSent() {
        return all(MonitorAction.SendHeartbeat.class).size();
    }

    /** An operator's failover-now; its actions are remembered as command results. */
    void failoverNow(FailoverCommand c) {
        List<MonitorAction> r = monitor.failoverNow(now(), c);
        fromCommand.addAll(r);
        if (c.overrideFail()) {
            fromOverride.addAll(r);
        }
        actions.addAll(r);
    }

    /** Suspends monitoring (model and monitor). */
    void suspend() {
        List<MonitorAction> r = monitor.suspend(now());
        if (r.stream().noneMatch(a -> a instanceof MonitorAction.CommandRejected)) {
            suspended = true;
            modelMisses = 0;
            badPings.clear();
            pendingSeq = -1;
        }
        actions.addAll(r);
    }

    /** Resumes monitoring (model and monitor). */
    void resume() {
        List<MonitorAction> r = monitor.resume(now());
        if (r.stream().noneMatch(a -> a instanceof MonitorAction.CommandRejected)) {
            suspended = false;
            modelMisses = 0;
        }
        actions.addAll(r);
    }

    /** @return the failover count the model expects now */
    int modelThreshold() {
        return modelAfterRestart ? 30 : 15;
    }

    void apply(List<MonitorAction> more) {
        actions.addAll(more);
    }
}
