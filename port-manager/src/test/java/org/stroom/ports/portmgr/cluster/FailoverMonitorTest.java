package org.stroom.ports.portmgr.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.proof.PromotionPolicy;
import org.stroom.ports.portmgr.cluster.MonitorRig.Peer;

class FailoverMonitorTest {
    private static final FailoverCommand OPERATOR =
            new FailoverCommand("jsmith", "active room flooded", TestProofs.T0, false);
    private static final FailoverCommand OVERRIDE =
            new FailoverCommand("jsmith", "carrier confirmed number rollover", TestProofs.T0, true);

    /** Runs silent until promoted (or 5 minutes pass) and returns the misses counted at promotion. */
    private static int missesAtPromotion(MonitorRig rig) {
        rig.peer(Peer.SILENT);
        long limit = rig.nowMs + 300_000;
        while (!rig.monitor.promoted() && rig.nowMs < limit) {
            rig.run(MonitorRig.TICK_MS);
        }
        return rig.monitor.consecutiveMisses();
    }

    @Test
    void heartbeatEveryTwoSecondsKeepsTheMonitorOkWhileAnswered() {
        MonitorRig rig = new MonitorRig().run(60_000);

        // At 0, 2, 4, ... 60 s.
        assertThat(rig.heartbeatsSent()).isEqualTo(31);
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
        assertThat(rig.all(MonitorAction.StateChanged.class)).isEmpty();
        assertThat(rig.proofsBuilt).isZero();
    }

    @Test
    void firstMissMakesThePeerSuspectAndAnAnswerClearsIt() {
        MonitorRig rig = new MonitorRig().run(10_000).peer(Peer.SILENT).run(3_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.SUSPECT);
        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(1);

        rig.peer(Peer.HEALTHY).run(2_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
        assertThat(rig.monitor.consecutiveMisses()).isZero();
    }

    @Test
    void warnsOnceAfterFiveConsecutiveMisses() {
        MonitorRig rig = new MonitorRig().run(4_000).peer(Peer.SILENT).run(21_000);

        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(10);
        assertThat(rig.all(MonitorAction.Warn.class)).singleElement().satisfies(w -> {
            assertThat(w.consecutiveMisses()).isEqualTo(5);
            assertThat(w.problem()).contains("no answer within 1000 ms");
        });
    }

    @Test
    void rightAfterItsOwnRestartTheMonitorWaitsForThirtyMisses() {
        MonitorRig rig = new MonitorRig();

        assertThat(rig.monitor.failoverThreshold()).isEqualTo(30);
        assertThat(missesAtPromotion(rig)).isEqualTo(30);
        assertThat(rig.nowMs).isBetween(59_000L, 59_100L);
    }

    @Test
    void onceThePeerHasAnsweredFifteenMissesPromote() {
        MonitorRig rig = new MonitorRig().run(4_000);

        assertThat(rig.monitor.failoverThreshold()).isEqualTo(15);
        assertThat(missesAtPromotion(rig)).isEqualTo(15);
        assertThat(rig.all(MonitorAction.Promote.class)).singleElement().satisfies(p -> {
            assertThat(p.decision().grade()).isEqualTo(Grade.PASS);
            assertThat(p.decision().manual()).isFalse();
        });
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.FAILURE);
    }

