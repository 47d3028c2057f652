package org.stroom.ports.portmgr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.ModeTwoPair;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.t1.Alarm;

/** Active and standby over an in-memory link, with real proofs built from the standby's live inventory. */
class MonitorDriverTest {
    private final ManualClock clock = new ManualClock();
    private final InMemoryPeerLink.Pair link = InMemoryPeerLink.pair();
    private final AtomicReference<PeerHealth> activeHealth = new AtomicReference<>(PeerHealth.healthy(2));
    private final PeerResponder active = new PeerResponder(link.active(), activeHealth::get);
    private final AtomicReference<InventorySystem> standbyInventory = new AtomicReference<>(ModeTwoPair.passive());
    private final List<MonitorAction> actions = new ArrayList<>();
    private final MonitorDriver driver;

    MonitorDriverTest() {
        AtomicReference<MonitorDriver> self = new AtomicReference<>();
        ProofSource proofs = new ProverProofSource(
                TestProofs.PROVER,
                ModeTwoPair.active(),
                ModeTwoPair.load(300),
                () -> self.get().lastMeasurements(),
                standbyInventory::get,
                LoadProfile.empty("Passive"));
        driver = new MonitorDriver(
                new FailoverMonitor(MonitorSettings.defaults(), PromotionPolicy.strict(), proofs, clock.nanos()),
                link.standby(),
                clock);
        self.set(driver);
    }

    /** Both sides step every 100 ms of virtual time. */
    private void run(long ms) {
        for (long t = 0; t < ms; t += 100) {
            actions.addAll(driver.step());
            active.step();
            clock.advanceMillis(100);
        }
    }

    private List<MonitorAction.Promote> promotions() {
        return actions.stream()
                .filter(MonitorAction.Promote.class::isInstance)
                .map(MonitorAction.Promote.class::cast)
                .toList();
    }

    @Test
    void standbyStaysIdleWhileTheActiveAnswers() {
        run(120_000);

        assertThat(driver.monitor().state()).isEqualTo(MonitorState.OK);
        assertThat(actions).isEmpty();
    }

    @Test
    void cutLinkLeadsToPromotionWithASignedProofThatVerifies() {
        run(10_000);
        link.active().connect(false);
        run(40_000);

        assertThat(promotions()).singleElement().satisfies(p -> {
            TakeoverProof proof = p.proof();
            assertThat(proof.grade()).isEqualTo(Grade.PASS);
            assertThat(proof.cause()).startsWith("MISSED_HEARTBEATS: 15 consecutive missed heartbeats");
            assertThat(proof.verify(TestProofs.SIGNER.publicKey())).isTrue();
        });
    }

    @Test
    void deadPortManagerOnALiveHostIsDetected() {
        run(10_000);
        activeHealth.set(new PeerHealth(false, 2, 2, 0));
        run(40_000);

        assertThat(promotions()).hasSize(1);
    }

    @Test
    void controlledShutdownNoticeTravelsOverTheLinkAndPromotesAtOnce() {
        run(10_000);
        active.announceShutdown("upgrade");
        run(200);

        assertThat(promotions()).singleElement().satisfies(p -> assertThat(
                        p.proof().cause())
                .isEqualTo("CONTROLLED_SHUTDOWN: controlled shutdown announced by the peer: upgrade"));
    }

    @Test
    void redAlarmOnTheStandbyTurnsTakeoverIntoARefusalWithTheReason() {
        run(10_000);
        InventorySystem alarmed = ModeTwoPair.passive();
        InventorySpan out = alarmed.spans().get(0);
        standbyInventory.set(alarmed.withBoard(
                alarmed.boards().get(0).id(),
                alarmed.boards()
                        .get(0)
                        .withSpans(
                                List.of(out.withStatus(out.status().withAlarms(java.util.Set.of(Alarm.RED)))),
                                alarmed.boards().get(0).spares())));
        link.active().connect(false);
        run(40_000);

        assertThat(promotions()).isEmpty();
        assertThat(actions)
                .filteredOn(MonitorAction.RefusePromotion.class::isInstance)
                .singleElement()
                .satisfies(a -> {
                    TakeoverProof proof = ((MonitorAction.RefusePromotion) a).proof();
                    // 23 ports left for 24 required: IVR misses 1 % (DEGRADED), which the strict policy refuses.
                    assertThat(proof.grade()).isEqualTo(Grade.DEGRADED);
                    assertThat(proof.text()).contains("VOICE is short by 1 port ");
                    assertThat(proof.text()).contains("PAS/b0/s1 circuit PAS-OUT: RED alarm");
                });
    }

    @Test
    void replicatedMeasurementsReplaceTheConfiguredLoadInTheProof() {
        run(4_000);
        active.reportLoad(List.of(new Measurement("inbound", 900, 90)));
        run(4_000);
        link.active().connect(false);
        run(40_000);

        assertThat(driver.lastMeasurements()).containsExactly(new Measurement("inbound", 900, 90));
        assertThat(promotions()).isEmpty();
        assertThat(driver.monitor().lastProof().canonicalJson()).contains("\"figures\":\"MEASURED\"");
    }
}
