package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.Discipline;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.sim.DefaultSystem;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

class CapacityMappingTest {
    private static final CapacityMapping.Mapping DEFAULT = CapacityMapping.map(DefaultSystem.description());

    @Test
    void mapsEveryMachineBoardAndSpanOfTheDefaultInstallationHealthy() {
        InventorySystem a = DEFAULT.inventory().system("stroom-a");
        assertThat(a.machines()).extracting(m -> m.name()).containsExactly("a-server", "a-node1", "a-node2");
        assertThat(a.machines()).allMatch(m -> m.up());
        assertThat(a.spans()).hasSize(8).allMatch(s -> s.usablePorts() == 23);
        assertThat(a.bearerChannels()).isEqualTo(184);
        InventoryBoard node1 = a.machine("a-node1").orElseThrow().boards().get(0);
        assertThat(node1.id().board()).isZero();
        assertThat(node1.spanPorts()).isEqualTo(4);
        assertThat(node1.channelCapacity()).isEqualTo(96);
        assertThat(node1.ability()).isEqualTo(PortAbility.FAX_AND_VOICE);
        assertThat(node1.spares())
                .as("every port of the default boards carries a circuit")
                .isEmpty();
        assertThat(DEFAULT.inventory().system("stroom-b").bearerChannels()).isEqualTo(184);
    }

    @Test
    void inboundPoolsAnswerTheDidsOfTheirCircuitsAndOutboundPoolsAnySpan() {
        LoadProfile a = DEFAULT.load("stroom-a");
        PoolScope faxIn = a.pool("fax-in").orElseThrow().scope();
        assertThat(faxIn).isInstanceOf(PoolScope.Dids.class);
        assertThat(((PoolScope.Dids) faxIn).ranges())
                .containsExactly(
                        DidRange.parse("3125550100-3125550399"),
                        DidRange.parse("3125551000-3125551299"),
                        DidRange.parse("3125551300-3125551599"),
                        DidRange.parse("3125552000-3125552299"));
        assertThat(a.pool("fax-out").orElseThrow().scope()).isEqualTo(PoolScope.anySpan());
        assertThat(a.pool("voice").orElseThrow().kind()).isEqualTo(PortKind.VOICE);
        assertThat(DEFAULT.load("stroom-b").modules()).isEmpty();
    }

    @Test
    void modulesKeepTheirTrafficAndTargets() {
        LoadProfile a = DEFAULT.load("stroom-a");
        Module ivr = module(a, "ivr");
        assertThat(ivr.busyHourAttempts()).isEqualTo(420.0);
        assertThat(ivr.holding().seconds()).isEqualTo(120.0);
        assertThat(ivr.offeredErlangs()).isEqualTo(14.0);
        assertThat(ivr.target()).isEqualTo(Target.blocking(0.01));
        Module out = module(a, "outbound-fax");
        assertThat(out.target()).isEqualTo(new Target.ServiceLevel(0.9, 300));
        assertThat(out.retryFraction())
                .as("queued jobs wait instead of retrying")
                .isZero();
        assertThat(DEFAULT.approximations()).anyMatch(n -> n.contains("outbound-fax") && n.contains("retry"));
    }

    @Test
    void faxHoldingTimeComesFromTheSimulatorsPageModel() {
        LoadProfile a = DEFAULT.load("stroom-a");
        double threePagesV34 = FaxTiming.DEFAULT.session(FaxModulation.V34, 3).toNanos() / 1e9;
        assertThat(module(a, "inbound-fax").holding().seconds()).isCloseTo(threePagesV34, within(1e-9));
        SystemDescription mode0 = Reports.example("mode0.yaml");
        double twoPagesV17 = FaxTiming.DEFAULT.session(FaxModulation.V17, 2).toNanos() / 1e9;
        Module v17 = module(CapacityMapping.map(mode0).load("stroom-main"), "outbound-fax");
        assertThat(v17.holding().seconds()).isCloseTo(twoPagesV17, within(1e-9));
        assertThat(twoPagesV17)
                .isGreaterThan(FaxTiming.DEFAULT.session(FaxModulation.V34, 2).toNanos() / 1e9);
    }

