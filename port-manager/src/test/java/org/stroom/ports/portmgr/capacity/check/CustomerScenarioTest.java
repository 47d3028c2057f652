package org.stroom.ports.portmgr.capacity.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.loopStart;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.portmgr.capacity.plan.Rollover;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;
import org.stroom.ports.portmgr.capacity.plan.TakeoverPlan;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;

/** Scenarios built from the customer's backup/recovery specification (Mode 0, 1, 2) and N+1. */
class CustomerScenarioTest {
    private final RedundancyChecker checker = new RedundancyChecker();

    @Test
    void mode2PassiveWithEnoughPortsPassesAfterMovingTheInboundT1s() {
        RedundancyReport report = checker.mode2(
                CustomerSystems.mode2Active(), CustomerSystems.mode2Load(), CustomerSystems.mode2Passive());

        Verdict takeover = report.verdict("Mode 2: Active fails, Passive takes over");
        TakeoverPlan plan = report.takeovers().get(0).plan();

        assertThat(report.grade()).isEqualTo(Grade.PASS);
        assertThat(takeover.grade()).isEqualTo(Grade.PASS);
        assertThat(takeover.system()).isEqualTo("Passive");
        assertThat(plan.moves())
                .extracting(m -> m.circuit().value() + "->" + m.to())
                .containsExactly("ACT-IN-1->PAS-SRV/b0/s3", "ACT-IN-2->PAS-SRV/b0/s4");
        assertThat(plan.rollover().isEmpty()).isTrue();
        assertThat(takeover.kind(PortKind.FAX).usable()).isEqualTo(92);
        assertThat(takeover.kind(PortKind.FAX).margin()).isPositive();
        assertThat(takeover.pool("outbound-fax").allotted())
                .isEqualTo(takeover.pool("outbound-fax").required());
        assertThat(takeover.reasons()).anyMatch(r -> r.startsWith("plan: move circuit ACT-IN-1"));
    }

    @Test
    void t1InRedAlarmOnThePassiveTurnsPassIntoFailWithTheReason() {
        RedundancyReport healthy = checker.mode2(
                CustomerSystems.mode2Active(), CustomerSystems.mode2Load(), CustomerSystems.mode2Passive());
        RedundancyReport alarmed = checker.mode2(
                CustomerSystems.mode2Active(), CustomerSystems.mode2Load(), CustomerSystems.mode2PassiveWithRedAlarm());

        Verdict before = healthy.verdict("Mode 2: Active fails");
        Verdict after = alarmed.verdict("Mode 2: Active fails");

        assertThat(before.grade()).isEqualTo(Grade.PASS);
        assertThat(after.grade()).isEqualTo(Grade.FAIL);
        assertThat(after.kind(PortKind.FAX).usable()).isEqualTo(69);
        assertThat(after.kind(PortKind.FAX).margin()).isNegative();
        assertThat(after.excluded()).containsExactly("span PAS-SRV/b0/s2 circuit PAS-OUT-2: RED alarm (23 ports)");
        assertThat(after.reasons())
                .anyMatch(r -> r.contains("pool outbound-fax") && r.contains("unstable queue"))
                .anyMatch(r -> r.contains("PAS-OUT-2: RED alarm"));
        assertThat(alarmed.takeovers().get(0).plan().missing()).anyMatch(m -> m.contains("FAX is short by"));
    }

