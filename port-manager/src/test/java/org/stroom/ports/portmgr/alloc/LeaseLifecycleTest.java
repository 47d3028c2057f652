package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.alloc.Sys.LEASE;
import static org.stroom.ports.portmgr.alloc.Sys.SECOND;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;

class LeaseLifecycleTest {
    private static final PortKind FAX = PortKind.FAX;
    private static final Direction OUT = Direction.OUT;

    private static List<EndedLease> ended(Result r) {
        assertThat(r).isInstanceOf(Result.Applied.class);
        return ((Result.Applied) r).endedLeases();
    }

    @Test
    void leaseIdsIncreaseFromOneAndExpiryIsGrantTimePlusDuration() {
        Sys sys = Sys.small();
        sys.advance(5 * SECOND);
        Result.Granted a = sys.grant("fax", FAX, OUT);
        Result.Granted b = sys.grant("fax", FAX, OUT);
        assertThat(a.leaseId()).isEqualTo(1);
        assertThat(b.leaseId()).isEqualTo(2);
        assertThat(a.expiresAtNanos()).isEqualTo(5 * SECOND + LEASE);
        assertThat(sys.state.lease(1)).hasValueSatisfying(l -> {
            assertThat(l.channel()).isEqualTo(a.channel());
            assertThat(l.priorityClass()).isEqualTo("normal");
            assertThat(l.direction()).isEqualTo(OUT);
        });
    }

    @Test
    void leaseExpiresAtTheFirstTickAtOrAfterItsExpiry() {
        Sys sys = Sys.small();
        Result.Granted g = sys.grant("fax", FAX, OUT);
        sys.advance(LEASE - 1);
        assertThat(ended(sys.tick())).isEmpty();
        sys.advance(1);
        assertThat(ended(sys.tick())).containsExactly(new EndedLease(g.leaseId(), 1, g.channel(), EndCause.EXPIRED));
        assertThat(sys.state.leaseCount()).isZero();
        assertThat(sys.grantedChannel("fax", FAX, OUT)).isEqualTo(g.channel());
        assertThat(sys.state.metrics().activity().expired()).isEqualTo(1);
    }

    @Test
    void renewalPushesTheExpiryFromTheRenewalTime() {
        Sys sys = Sys.small();
        Result.Granted g = sys.grant("fax", FAX, OUT);
        sys.advance(50 * SECOND);
        Result r = sys.renew(g.leaseId(), 30 * SECOND);
        assertThat(r).isEqualTo(new Result.Renewed(2, g.leaseId(), 80 * SECOND));
        sys.advance(20 * SECOND);
        assertThat(ended(sys.tick())).isEmpty();
        sys.advance(10 * SECOND);
        assertThat(ended(sys.tick())).hasSize(1);
    }

    @Test
    void expiryOrderIsByExpiryThenLeaseId() {
        Sys sys = Sys.small();
        Result.Granted a = sys.grant("fax", FAX, OUT);
        Result.Granted b = sys.grant("fax", FAX, OUT);
        Result.Granted c = sys.grant("fax", FAX, OUT);
        sys.renew(a.leaseId(), LEASE + 1);
        sys.advance(2 * LEASE);
        assertThat(ended(sys.tick()))
                .extracting(EndedLease::leaseId)
                .containsExactly(b.leaseId(), c.leaseId(), a.leaseId());
    }

    @Test
    void leaseTiedToALiveCallDoesNotExpireUntilTheCallEnds() {
        Sys sys = Sys.small();
        Result.Granted g = sys.grant("fax", FAX, OUT);
        sys.apply(new Input.CallActive(sys.now, g.channel(), 500, false));
        sys.advance(3 * LEASE);
        assertThat(ended(sys.tick())).isEmpty();
        assertThat(sys.state.lease(g.leaseId()))
                .hasValueSatisfying(l -> assertThat(l.callId()).isEqualTo(500));
        sys.hangUp(g.channel(), 500);
        assertThat(ended(sys.tick())).extracting(EndedLease::leaseId).containsExactly(g.leaseId());
    }

