package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_1;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_2;
import static org.stroom.ports.portmgr.alloc.Sys.NODE2_1;
import static org.stroom.ports.portmgr.alloc.Sys.NODE2_2;
import static org.stroom.ports.portmgr.alloc.Sys.SERVER_1;
import static org.stroom.ports.portmgr.alloc.Sys.ch;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanLocation;

class HuntStrategyTest {
    private static final PortKind FAX = PortKind.FAX;
    private static final Direction OUT = Direction.OUT;

    private static Sys withGroup(HuntStrategy strategy, GroupMember... members) {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(0, "g", strategy, FAX, List.of(members)));
        return sys;
    }

    private static GroupMember whole(SpanLocation s) {
        return GroupMember.wholeSpan(s);
    }

    @Test
    void aGroupRedefinedWhileAnotherHasAChangePendingLeavesTheOthersIndexesExact() {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(0, "a", HuntStrategy.TOP_DOWN, FAX, List.of(whole(NODE1_1))));
        sys.apply(new Input.HuntGroupDefined(0, "b", HuntStrategy.TOP_DOWN, FAX, List.of(whole(NODE1_1))));
        Result.Granted viaA = sys.grant("a", FAX, OUT);
        // NODE1_1 told "b" of the grant, which "b" has not read yet; redefining "a" drops a's membership from the
        // span's lists, so b's membership moves while its change is pending.
        sys.apply(new Input.HuntGroupDefined(0, "a", HuntStrategy.BOTTOM_UP, FAX, List.of(whole(NODE1_1))));
        assertThat(sys.grantedChannel("b", FAX, OUT)).isEqualTo(ch(NODE1_1, 2));

        // "b" must hear of the next change of the span: the release frees channel 1 again.
        sys.release(viaA.leaseId());
        assertThat(sys.grantedChannel("b", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
        PortManagerState rebuilt = SnapshotCodec.decode(SnapshotCodec.encode(sys.state));
        assertThat(rebuilt.derivedDescription()).isEqualTo(sys.state.derivedDescription());
    }

    @Test
    void topDownTakesTheFirstFreeChannelInMemberOrder() {
        Sys sys = withGroup(HuntStrategy.TOP_DOWN, whole(NODE1_1), whole(SERVER_1));
        Result.Granted first = sys.grant("g", FAX, OUT);
        assertThat(first.channel()).isEqualTo(ch(NODE1_1, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 2));
        sys.release(first.leaseId());
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
    }

    @Test
    void topDownMovesToTheNextMemberWhenTheFirstIsFull() {
        Sys sys = withGroup(HuntStrategy.TOP_DOWN, new GroupMember(NODE1_1, TimeslotSet.of(5, 6)), whole(SERVER_1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 5));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 6));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 1));
    }

    @Test
    void bottomUpTakesTheLastFreeChannelSearchingBackwards() {
        Sys sys = withGroup(HuntStrategy.BOTTOM_UP, whole(SERVER_1), whole(NODE2_2));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE2_2, 23));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE2_2, 22));
    }

    @Test
    void bottomUpNeverTakesThePriDChannel() {
        Sys sys = withGroup(HuntStrategy.BOTTOM_UP, new GroupMember(SERVER_1, TimeslotSet.of(23, 24)));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 23));
        assertThat(sys.rejected(sys.allocate("g", FAX, OUT)).reason()).isEqualTo(RejectReason.NO_CAPACITY);
    }

    @Test
    void roundRobinUpContinuesAfterTheLastGrantAndWraps() {
        Sys sys = withGroup(
                HuntStrategy.ROUND_ROBIN_UP,
                new GroupMember(SERVER_1, TimeslotSet.of(1, 2)),
                new GroupMember(NODE1_1, TimeslotSet.of(1)));
        Result.Granted a = sys.grant("g", FAX, OUT);
        Result.Granted b = sys.grant("g", FAX, OUT);
        assertThat(List.of(a.channel(), b.channel())).containsExactly(ch(SERVER_1, 1), ch(SERVER_1, 2));
        sys.release(a.leaseId());
        // ch(SERVER_1, 1) is free again, but the hunt continues after the last grant.
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
        sys.release(b.leaseId());
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 2));
        assertThat(sys.state.huntPosition("g")).contains(ch(SERVER_1, 2));
    }

    @Test
    void roundRobinDownStartsAtTheEndAndWrapsToIt() {
        Sys sys = withGroup(
                HuntStrategy.ROUND_ROBIN_DOWN,
                new GroupMember(SERVER_1, TimeslotSet.of(1, 2)),
                new GroupMember(NODE1_1, TimeslotSet.of(1)));
        List<ChannelId> got = new ArrayList<>();
        List<Long> leases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Result.Granted g = sys.grant("g", FAX, OUT);
            got.add(g.channel());
            leases.add(g.leaseId());
        }
        assertThat(got).containsExactly(ch(NODE1_1, 1), ch(SERVER_1, 2), ch(SERVER_1, 1));
        leases.forEach(sys::release);
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
    }

    @Test
    void leastBusySpanPrefersTheSpanWithFewestBusyChannels() {
        Sys sys = withGroup(HuntStrategy.LEAST_BUSY_SPAN, whole(SERVER_1), whole(NODE1_1));
        sys.inbound(ch(SERVER_1, 1), 101);
        sys.inbound(ch(SERVER_1, 2), 102);
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 2));
        // Both spans now have two busy channels: list order breaks the tie.
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 3));
    }

    @Test
    void balanceMachinesSpreadsGrantsAcrossMachines() {
        Sys sys = withGroup(
                HuntStrategy.BALANCE_MACHINES, whole(SERVER_1), whole(NODE1_1), whole(NODE1_2), whole(NODE2_1));
        List<String> machines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            machines.add(sys.grantedChannel("g", FAX, OUT).span().machine());
        }
        assertThat(machines)
                .containsExactly(
                        Fixtures.SERVER,
                        Fixtures.node(1),
                        Fixtures.node(2),
                        Fixtures.SERVER,
                        Fixtures.node(1),
                        Fixtures.node(2));
    }

    @Test
    void balanceMachinesUsesTheLeastBusySpanOfTheChosenMachine() {
        Sys sys = withGroup(HuntStrategy.BALANCE_MACHINES, whole(NODE1_1), whole(NODE1_2));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_2, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE1_1, 2));
    }

    @Test
    void huntSkipsSpansNotProvisionedForTheDirection() {
        Sys sys = Sys.small();
        // SERVER_2 is E&M, voice, outbound only; an inbound voice hunt over it and NODE1_1 lands on NODE1_1.
        sys.apply(new Input.HuntGroupDefined(
                0, "v", HuntStrategy.TOP_DOWN, PortKind.VOICE, List.of(whole(Sys.SERVER_2), whole(NODE1_1))));
        assertThat(sys.grantedChannel("v", PortKind.VOICE, Direction.IN)).isEqualTo(ch(NODE1_1, 1));
        assertThat(sys.grantedChannel("v", PortKind.VOICE, Direction.OUT)).isEqualTo(ch(Sys.SERVER_2, 1));
    }

    @Test
    void huntSkipsChannelsThatCannotDoTheKind() {
        Sys sys = Sys.small();
        // SERVER_2 has no fax resources: the System-wide fax pool never grants there.
        for (int i = 0; i < 5 * 23; i++) {
            assertThat(sys.grantedChannel(null, FAX, OUT).span()).isNotEqualTo(Sys.SERVER_2);
        }
        assertThat(sys.rejected(sys.allocate(null, FAX, OUT)).reason()).isEqualTo(RejectReason.NO_CAPACITY);
    }

    @Test
    void preferredSpanAffinityIsTriedFirstAndFallsBackToTheHunt() {
        Sys sys = withGroup(HuntStrategy.TOP_DOWN, whole(SERVER_1), new GroupMember(NODE1_1, TimeslotSet.of(1)));
        Result r = sys.allocate("g", FAX, OUT, Affinity.span(NODE1_1, false), "normal");
        assertThat(((Result.Granted) r).channel()).isEqualTo(ch(NODE1_1, 1));
        r = sys.allocate("g", FAX, OUT, Affinity.span(NODE1_1, false), "normal");
        assertThat(((Result.Granted) r).channel()).isEqualTo(ch(SERVER_1, 1));
    }

    @Test
    void requiredMachineAffinityGrantsOnlyOnThatMachine() {
        Sys sys = withGroup(HuntStrategy.TOP_DOWN, whole(SERVER_1), new GroupMember(NODE1_2, TimeslotSet.of(7)));
        Result r = sys.allocate("g", FAX, OUT, Affinity.machine(Fixtures.node(1), true), "normal");
        assertThat(((Result.Granted) r).channel()).isEqualTo(ch(NODE1_2, 7));
        r = sys.allocate("g", FAX, OUT, Affinity.machine(Fixtures.node(1), true), "normal");
        assertThat(sys.rejected(r).reason()).isEqualTo(RejectReason.NO_CAPACITY);
    }

    @Test
    void affinityGrantDoesNotMoveTheRoundRobinPosition() {
        Sys sys = withGroup(HuntStrategy.ROUND_ROBIN_UP, whole(SERVER_1), whole(NODE1_1));
        sys.grant("g", FAX, OUT);
        sys.allocate("g", FAX, OUT, Affinity.span(NODE1_1, true), "normal");
        assertThat(sys.state.huntPosition("g")).contains(ch(SERVER_1, 1));
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(SERVER_1, 2));
    }

    @Test
    void redefiningAGroupReplacesItsMembersAndResetsItsPosition() {
        Sys sys = withGroup(HuntStrategy.ROUND_ROBIN_UP, whole(SERVER_1));
        sys.grant("g", FAX, OUT);
        sys.apply(new Input.HuntGroupDefined(0, "g", HuntStrategy.ROUND_ROBIN_UP, FAX, List.of(whole(NODE2_1))));
        assertThat(sys.state.huntPosition("g")).isEmpty();
        assertThat(sys.grantedChannel("g", FAX, OUT)).isEqualTo(ch(NODE2_1, 1));
        assertThat(sys.state.groupNames()).containsExactly("fax", "voice", "g");
    }
}
