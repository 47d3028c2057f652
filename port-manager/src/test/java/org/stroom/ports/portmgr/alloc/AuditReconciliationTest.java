package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.alloc.Sys.LEASE;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_1;
import static org.stroom.ports.portmgr.alloc.Sys.ch;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;

class AuditReconciliationTest {
    private static Input.AuditReport report(Sys sys, AuditEntry... entries) {
        return new Input.AuditReport(sys.now, Fixtures.node(1), List.of(entries));
    }

    @Test
    void callTheHalNoLongerHasIsDropped() {
        Sys sys = Sys.small();
        ChannelId c = ch(NODE1_1, 3);
        sys.inbound(c, 40);
        sys.apply(report(sys, new AuditEntry(c, ChannelState.IDLE, 0)));
        assertThat(sys.state.channelStatus(c).orElseThrow().free()).isTrue();
        assertThat(sys.state.metrics().activity().auditCorrections()).isEqualTo(1);
    }

    @Test
    void callTheManagerMissedIsRecorded() {
        Sys sys = Sys.small();
        ChannelId c = ch(NODE1_1, 4);
        sys.apply(report(sys, new AuditEntry(c, ChannelState.CONNECTED, 41)));
        assertThat(sys.state.channelStatus(c).orElseThrow().callId()).isEqualTo(41);
        sys.hangUp(c, 41);
        assertThat(sys.state.channelStatus(c).orElseThrow().free()).isTrue();
    }

    @Test
    void leaseWhoseCallIsGoneBecomesSubjectToExpiryAgain() {
        Sys sys = Sys.small();
        Result r = sys.allocate("fax", PortKind.FAX, Direction.OUT, Affinity.span(NODE1_1, true), "normal");
        Result.Granted g = (Result.Granted) r;
        sys.apply(new Input.CallActive(sys.now, g.channel(), 42, false));
        sys.advance(2 * LEASE);
        assertThat(((Result.Applied) sys.tick()).endedLeases()).isEmpty();
        sys.apply(report(sys, new AuditEntry(g.channel(), ChannelState.IDLE, 0)));
        assertThat(((Result.Applied) sys.tick()).endedLeases())
                .extracting(EndedLease::leaseId)
                .containsExactly(g.leaseId());
        assertThat(sys.state.channelStatus(g.channel()).orElseThrow().busy()).isFalse();
    }

    @Test
    void serviceStateFollowsTheHal() {
        Sys sys = Sys.small();
        ChannelId a = ch(NODE1_1, 5);
        ChannelId b = ch(NODE1_1, 6);
        sys.apply(new Input.ChannelServiceChanged(sys.now, b, false));
        sys.apply(report(
                sys,
                new AuditEntry(a, ChannelState.OUT_OF_SERVICE, 0),
                new AuditEntry(b, ChannelState.IDLE, 0),
                new AuditEntry(ch(NODE1_1, 7), ChannelState.BLOCKED, 0)));
        assertThat(sys.state.channelStatus(a).orElseThrow().outOfService()).isTrue();
        assertThat(sys.state.channelStatus(b).orElseThrow().outOfService()).isFalse();
        assertThat(sys.state.channelStatus(ch(NODE1_1, 7)).orElseThrow().usable())
                .isFalse();
        assertThat(sys.state.metrics().activity().auditCorrections()).isEqualTo(3);
    }

    @Test
    void auditThatAgreesCorrectsNothing() {
        Sys sys = Sys.small();
        ChannelId c = ch(NODE1_1, 8);
        sys.inbound(c, 43);
        sys.apply(report(
                sys,
                new AuditEntry(c, ChannelState.CONNECTED, 43),
                new AuditEntry(ch(NODE1_1, 9), ChannelState.IDLE, 0)));
        assertThat(sys.state.metrics().activity().auditCorrections()).isZero();
        assertThat(sys.state.channelStatus(c).orElseThrow().callId()).isEqualTo(43);
    }

    @Test
    void auditOfUnknownMachineIsIgnored() {
        Sys sys = Sys.small();
        assertThat(sys.apply(new Input.AuditReport(0, "ghost", List.of()))).isInstanceOf(Result.Ignored.class);
    }
}
