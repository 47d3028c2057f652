package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.portmgr.cluster.FailoverMonitor;
import org.stroom.ports.portmgr.cluster.InMemoryPeerLink;
import org.stroom.ports.portmgr.cluster.MonitorAction;
import org.stroom.ports.portmgr.cluster.MonitorDriver;
import org.stroom.ports.portmgr.cluster.MonitorSettings;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.cluster.PeerResponder;
import org.stroom.ports.portmgr.cluster.ProverProofSource;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.report.CapacityMapping;

/**
 * The demo's failover: the passive system monitors the active one over an in-memory link on a
 * virtual clock, the active dies without notice, and after the failover count of missed heartbeats
 * the passive builds a signed takeover proof from its inventory and promotes itself if the policy
 * allows.
 *
 * <p>Thread-safety: runs on the calling thread.
 */
final class Failover {
    /**
     * @param proof the proof built at takeover
     * @param promoted whether the passive promoted itself
     */
    record Outcome(TakeoverProof proof, boolean promoted) {}

    private Failover() {}

    static Outcome rehearse(SystemDescription d, String activeName, PrintWriter out) {
        String passiveName = d.pairs().stream()
                .filter(b -> b.covers().contains(activeName))
                .map(SystemDescription.Backup::backup)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no system backs " + activeName));
        CapacityMapping.Mapping mapping = CapacityMapping.map(d);
        VirtualClock clock = new VirtualClock();
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        InstantSource wall = () -> start.plusNanos(clock.nanos());
        ProofSigner signer = ProofSigner.generate();
        TakeoverProver prover = new TakeoverProver(new RedundancyChecker(), signer, wall);
        InMemoryPeerLink.Pair link = InMemoryPeerLink.pair();
        MonitorSettings settings = MonitorSettings.defaults();
        int spans = mapping.inventory().system(activeName).spans().size();
        PeerResponder responder = new PeerResponder(link.active(), () -> new PeerHealth(true, spans, spans, 0));
        MonitorDriver[] driver = new MonitorDriver[1];
        ProverProofSource proofs = new ProverProofSource(
                prover,
                mapping.inventory().system(activeName),
                mapping.load(activeName),
                () -> driver[0].lastMeasurements(),
                () -> mapping.inventory().system(passiveName),
                LoadProfile.empty(passiveName));
        FailoverMonitor monitor = new FailoverMonitor(settings, PromotionPolicy.strict(), proofs, clock.nanos());
        driver[0] = new MonitorDriver(monitor, link.standby(), clock);

        out.printf(
                Locale.ROOT,
                "%nFailover: %s monitors %s (heartbeat every %d ms, timeout %d ms, warning after %d misses, failover after %d)%n",
                passiveName,
                activeName,
                settings.heartbeatInterval().toMillis(),
                settings.heartbeatTimeout().toMillis(),
                settings.warnAfterMisses(),
                settings.failoverAfterMisses());
        boolean activeAlive = true;
        TakeoverProof proof = null;
        boolean promoted = false;
        long killAt = Duration.ofSeconds(20).toNanos();
        long limit = Duration.ofMinutes(5).toNanos();
        while (clock.nanos() < limit && proof == null) {
            if (activeAlive && clock.nanos() >= killAt) {
                activeAlive = false;
                link.active().connect(false);
                out.printf(
                        Locale.ROOT,
                        "  t=%5.1f s  %s stops answering (power lost, no shutdown notice)%n",
                        clock.nanos() / 1e9,
                        activeName);
            }
            if (activeAlive) {
                responder.step();
            }
            for (MonitorAction a : driver[0].step()) {
                if (a instanceof MonitorAction.StateChanged c) {
                    out.printf(
                            Locale.ROOT,
                            "  t=%5.1f s  monitor %s -> %s: %s%n",
                            clock.nanos() / 1e9,
                            c.from(),
                            c.to(),
                            c.why());
                } else if (a instanceof MonitorAction.Warn w) {
                    out.printf(Locale.ROOT, "  t=%5.1f s  warning: %s%n", clock.nanos() / 1e9, w.problem());
                } else if (a instanceof MonitorAction.Promote p) {
                    proof = p.proof();
                    promoted = true;
                    out.printf(
                            Locale.ROOT,
                            "  t=%5.1f s  PROMOTE %s (proof %s; %s)%n",
                            clock.nanos() / 1e9,
                            passiveName,
                            p.decision().grade(),
                            p.decision().reason());
                } else if (a instanceof MonitorAction.RefusePromotion r) {
                    proof = r.proof();
                    out.printf(
                            Locale.ROOT,
                            "  t=%5.1f s  promotion REFUSED (proof %s; %s)%n",
                            clock.nanos() / 1e9,
                            r.decision().grade(),
                            r.decision().reason());
                }
            }
            clock.advance(Duration.ofMillis(100));
        }
        if (proof == null) {
            throw new IllegalStateException("the monitor did not reach a takeover decision within 5 simulated minutes");
        }
        out.printf(
                Locale.ROOT,
                "%nTakeover proof (%s, signature %s):%n",
                proof.grade(),
                proof.verify(signer.publicKey()) ? "verified" : "INVALID");
        List<String> lines = proof.text().lines().toList();
        lines.forEach(l -> out.println("  " + l));
        out.flush();
        return new Outcome(proof, promoted);
    }
}
