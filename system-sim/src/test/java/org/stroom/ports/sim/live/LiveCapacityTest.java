package org.stroom.ports.sim.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.Faults;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.sim.DefaultSystem;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/** The default active system: a Server and two Nodes, 8 PRI spans, 184 B-channels. */
@Timeout(60)
class LiveCapacityTest {
    private static final int ALL = 184;
    private static final SpanLocation NODE1_SPAN1 = new SpanLocation("a-node1", 0, 1);

    @TempDir
    Path dir;

    VirtualClock clock;
    SimulatedSystem sim;

    @BeforeEach
    void start() {
        clock = new VirtualClock();
        sim = new SimulatedSystem(DefaultSystem.description().systems().get(0), clock, 42, dir, false);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int usable() {
        return LiveCapacity.usablePorts(LiveCapacity.inventory(sim));
    }

    private Faults faults(String machine) {
        return sim.backends().get(machine).faults();
    }

    @Test
    void healthySystemHasEveryBearerUsableAndItsFreePortsAreSpares() {
        InventorySystem inv = LiveCapacity.inventory(sim);

        assertThat(inv.name()).isEqualTo("stroom-a");
        assertThat(inv.spans()).hasSize(8).allMatch(s -> s.usablePorts() == 23);
        assertThat(LiveCapacity.usablePorts(inv)).isEqualTo(ALL);
        assertThat(LiveCapacity.usablePorts(inv, PortKind.FAX)).isEqualTo(ALL);
        assertThat(inv.boards()).allMatch(b -> b.spares().isEmpty());
    }

    @Test
    void redAlarmRemovesTheSpanOnceDeclaredAndReturnsItAfterTheClearTime() {
        faults("a-node1").raiseDefect(NODE1_SPAN1, Defect.LOS);
        clock.advance(Duration.ofMillis(2_400));
        assertThat(usable()).as("LOS integrates for 2.5 s before RED").isEqualTo(ALL);

        clock.advance(Duration.ofMillis(200));
        InventorySpan red = span(LiveCapacity.inventory(sim), NODE1_SPAN1);
        assertThat(red.status().alarms()).contains(Alarm.RED);
        assertThat(red.usablePorts()).isZero();
        assertThat(usable()).isEqualTo(ALL - 23);

        faults("a-node1").clearDefect(NODE1_SPAN1, Defect.LOS);
        clock.advance(Duration.ofSeconds(11));
        assertThat(usable()).isEqualTo(ALL);
    }

    @Test
    void blueAlarmRemovesTheSpan() {
        faults("a-server").raiseDefect(new SpanLocation("a-server", 0, 2), Defect.AIS);
        clock.advance(Duration.ofSeconds(3));

        assertThat(span(LiveCapacity.inventory(sim), new SpanLocation("a-server", 0, 2))
                        .status()
                        .alarms())
                .contains(Alarm.BLUE);
        assertThat(usable()).isEqualTo(ALL - 23);
    }

    @Test
    void yellowAlarmAloneKeepsTheSpanUsable() {
        faults("a-node2").raiseDefect(new SpanLocation("a-node2", 0, 1), Defect.RAI);
        clock.advance(Duration.ofSeconds(1));

        assertThat(span(LiveCapacity.inventory(sim), new SpanLocation("a-node2", 0, 1))
                        .status()
                        .alarms())
                .containsExactly(Alarm.YELLOW);
        assertThat(usable()).isEqualTo(ALL);
    }

    @Test
    void priSpanWithItsDChannelDownHasNoUsablePort() {
        faults("a-node1").setDChannel(new SpanLocation("a-node1", 0, 3), false);

        assertThat(usable()).isEqualTo(ALL - 23);

        faults("a-node1").setDChannel(new SpanLocation("a-node1", 0, 3), true);
        assertThat(usable()).isEqualTo(ALL);
    }

    @Test
    void channelsLockedInThePortManagerBlockedOnTheBoardOrStuckAreNotUsable() {
        sim.portManager().submit(new Input.Lock(0, NODE1_SPAN1, 5));
        assertThat(usable()).as("one channel locked in the port manager").isEqualTo(ALL - 1);

        SoftBackend node1 = sim.backends().get("a-node1");
        node1.setBlocked(new ChannelId(new SpanLocation("a-node1", 0, 2), 7), true);
        assertThat(usable()).as("and one blocked on the board").isEqualTo(ALL - 2);

        faults("a-node1").stickChannel(new ChannelId(new SpanLocation("a-node1", 0, 2), 8));
        assertThat(usable()).as("and one stuck").isEqualTo(ALL - 3);

        sim.portManager().submit(new Input.Lock(0, new SpanLocation("a-node2", 0, 2), 0));
        assertThat(usable()).as("and a whole span locked").isEqualTo(ALL - 3 - 23);
        assertThat(span(LiveCapacity.inventory(sim), NODE1_SPAN1).lockedChannels())
                .isEqualTo(1);

        sim.portManager()
                .submit(new Input.Unlock(0, NODE1_SPAN1, 5))
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        assertThat(usable()).isEqualTo(ALL - 2 - 23);
    }

    @Test
    void machineOutOfServiceIsDownAndContributesNoPort() {
        sim.backends().get("a-node1").setInService(false);

        InventorySystem inv = LiveCapacity.inventory(sim);

        assertThat(inv.machine("a-node1").orElseThrow().up()).isFalse();
        assertThat(LiveCapacity.usablePorts(inv)).isEqualTo(ALL - 4 * 23);
    }

    @Test
    void unpluggedCircuitLeavesASpareProvisionedLikeItsBoard() {
        sim.cables().get("DHEC.100106..SW").unplug();

        InventorySystem inv = LiveCapacity.inventory(sim);

        assertThat(inv.span(new CircuitId("DHEC.100106..SW"))).isEmpty();
        assertThat(inv.machine("a-node1").orElseThrow().boards().get(0).spares())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location()).isEqualTo(new SpanLocation("a-node1", 0, 4));
                    assertThat(p.profile().toString()).isEqualTo("ESF/B8ZS/ISDN_PRI/NI2");
                });
        assertThat(LiveCapacity.usablePorts(inv)).isEqualTo(ALL - 23);
    }

    private static InventorySpan span(InventorySystem inv, SpanLocation at) {
        return inv.spans().stream()
                .filter(s -> s.location().equals(at))
                .findFirst()
                .orElseThrow();
    }
}
