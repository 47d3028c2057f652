package org.stroom.ports.sim.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.sim.moves.EastWest.allocateOn;
import static org.stroom.ports.sim.moves.EastWest.at;
import static org.stroom.ports.sim.moves.EastWest.counts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.portmgr.alloc.GroupMember;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.RejectReason;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;
import org.stroom.ports.sim.live.LiveCapacity;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

@Timeout(60)
class SpanMoveExecutorTest {
    @TempDir
    Path dir;

    EastWest sims;
    AuditTrail trail;
    SpanMoveExecutor executor;

    @BeforeEach
    void start() {
        sims = new EastWest(dir);
        trail = new AuditTrail(sims.clock);
        executor = new SpanMoveExecutor(trail, sims.both());
    }

    @AfterEach
    void stop() {
        executor.close();
        sims.close();
    }

    @Test
    void movedSpanIsRedAtFirstAndCarriesTrafficOnlyAfterTheAlarmClearTime() {
        SpanLocation from = at("east-server", 1);
        SpanLocation to = at("west-server", 2);
        Cable cable = sims.board("east-server").cable(from).orElseThrow();
        sims.clock.advance(Duration.ofSeconds(5));

        MoveResult r = executor.execute(sims.move(from, to), "operator");

        assertThat(r).isInstanceOf(MoveResult.Done.class);
        long plugged = ((MoveResult.Done) r).pluggedAtNanos();
        assertThat(cable.location()).contains(to);
        assertThat(sims.board("east-server").cable(from)).isEmpty();
        assertThat(counts(sims.east, from).total())
                .as("source manager forgot the span")
                .isZero();
        assertThat(((MoveResult.Done) r).inputs())
                .extracting(in -> in.getClass().getSimpleName())
                .startsWith("SpanRemoved", "SpanAdded")
                .contains("SpanAlarmChanged", "DChannelChanged", "HuntGroupDefined");

        // right after the plug: RED on the board, nothing usable anywhere
        assertThat(sims.board("west-server").span(to).status().alarms()).contains(Alarm.RED);
        assertThat(counts(sims.west, to).total()).isEqualTo(23);
        assertThat(counts(sims.west, to).free()).isZero();
        assertThat(liveSpan(to).usablePorts()).isZero();
        assertThat(allocateOn(sims.west, "fax-in", to)).isInstanceOf(Result.Rejected.class);

        sims.clock.advance(Duration.ofMillis(9_900));
        assertThat(sims.board("west-server").span(to).status().alarms()).contains(Alarm.RED);
        assertThat(allocateOn(sims.west, "fax-in", to)).isInstanceOf(Result.Rejected.class);

        sims.clock.advance(Duration.ofMillis(200));
        assertThat(sims.board("west-server").span(to).usable()).isTrue();
        assertThat(liveSpan(to).usablePorts()).isEqualTo(23);
        assertThat(counts(sims.west, to).free()).isEqualTo(23);
        Result granted = allocateOn(sims.west, "fax-in", to);
        assertThat(granted).isInstanceOf(Result.Granted.class);
        assertThat(((Result.Granted) granted).channel().span()).isEqualTo(to);

        // the circuit's DIDs now ring on the survivor's board
        assertThat(cable.farEnd().offerCallToDid("3125550150", "3125559999")).isPresent();
        assertThat(counts(sims.west, to).busy()).isEqualTo(2);

        assertThat(executor.huntGroups("west"))
                .filteredOn(g -> g.name().equals("fax-in"))
                .singleElement()
                .extracting(g -> g.members().stream().map(GroupMember::span).toList())
                .isEqualTo(List.of(at("west-server", 1), to));

        List<AuditTrail.Entry> entries = trail.entries();
        entries.forEach(System.out::println);
        assertThat(entries)
                .allMatch(
                        e -> e.outcome() == AuditTrail.Outcome.DONE && e.actor().equals("operator"));
        assertThat(entries)
                .extracting(AuditTrail.Entry::action)
                .anyMatch(a -> a.startsWith("unplug circuit EAST.0001..SW from east-server/b0/s1"))
                .anyMatch(a -> a.startsWith("plug circuit EAST.0001..SW into west-server/b0/s2"))
                .anyMatch(a -> a.contains("port manager of east: SpanRemoved"))
                .anyMatch(a -> a.contains("port manager of west: SpanAdded"))
                .anyMatch(a -> a.contains("HuntGroupDefined fax-in"));
        AuditTrail.Entry up = entries.get(entries.size() - 1);
        assertThat(up.action()).endsWith("in service");
        assertThat(up.atNanos() - plugged).isEqualTo(Duration.ofSeconds(10).toNanos());
        assertThat(entries).extracting(AuditTrail.Entry::sequence).isSorted();
    }

