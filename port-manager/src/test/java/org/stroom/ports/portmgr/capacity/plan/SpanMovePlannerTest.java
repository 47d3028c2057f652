package org.stroom.ports.portmgr.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.EM_WINK;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.PRI_NI2;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.wink;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;

class SpanMovePlannerTest {
    private static final String DIDS_1 = "5550100-5550199";
    private static final String DIDS_2 = "5550200-5550299";
    private static final LineProfile PRI_DMS =
            new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.ISDN_PRI, PriSwitch.DMS100);

    private final SpanMovePlanner planner = new SpanMovePlanner(new PortSizer(), DegradedLimits.defaults());

    private static LoadProfile inbound(double calls, String... dids) {
        return new LoadProfile(
                "Failed",
                List.of(new HuntPool(
                        "in",
                        PortKind.FAX,
                        PoolScope.dids(java.util.Arrays.stream(dids)
                                .map(DidRange::parse)
                                .toList()))),
                List.of(Module.loss("in", ModuleKind.INBOUND_FAX, "in", calls, HoldingTime.mean(60), 0.01)));
    }

    private static InventorySystem failed() {
        return system("Failed")
                .server("F")
                .board(0, 3, PortAbility.FAX)
                .span(pri("IN-1", DIDS_1))
                .span(pri("IN-2", DIDS_2))
                .span(pri("OUT-1"))
                .build();
    }

    @Test
    void circuitGoesOnlyToAPositionWithItsFramingCodingSignallingAndSwitch() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 4, PortAbility.FAX)
                .span(pri("S-1"))
                .spare(EM_WINK)
                .spare(PRI_DMS)
                .spare(PRI_NI2)
                .build();

        TakeoverPlan plan = planner.plan(failed(), survivor, inbound(100, DIDS_1));

        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(m.circuit()).isEqualTo(new CircuitId("IN-1"));
            assertThat(m.to()).hasToString("S/b0/s4");
            assertThat(m.why()).isEqualTo("delivers DIDs " + DIDS_1 + " of pool in");
        });
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void onlyCircuitsCarryingNeededNumbersMoveWhenPortsSuffice() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 4, PortAbility.FAX)
                .span(pri("S-1"))
                .spare(PRI_NI2)
                .spare(PRI_NI2)
                .spare(PRI_NI2)
                .build();

        TakeoverPlan plan = planner.plan(failed(), survivor, inbound(100, DIDS_1, DIDS_2));

        assertThat(plan.moves()).extracting(m -> m.circuit().value()).containsExactly("IN-1", "IN-2");
    }

    @Test
    void moreCircuitsMoveWhenTheSurvivorIsShortOfPorts() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 4, PortAbility.FAX)
                .spare(PRI_NI2)
                .spare(PRI_NI2)
                .build();
        LoadProfile load = new LoadProfile(
                "Failed",
                List.of(
                        new HuntPool("in", PortKind.FAX, PoolScope.dids(List.of(DidRange.parse(DIDS_1)))),
                        new HuntPool("out", PortKind.FAX, PoolScope.anySpan())),
                List.of(
                        Module.loss("in", ModuleKind.INBOUND_FAX, "in", 300, HoldingTime.mean(60), 0.01),
                        Module.loss("out", ModuleKind.CUSTOM_FAX, "out", 600, HoldingTime.mean(60), 0.01)));

        TakeoverPlan plan = planner.plan(failed(), survivor, load);

        assertThat(plan.moves()).extracting(m -> m.circuit().value()).containsExactly("IN-1", "IN-2");
        assertThat(plan.moves().get(1).why()).isEqualTo("adds 23 FAX channels");
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void boardWithoutFreeChannelResourcesTakesNoCircuit() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 2, PortAbility.FAX, 24)
                .span(pri("S-1"))
                .spare(PRI_NI2)
                .build();

        TakeoverPlan plan = planner.plan(failed(), survivor, inbound(100, DIDS_1));

        assertThat(plan.moves()).isEmpty();
        assertThat(plan.rollover().rollovers()).singleElement().satisfies(r -> {
            assertThat(r.range()).isEqualTo(DidRange.parse(DIDS_1));
            assertThat(r.toCircuit()).isEqualTo(new CircuitId("S-1"));
        });
    }

    @Test
    void faxNumbersDoNotGoToAVoiceOnlyBoard() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 2, PortAbility.VOICE)
                .span(pri("V-1"))
                .spare(PRI_NI2)
                .board(1, 2, PortAbility.FAX)
                .span(pri("F-1"))
                .spare(PRI_NI2)
                .build();

        TakeoverPlan plan = planner.plan(failed(), survivor, inbound(100, DIDS_1));

        assertThat(plan.moves()).singleElement().satisfies(m -> assertThat(m.to())
                .hasToString("S/b1/s2"));
    }

    @Test
    void eachCircuitGetsThePositionOfItsOwnSwitchVariant() {
        SpanConfig dmsIn =
                SpanConfig.pri(new CircuitId("IN-DMS"), PriSwitch.DMS100, 0, List.of(DidRange.parse(DIDS_2)));
        InventorySystem failed = system("Failed")
                .server("F")
                .board(0, 2, PortAbility.FAX)
                .span(pri("IN-1", DIDS_1))
                .span(dmsIn)
                .build();
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 3, PortAbility.FAX)
                .span(pri("S-1"))
                .spare(PRI_NI2)
                .spare(PRI_DMS)
                .build();

        TakeoverPlan plan = planner.plan(failed, survivor, inbound(100, DIDS_1, DIDS_2));

        assertThat(plan.moves())
                .extracting(m -> m.circuit().value() + "->" + m.to())
                .containsExactlyInAnyOrder("IN-1->S/b0/s2", "IN-DMS->S/b0/s3");
    }

    @Test
    void numbersAreNeverRolledOntoLoopStartLines() {
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 2, PortAbility.FAX)
                .span(org.stroom.ports.portmgr.capacity.SystemBuilder.loopStart("POTS"))
                .span(wink("EM-1"))
                .build();

        TakeoverPlan plan = planner.plan(failed(), survivor, inbound(100, DIDS_1));

        assertThat(plan.rollover().rollovers()).singleElement().satisfies(r -> assertThat(r.toCircuit())
                .isEqualTo(new CircuitId("EM-1")));
    }

    @Test
    void applyingThePlanPlugsCircuitsInAndDeliversRolledNumbers() {
        SpanConfig clocked = pri("IN-1", DIDS_1).withClockPriority(1);
        InventorySystem failed = system("Failed")
                .server("F")
                .board(0, 2, PortAbility.FAX)
                .span(clocked)
                .span(pri("IN-2", DIDS_2))
                .build();
        InventorySystem survivor = system("Surv")
                .server("S")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("S-1").withClockPriority(1))
                .spare(PRI_NI2)
                .build();

        TakeoverPlan plan = planner.plan(failed, survivor, inbound(100, DIDS_1, DIDS_2));
        InventorySystem after = plan.applyTo(survivor);

        InventorySpan moved = after.span(new CircuitId("IN-1")).orElseThrow();
        assertThat(moved.location()).hasToString("S/b0/s2");
        assertThat(moved.ability()).isEqualTo(PortAbility.FAX_AND_VOICE);
        assertThat(moved.config().clockPriority()).isZero();
        assertThat(after.span(new CircuitId("S-1")).orElseThrow().config().didRanges())
                .containsExactly(DidRange.parse(DIDS_2));
        assertThat(after.boards().get(0).spares()).isEmpty();
        assertThat(plan.describe())
                .containsExactly(
                        "move circuit IN-1 from F/b0/s1 to S/b0/s2 (delivers DIDs " + DIDS_1 + " of pool in)",
                        "roll DIDs " + DIDS_2 + " (pool in) from circuit IN-2 to circuit S-1 at S/b0/s1");
    }
}
