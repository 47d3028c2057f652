package org.stroom.ports.portmgr.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.cluster.MonitorRig.Peer;

/** Stateful properties of the failover monitor, over random sequences of peer behaviour and commands. */
class FailoverMonitorProperties {

    /** Runs the peer in one behaviour for up to a minute of virtual time. */
    private static Action.Independent<MonitorRig> run(Peer peer, long minDelayMs, long maxDelayMs) {
        return () -> Arbitraries.longs().between(100, 60_000).flatMap(ms -> Arbitraries.longs()
                .between(minDelayMs, maxDelayMs)
                .map(delay -> Transformer.mutate(
                        peer + " for " + ms + " ms (answers after " + delay + " ms)", (MonitorRig rig) -> {
                            rig.peer(peer);
                            rig.answerDelayMs = delay;
                            rig.run(ms);
                        })));
    }

    private static Action.Independent<MonitorRig> proofGrade() {
        return () -> Arbitraries.of(Grade.class)
                .map(g -> Transformer.mutate("proof " + g, (MonitorRig rig) -> rig.proof(g)));
    }

    private static Action<MonitorRig> step(String name, java.util.function.Consumer<MonitorRig> what) {
        return Action.just(name, Transformer.mutate(name, what));
    }

    // Never promotes while heartbeats are answered healthy within the timeout.

    @Property(tries = 60)
    void neverPromotesWhileHeartbeatsArriveWithinTheTimeout(@ForAll("answered") ActionChain<MonitorRig> chain) {
        chain.withInvariant("no promotion, no miss", rig -> {
                    assertThat(rig.all(MonitorAction.Promote.class)).isEmpty();
                    assertThat(rig.all(MonitorAction.Warn.class)).isEmpty();
                    assertThat(rig.monitor.consecutiveMisses()).isZero();
                    assertThat(rig.monitor.state())
                            .isIn(
                                    MonitorState.OK,
                                    MonitorState.SUSPENDED,
                                    MonitorState.STOPPED,
                                    MonitorState.REPLICATING);
                })
                .run();
    }

    @Provide
    Arbitrary<ActionChain<MonitorRig>> answered() {
        return ActionChain.<MonitorRig>startWith(MonitorRig::new)
                .withAction(6, run(Peer.HEALTHY, 0, 1_000))
                .withAction(2, proofGrade())
                .withAction(step("calls active", rig -> rig.monitor.setCallsActive(true)))
                .withAction(step("no calls", rig -> rig.monitor.setCallsActive(false)))
                .withAction(step("suspend", MonitorRig::suspend))
                .withAction(step("resume", MonitorRig::resume))
                .withAction(step("stop", rig -> rig.apply(rig.monitor.stop(rig.now()))))
                .withAction(step("start", rig -> rig.apply(rig.monitor.start(rig.now()))))
                .withAction(step("replication starts", rig -> rig.apply(rig.monitor.replicationStarted(rig.now()))))
                .withAction(step("replication ends", rig -> rig.apply(rig.monitor.replicationFinished(rig.now()))))
                .withMaxTransformations(40);
    }

    // Always promotes once the failover count of consecutive misses is reached and the proof passes.

    @Property(tries = 60)
    void alwaysPromotesAfterTheFailoverCountOfMissesWhenTheProofPasses(@ForAll("lossy") ActionChain<MonitorRig> chain) {
        chain.withInvariant("promoted once the model counts enough misses", rig -> {
                    if (!rig.suspended && rig.modelMisses >= rig.modelThreshold()) {
                        assertThat(rig.monitor.promoted())
                                .as("promoted after %d misses (threshold %d)", rig.modelMisses, rig.modelThreshold())
                                .isTrue();
                    }
                    if (!rig.monitor.promoted() && !rig.suspended) {
                        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(rig.modelMisses);
                    }
                    assertThat(rig.all(MonitorAction.RefusePromotion.class)).isEmpty();
                })
                .run();
    }

