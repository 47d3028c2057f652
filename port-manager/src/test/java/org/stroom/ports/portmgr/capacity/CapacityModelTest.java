package org.stroom.ports.portmgr.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.wink;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.DidRange;

class CapacityModelTest {
    private final PortSizer sizer = new PortSizer();

    private Verdict check(InventorySystem s, LoadProfile load) {
        return CapacityModel.compile(s, load, sizer, DegradedLimits.defaults()).evaluate("test");
    }

    /** A loss pool over any span offering {@code erlangs} with 180 s calls at 1 % blocking. */
    private static LoadProfile lossLoad(String pool, PortKind kind, double erlangs) {
        ModuleKind mk = kind == PortKind.FAX ? ModuleKind.CUSTOM_FAX : ModuleKind.IVR_VOICE;
        return new LoadProfile(
                "load",
                List.of(new HuntPool(pool, kind, PoolScope.anySpan())),
                List.of(Module.loss(pool + "-m", mk, pool, erlangs * 20, HoldingTime.mean(180), 0.01)));
    }

    @Test
    void oneT1CarriesAboutFifteenErlangsAtOnePercent() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1"))
                .build();

        Verdict ok = check(s, lossLoad("fax", PortKind.FAX, 15.0));
        Verdict over = check(s, lossLoad("fax", PortKind.FAX, 16.0));