    @Test
    void mode1PairSplitByModuleCarriesEitherFailure() {
        RedundancyReport report = checker.mode1(
                CustomerSystems.mode1A(), CustomerSystems.mode1LoadA(),
                CustomerSystems.mode1B(), CustomerSystems.mode1LoadB());

        Verdict aFails = report.verdict("Mode 1: Stroom-A fails");
        Verdict bFails = report.verdict("Mode 1: Stroom-B fails");
        TakeoverPlan bTakesA = report.takeovers().get(0).plan();
        TakeoverPlan aTakesB = report.takeovers().get(1).plan();

        assertThat(report.verdicts()).hasSize(4);
        assertThat(report.verdict("Mode 1: Stroom-A carries").grade()).isEqualTo(Grade.PASS);
        assertThat(report.verdict("Mode 1: Stroom-B carries").grade()).isEqualTo(Grade.PASS);
        // A's outbound fax joins B's ports; B's three PRIs are not enough, so one of A's circuits is moved too.
        assertThat(aFails.grade()).isEqualTo(Grade.PASS);
        assertThat(aFails.pool("outbound-fax").required()).isPositive();
        assertThat(bTakesA.moves()).singleElement().satisfies(m -> assertThat(m.why())
                .startsWith("adds 23"));
        // B's inbound numbers must reach A: one circuit fits A's free position, the other's numbers roll over.
        assertThat(bFails.grade()).isEqualTo(Grade.PASS);
        assertThat(aTakesB.moves()).extracting(SpanMove::circuit).containsExactly(new CircuitId("B-IN-1"));
        assertThat(aTakesB.rollover().rollovers())
                .extracting(Rollover::range, Rollover::pool)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DidRange.parse(CustomerSystems.INBOUND_B), "inbound-fax"),
                        org.assertj.core.groups.Tuple.tuple(DidRange.parse(CustomerSystems.IVR_DIDS), "ivr"));
        assertThat(aTakesB.rollover().rollovers())
                .extracting(r -> r.toCircuit().value())
                .doesNotHaveDuplicates()
                .allMatch(c -> c.startsWith("A-OUT"));
        assertThat(bFails.pool("inbound-fax").eligible()).isEqualTo(46);
    }

    @Test
    void passiveWithoutFreePositionsGetsANumberRolloverPlan() {
        InventorySystem passive = CustomerSystems.mode2PassiveBuilder()
                .span(pri("PAS-1"))
                .span(pri("PAS-2"))
                .span(pri("PAS-3"))
                .span(pri("PAS-4"))
                .build();

        RedundancyReport report = checker.mode2(CustomerSystems.mode2Active(), CustomerSystems.mode2Load(), passive);
        TakeoverPlan plan = report.takeovers().get(0).plan();

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.rollover().rollovers())
                .extracting(r -> r.range().toString() + "->" + r.toCircuit())
                .containsExactly(
                        CustomerSystems.INBOUND_A + "->PAS-1",
                        CustomerSystems.INBOUND_B + "->PAS-2",
                        CustomerSystems.IVR_DIDS + "->PAS-3");
        assertThat(plan.feasible()).isTrue();
        assertThat(report.verdict("Mode 2: Active fails").grade()).isEqualTo(Grade.PASS);
    }

    @Test
    void passiveWithOnlyLoopStartLinesCannotTakeTheNumbersAndSaysWhatIsMissing() {
        InventorySystem passive = CustomerSystems.mode2PassiveBuilder()
                .span(loopStart("POTS-1"))
                .span(loopStart("POTS-2"))
                .build();

        RedundancyReport report = checker.mode2(CustomerSystems.mode2Active(), CustomerSystems.mode2Load(), passive);
        TakeoverPlan plan = report.takeovers().get(0).plan();
        Verdict v = report.verdict("Mode 2: Active fails");

        assertThat(plan.feasible()).isFalse();
        assertThat(plan.missing())
                .anyMatch(
                        m -> m.startsWith("DIDs " + CustomerSystems.INBOUND_A + " (pool inbound-fax, circuit ACT-IN-1)")
                                && m.contains("needs a free ESF/B8ZS/ISDN_PRI/NI2 position on Passive")
                                && m.contains("free positions: none")
                                && m.contains("DID-capable signalling"));
        assertThat(v.grade()).isEqualTo(Grade.FAIL);
        assertThat(v.reasons()).anyMatch(r -> r.contains("no span of Passive delivers DIDs"));
    }

    @Test
    void mode0SystemCarriesItsOwnLoad() {
        RedundancyReport report = checker.mode0(CustomerSystems.mode2Active(), CustomerSystems.mode2Load());

        assertThat(report.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.scenario()).isEqualTo("Mode 0: Active carries its own load");
            assertThat(v.grade()).isEqualTo(Grade.PASS);
        });
    }

    @Test
    void nPlusOneSpareCoversEachActiveInTurn() {
        InventorySystem a = CustomerSystems.mode2Active();
        InventorySystem b = org.stroom.ports.portmgr.capacity.SystemBuilder.system("Active-2")
                .server("ACT2-SRV")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("ACT2-OUT-1"))
                .span(pri("ACT2-OUT-2"))
                .build();
        org.stroom.ports.portmgr.capacity.LoadProfile loadB = new org.stroom.ports.portmgr.capacity.LoadProfile(
                "Active-2", List.of(CustomerSystems.outboundFaxPool()), List.of(CustomerSystems.desktopFax(400)));

        RedundancyReport report = checker.nPlusOne(
                List.of(new ProtectedSystem(a, CustomerSystems.mode2Load()), new ProtectedSystem(b, loadB)),
                CustomerSystems.mode2Passive());

        assertThat(report.verdicts())
                .extracting(Verdict::scenario)
                .containsExactly(
                        "N+1: Active carries its load",
                        "N+1: Active-2 carries its load",
                        "N+1: Active fails, Passive takes over",
                        "N+1: Active-2 fails, Passive takes over");
        assertThat(report.grade()).isEqualTo(Grade.PASS);
        assertThat(report.takeovers().get(1).plan().moves()).isEmpty();
    }

    @Test
    void rehearsingEverySingleFailureOfThePassiveFindsTheWeakSpans() {
        org.stroom.ports.portmgr.capacity.RehearsalReport r = checker.rehearseTakeover(
                CustomerSystems.mode2Active(),
                CustomerSystems.mode2Load(),
                CustomerSystems.mode2Passive(),
                org.stroom.ports.portmgr.capacity.LoadProfile.empty("Passive"));

        assertThat(r.baseline().grade()).isEqualTo(Grade.PASS);
        // 1 machine + 1 board + 2 spans.
        assertThat(r.cases()).hasSize(4);
        assertThat(r.count(Grade.FAIL)).isEqualTo(4);
        assertThat(r.cases().get(2).verdict().scenario()).endsWith("while span PAS-SRV/b0/s1 fails");
    }
}