    @Provide
    Arbitrary<ActionChain<MonitorRig>> lossy() {
        return ActionChain.<MonitorRig>startWith(() ->
                        new MonitorRig(MonitorSettings.defaults().withAutoFailback(false), PromotionPolicy.strict()))
                .withAction(3, run(Peer.HEALTHY, 0, 1_000))
                .withAction(3, run(Peer.SILENT, 0, 0))
                .withAction(2, run(Peer.APP_DEAD, 0, 900))
                .withAction(2, run(Peer.HEALTHY, 1_100, 1_900))
                .withAction(step("suspend", MonitorRig::suspend))
                .withAction(2, step("resume", MonitorRig::resume))
                .withMaxTransformations(30);
    }

    // Never promotes on a FAIL proof unless an operator overrides, recording who and why.

    @Property(tries = 60)
    void neverPromotesOnFailWithoutAnOverride(@ForAll("anything") ActionChain<MonitorRig> chain) {
        chain.withInvariant("FAIL promotions carry an override", rig -> {
                    for (MonitorAction.Promote p : rig.all(MonitorAction.Promote.class)) {
                        if (p.proof().grade() == Grade.FAIL) {
                            assertThat(rig.fromOverride)
                                    .as("FAIL promotion came from an override")
                                    .contains(p);
                            assertThat(p.decision().manual()).isTrue();
                            assertThat(p.decision().override()).hasValueSatisfying(o -> {
                                assertThat(o.operator()).isNotBlank();
                                assertThat(o.reason()).isNotBlank();
                            });
                        } else if (!rig.fromCommand.contains(p)) {
                            assertThat(p.decision().manual()).isFalse();
                            assertThat(p.proof().grade()).isIn(Grade.PASS, Grade.DEGRADED);
                        }
                        assertThat(p.decision().grade()).isEqualTo(p.proof().grade());
                    }
                    for (MonitorAction.RefusePromotion r : rig.all(MonitorAction.RefusePromotion.class)) {
                        assertThat(r.decision().promote()).isFalse();
                    }
                })
                .run();
    }

    @Provide
    Arbitrary<ActionChain<MonitorRig>> anything() {
        FailoverCommand plain = new FailoverCommand("ops", "drill", TestProofs.T0, false);
        FailoverCommand override = new FailoverCommand("ops", "carrier confirmed", TestProofs.T0, true);
        return ActionChain.<MonitorRig>startWith(
                        () -> new MonitorRig(MonitorSettings.defaults(), new PromotionPolicy(true)))
                .withAction(3, proofGrade())
                .withAction(3, run(Peer.HEALTHY, 0, 1_000))
                .withAction(3, run(Peer.SILENT, 0, 0))
                .withAction(step("shutdown notice", rig -> rig.apply(rig.monitor.onShutdownNotice(rig.now(), "bye"))))
                .withAction(step("failover now", rig -> rig.failoverNow(plain)))
                .withAction(step("failover now, override", rig -> rig.failoverNow(override)))
                .withAction(step("failback request", rig -> rig.apply(rig.monitor.requestFailback(rig.now(), "ops"))))
                .withAction(step("replication ends", rig -> rig.apply(rig.monitor.replicationFinished(rig.now()))))
                .withAction(step("calls active", rig -> rig.monitor.setCallsActive(true)))
                .withAction(step("no calls", rig -> rig.monitor.setCallsActive(false)))
                .withMaxTransformations(30);
    }

    @Property(tries = 20)
    void strictPolicyPromotesAutomaticallyOnlyOnPass(@ForAll("strict") ActionChain<MonitorRig> chain) {
        chain.withInvariant("automatic promotions are PASS", rig -> rig.all(MonitorAction.Promote.class)
                        .forEach(p -> assertThat(p.proof().grade()).isEqualTo(Grade.PASS)))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<MonitorRig>> strict() {
        return ActionChain.<MonitorRig>startWith(MonitorRig::new)
                .withAction(3, proofGrade())
                .withAction(2, run(Peer.HEALTHY, 0, 1_000))
                .withAction(4, run(Peer.SILENT, 0, 0))
                .withAction(step("shutdown notice", rig -> rig.apply(rig.monitor.onShutdownNotice(rig.now(), "bye"))))
                .withMaxTransformations(20);
    }
}