        assertThat(ok.grade()).isEqualTo(Grade.PASS);
        assertThat(ok.pool("fax").required()).isEqualTo(24);
        assertThat(ok.kind(PortKind.FAX).margin()).isZero();
        assertThat(over.grade()).isNotEqualTo(Grade.PASS);
        assertThat(over.pool("fax").required()).isEqualTo(25);
        assertThat(over.kind(PortKind.FAX).margin()).isEqualTo(-1);
    }

    @Test
    void dualCapablePortsCountForEitherKindButOnlyOnce() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX_AND_VOICE)
                .span(wink("C1"))
                .build();
        LoadProfile load = new LoadProfile(
                "load",
                List.of(
                        new HuntPool("fax", PortKind.FAX, PoolScope.anySpan()),
                        new HuntPool("voice", PortKind.VOICE, PoolScope.anySpan())),
                List.of(
                        Module.loss("f", ModuleKind.CUSTOM_FAX, "fax", 150, HoldingTime.mean(180), 0.01),
                        Module.loss("v", ModuleKind.IVR_VOICE, "voice", 150, HoldingTime.mean(180), 0.01)));

        Verdict v = check(s, load);

        assertThat(v.pool("fax").required()).isLessThanOrEqualTo(24);
        assertThat(v.pool("voice").required()).isLessThanOrEqualTo(24);
        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(24);
        assertThat(v.kind(PortKind.VOICE).usable()).isEqualTo(24);
        assertThat(v.kind(PortKind.FAX).required() + v.kind(PortKind.VOICE).required())
                .isGreaterThan(24);
        assertThat(v.splitFeasible()).isFalse();
        assertThat(v.grade()).isNotEqualTo(Grade.PASS);
        assertThat(v.reasons()).anyMatch(r -> r.contains("cannot be split"));
        assertThat(v.pool("fax").allotted() + v.pool("voice").allotted()).isEqualTo(24);
    }

    @Test
    void dualPortsGoWhereTheyAreNeededWhenSingleKindPortsAreShort() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(wink("FAXONLY"), PortAbility.FAX)
                .span(wink("DUAL"), PortAbility.FAX_AND_VOICE)
                .build();
        LoadProfile load = new LoadProfile(
                "load",
                List.of(
                        new HuntPool("voice", PortKind.VOICE, PoolScope.anySpan()),
                        new HuntPool("fax", PortKind.FAX, PoolScope.anySpan())),
                List.of(
                        Module.loss("v", ModuleKind.IVR_VOICE, "voice", 160, HoldingTime.mean(180), 0.01),
                        Module.loss("f", ModuleKind.CUSTOM_FAX, "fax", 200, HoldingTime.mean(180), 0.01)));

        Verdict v = check(s, load);

        assertThat(v.grade()).isEqualTo(Grade.PASS);
        assertThat(v.pool("voice").allotted()).isEqualTo(v.pool("voice").required());
        assertThat(v.pool("fax").allotted()).isEqualTo(v.pool("fax").required());
        assertThat(v.kind(PortKind.FAX).margin()
                        + v.pool("fax").required()
                        + v.pool("voice").required())
                .isLessThanOrEqualTo(48);
    }

    @Test
    void spanInRedAlarmIsExcludedWithTheReason() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 2, PortAbility.FAX)
                .span(wink("GOOD"))
                .redAlarm(wink("BAD"))
                .build();

        Verdict v = check(s, lossLoad("fax", PortKind.FAX, 10));

        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(24);
        assertThat(v.excluded()).containsExactly("span srv/b0/s2 circuit BAD: RED alarm (24 ports)");
    }

    @Test
    void priWithDChannelDownCarriesNothing() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 2, PortAbility.FAX)
                .span(pri("UP"))
                .dChannelDown(pri("DOWN"))
                .build();

        Verdict v = check(s, lossLoad("fax", PortKind.FAX, 5));

        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(23);
        assertThat(v.excluded()).singleElement().asString().contains("DOWN").contains("D-channel down");
    }

    @Test
    void lockedChannelsAreNotUsable() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(
                        wink("C1"),
                        PortAbility.FAX,
                        org.stroom.ports.t1.SpanStatus.healthy(org.stroom.ports.t1.Signalling.EM_WINK_START),
                        5)
                .build();

        Verdict v = check(s, lossLoad("fax", PortKind.FAX, 5));

        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(19);
        assertThat(v.excluded()).containsExactly("span srv/b0/s1 circuit C1: 5 locked channels");
    }

    @Test
    void machineThatIsDownContributesNoPort() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1"))
                .node("node1")
                .down()
                .board(0, 4, PortAbility.FAX)
                .span(wink("C2"))
                .span(wink("C3"))
                .build();

        Verdict v = check(s, lossLoad("fax", PortKind.FAX, 5));

        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(24);
        assertThat(v.excluded()).containsExactly("machine node1 is down (48 ports)");
    }

    @Test
    void boardCapacityCapsTheSpansOnIt() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 4, PortAbility.FAX, 24)
                .span(wink("C1"))
                .span(wink("C2"))
                .build();

        Verdict v = check(s, lossLoad("fax", PortKind.FAX, 15));

        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(24);
        assertThat(v.kind(PortKind.FAX).margin()).isZero();
        assertThat(v.excluded()).anyMatch(e -> e.contains("runs at most 24 at once"));
    }

    @Test
    void inboundPoolOnlyUsesTheSpansDeliveringItsNumbers() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 2, PortAbility.FAX)
                .span(wink("IN", "3125550100-3125550199"))
                .span(wink("OUT"))
                .build();
        LoadProfile load = new LoadProfile(
                "load",
                List.of(new HuntPool(
                        "inbound", PortKind.FAX, PoolScope.dids(List.of(DidRange.parse("3125550100-3125550199"))))),
                List.of(Module.loss("in", ModuleKind.INBOUND_FAX, "inbound", 400, HoldingTime.mean(180), 0.01)));

        Verdict v = check(s, load);

        assertThat(v.pool("inbound").eligible()).isEqualTo(24);
        assertThat(v.kind(PortKind.FAX).usable()).isEqualTo(48);
        assertThat(v.grade()).isEqualTo(Grade.FAIL);
    }

    @Test
    void inboundPoolWhoseNumbersArriveNowhereFailsAndAsksForAMoveOrRollover() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(wink("OUT"))
                .build();
        LoadProfile load = new LoadProfile(
                "load",
                List.of(new HuntPool(
                        "inbound", PortKind.FAX, PoolScope.dids(List.of(DidRange.parse("3125550100-3125550199"))))),
                List.of(Module.loss("in", ModuleKind.INBOUND_FAX, "inbound", 20, HoldingTime.mean(180), 0.01)));

        Verdict v = check(s, load);

        assertThat(v.grade()).isEqualTo(Grade.FAIL);
        assertThat(v.reasons())
                .anyMatch(r -> r.contains("no span of S delivers DIDs 3125550100-3125550199")
                        && r.contains("span move or number rollover"));
    }

    @Test
    void poolingFourT1sCarriesMoreThanFourSeparateGroups() {
        SystemBuilder b = system("S").server("srv").board(0, 4, PortAbility.FAX);
        for (int i = 0; i < 4; i++) {
            b.span(wink("C" + i, "31255501" + i + "0-31255501" + i + "9"));
        }
        InventorySystem s = b.build();
        double perGroup = 75.0 / 4;
        LoadProfile pooled = lossLoad("fax", PortKind.FAX, 75.0);
        List<HuntPool> pools = new java.util.ArrayList<>();
        List<Module> modules = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pools.add(new HuntPool(
                    "g" + i,
                    PortKind.FAX,
                    PoolScope.dids(List.of(DidRange.parse("31255501" + i + "0-31255501" + i + "9")))));
            modules.add(
                    Module.loss("m" + i, ModuleKind.INBOUND_FAX, "g" + i, perGroup * 20, HoldingTime.mean(180), 0.01));
        }
        LoadProfile separate = new LoadProfile("load", pools, modules);

        Verdict together = check(s, pooled);
        Verdict apart = check(s, separate);

        assertThat(together.grade()).isEqualTo(Grade.PASS);
        assertThat(apart.grade()).isNotEqualTo(Grade.PASS);
        assertThat(((Achieved.Loss) apart.pool("g0").achieved()).blocking()).isGreaterThan(0.01);
    }

    @Test
    void earlierPoolsKeepTheirPortsWhenPortsAreShort() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1"))
                .build();
        LoadProfile load = new LoadProfile(
                "load",
                List.of(
                        new HuntPool("first", PortKind.FAX, PoolScope.anySpan()),
                        new HuntPool("second", PortKind.FAX, PoolScope.anySpan())),
                List.of(
                        Module.loss("a", ModuleKind.CUSTOM_FAX, "first", 200, HoldingTime.mean(180), 0.01),
                        Module.loss("b", ModuleKind.CUSTOM_FAX, "second", 200, HoldingTime.mean(180), 0.01)));

        Verdict v = check(s, load);

        assertThat(v.pool("first").allotted()).isEqualTo(v.pool("first").required());
        assertThat(v.pool("second").allotted()).isEqualTo(24 - v.pool("first").required());
        assertThat(v.pool("first").grade()).isEqualTo(Grade.PASS);
    }

    @Test
    void rehearsedBoardFailureRemovesItsPorts() {
        InventorySystem s = system("S")
                .server("srv")
                .board(0, 1, PortAbility.FAX)
                .span(wink("C1"))
                .board(1, 1, PortAbility.FAX)
                .span(wink("C2"))
                .build();
        CapacityModel model =
                CapacityModel.compile(s, lossLoad("fax", PortKind.FAX, 20), sizer, DegradedLimits.defaults());

        Verdict before = model.evaluate("before");
        Verdict after = Rehearsal.whatIf(model, FailureSet.board(new BoardId("srv", 1)));

        assertThat(before.grade()).isEqualTo(Grade.PASS);
        assertThat(after.grade()).isNotEqualTo(Grade.PASS);
        assertThat(after.excluded()).containsExactly("rehearsal: board srv/b1 fails (24 ports)");
        assertThat(after.scenario()).isEqualTo("what if: board srv/b1 fails");
    }
}