    @Test
    void releasedLeaseKeepsTheChannelBusyWhileItsCallLives() {
        Sys sys = Sys.small();
        sys.apply(new Input.HuntGroupDefined(
                0, "one", HuntStrategy.TOP_DOWN, FAX, List.of(new GroupMember(Sys.NODE1_1, TimeslotSet.of(1)))));
        Result.Granted g = sys.grant("one", FAX, OUT);
        sys.apply(new Input.CallActive(sys.now, g.channel(), 9, false));
        assertThat(sys.release(g.leaseId())).isEqualTo(new Result.Released(2, g.leaseId(), g.channel()));
        assertThat(sys.rejected(sys.allocate("one", FAX, OUT)).reason()).isEqualTo(RejectReason.NO_CAPACITY);
        sys.hangUp(g.channel(), 9);
        assertThat(sys.grantedChannel("one", FAX, OUT)).isEqualTo(g.channel());
    }

    @Test
    void inboundCallOfferedOnAnOutboundLeaseIsGlareAndEndsTheLease() {
        Sys sys = Sys.small();
        Result.Granted g = sys.grant("fax", FAX, OUT);
        Result r = sys.inbound(g.channel(), 31);
        assertThat(ended(r)).containsExactly(new EndedLease(g.leaseId(), 1, g.channel(), EndCause.GLARE));
        assertThat(sys.state.channelStatus(g.channel())).hasValueSatisfying(c -> {
            assertThat(c.leaseId()).isZero();
            assertThat(c.callId()).isEqualTo(31);
        });
        assertThat(sys.state.metrics().activity().revoked()).isEqualTo(1);
    }

    @Test
    void inboundCallOfferedOnAnInboundLeaseIsTiedToIt() {
        Sys sys = Sys.small();
        Result.Granted g = sys.grant("fax", FAX, Direction.IN);
        assertThat(ended(sys.inbound(g.channel(), 32))).isEmpty();
        assertThat(sys.state.lease(g.leaseId()))
                .hasValueSatisfying(l -> assertThat(l.callId()).isEqualTo(32));
    }

    @Test
    void callProgressOfTheSameCallChangesNothing() {
        Sys sys = Sys.small();
        ChannelId ch = Sys.ch(Sys.NODE1_1, 4);
        sys.inbound(ch, 8);
        sys.apply(new Input.CallActive(sys.now, ch, 8, false));
        assertThat(sys.state.metrics().activity().callsSeen()).isEqualTo(1);
        assertThat(sys.hangUp(ch, 99)).isInstanceOf(Result.Ignored.class);
        assertThat(sys.hangUp(ch, 8)).isEqualTo(Result.Applied.NONE);
        assertThat(sys.state.channelStatus(ch).orElseThrow().busy()).isFalse();
    }

    @Test
    void machineDownEndsItsLeasesAndForgetsItsCalls() {
        Sys sys = Sys.small();
        Result r = sys.allocate("fax", FAX, OUT, Affinity.machine(Fixtures.node(1), true), "normal");
        Result.Granted g = (Result.Granted) r;
        ChannelId call = Sys.ch(Sys.NODE1_2, 9);
        sys.inbound(call, 70);
        assertThat(ended(sys.apply(new Input.MachineDown(sys.now, Fixtures.node(1)))))
                .containsExactly(new EndedLease(g.leaseId(), 1, g.channel(), EndCause.MACHINE_DOWN));
        assertThat(sys.state.channelStatus(call).orElseThrow().callId()).isZero();
        assertThat(sys.state.metrics().byMachine().get(Fixtures.node(1))).isEqualTo(new Metrics.Counts(46, 0, 0, 46));
        sys.apply(new Input.MachineUp(sys.now, Fixtures.node(1)));
        assertThat(sys.state.metrics().byMachine().get(Fixtures.node(1))).isEqualTo(new Metrics.Counts(46, 0, 46, 0));
    }

    @Test
    void missedHeartbeatsTakeAMachineDownAndAHeartbeatBringsItBack() {
        Sys sys = new Sys(Fixtures.smallSystemInputs(Fixtures.HEARTBEAT_TIMEOUT_NANOS));
        sys.advance(Fixtures.HEARTBEAT_TIMEOUT_NANOS / 2);
        for (String m : List.of(Fixtures.SERVER, Fixtures.node(1))) {
            sys.apply(new Input.MachineHeartbeat(sys.now, m));
        }
        sys.advance(Fixtures.HEARTBEAT_TIMEOUT_NANOS / 2 + 1);
        sys.tick();
        assertThat(sys.state.machineUp(Fixtures.node(2))).isFalse();
        assertThat(sys.state.machineUp(Fixtures.node(1))).isTrue();
        sys.apply(new Input.MachineHeartbeat(sys.now, Fixtures.node(2)));
        assertThat(sys.state.machineUp(Fixtures.node(2))).isTrue();
    }

