package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

class ValueTypesTest {
    private static final SpanLocation S = new SpanLocation("m", 0, 1);

    @Test
    void timeslotSetsAreBitMasksOfTimeslotsOneToTwentyFour() {
        assertThat(TimeslotSet.range(1, 23).size()).isEqualTo(23);
        assertThat(TimeslotSet.range(1, 23).contains(24)).isFalse();
        assertThat(TimeslotSet.of(1, 3, 4, 5, 24).toString()).isEqualTo("{1,3-5,24}");
        assertThat(TimeslotSet.of(2, 9).toArray()).containsExactly(2, 9);
        assertThat(TimeslotSet.ALL.size()).isEqualTo(24);
        assertThatThrownBy(() -> TimeslotSet.of(25)).hasMessageContaining("25");
        assertThatThrownBy(() -> new TimeslotSet(1 << 24)).hasMessageContaining("above timeslot 24");
        assertThatThrownBy(() -> TimeslotSet.range(5, 4)).hasMessageContaining("5..4");
    }

    @Test
    void priSpanCannotCarryBearerOnItsDChannel() {
        assertThatThrownBy(() -> new Input.SpanAdded(
                        0,
                        S,
                        new CircuitId("C"),
                        Signalling.ISDN_PRI,
                        TimeslotSet.ALL,
                        TimeslotSet.NONE,
                        TimeslotSet.NONE,
                        EnumSet.of(Direction.IN)))
                .hasMessageContaining("D-channel");
        Input.SpanAdded cas = Input.SpanAdded.uniform(
                0,
                S,
                new CircuitId("C"),
                Signalling.EM_WINK_START,
                EnumSet.of(PortKind.FAX),
                EnumSet.of(Direction.OUT));
        assertThat(cas.bearers()).isEqualTo(TimeslotSet.ALL);
        assertThat(cas.voice()).isEqualTo(TimeslotSet.NONE);
    }

    @Test
    void kindTimeslotsMustBeBearers() {
        assertThatThrownBy(() -> new Input.SpanAdded(
                        0,
                        S,
                        new CircuitId("C"),
                        Signalling.LOOP_START,
                        TimeslotSet.of(1),
                        TimeslotSet.of(2),
                        TimeslotSet.NONE,
                        EnumSet.of(Direction.IN)))
                .hasMessageContaining("must be bearers");
    }

    @Test
    void requestsValidateTheirFields() {
        assertThatThrownBy(() -> new Input.Allocate(0, 1, PortKind.FAX, Direction.IN, " ", null, "c", 1))
                .hasMessageContaining("Allocate.group");
        assertThatThrownBy(() -> new Input.Allocate(0, 1, PortKind.FAX, Direction.IN, null, null, "c", 0))
                .hasMessageContaining("Allocate.leaseNanos");
        assertThatThrownBy(() -> new Input.Release(0, 1, 0)).hasMessageContaining("Release.leaseId");
        assertThatThrownBy(() -> new Input.Lock(0, S, 25)).hasMessageContaining("25");
        assertThatThrownBy(() -> new Affinity("other", S, true)).hasMessageContaining("not on machine");
        assertThatThrownBy(() -> new Affinity(null, null, true)).hasMessageContaining("needs a machine or a span");
        assertThatThrownBy(() -> new Input.MachineHeartbeat(0, "a\u0007b")).hasMessageContaining("control");
        assertThatThrownBy(() -> new Input.MachineHeartbeat(0, "a\uD800")).hasMessageContaining("surrogate");
    }

    @Test
    void groupsListEachSpanOnce() {
        assertThatThrownBy(() -> new Input.HuntGroupDefined(
                        0,
                        "g",
                        HuntStrategy.TOP_DOWN,
                        PortKind.FAX,
                        List.of(GroupMember.wholeSpan(S), new GroupMember(S, TimeslotSet.of(1)))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new Input.HuntGroupDefined(0, "g", HuntStrategy.TOP_DOWN, PortKind.FAX, List.of()))
                .hasMessageContaining("no members");
    }

    @Test
    void auditEntriesCarryACallIdExactlyWhenInCall() {
        ChannelId c = new ChannelId(S, 1);
        assertThatThrownBy(() -> new AuditEntry(c, ChannelState.CONNECTED, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new AuditEntry(c, ChannelState.IDLE, 5)).hasMessageContaining("must be 0");
        assertThatThrownBy(() -> new Input.AuditReport(0, "other", List.of(new AuditEntry(c, ChannelState.IDLE, 0))))
                .hasMessageContaining("of another machine");
    }

    @Test
    void metricsCountsMustAddUp() {
        assertThatThrownBy(() -> new Metrics.Counts(3, 1, 1, 0)).hasMessageContaining("must equal total 3");
        assertThat(new Metrics.Counts(3, 1, 1, 1).plus(new Metrics.Counts(1, 0, 1, 0)))
                .isEqualTo(new Metrics.Counts(4, 1, 2, 1));
    }

    @Test
    void overloadedResultKeepsTheRequestId() {
        Result r = Result.overloaded(new Input.Renew(0, 77, 1, 1));
        assertThat(r).isInstanceOf(Result.Rejected.class);
        assertThat(((Result.Rejected) r).requestId()).isEqualTo(77);
        assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.OVERLOADED);
        assertThat(Result.overloaded(new Input.Tick(0))).isInstanceOf(Result.Ignored.class);
    }

    @Test
    void everyEnumUsedOnTheWireHasACode() {
        assertThat(List.of(
                        Wire.KIND,
                        Wire.DIRECTION,
                        Wire.ROLE,
                        Wire.STRATEGY,
                        Wire.ALARM,
                        Wire.SIGNALLING,
                        Wire.DCHANNEL,
                        Wire.CHANNEL_STATE))
                .allMatch(EnumCodes::complete);
    }

    @Test
    void everyInputTypeIsHandledByTheStateMachine() {
        // A type without a handler throws IllegalStateException from apply(); none may.
        PortManagerState s = new PortManagerState();
        for (Input in : InputSamples.oneOfEach()) {
            assertThat(s.apply(in)).isNotNull();
        }
    }
}
