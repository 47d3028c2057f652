package org.stroom.ports.simui.sim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.capacity.proof.PromotionDecision;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.cluster.FailoverCommand;
import org.stroom.ports.portmgr.cluster.FailoverMonitor;
import org.stroom.ports.portmgr.cluster.InMemoryPeerLink;
import org.stroom.ports.portmgr.cluster.MonitorAction;
import org.stroom.ports.portmgr.cluster.MonitorDriver;
import org.stroom.ports.portmgr.cluster.MonitorSettings;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.cluster.PeerResponder;
import org.stroom.ports.portmgr.cluster.ProofSource;

/**
 * The redundancy pair's failover machinery, run on simulated time: the active's {@link PeerResponder} answers
 * heartbeats while its Server runs, the standby's {@link MonitorDriver} runs a {@link FailoverMonitor} (default
 * settings: 2 s interval, 1 s timeout, warn after 5, fail over after 15 misses) over an {@link InMemoryPeerLink},
 * and proofs come from the capacity package's takeover prover on the live state.
 *
 * <pre>
 *   every 0.5 s simulated:  responder.step()  (only while the active Server runs)
 *                           driver.step() ──▶ StateChanged / Warn / Promote(proof) / RefusePromotion ... ──▶ log
 *   failover now:           monitor.failoverNow(now, command) ──▶ proof ──▶ promote or refuse
 * </pre>
 *
 * <p>Thread-safety: not thread-safe; owned by the simulation thread.
 */
final class FailoverRig {
    static final long STEP_NANOS = 500_000_000L;

    final SystemRuntime active;
    final SystemRuntime standby;
    private final VirtualClock clock;
    private final Instant start;
    private final PeerResponder responder;
    private final FailoverMonitor monitor;
    private final MonitorDriver driver;
    private final PromotionPolicy policy = PromotionPolicy.strict();
    private final BooleanSupplier activeServerAlive;
    private final Consumer<String> log;
    private Frame.ProofSnap proof;

    FailoverRig(
            SystemRuntime active,
            SystemRuntime standby,
            VirtualClock clock,
            Instant start,
            Supplier<PeerHealth> activeHealth,
            BooleanSupplier activeServerAlive,
            ProofSource proofs,
            Consumer<String> log) {
        this.active = active;
        this.standby = standby;
        this.clock = clock;
        this.start = start;
        this.activeServerAlive = activeServerAlive;
        this.log = log;
        InMemoryPeerLink.Pair link = InMemoryPeerLink.pair();
        this.responder = new PeerResponder(link.active(), activeHealth);
        this.monitor = new FailoverMonitor(MonitorSettings.defaults(), policy, proofs, clock.nanos());
        this.driver = new MonitorDriver(monitor, link.standby(), clock);
        schedule();
    }

    private void schedule() {
        clock.schedule(clock.nanos() + STEP_NANOS, () -> {
            step();
            schedule();
        });
    }

    void step() {
        if (activeServerAlive.getAsBoolean()) {
            responder.step();
        }
        handle(driver.step());
    }

    Outcome failoverNow(boolean overrideFail) {
        FailoverCommand command = new FailoverCommand(
                "tester", "failover now from the simulator", start.plusNanos(clock.nanos()), overrideFail);
        List<MonitorAction> actions = monitor.failoverNow(clock.nanos(), command);
        handle(actions);
        for (MonitorAction a : actions) {
            if (a instanceof MonitorAction.CommandRejected r) {
                return Outcome.refused("failover now: " + r.reason());
            }
            if (a instanceof MonitorAction.RefusePromotion r) {
                return Outcome.refused(
                        standby.name + " not promoted: " + r.decision().reason());
            }
        }
        return Outcome.done(standby.name + " promoted: " + (proof == null ? "" : proof.decision()));
    }

    private void handle(List<MonitorAction> actions) {
        for (MonitorAction a : actions) {
            if (a instanceof MonitorAction.StateChanged s) {
                log.accept("monitor " + s.from() + " → " + s.to() + ": " + s.why());
            } else if (a instanceof MonitorAction.Warn w) {
                log.accept("warning after " + w.consecutiveMisses() + " missed heartbeats: " + w.problem());
            } else if (a instanceof MonitorAction.Promote p) {
                record(p.proof(), p.decision(), true);
            } else if (a instanceof MonitorAction.RefusePromotion r) {
                record(r.proof(), r.decision(), false);
            } else if (a instanceof MonitorAction.StartFailback f) {
                log.accept("failback started (" + f.why() + "); replication back to " + active.name
                        + " is instant in the simulator");
                handle(monitor.replicationFinished(clock.nanos()));
            } else if (a instanceof MonitorAction.Failback f) {
                log.accept("failback: " + active.name + " is active again (" + f.why() + ")");
            } else if (a instanceof MonitorAction.FailbackDeferred d) {
                log.accept("failback deferred: " + d.reason());
            } else if (a instanceof MonitorAction.FailbackLockedOut l) {
                log.accept("automatic failback locked out after " + l.failoversInWindow()
                        + " failovers; fail back by hand");
            } else if (a instanceof MonitorAction.CommandRejected r) {
                log.accept("command " + r.command() + " rejected: " + r.reason());
            } else if (a instanceof MonitorAction.SendHeartbeat h) {
                // the driver sends these itself and never returns them
                log.accept("unexpected heartbeat request " + h.sequence());
            }
        }
    }

    private void record(TakeoverProof p, PromotionDecision d, boolean promoted) {
        String decision = (promoted ? "promoted: " : "not promoted: ") + d.reason();
        proof = new Frame.ProofSnap(
                p.grade().name(),
                p.cause(),
                p.createdAt().toString(),
                decision,
                p.analysis().plan().describe(),
                p.text(),
                p.keyId());
        log.accept("takeover proof " + p.grade() + " (" + p.cause() + "): " + decision);
    }

    Frame.FailoverSnap snapshot() {
        return new Frame.FailoverSnap(
                active.name,
                standby.name,
                monitor.state().name(),
                monitor.consecutiveMisses(),
                monitor.failoverThreshold(),
                monitor.promoted(),
                activeServerAlive.getAsBoolean(),
                Optional.ofNullable(proof));
    }
}