    @Test
    void heartbeatDoesNotReviveAMachineDeclaredDown() {
        Sys sys = Sys.small();
        sys.apply(new Input.MachineDown(sys.now, Fixtures.node(2)));
        sys.apply(new Input.MachineHeartbeat(sys.now, Fixtures.node(2)));
        assertThat(sys.state.machineUp(Fixtures.node(2))).isFalse();
    }

    @Test
    void removingASpanEndsItsLeasesAndMovingItBringsTheCapacityElsewhere() {
        Sys sys = Sys.small();
        Result r = sys.allocate("fax", FAX, OUT, Affinity.span(Sys.NODE2_2, true), "normal");
        Result.Granted g = (Result.Granted) r;
        var spare = Sys.span(Fixtures.node(1), 1, 1);
        assertThat(ended(sys.apply(new Input.SpanMoved(sys.now, Sys.NODE2_2, spare))))
                .containsExactly(new EndedLease(g.leaseId(), 1, g.channel(), EndCause.SPAN_REMOVED));
        Metrics m = sys.state.metrics();
        assertThat(m.bySpan().get(Sys.NODE2_2)).isEqualTo(Metrics.Counts.ZERO);
        assertThat(m.bySpan().get(spare)).isEqualTo(new Metrics.Counts(23, 0, 23, 0));
        assertThat(m.byMachine().get(Fixtures.node(1)).total()).isEqualTo(69);
        // The System-wide pool follows the circuit; the "fax" group names positions and does not.
        r = sys.allocate(null, FAX, OUT, Affinity.span(spare, true), "normal");
        assertThat(r).isInstanceOf(Result.Granted.class);
        r = sys.allocate("fax", FAX, OUT, Affinity.span(spare, true), "normal");
        assertThat(sys.rejected(r).reason()).isEqualTo(RejectReason.NO_CAPACITY);
        assertThat(sys.apply(new Input.SpanRemoved(sys.now, Sys.NODE2_2))).isInstanceOf(Result.Ignored.class);
    }

    @Test
    void inventoryInputsThatDoNotFitAreIgnoredAndCounted() {
        Sys sys = Sys.small();
        assertThat(sys.apply(new Input.MachineAdded(0, Fixtures.node(1), MachineRole.NODE, 0)))
                .isInstanceOf(Result.Ignored.class);
        assertThat(sys.apply(new Input.MachineAdded(0, "server-2", MachineRole.SERVER, 0)))
                .isInstanceOf(Result.Ignored.class);
        assertThat(sys.apply(new Input.MachineDown(0, "ghost"))).isInstanceOf(Result.Ignored.class);
        assertThat(sys.apply(new Input.DChannelChanged(0, Sys.SERVER_2, false))).isInstanceOf(Result.Ignored.class);
        assertThat(sys.apply(new Input.HuntGroupDefined(
                        0, "x", HuntStrategy.TOP_DOWN, FAX, List.of(GroupMember.wholeSpan(Sys.span("server", 7, 1))))))
                .isInstanceOf(Result.Ignored.class);
        assertThat(sys.state.metrics().activity().ignored()).isEqualTo(5);
    }

    @Test
    void carriedTrafficIntegratesBusyChannelsOverRingTime() {
        Sys sys = Sys.small();
        sys.grant("fax", FAX, OUT);
        sys.grant("fax", FAX, OUT);
        sys.advance(1800 * SECOND);
        sys.inbound(Sys.ch(Sys.NODE1_1, 1), 5);
        sys.advance(1800 * SECOND);
        sys.tick();
        // 2 busy for half an hour, then 3 busy (2 leases expired only at this tick) for half an hour.
        assertThat(sys.state.metrics().activity().carriedErlangSeconds()).isEqualTo(2 * 1800 + 3 * 1800.0);
    }

    @Test
    void carriedTrafficAddsUpStepsShorterThanASecondExactly() {
        Sys sys = Sys.small();
        sys.grant("fax", FAX, OUT);
        sys.grant("fax", FAX, OUT);
        for (int step = 0; step < 7; step++) {
            sys.advance(SECOND * 3 / 10);
            sys.tick();
        }
        sys.advance(SECOND + SECOND / 4);
        sys.tick();
        // 2 busy for 7 x 0.3 s, then for 1.25 s: 6.7 erlang-seconds, carried over whole seconds on the way.
        assertThat(sys.state.metrics().activity().carriedErlangSeconds()).isEqualTo(6.7);
    }
}