    @Test
    void moveWithinOneSystemIsOneSpanMovedAndItsHuntGroupFollowsTheCircuit() {
        SpanLocation from = at("east-node", 1);
        SpanLocation to = at("east-node", 3);

        MoveResult r = executor.execute(sims.move(from, to), "operator");

        assertThat(r).isInstanceOf(MoveResult.Done.class);
        assertThat(((MoveResult.Done) r).inputs().get(0)).isEqualTo(new Input.SpanMoved(0, from, to));
        assertThat(((MoveResult.Done) r).huntGroups()).containsExactly("fax-in");
        assertThat(executor.huntGroups("east"))
                .filteredOn(g -> g.name().equals("fax-in"))
                .singleElement()
                .extracting(g -> g.members().stream().map(GroupMember::span).toList())
                .isEqualTo(List.of(at("east-server", 1), to));
        assertThat(counts(sims.east, from).total()).isZero();
        assertThat(allocateOn(sims.east, "fax-in", to)).isInstanceOf(Result.Rejected.class);

        sims.clock.advance(Duration.ofSeconds(11));

        Result granted = allocateOn(sims.east, "fax-in", to);
        assertThat(granted).isInstanceOf(Result.Granted.class);
        Result old = allocateOn(sims.east, "fax-in", from);
        assertThat(old).isInstanceOf(Result.Rejected.class);
    }

    @Test
    void refusesIncompatibleMovesWithTheReasonAndChangesNothing() {
        SpanLocation pri = at("east-server", 1);
        SpanLocation cas = at("east-server", 2);
        expectRefused(sims.move(pri, at("west-cas", 2)), Refusal.Reason.SIGNALLING);
        expectRefused(sims.move(pri, at("west-5ess", 2)), Refusal.Reason.SWITCH);
        expectRefused(sims.move(cas, at("west-cas", 2)), Refusal.Reason.FRAMING, Refusal.Reason.LINE_CODING);
        expectRefused(sims.move(pri, at("west-server", 1)), Refusal.Reason.OCCUPIED);
        expectRefused(sims.move(pri, at("west-jct", 2)), Refusal.Reason.NO_CHANNELS);
        expectRefused(sims.move(pri, at("east-server", 1)), Refusal.Reason.OCCUPIED);
        SpanMove wrongSource = sims.move(pri, at("west-server", 2));
        expectRefused(
                new SpanMove(wrongSource.circuit(), cas, wrongSource.to(), wrongSource.config(), "wrong source"),
                Refusal.Reason.NOT_AT_SOURCE);
        expectRefused(sims.move(pri, new SpanLocation("nowhere", 0, 1)), Refusal.Reason.UNKNOWN_POSITION);
        expectRefused(sims.move(pri, at("west-cas", 3)), Refusal.Reason.UNKNOWN_POSITION);

        sims.board("west-server").setInService(false);
        expectRefused(sims.move(pri, at("west-server", 2)), Refusal.Reason.TARGET_DOWN);

        assertThat(trail.entries()).allMatch(e -> e.outcome() == AuditTrail.Outcome.REFUSED);
        assertThat(trail.size()).isEqualTo(10);
    }

    private void expectRefused(SpanMove move, Refusal.Reason... reasons) {
        int before = trail.size();
        Cable cable = sims.board(move.from().machine()).cable(move.from()).orElseThrow();
        int sourceChannels = counts(sims.east, move.from()).total();
        var westSpans = sims.west.metrics().bySpan();
        List<Input.HuntGroupDefined> westGroups = executor.huntGroups("west");

        assertThat(executor.check(move)).extracting(Refusal::reason).containsExactlyInAnyOrder(reasons);
        MoveResult r = executor.execute(move, "operator");

        assertThat(r).as(move.describe()).isInstanceOf(MoveResult.Refused.class);
        assertThat(((MoveResult.Refused) r).refusals())
                .extracting(Refusal::reason)
                .containsExactlyInAnyOrder(reasons);
        assertThat(((MoveResult.Refused) r).refusals())
                .allMatch(x -> !x.detail().isBlank());
        assertThat(cable.location()).contains(move.from());
        assertThat(counts(sims.east, move.from()).total()).isEqualTo(sourceChannels);
        assertThat(sims.west.metrics().bySpan()).isEqualTo(westSpans);
        assertThat(executor.huntGroups("west")).isEqualTo(westGroups);
        assertThat(trail.size()).isEqualTo(before + 1);
        AuditTrail.Entry e = trail.entries().get(before);
        assertThat(e.outcome()).isEqualTo(AuditTrail.Outcome.REFUSED);
        for (Refusal.Reason reason : reasons) {
            assertThat(e.result()).contains(reason.name());
        }
    }

    @Test
    void refusesAFaxCircuitOnAVoiceOnlyBoardNamingTheBoardAndTheGroups() {
        List<Refusal> why = executor.check(sims.move(at("east-server", 1), at("west-jct", 2)));

        assertThat(why).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Refusal.Reason.NO_CHANNELS);
            assertThat(r.detail()).contains("west-jct/b0", "D/480JCT-2T1", "fax-in", "FAX");
        });
        assertThat(trail.size()).as("check records nothing").isZero();
    }

    private InventorySpan liveSpan(SpanLocation at) {
        InventorySystem w = LiveCapacity.inventory(sims.west);
        return w.spans().stream()
                .filter(s -> s.location().equals(at))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void portManagerRejectsTheFreshSpanAsInAlarmUntilItClears() {
        SpanLocation to = at("west-server", 3);
        executor.execute(sims.move(at("east-node", 1), to), "takeover");

        Result r = allocateOn(sims.west, "fax-in", to);

        assertThat(r).isInstanceOf(Result.Rejected.class);
        assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.ALL_IN_ALARM);
    }
}
