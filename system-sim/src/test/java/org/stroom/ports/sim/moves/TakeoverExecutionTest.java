package org.stroom.ports.sim.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.sim.moves.EastWest.allocateOn;
import static org.stroom.ports.sim.moves.EastWest.at;
import static org.stroom.ports.sim.moves.EastWest.counts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.TimeslotSet;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.capacity.TrafficSource;
import org.stroom.ports.portmgr.capacity.plan.SpanMovePlanner;
import org.stroom.ports.portmgr.capacity.plan.TakeoverPlan;
import org.stroom.ports.sim.live.LiveCapacity;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;

@Timeout(60)
class TakeoverExecutionTest {
    @TempDir
    Path dir;

    @Test
    void plannedTakeoverCarriedOutOnTheBoardsGivesTheSurvivorThePlannedPorts() {
        try (EastWest sims = new EastWest(dir);
                SpanMoveExecutor executor = new SpanMoveExecutor(new AuditTrail(sims.clock), sims.both())) {
            InventorySystem failed = LiveCapacity.inventory(sims.east);
            InventorySystem survivor = LiveCapacity.inventory(sims.west);
            LoadProfile load = inboundFax("west", 100, "3125560100-3125560199")
                    .plus(inboundFax("east", 600, "3125550100-3125550199", "3125550300-3125550399"));
            TakeoverPlan plan =
                    new SpanMovePlanner(new PortSizer(), DegradedLimits.defaults()).plan(failed, survivor, load);
            assertThat(plan.moves())
                    .extracting(m -> m.circuit().value())
                    .containsExactlyInAnyOrder("EAST.0001..SW", "EAST.0003..SW");

            List<MoveResult> results = executor.execute(plan, "takeover");

            assertThat(results).allMatch(MoveResult::done);
            assertThat(LiveCapacity.usablePorts(LiveCapacity.inventory(sims.west)))
                    .as("moved spans are still in RED")
                    .isEqualTo(LiveCapacity.usablePorts(survivor));
            sims.clock.advance(Duration.ofSeconds(10));
            InventorySystem after = LiveCapacity.inventory(sims.west);
            assertThat(LiveCapacity.usablePorts(after)).isEqualTo(LiveCapacity.usablePorts(plan.applyTo(survivor)));
            assertThat(after.span(new CircuitId("EAST.0001..SW"))).isPresent();
            assertThat(LiveCapacity.inventory(sims.east).span(new CircuitId("EAST.0001..SW")))
                    .isEmpty();
            for (var m : plan.moves()) {
                assertThat(allocateOn(sims.west, "fax-in", m.to())).isInstanceOf(Result.Granted.class);
            }
            assertThat(executor.trail().entries().get(0).action())
                    .startsWith("carry out the takeover plan east -> west: 2 span move(s)");
        }
    }

    @Test
    void moveWithinOneSystemOntoAnotherBoardModelReprovisionsItsChannelKinds() {
        try (EastWest sims = new EastWest(dir);
                SpanMoveExecutor executor = new SpanMoveExecutor(new AuditTrail(sims.clock), sims.both())) {
            MoveResult r = executor.execute(sims.move(at("west-jct", 1), at("west-server", 2)), "operator");

            assertThat(r).isInstanceOf(MoveResult.Done.class);
            List<Input> inputs = ((MoveResult.Done) r).inputs();
            assertThat(inputs.get(0)).isEqualTo(new Input.SpanRemoved(0, at("west-jct", 1)));
            assertThat(inputs.get(1)).isInstanceOfSatisfying(Input.SpanAdded.class, a -> {
                assertThat(a.fax()).as("TR1034: fax on every bearer").isEqualTo(TimeslotSet.range(1, 23));
                assertThat(a.voice()).isEqualTo(TimeslotSet.range(1, 23));
            });
            assertThat(executor.huntGroups("west"))
                    .filteredOn(g -> g.name().equals("voice"))
                    .singleElement()
                    .satisfies(g -> assertThat(g.members()).singleElement().satisfies(m -> assertThat(m.span())
                            .isEqualTo(at("west-server", 2))));
            sims.clock.advance(Duration.ofSeconds(10));
            assertThat(counts(sims.west, at("west-server", 2)).free()).isEqualTo(23);
            Result voice = sims.west
                    .portManager()
                    .allocateSync("voice", PortKind.VOICE, Direction.OUT, Duration.ofMinutes(1), Duration.ofSeconds(5));
            assertThat(voice).isInstanceOfSatisfying(Result.Granted.class, g -> assertThat(
                            g.channel().span())
                    .isEqualTo(at("west-server", 2)));
        }
    }

    private static LoadProfile inboundFax(String system, double attempts, String... dids) {
        List<DidRange> ranges = Arrays.stream(dids).map(DidRange::parse).toList();
        return new LoadProfile(
                system,
                List.of(new HuntPool("fax-in", PortKind.FAX, PoolScope.dids(ranges))),
                List.of(new Module(
                        "inbound-fax",
                        ModuleKind.INBOUND_FAX,
                        "fax-in",
                        attempts,
                        HoldingTime.mean(60),
                        0,
                        0,
                        Target.blocking(0.01),
                        TrafficSource.CONFIGURED)));
    }
}
