package org.stroom.ports.simui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.LogCategory;
import org.stroom.ports.simui.sim.Outcome;
import org.stroom.ports.simui.sim.TrafficSettings;
import org.stroom.ports.t1.Defect;

@Timeout(60)
class SimulatorViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsEveryMachineBoardAndSpanOfBothSystemsIdleBeforeTraffic() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            assertThat(s.vm.systems()).extracting(SystemViewModel::name).containsExactly("stroom-a", "stroom-b");
            assertThat(s.vm.systems().get(0).machines())
                    .extracting(MachineViewModel::label)
                    .containsExactly("a-server · Server", "a-node1 · Node", "a-node2 · Node");
            assertThat(s.vm.spans()).hasSize(16);
            SpanViewModel span = s.span("a-node1/b0/s2");
            assertThat(span.circuit()).contains("DHEC.100104..SW");
            assertThat(s.count(span, CellState.IDLE)).isEqualTo(23);
            assertThat(span.cells().get(23).state()).isEqualTo(CellState.D_UP);
            assertThat(span.alarmColourProperty().get()).isEqualTo("none");
            assertThat(span.dChannelProperty().get()).isEqualTo("up");
            assertThat(s.busyCells()).isZero();
        }
    }

    @Test
    void startingTrafficTurnsCellsBusyAndThePortManagerCountsThem() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            assertThat(s.run(s.vm.startTraffic()).ok()).isTrue();
            s.advance(Duration.ofMinutes(5));
            assertThat(s.vm.trafficRunningProperty().get()).isTrue();
            assertThat(s.busyCells()).isGreaterThan(10);
            assertThat(s.vm.spans().stream().flatMap(sp -> sp.cells().stream()))
                    .anyMatch(c -> c.state() == CellState.FAX)
                    .anyMatch(c -> c.state() == CellState.VOICE);
            assertThat(s.counter("machine", "a-server").busyProperty().get()).isPositive();
            assertThat(s.vm.traffic().rows()).anyMatch(r -> r.offeredProperty().get() > 50);
            assertThat(s.vm.charts().busy()).isNotEmpty();
        }
    }

    @Test
    void aPulledCableTurnsTheSpanRedOnlyAfterTheAlarmIntegrationTime() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            SpanViewModel span = s.span("a-node1/b0/s1");
            assertThat(s.run(s.vm.pullCable(span)).ok()).isTrue();
            assertThat(span.plug()).isEqualTo(Frame.Plug.PULLED);
            s.advance(Duration.ofMillis(2400));
            assertThat(span.alarmColourProperty().get()).isEqualTo("none");
            assertThat(s.count(span, CellState.IDLE)).isEqualTo(23);
            s.advance(Duration.ofMillis(200));
            assertThat(span.alarmColourProperty().get()).isEqualTo("red");
            assertThat(s.count(span, CellState.OUT_OF_SERVICE)).isEqualTo(23);
            assertThat(span.cells().get(23).state()).isEqualTo(CellState.D_DOWN);

            assertThat(s.run(s.vm.replug(span)).ok()).isTrue();
            s.advance(Duration.ofSeconds(9));
            assertThat(span.alarmColourProperty().get())
                    .as("RED clears after 10 s of signal")
                    .isEqualTo("red");
            s.advance(Duration.ofMillis(1100));
            assertThat(span.alarmColourProperty().get()).isEqualTo("none");
            assertThat(s.count(span, CellState.IDLE)).isEqualTo(23);
        }
    }

    @Test
    void injectedAisRaisesBlueAndRaiRaisesYellowWithoutStoppingTraffic() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            SpanViewModel blue = s.span("a-node1/b0/s3");
            SpanViewModel yellow = s.span("a-node1/b0/s4");
            s.run(s.vm.raiseDefect(blue, Defect.AIS));
            s.run(s.vm.raiseDefect(yellow, Defect.RAI));
            s.advance(Duration.ofMillis(600));
            assertThat(yellow.alarmColourProperty().get()).isEqualTo("yellow");
            assertThat(blue.alarmColourProperty().get()).isEqualTo("none");
            s.advance(Duration.ofSeconds(2));
            assertThat(blue.alarmColourProperty().get()).isEqualTo("blue");
            assertThat(s.count(blue, CellState.OUT_OF_SERVICE)).isEqualTo(23);
            assertThat(s.count(yellow, CellState.IDLE)).isEqualTo(23);
            s.run(s.vm.clearDefects(blue));
            s.advance(Duration.ofSeconds(11));
            assertThat(blue.alarmColourProperty().get()).isEqualTo("none");
        }
    }

    @Test
    void aDChannelTakenDownTakesTheIdleChannelsOutOfService() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            SpanViewModel span = s.span("a-server/b0/s2");
            s.run(s.vm.setDChannel(span, false));
            s.advance(Duration.ofMillis(10));
            assertThat(span.dChannelProperty().get()).isEqualTo("down");
            assertThat(s.count(span, CellState.OUT_OF_SERVICE)).isEqualTo(23);
            s.run(s.vm.setDChannel(span, true));
            s.advance(Duration.ofMillis(10));
            assertThat(span.dChannelProperty().get()).isEqualTo("up");
            assertThat(s.count(span, CellState.IDLE)).isEqualTo(23);
        }
    }

    @Test
    void lockingASpanLocksItsChannelsAndThePortManagerStopsCountingThemFree() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            SpanViewModel span = s.span("a-node2/b0/s1");
            s.run(s.vm.lockSpan(span, true));
            s.advance(Duration.ofMillis(10));
            assertThat(span.lockedProperty().get()).isTrue();
            assertThat(s.count(span, CellState.LOCKED)).isEqualTo(23);
            assertThat(s.counter("span", "a-node2/b0/s1").freeProperty().get()).isZero();
            s.run(s.vm.lockSpan(span, false));
            s.advance(Duration.ofMillis(10));
            assertThat(s.count(span, CellState.IDLE)).isEqualTo(23);
            assertThat(s.counter("span", "a-node2/b0/s1").freeProperty().get()).isEqualTo(23);
        }
    }

    @Test
    void lockingABusyChannelWaitsForItsCallToEnd() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.run(s.vm.startTraffic());
            s.advance(Duration.ofMinutes(3));
            ChannelViewModel busy = s.vm.spans().stream()
                    .flatMap(sp -> sp.cells().stream())
                    .filter(c -> c.state() == CellState.VOICE)
                    .findFirst()
                    .orElseThrow();
            s.run(s.vm.lockChannel(busy, true));
            assertThat(busy.state().busy()).isTrue();
            s.run(s.vm.stopTraffic());
            s.advance(Duration.ofMinutes(30));
            assertThat(busy.state()).isEqualTo(CellState.LOCKED);
            s.run(s.vm.lockChannel(busy, false));
            s.advance(Duration.ofMillis(10));
            assertThat(busy.state()).isEqualTo(CellState.IDLE);
        }
    }

    @Test
    void blockingAChannelOnTheBoardShowsItBlocked() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            ChannelViewModel c = s.span("b-server/b0/s1").cells().get(4);
            assertThat(s.run(s.vm.blockChannel(c, true)).ok()).isTrue();
            assertThat(c.state()).isEqualTo(CellState.BLOCKED);
            s.run(s.vm.blockChannel(c, false));
            assertThat(c.state()).isEqualTo(CellState.IDLE);
        }
    }

    @Test
    void aFailedBoardTakesItsChannelsOutOfServiceUntilRecovered() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            BoardViewModel board = s.vm.machine("a-node1").boards().get(0);
            s.run(s.vm.failBoard(board, true));
            assertThat(board.faultedProperty().get()).isTrue();
            assertThat(board.spans()).allSatisfy(sp -> assertThat(s.count(sp, CellState.OUT_OF_SERVICE))
                    .isEqualTo(23));
            s.run(s.vm.failBoard(board, false));
            assertThat(board.spans())
                    .allSatisfy(sp -> assertThat(s.count(sp, CellState.IDLE)).isEqualTo(23));
        }
    }

    @Test
    void aKilledNodeIsDeclaredDownByThePortManagerAfterItsHeartbeatTimeout() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            MachineViewModel node = s.vm.machine("a-node2");
            assertThat(s.run(s.vm.killMachine(node, true)).message()).contains("killed Node a-node2");
            assertThat(node.aliveProperty().get()).isFalse();
            assertThat(s.count(s.span("a-node2/b0/s1"), CellState.OUT_OF_SERVICE))
                    .isEqualTo(23);
            s.advance(Duration.ofSeconds(45));
            CounterRowViewModel c = s.counter("machine", "a-node2");
            assertThat(c.freeProperty().get()).isZero();
            assertThat(c.unusableProperty().get()).isEqualTo(c.totalProperty().get());
            assertThat(s.run(s.vm.killMachine(node, true)).ok())
                    .as("already down")
                    .isFalse();
            s.run(s.vm.killMachine(node, false));
            s.advance(Duration.ofSeconds(15));
            assertThat(s.counter("machine", "a-node2").freeProperty().get()).isEqualTo(46);
        }
    }

    @Test
    void draggingASpanOntoAFreePositionOnAnotherMachineMovesIt() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            SpanViewModel target = s.span("b-node2/b0/s2");
            SpanViewModel source = s.span("a-node1/b0/s3");
            s.run(s.vm.pullCable(target));
            s.advance(Duration.ofSeconds(3));
            s.vm.beginDrag(source);
            assertThat(s.vm.canDrop(target)).isTrue();
            assertThat(s.vm.canDrop(s.span("b-node2/b0/s1"))).as("occupied").isFalse();
            s.vm.dragHover(target, true);
            assertThat(target.dropHoverProperty().get()).isTrue();
            Outcome o = s.run(s.vm.drop(target));
            assertThat(o.ok()).as(o.message()).isTrue();
            assertThat(o.message()).contains("moved circuit DHEC.100105..SW from a-node1/b0/s3 to b-node2/b0/s2");
            assertThat(target.dropHoverProperty().get()).isFalse();
            assertThat(source.plug()).isEqualTo(Frame.Plug.EMPTY);
            assertThat(target.circuit()).contains("DHEC.100105..SW");
            assertThat(target.plug()).isEqualTo(Frame.Plug.PLUGGED);
            s.advance(Duration.ofSeconds(11));
            assertThat(target.alarmColourProperty().get()).isEqualTo("none");
            assertThat(s.count(target, CellState.IDLE)).isEqualTo(23);
            assertThat(s.counter("span", "b-node2/b0/s2").freeProperty().get()).isEqualTo(23);
            assertThat(s.counter("span", "a-node1/b0/s3").totalProperty().get())
                    .as("removed from stroom-a's port manager")
                    .isZero();
        }
    }

    @Test
    void aMoveOntoAnOccupiedPositionOrTheSameMachineIsRefusedWithTheReason() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            Outcome occupied = s.run(s.vm.moveSpan(s.span("a-node1/b0/s3"), s.span("b-node2/b0/s1")));
            assertThat(occupied.ok()).isFalse();
            assertThat(occupied.message()).contains("holds circuit DHEC.200107..SW");
            s.run(s.vm.pullCable(s.span("a-node1/b0/s4")));
            Outcome same = s.run(s.vm.moveSpan(s.span("a-node1/b0/s3"), s.span("a-node1/b0/s4")));
            assertThat(same.message()).contains("goes to another machine");
            assertThat(s.span("a-node1/b0/s3").circuit()).contains("DHEC.100105..SW");
            assertThat(s.vm.statusProperty().get()).contains("refused");
            assertThat(s.vm.statusRefusedProperty().get()).isTrue();
        }
    }

    @Test
    void aMoveToAPositionProvisionedForAnotherProfileOrWithoutFaxResourcesIsRefused() {
        try (ManualSim s = ManualSim.smallPair()) {
            Outcome profile = s.run(s.vm.moveSpan(s.span("alpha-node/b0/s1"), s.span("beta-server/b0/s2")));
            assertThat(profile.ok()).isFalse();
            assertThat(profile.message())
                    .contains("provisioned for ESF/B8ZS/ISDN_PRI/NI2")
                    .contains("signalling ISDN_PRI vs EM_WINK_START");
            Outcome fax = s.run(s.vm.moveSpan(s.span("alpha-server/b0/s1"), s.span("beta-node/b0/s2")));
            assertThat(fax.message()).contains("cannot do FAX on timeslots 13..23");
            Outcome ok = s.run(s.vm.moveSpan(s.span("alpha-server/b0/s2"), s.span("beta-server/b0/s3")));
            assertThat(ok.ok()).as(ok.message()).isTrue();
        }
    }

    @Test
    void killingTheActiveServerMakesTheStandbyBuildATakeoverProofWithItsPlan() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            FailoverViewModel f = s.vm.failover();
            s.advance(Duration.ofSeconds(5));
            assertThat(f.availableProperty().get()).isTrue();
            assertThat(f.titleProperty().get()).isEqualTo("stroom-b monitors stroom-a");
            assertThat(f.stateProperty().get()).isEqualTo("OK");
            assertThat(s.run(s.vm.killActiveServer()).message()).contains("killed Server a-server of stroom-a");
            s.advance(Duration.ofSeconds(10));
            assertThat(f.stateProperty().get()).isEqualTo("SUSPECT");
            assertThat(f.hasProofProperty().get()).isFalse();
            s.advance(Duration.ofSeconds(30));
            assertThat(f.stateProperty().get()).isEqualTo("FAILURE");
            assertThat(f.hasProofProperty().get()).isTrue();
            assertThat(f.gradeProperty().get()).isIn("PASS", "DEGRADED", "FAIL");
            assertThat(f.causeProperty().get()).startsWith("MISSED_HEARTBEATS");
            assertThat(f.plan()).isNotEmpty();
            assertThat(f.proofTextProperty().get()).contains("stroom-b");
            assertThat(f.decisionProperty().get()).containsAnyOf("promoted", "not promoted");
            assertThat(s.vm.log().entries())
                    .anyMatch(e ->
                            e.category() == LogCategory.FAILOVER && e.text().startsWith("takeover proof"));
        }
    }

    @Test
    void failoverNowBuildsAProofOnTheOperatorsCommand() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.advance(Duration.ofSeconds(3));
            Outcome o = s.run(s.vm.failoverNow());
            FailoverViewModel f = s.vm.failover();
            assertThat(f.hasProofProperty().get()).isTrue();
            assertThat(f.causeProperty().get()).startsWith("OPERATOR_COMMAND");
            assertThat(o.ok()).isEqualTo(!f.gradeProperty().get().equals("FAIL"));
            assertThat(f.promotedProperty().get()).isEqualTo(o.ok());
        }
    }

    @Test
    void aProofIsBuiltWhenAPoolMixesLossAndQueuedModulesAndTheTesterChangedTraffic() {
        try (ManualSim s = ManualSim.smallPair()) {
            TrafficViewModel t = s.vm.traffic();
            TrafficRowViewModel fresh = t.rows().stream()
                    .filter(r -> r.label().startsWith("alpha/fax-out"))
                    .findFirst()
                    .orElseThrow();
            assertThat(s.run(s.vm.setTraffic(fresh, new TrafficSettings(400, 1, 60, 3)))
                            .ok())
                    .isTrue();
            s.advance(Duration.ofSeconds(3));
            s.run(s.vm.failoverNow());
            FailoverViewModel f = s.vm.failover();
            assertThat(f.hasProofProperty().get()).isTrue();
            assertThat(f.proofTextProperty().get()).contains("fax-in:queued").contains("fax-out");
        }
    }

    @Test
    void theTrafficEditorSendsNewSettingsForTheSelectedGroupAndRefusesBadNumbers() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            TrafficViewModel t = s.vm.traffic();
            TrafficRowViewModel voice = t.rows().stream()
                    .filter(r -> r.label().equals("stroom-a/voice · in · VOICE"))
                    .findFirst()
                    .orElseThrow();
            var ivr = s.vm.engine().description().systems().get(0).modules().stream()
                    .filter(m -> m.pool().equals("voice"))
                    .findFirst()
                    .orElseThrow();
            t.selectedProperty().set(voice);
            assertThat(Double.parseDouble(t.callsPerHourProperty().get())).isEqualTo(ivr.busyHourAttempts());
            assertThat(Double.parseDouble(t.holdingSecondsProperty().get()))
                    .isEqualTo(ivr.holdingSeconds().orElseThrow());
            t.callsPerHourProperty().set("abc");
            assertThat(s.run(t.apply()).ok()).isFalse();
            assertThat(t.errorProperty().get()).contains("calls per hour: 'abc' is not a number");
            t.callsPerHourProperty().set("900");
            t.holdingSecondsProperty().set("60");
            assertThat(s.run(s.vm.applyTraffic()).ok()).isTrue();
            assertThat(voice.settings()).isEqualTo(new TrafficSettings(900, 0, 60, 1));
            assertThat(voice.loadProperty().get()).startsWith("15.0 E");
        }
    }

    @Test
    void theEventLogFiltersByCategoryAndText() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.run(s.vm.pullCable(s.span("a-node1/b0/s1")));
            s.advance(Duration.ofSeconds(3));
            EventLogViewModel log = s.vm.log();
            assertThat(log.visible()).anyMatch(e -> e.category() == LogCategory.COMMAND);
            assertThat(log.visible()).anyMatch(e -> e.text().equals("RED alarm raised on a-node1/b0/s1"));
            log.shownProperty(LogCategory.SERVICE).set(false);
            assertThat(log.visible()).noneMatch(e -> e.category() == LogCategory.SERVICE);
            log.textProperty().set("red alarm");
            assertThat(log.visible())
                    .isNotEmpty()
                    .allMatch(e -> e.line().toLowerCase(java.util.Locale.ROOT).contains("red alarm"));
            log.textProperty().set("");
            log.shownProperty(LogCategory.SERVICE).set(true);
            assertThat(log.visible()).hasSameSizeAs(log.entries());
        }
    }

    @Test
    void theExportedReportChecksTheRedundancyOfTheCurrentState() throws Exception {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.run(s.vm.killMachine(s.vm.machine("b-node1"), true));
            Path file = dir.resolve("report.txt");
            assertThat(s.run(s.vm.exportReport(file)).ok()).isTrue();
            String text = Files.readString(file);
            assertThat(text)
                    .contains("Capacity-planning report: (embedded) default-system.yaml")
                    .contains("machines down: [b-node1]")
                    .contains("MODE_2")
                    .contains("Mode 2: stroom-a carries its load")
                    .contains("Takeover plan, stroom-b takes over stroom-a");
        }
    }

    @Test
    void aFrameIsAppliedOnceHoweverManyEventsItCovers() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.run(s.vm.startTraffic());
            s.vm.engine().runFor(Duration.ofMinutes(2));
            assertThat(s.vm.applyLatestFrame()).isTrue();
            assertThat(s.vm.applyLatestFrame()).as("no new frame").isFalse();
            assertThat(s.vm.log().entries().size()).isLessThanOrEqualTo(EventLogViewModel.CAPACITY);
        }
    }

    @Test
    void pausingStopsTheClockAndStepRunsTheNextScheduledAction() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            assertThat(s.run(s.vm.step()).message()).contains("pause it first");
            s.run(s.vm.pause());
            assertThat(s.vm.pausedProperty().get()).isTrue();
            long before = s.vm.simNanosProperty().get();
            Outcome step = s.run(s.vm.step());
            assertThat(step.ok()).isTrue();
            assertThat(s.vm.simNanosProperty().get()).isGreaterThan(before);
            s.run(s.vm.resume());
            assertThat(s.vm.pausedProperty().get()).isFalse();
        }
    }

    @Test
    void theSpeedSliderSetsTheClockSpeedFromOneToAThousand() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.vm.speedExponentProperty().set(2);
            s.run(java.util.concurrent.CompletableFuture.completedFuture(Outcome.done("")));
            assertThat(s.vm.speedProperty().get()).isEqualTo(100);
            assertThat(s.vm.speedTextProperty().get()).isEqualTo("×100");
            assertThat(s.run(s.vm.setSpeed(5000)).ok()).isFalse();
            assertThat(SimulatorViewModel.speedOf(3)).isEqualTo(1000);
            assertThat(SimulatorViewModel.speedOf(0)).isEqualTo(1);
        }
    }

    @Test
    void openingABrokenFileKeepsTheRunningSimulationAndSaysWhy() throws Exception {
        try (ManualSim s = ManualSim.defaultSystem()) {
            Path bad = dir.resolve("bad.yaml");
            Files.writeString(bad, "systems: [ {name: x} ]\n");
            Outcome o = s.vm.open(bad);
            assertThat(o.ok()).isFalse();
            assertThat(s.vm.statusProperty().get()).startsWith("cannot open");
            assertThat(s.vm.titleProperty().get()).isEqualTo(SimulatorViewModel.DEFAULT_TITLE);
            assertThat(s.vm.spans()).hasSize(16);
        }
    }

    @Test
    void aSelectedChannelShowsItsCallAndTransitionHistory() {
        try (ManualSim s = ManualSim.defaultSystem()) {
            s.run(s.vm.startTraffic());
            s.advance(Duration.ofMinutes(2));
            ChannelViewModel busy = s.vm.spans().stream()
                    .flatMap(sp -> sp.cells().stream())
                    .filter(c -> c.state() == CellState.FAX)
                    .findFirst()
                    .orElseThrow();
            s.vm.selectChannel(busy);
            s.advance(Duration.ofMillis(1));
            ChannelDetailViewModel d = s.vm.detail();
            assertThat(d.titleProperty().get()).startsWith(busy.span().key() + " ch " + busy.ds0());
            assertThat(d.callProperty().get()).startsWith("call #");
            assertThat(d.history()).isNotEmpty().anyMatch(l -> l.contains("CONNECTED"));
            assertThat(busy.tooltip(s.vm.simNanosProperty().get()))
                    .contains("fax")
                    .contains("call #");
        }
    }
}