    @Test
    void lateAnswerCountsAsAMiss() {
        MonitorRig rig = new MonitorRig().run(4_000);
        rig.answerDelayMs = 1_200;
        rig.run(21_000);

        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(10);
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.SUSPECT);
    }

    @Test
    void answeringHostWithDeadPortManagerCountsAsMissedAndIsTakenOver() {
        MonitorRig rig = new MonitorRig().run(4_000).peer(Peer.APP_DEAD).run(40_000);

        assertThat(rig.monitor.promoted()).isTrue();
        assertThat(rig.all(MonitorAction.Warn.class)).singleElement().satisfies(w -> assertThat(w.problem())
                .isEqualTo("peer answers but port manager not running"));
    }

    @Test
    void answerWithNoUsableSpanIsUnhealthy() {
        MonitorRig rig = new MonitorRig().run(4_200);
        List<MonitorAction> sent = rig.monitor.tick(6_000 * MonitorRig.MS);
        long seq = ((MonitorAction.SendHeartbeat) sent.get(0)).sequence();

        rig.apply(rig.monitor.onHeartbeat(6_100 * MonitorRig.MS, seq, new PeerHealth(true, 0, 4, 0)));

        assertThat(new PeerHealth(true, 0, 4, 0).problem()).isEqualTo("no usable span (0 of 4)");
        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(1);
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.SUSPECT);
    }

    @Test
    void answerQuotingAnotherHeartbeatIsIgnored() {
        MonitorRig rig = new MonitorRig().peer(Peer.SILENT).run(150);

        rig.apply(rig.monitor.onHeartbeat(rig.now(), 99, PeerHealth.healthy(2)));
        rig.run(1_000);

        assertThat(rig.monitor.consecutiveMisses()).isEqualTo(1);
    }

    @Test
    void controlledShutdownIsTakenOverAtOnceWithoutWaitingForMisses() {
        MonitorRig rig = new MonitorRig().run(4_000);

        rig.apply(rig.monitor.onShutdownNotice(rig.now(), "operator shutdown for upgrade"));

        assertThat(rig.monitor.promoted()).isTrue();
        assertThat(rig.monitor.consecutiveMisses()).isZero();
        assertThat(rig.all(MonitorAction.StateChanged.class)).singleElement().satisfies(c -> assertThat(c.why())
                .contains("controlled shutdown"));
    }

    @Test
    void controlledShutdownWaitsForAnOperatorWhenConfiguredSo() {
        MonitorRig rig = new MonitorRig(
                MonitorSettings.defaults().withPromoteOnControlledShutdown(false), PromotionPolicy.strict());

        rig.apply(rig.monitor.onShutdownNotice(rig.now(), "maintenance"));
        rig.apply(rig.monitor.failoverNow(rig.now(), OPERATOR));

        assertThat(rig.all(MonitorAction.Warn.class)).singleElement().satisfies(w -> assertThat(w.problem())
                .contains("waiting for an operator"));
        assertThat(rig.all(MonitorAction.Promote.class))
                .singleElement()
                .satisfies(p -> assertThat(p.decision().manual()).isTrue());
    }

    @Test
    void failingProofRefusesPromotionAndReportsOnlyWhenTheReasonChanges() {
        MonitorRig rig =
                new MonitorRig().run(4_000).proof(Grade.FAIL).peer(Peer.SILENT).run(60_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.FAILURE);
        assertThat(rig.monitor.promoted()).isFalse();
        assertThat(rig.proofsBuilt).isGreaterThan(1);
        assertThat(rig.all(MonitorAction.RefusePromotion.class)).singleElement().satisfies(r -> {
            assertThat(r.decision().grade()).isEqualTo(Grade.FAIL);
            assertThat(r.proof().grade()).isEqualTo(Grade.FAIL);
        });

        rig.proof(Grade.PASS).run(2_000);

        assertThat(rig.monitor.promoted()).isTrue();
    }

    @Test
    void degradedProofPromotesAutomaticallyOnlyWhenThePolicyAllows() {
        MonitorRig strict = new MonitorRig().run(4_000).proof(Grade.DEGRADED);
        MonitorRig lenient = new MonitorRig(MonitorSettings.defaults(), new PromotionPolicy(true))
                .run(4_000)
                .proof(Grade.DEGRADED);

        missesAtPromotion(strict);
        missesAtPromotion(lenient);

        assertThat(strict.monitor.promoted()).isFalse();
        assertThat(lenient.monitor.promoted()).isTrue();
    }

    @Test
    void failoverNowPromotesOnPassAndRefusesFailWithoutOverride() {
        MonitorRig pass = new MonitorRig().run(4_000);
        MonitorRig fail = new MonitorRig().run(4_000).proof(Grade.FAIL);

        pass.apply(pass.monitor.failoverNow(pass.now(), OPERATOR));
        fail.apply(fail.monitor.failoverNow(fail.now(), OPERATOR));

        assertThat(pass.monitor.promoted()).isTrue();
        assertThat(fail.monitor.promoted()).isFalse();
        assertThat(fail.all(MonitorAction.RefusePromotion.class))
                .singleElement()
                .satisfies(r -> assertThat(r.decision().reason()).contains("needs an override"));
    }

    @Test
    void failoverNowWithOverridePromotesOnFailAndRecordsWhoAndWhy() {
        MonitorRig rig = new MonitorRig().run(4_000).proof(Grade.FAIL);

        rig.apply(rig.monitor.failoverNow(rig.now(), OVERRIDE));

        assertThat(rig.all(MonitorAction.Promote.class)).singleElement().satisfies(p -> {
            assertThat(p.decision().grade()).isEqualTo(Grade.FAIL);
            assertThat(p.decision().override()).hasValueSatisfying(o -> {
                assertThat(o.operator()).isEqualTo("jsmith");
                assertThat(o.reason()).isEqualTo("carrier confirmed number rollover");
            });
        });
        assertThat(rig.monitor.failoverNow(rig.now(), OVERRIDE))
                .containsExactly(new MonitorAction.CommandRejected("failover now", "this system is already promoted"));
    }

    @Test
    void suspendedMonitorSendsNoHeartbeatAndNeverFailsOver() {
        MonitorRig rig = new MonitorRig().run(4_000);
        rig.apply(rig.monitor.suspend(rig.now()));
        long sent = rig.heartbeatsSent();

        rig.peer(Peer.SILENT).run(120_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.SUSPENDED);
        assertThat(rig.heartbeatsSent()).isEqualTo(sent);
        assertThat(rig.monitor.promoted()).isFalse();

        rig.apply(rig.monitor.resume(rig.now()));
        rig.peer(Peer.HEALTHY).run(4_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
        assertThat(rig.heartbeatsSent()).isGreaterThan(sent);
    }

    @Test
    void stoppedMonitorDoesNothingUntilStarted() {
        MonitorRig rig = new MonitorRig().run(4_000);
        rig.apply(rig.monitor.stop(rig.now()));
        long sent = rig.heartbeatsSent();

        rig.peer(Peer.SILENT).run(120_000);
        assertThat(rig.monitor.resume(rig.now())).singleElement().isInstanceOf(MonitorAction.CommandRejected.class);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.STOPPED);
        assertThat(rig.heartbeatsSent()).isEqualTo(sent);

        rig.apply(rig.monitor.start(rig.now()));
        rig.run(2_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.SUSPECT);
    }

    @Test
    void failbackWaitsFiveMinutesOfHealthyHeartbeatsThenReplicatesThenHandsBack() {
        MonitorRig rig = new MonitorRig().run(4_000);
        missesAtPromotion(rig);
        rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(4));

        assertThat(rig.all(MonitorAction.StartFailback.class)).isEmpty();

        rig.run(Duration.ofMinutes(1).plusSeconds(2));

        assertThat(rig.all(MonitorAction.StartFailback.class)).hasSize(1);
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.REPLICATING);
        assertThat(rig.monitor.promoted()).isTrue();

        rig.apply(rig.monitor.replicationFinished(rig.now()));

        assertThat(rig.all(MonitorAction.Failback.class)).hasSize(1);
        assertThat(rig.monitor.promoted()).isFalse();
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
        assertThat(rig.monitor.failoverThreshold()).isEqualTo(15);
    }

    @Test
    void aMonitorResumedPromotedAfterARestartStaysPromotedUntilItFailsBack() {
        MonitorRig rig = new MonitorRig(MonitorSettings.defaults(), List.of(Duration.ZERO));

        assertThat(rig.monitor.promoted()).isTrue();
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.FAILURE);

        rig.peer(Peer.SILENT).run(Duration.ofMinutes(2));

        assertThat(rig.monitor.promoted()).isTrue();
        assertThat(rig.proofsBuilt)
                .as("no second takeover while already promoted")
                .isZero();
        assertThat(rig.all(MonitorAction.Promote.class)).isEmpty();

        rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(4));
        assertThat(rig.all(MonitorAction.StartFailback.class)).isEmpty();
        rig.run(Duration.ofMinutes(1).plusSeconds(5)); // the first answer comes with the next heartbeat, 2 s on
        assertThat(rig.all(MonitorAction.StartFailback.class)).hasSize(1);

        rig.apply(rig.monitor.replicationFinished(rig.now()));

        assertThat(rig.monitor.promoted()).isFalse();
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
    }

    @Test
    void aRestartKeepsTheFailbackLockOutOfPromotionsInTheWindow() {
        MonitorRig locked = new MonitorRig(
                MonitorSettings.defaults(), List.of(Duration.ofHours(2), Duration.ofHours(1), Duration.ZERO));
        locked.peer(Peer.HEALTHY).run(Duration.ofMinutes(10));

        assertThat(locked.all(MonitorAction.StartFailback.class)).isEmpty();
        assertThat(locked.all(MonitorAction.FailbackLockedOut.class)).hasSize(1);
        locked.apply(locked.monitor.requestFailback(locked.now(), "jsmith"));
        assertThat(locked.all(MonitorAction.StartFailback.class)).hasSize(1);

        MonitorRig old = new MonitorRig(
                MonitorSettings.defaults(), List.of(Duration.ofHours(26), Duration.ofHours(25), Duration.ZERO));
        old.peer(Peer.HEALTHY).run(Duration.ofMinutes(6));

        assertThat(old.all(MonitorAction.FailbackLockedOut.class)).isEmpty();
        assertThat(old.all(MonitorAction.StartFailback.class)).hasSize(1);
    }

    @Test
    void aMonitorRestartedUnpromotedCountsEarlierPromotionsForTheLockOut() {
        MonitorRig rig = new MonitorRig(
                        MonitorSettings.defaults(), List.of(Duration.ofHours(3), Duration.ofHours(2)), false)
                .run(4_000);
        assertThat(rig.monitor.promoted()).isFalse();
        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);

        missesAtPromotion(rig); // the third promotion within 24 h
        rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(10));

        assertThat(rig.all(MonitorAction.FailbackLockedOut.class)).hasSize(1);
        assertThat(rig.all(MonitorAction.StartFailback.class)).isEmpty();
    }

    @Test
    void aNegativePromotionAgeIsRefused() {
        assertThatThrownBy(() -> new MonitorRig(MonitorSettings.defaults(), List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("promotion age PT-1S is negative");
    }

    @Test
    void failbackWaitsWhileCallsAreActive() {
        MonitorRig rig = new MonitorRig().run(4_000);
        missesAtPromotion(rig);
        rig.monitor.setCallsActive(true);
        rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(10));

        assertThat(rig.all(MonitorAction.StartFailback.class)).isEmpty();
        assertThat(rig.all(MonitorAction.FailbackDeferred.class)).hasSize(1);
        assertThat(rig.monitor.requestFailback(rig.now(), "jsmith"))
                .containsExactly(new MonitorAction.FailbackDeferred("calls are active on this system"));

        rig.monitor.setCallsActive(false);
        rig.run(2_000);

        assertThat(rig.all(MonitorAction.StartFailback.class)).hasSize(1);
    }

    @Test
    void peerLostDuringFailbackReplicationAbortsTheFailback() {
        MonitorRig rig =
                new MonitorRig(MonitorSettings.defaults().withAutoFailback(false), PromotionPolicy.strict()).run(4_000);
        missesAtPromotion(rig);
        rig.peer(Peer.HEALTHY).run(4_000);
        rig.apply(rig.monitor.requestFailback(rig.now(), "jsmith"));

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.REPLICATING);

        rig.peer(Peer.SILENT).run(4_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.FAILURE);
        assertThat(rig.monitor.promoted()).isTrue();
        assertThat(rig.all(MonitorAction.StartFailback.class)).singleElement().satisfies(s -> assertThat(s.why())
                .isEqualTo("requested by jsmith"));
    }

    @Test
    void automaticFailbackIsLockedOutAfterThreeFailoversIn24Hours() {
        MonitorRig rig = new MonitorRig().run(4_000);
        for (int i = 0; i < 2; i++) {
            missesAtPromotion(rig);
            rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(6));
            rig.apply(rig.monitor.replicationFinished(rig.now()));
            rig.run(4_000);
        }
        missesAtPromotion(rig);
        rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(30));

        assertThat(rig.all(MonitorAction.Promote.class)).hasSize(3);
        assertThat(rig.all(MonitorAction.Failback.class)).hasSize(2);
        assertThat(rig.all(MonitorAction.FailbackLockedOut.class))
                .containsExactly(new MonitorAction.FailbackLockedOut(3));
        assertThat(rig.monitor.promoted()).isTrue();

        rig.apply(rig.monitor.requestFailback(rig.now(), "jsmith"));

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.REPLICATING);
    }

    @Test
    void lockOutExpiresAfter24Hours() {
        MonitorRig rig = new MonitorRig().run(4_000);
        for (int i = 0; i < 2; i++) {
            missesAtPromotion(rig);
            rig.peer(Peer.HEALTHY).run(Duration.ofMinutes(6));
            rig.apply(rig.monitor.replicationFinished(rig.now()));
            rig.run(4_000);
        }
        missesAtPromotion(rig);
        rig.peer(Peer.HEALTHY).run(Duration.ofHours(24));

        assertThat(rig.all(MonitorAction.StartFailback.class)).hasSize(3);
    }

    @Test
    void scheduledReplicationShowsReplicatingAndReturnsToOk() {
        MonitorRig rig = new MonitorRig().run(4_000);

        rig.apply(rig.monitor.replicationStarted(rig.now()));
        rig.run(10_000);

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.REPLICATING);

        rig.apply(rig.monitor.replicationFinished(rig.now()));

        assertThat(rig.monitor.state()).isEqualTo(MonitorState.OK);
        assertThat(rig.all(MonitorAction.Failback.class)).isEmpty();
    }

    @Test
    void commandsInTheWrongStateAreRejectedWithAReason() {
        MonitorRig rig = new MonitorRig().run(4_000);

        assertThat(rig.monitor.requestFailback(rig.now(), "jsmith"))
                .containsExactly(new MonitorAction.CommandRejected("failback", "this system is not promoted"));
        assertThat(rig.monitor.replicationFinished(rig.now()))
                .containsExactly(
                        new MonitorAction.CommandRejected("replication finished", "no replication in progress"));
        rig.apply(rig.monitor.failoverNow(rig.now(), OPERATOR));
        assertThat(rig.monitor.suspend(rig.now()))
                .containsExactly(
                        new MonitorAction.CommandRejected("suspend", "this system is promoted; fail back first"));
    }

    @Test
    void settingsRejectATimeoutNotShorterThanTheInterval() {
        MonitorSettings d = MonitorSettings.defaults();
        assertThat(d.heartbeatInterval()).isEqualTo(Duration.ofMillis(2000));
        assertThat(d.heartbeatTimeout()).isEqualTo(Duration.ofMillis(1000));
        assertThat(List.of(d.warnAfterMisses(), d.failoverAfterMisses(), d.failoverAfterRestartMisses()))
                .containsExactly(5, 15, 30);
        assertThatThrownBy(() -> new MonitorSettings(
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1000),
                        5,
                        15,
                        30,
                        Duration.ZERO,
                        3,
                        Duration.ofHours(24),
                        true,
                        true))
                .hasMessageContaining("heartbeatTimeout");
    }

    @Test
    void everyActionAndMessageTypeIsKnown() {
        assertThat(Arrays.stream(MonitorAction.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder(
                        "SendHeartbeat",
                        "StateChanged",
                        "Warn",
                        "Promote",
                        "RefusePromotion",
                        "StartFailback",
                        "Failback",
                        "FailbackDeferred",
                        "FailbackLockedOut",
                        "CommandRejected");
        // MonitorDriver dispatches these; a new one must be handled there.
        assertThat(Arrays.stream(PeerMessage.class.getPermittedSubclasses()).map(Class::getSimpleName))
                .containsExactlyInAnyOrder("Heartbeat", "HeartbeatAnswer", "ShutdownNotice", "LoadReport");
    }
}
