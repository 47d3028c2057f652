package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_1;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_2;
import static org.stroom.ports.portmgr.alloc.Sys.NODE2_1;
import static org.stroom.ports.portmgr.alloc.Sys.NODE2_2;
import static org.stroom.ports.portmgr.alloc.Sys.ch;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

class RejectionTest {
    private static final PortKind FAX = PortKind.FAX;
    private static final Direction OUT = Direction.OUT;

    private static Sys nodeGroup() {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(
                0,
                "nodes",
                HuntStrategy.TOP_DOWN,
                FAX,
                List.of(
                        GroupMember.wholeSpan(NODE1_1),
                        GroupMember.wholeSpan(NODE1_2),
                        GroupMember.wholeSpan(NODE2_1),
                        GroupMember.wholeSpan(NODE2_2))));
        return sys;
    }

    @Test
    void rejectsUnknownGroup() {
        Sys sys = Sys.small();
        Result.Rejected r = sys.rejected(sys.allocate("no-such-group", FAX, OUT));
        assertThat(r.reason()).isEqualTo(RejectReason.GROUP_UNKNOWN);
        assertThat(r.detail()).contains("no-such-group");
        assertThat(r.requestId()).isEqualTo(sys.nextRequestId - 1);
    }

    @Test
    void rejectsWrongKindForGroupAsInvalid() {
        Sys sys = Sys.small();
        assertThat(sys.rejected(sys.allocate("fax", PortKind.VOICE, OUT)).reason())
                .isEqualTo(RejectReason.INVALID_REQUEST);
    }

    @Test
    void rejectsAffinityToUnknownMachineOrSpanAsInvalid() {
        Sys sys = Sys.small();
        assertThat(sys.rejected(sys.allocate("fax", FAX, OUT, Affinity.machine("node-999", false), "normal"))
                        .reason())
                .isEqualTo(RejectReason.INVALID_REQUEST);
        assertThat(sys.rejected(sys.allocate(
                                "fax", FAX, OUT, Affinity.span(new SpanLocation("server", 3, 1), true), "normal"))
                        .reason())
                .isEqualTo(RejectReason.INVALID_REQUEST);
    }

    @Test
    void rejectsWithNoCapacityWhenEveryChannelIsBusy() {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(
                0, "two", HuntStrategy.TOP_DOWN, FAX, List.of(new GroupMember(NODE1_1, TimeslotSet.of(1, 2)))));
        sys.grant("two", FAX, OUT);
        sys.inbound(ch(NODE1_1, 2), 77);
        assertThat(sys.rejected(sys.allocate("two", FAX, OUT)).reason()).isEqualTo(RejectReason.NO_CAPACITY);
    }

    @Test
    void rejectsWithNoCapacityWhenTheRestIsLockedOrOutOfService() {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(
                0, "two", HuntStrategy.TOP_DOWN, FAX, List.of(new GroupMember(NODE1_1, TimeslotSet.of(1, 2)))));
        sys.apply(new Input.Lock(0, NODE1_1, 1));
        sys.apply(new Input.ChannelServiceChanged(0, ch(NODE1_1, 2), false));
        assertThat(sys.rejected(sys.allocate("two", FAX, OUT)).reason()).isEqualTo(RejectReason.NO_CAPACITY);
        sys.apply(new Input.ChannelServiceChanged(0, ch(NODE1_1, 2), true));
        assertThat(sys.grantedChannel("two", FAX, OUT)).isEqualTo(ch(NODE1_1, 2));
    }

    @Test
    void rejectsAllInAlarmWhenEverySpanIsRedOrHasItsDChannelDown() {
        Sys sys = nodeGroup();
        sys.apply(new Input.SpanAlarmChanged(0, NODE1_1, Alarm.RED, true));
        sys.apply(new Input.SpanAlarmChanged(0, NODE1_2, Alarm.BLUE, true));
        sys.apply(new Input.DChannelChanged(0, NODE2_1, false));
        sys.apply(new Input.BoardFaultChanged(0, new org.stroom.ports.hal.api.BoardId(Fixtures.node(2), 0), true));
        assertThat(sys.rejected(sys.allocate("nodes", FAX, OUT)).reason()).isEqualTo(RejectReason.ALL_IN_ALARM);
        sys.apply(new Input.BoardFaultChanged(0, new org.stroom.ports.hal.api.BoardId(Fixtures.node(2), 0), false));
        assertThat(sys.grantedChannel("nodes", FAX, OUT)).isEqualTo(ch(NODE2_2, 1));
    }

    @Test
    void yellowAlarmAloneDoesNotStopTraffic() {
        Sys sys = nodeGroup();
        sys.apply(new Input.SpanAlarmChanged(0, NODE1_1, Alarm.YELLOW, true));
        assertThat(sys.grantedChannel("nodes", FAX, OUT)).isEqualTo(ch(NODE1_1, 1));
    }

    @Test
    void rejectsNodeDownWhenEveryCandidateIsOnADownMachine() {
        Sys sys = nodeGroup();
        sys.apply(new Input.MachineDown(0, Fixtures.node(1)));
        sys.apply(new Input.MachineDown(0, Fixtures.node(2)));
        assertThat(sys.rejected(sys.allocate("nodes", FAX, OUT)).reason()).isEqualTo(RejectReason.NODE_DOWN);
    }

    @Test
    void mixOfDownMachinesAndAlarmsIsAllInAlarm() {
        Sys sys = nodeGroup();
        sys.apply(new Input.MachineDown(0, Fixtures.node(1)));
        sys.apply(new Input.SpanAlarmChanged(0, NODE2_1, Alarm.RED, true));
        sys.apply(new Input.SpanAlarmChanged(0, NODE2_2, Alarm.RED, true));
        assertThat(sys.rejected(sys.allocate("nodes", FAX, OUT)).reason()).isEqualTo(RejectReason.ALL_IN_ALARM);
    }

    @Test
    void requiredAffinityOnADownMachineIsNodeDown() {
        Sys sys = Sys.small();
        sys.apply(new Input.MachineDown(0, Fixtures.node(2)));
        Result r = sys.allocate("fax", FAX, OUT, Affinity.machine(Fixtures.node(2), true), "normal");
        assertThat(sys.rejected(r).reason()).isEqualTo(RejectReason.NODE_DOWN);
        r = sys.allocate("fax", FAX, OUT, Affinity.machine(Fixtures.node(2), false), "normal");
        assertThat(((Result.Granted) r).channel().span().machine()).isEqualTo(Fixtures.SERVER);
    }

    @Test
    void requiredSpanAffinityInAlarmIsAllInAlarm() {
        Sys sys = Sys.small();
        sys.apply(new Input.SpanAlarmChanged(0, NODE1_2, Alarm.RED, true));
        Result r = sys.allocate("fax", FAX, OUT, Affinity.span(NODE1_2, true), "normal");
        assertThat(sys.rejected(r).reason()).isEqualTo(RejectReason.ALL_IN_ALARM);
    }

    @Test
    void rejectsReleaseAndRenewOfUnknownLease() {
        Sys sys = Sys.small();
        assertThat(sys.rejected(sys.release(42)).reason()).isEqualTo(RejectReason.LEASE_UNKNOWN);
        assertThat(sys.rejected(sys.renew(42, Sys.LEASE)).reason()).isEqualTo(RejectReason.LEASE_UNKNOWN);
        Result.Granted g = sys.grant("fax", FAX, OUT);
        sys.release(g.leaseId());
        assertThat(sys.rejected(sys.release(g.leaseId())).reason()).isEqualTo(RejectReason.LEASE_UNKNOWN);
    }

    @Test
    void countsRejectionsByReason() {
        Sys sys = Sys.small();
        sys.allocate("nope", FAX, OUT);
        sys.allocate("nope", FAX, OUT);
        sys.release(9);
        Metrics.Activity a = sys.state.metrics().activity();
        assertThat(a.rejected())
                .containsEntry(RejectReason.GROUP_UNKNOWN, 2L)
                .containsEntry(RejectReason.LEASE_UNKNOWN, 1L)
                .containsEntry(RejectReason.OVERLOADED, 0L);
        assertThat(a.rejectedTotal()).isEqualTo(3);
        assertThat(a.requests()).isEqualTo(3);
    }
}
