package org.stroom.ports.portmgr.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.wink;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.InvalidConfigurationException;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

class InventoryValidationTest {
    private static final SpanLocation S1 = new SpanLocation("srv", 0, 1);

    @Test
    void lockedChannelsCannotExceedTheBearers() {
        assertThatThrownBy(() ->
                        new InventorySpan(S1, pri("C1"), SpanStatus.healthy(Signalling.ISDN_PRI), PortAbility.FAX, 24))
                .hasMessageContaining("lockedChannels = 24 is outside 0..23");
    }

    @Test
    void spanMustCarryAValidProvisioning() {
        org.stroom.ports.t1.SpanConfig priOnD4 = new org.stroom.ports.t1.SpanConfig(
                new org.stroom.ports.t1.CircuitId("C1"),
                Framing.D4,
                LineCoding.B8ZS,
                org.stroom.ports.t1.SignallingMode.CCS,
                Signalling.ISDN_PRI,
                PriSwitch.NI2,
                0,
                org.stroom.ports.t1.LineBuildOut.LONG_HAUL_0_DB,
                List.of(),
                List.of());

        assertThatThrownBy(() -> InventorySpan.healthy(S1, priOnD4, PortAbility.FAX))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("D4");
    }

    @Test
    void boardRejectsSpansNotOnItOrBeyondItsPorts() {
        InventorySpan elsewhere = InventorySpan.healthy(new SpanLocation("other", 0, 1), wink("C1"), PortAbility.FAX);
        InventorySpan port3 = InventorySpan.healthy(new SpanLocation("srv", 0, 3), wink("C2"), PortAbility.FAX);

        assertThatThrownBy(() ->
                        InventoryBoard.of(new BoardId("srv", 0), 2, PortAbility.FAX, List.of(elsewhere), List.of()))
                .hasMessageContaining("not on this board");
        assertThatThrownBy(
                        () -> InventoryBoard.of(new BoardId("srv", 0), 2, PortAbility.FAX, List.of(port3), List.of()))
                .hasMessageContaining("the board has 2 span ports");
    }

    @Test
    void boardRejectsAPortUsedTwiceAndAbilitiesItsResourcesLack() {
        InventorySpan a = InventorySpan.healthy(S1, wink("C1"), PortAbility.FAX);
        SparePort sameSpot = new SparePort(S1, SystemBuilder.EM_WINK);
        InventorySpan dual = InventorySpan.healthy(S1, wink("C1"), PortAbility.FAX_AND_VOICE);

        assertThatThrownBy(() ->
                        InventoryBoard.of(new BoardId("srv", 0), 4, PortAbility.FAX, List.of(a), List.of(sameSpot)))
                .hasMessageContaining("port 1 is used twice");
        assertThatThrownBy(() -> InventoryBoard.of(new BoardId("srv", 0), 4, PortAbility.FAX, List.of(dual), List.of()))
                .hasMessageContaining("only do FAX");
    }

    @Test
    void systemHasExactlyOneServer() {
        assertThatThrownBy(() -> system("S")
                        .node("n1")
                        .board(0, 1, PortAbility.FAX)
                        .span(wink("C1"))
                        .build())
                .hasMessageContaining("has 0 SERVER machines");
        assertThatThrownBy(() -> system("S").server("a").server("b").build()).hasMessageContaining("has 2 SERVER");
    }

    @Test
    void circuitsAndDidsAreUniqueAcrossTheInstallation() {
        InventorySystem a = system("A")
                .server("a")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1", "5550100-5550199"))
                .build();
        InventorySystem b = system("B")
                .server("b")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1"))
                .build();
        InventorySystem c = system("C")
                .server("c")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C3", "5550150"))
                .build();

        assertThatThrownBy(() -> new CapacityInventory(List.of(a, b))).hasMessageContaining("circuit id C1");
        assertThatThrownBy(() -> new CapacityInventory(List.of(a, c))).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> new CapacityInventory(List.of(a, a))).hasMessageContaining("used twice");
        assertThat(new CapacityInventory(List.of(a)).system("A")).isSameAs(a);
        assertThatThrownBy(() -> new CapacityInventory(List.of(a)).system("Z"))
                .hasMessageContaining("known systems: [A]");
    }

    @Test
    void lineProfileNeedsASwitchVariantForPriOnly() {
        assertThatThrownBy(() -> new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.ISDN_PRI, null))
                .hasMessageContaining("switch variant is missing");
        assertThatThrownBy(() -> new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.LOOP_START, PriSwitch.NI2))
                .hasMessageContaining("only applies to ISDN_PRI");
        assertThat(LineProfile.of(pri("C1"))).isEqualTo(SystemBuilder.PRI_NI2);
        assertThat(SystemBuilder.PRI_NI2.accepts(SystemBuilder.wink("C2"))).isFalse();
    }

    @Test
    void withFailuresTakesMachinesBoardsAndSpansOut() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 2, PortAbility.FAX)
                .span(wink("C1"))
                .span(wink("C2"))
                .node("n1")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C3"))
                .build();

        InventorySystem degraded =
                s.withFailures(FailureSet.span(new SpanLocation("srv", 0, 2)).plus(FailureSet.machine("n1")));

        assertThat(degraded.machine("n1").orElseThrow().up()).isFalse();
        assertThat(degraded.spans()).extracting(InventorySpan::usablePorts).containsExactly(24, 0, 24);
        assertThat(FailureSet.singles(s)).hasSize(2 + 2 + 3);
    }
}