    @Test
    void splitsAGroupWithInboundAndQueuedOutboundTrafficIntoOnePoolPerRole() {
        CapacityMapping.Mapping m = CapacityMapping.map(Reports.example("mode0.yaml"));
        assertThat(m.poolsOf("stroom-main", "fax"))
                .extracting(CapacityMapping.PoolMapping::pool)
                .containsExactly("fax (inbound)", "fax (outbound, queued)");
        assertThat(m.poolsOf("stroom-main", "fax"))
                .extracting(CapacityMapping.PoolMapping::discipline)
                .containsExactly(Discipline.LOSS, Discipline.QUEUE);
        assertThat(m.poolsOf("stroom-main", "voice"))
                .extracting(CapacityMapping.PoolMapping::pool)
                .containsExactly("voice");
    }

    @Test
    void namesPoolsSoThatATakeoverMergesOnlyAlikePools() {
        CapacityMapping.Mapping m = CapacityMapping.map(Reports.example("mode1.yaml"));
        LoadProfile east = m.load("stroom-east");
        LoadProfile west = m.load("stroom-west");
        assertThat(east.pools()).extracting(p -> p.name()).containsExactly("fax (inbound)", "voice (inbound)");
        assertThat(west.pools())
                .extracting(p -> p.name())
                .containsExactly("fax (outbound, queued)", "voice (outbound)");
        assertThatCode(() -> east.plus(west)).doesNotThrowAnyException();
        assertThatCode(() -> west.plus(east)).doesNotThrowAnyException();
    }

    @Test
    void liveStatusesAndMachinesDownOverrideHealthy() {
        SpanLocation first = new SpanLocation("a-server", 0, 1);
        SpanStatus red = SpanStatus.healthy(Signalling.ISDN_PRI).withAlarms(Set.of(Alarm.RED));
        CapacityMapping.Mapping m = CapacityMapping.map(
                DefaultSystem.description(), new CapacityMapping.LiveState(Map.of(first, red), Set.of("a-node2")));
        InventorySystem a = m.inventory().system("stroom-a");
        InventorySpan span = a.spans().stream()
                .filter(s -> s.location().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(span.usablePorts()).isZero();
        assertThat(a.machine("a-node2").orElseThrow().up()).isFalse();
        assertThat(a.machine("a-node1").orElseThrow().up()).isTrue();
    }

    @Test
    void freeBoardPortsBecomeSpanMovePositionsProvisionedLikeTheBoard() {
        SystemDescription d = DescriptionReader.parse("test.yaml", """
                systems:
                  - name: solo
                    machines:
                      - name: solo-server
                        role: server
                        boards:
                          - model: TR1034_4T1
                            spans:
                              - {port: 1, circuit: C1, signalling: ISDN_PRI, switch: DMS100, clockPriority: 1, dids: ["6175550100-6175550199"]}
                              - {port: 3, circuit: C3, signalling: ISDN_PRI, switch: DMS100}
                          - model: D240JCT_T1
                            spans:
                              - {port: 1, circuit: C4, signalling: EM_WINK_START}
                    huntGroups:
                      - {name: voice, kind: VOICE, strategy: TOP_DOWN, members: [C4]}
                    modules:
                      - {name: ivr, type: IVR_VOICE, pool: voice, busyHourAttempts: 100, holdingSeconds: 60, target: {blocking: 0.01}}
                redundancy:
                  mode: MODE_0
                """);
        CapacityMapping.Mapping m = CapacityMapping.map(d);
        InventorySystem s = m.inventory().system("solo");
        InventoryBoard brooktrout = s.boards().get(0);
        assertThat(brooktrout.spares()).extracting(p -> p.location().port()).containsExactly(2, 4);
        assertThat(brooktrout.spares()).allSatisfy(p -> {
            assertThat(p.profile().signalling()).isEqualTo(Signalling.ISDN_PRI);
            assertThat(p.profile().priSwitch()).isEqualTo(PriSwitch.DMS100);
        });
        InventoryBoard dialogic = s.boards().get(1);
        assertThat(dialogic.ability()).isEqualTo(PortAbility.VOICE);
        assertThat(dialogic.spares()).isEmpty();
        assertThat(m.load("solo").pool("voice").orElseThrow().scope())
                .as("its only circuit delivers no DIDs")
                .isEqualTo(PoolScope.anySpan());
        assertThat(m.approximations()).anyMatch(n -> n.contains("none of its circuits delivers DIDs"));
    }

    private static Module module(LoadProfile p, String name) {
        return p.modules().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
