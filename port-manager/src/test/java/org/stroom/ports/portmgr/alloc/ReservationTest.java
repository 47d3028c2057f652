package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_1;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;

class ReservationTest {
    private static final PortKind VOICE = PortKind.VOICE;
    private static final Direction OUT = Direction.OUT;

    /** One span, voice on timeslots 1..4 only: four voice ports in the whole System. */
    private static Sys fourVoicePorts() {
        Sys sys = new Sys(List.of(
                new Input.MachineAdded(0, "server", MachineRole.SERVER, 0),
                new Input.MachineAdded(0, Fixtures.node(1), MachineRole.NODE, 0),
                new Input.SpanAdded(
                        0,
                        NODE1_1,
                        new org.stroom.ports.t1.CircuitId("C1"),
                        org.stroom.ports.t1.Signalling.ISDN_PRI,
                        TimeslotSet.range(1, 23),
                        TimeslotSet.range(1, 23),
                        TimeslotSet.range(1, 4),
                        java.util.EnumSet.allOf(Direction.class)),
                new Input.ReservationDefined(0, "alert", VOICE, 2)));
        return sys;
    }

    @Test
    void otherClassesCannotTakeTheReservedPorts() {
        Sys sys = fourVoicePorts();
        sys.grant(null, VOICE, OUT);
        sys.grant(null, VOICE, OUT);
        Result.Rejected r = sys.rejected(sys.allocate(null, VOICE, OUT));
        assertThat(r.reason()).isEqualTo(RejectReason.RESERVED_FOR_OTHERS);
        assertThat(sys.state.freeChannels(VOICE)).isEqualTo(2);
    }

    @Test
    void theReservingClassMayUseItsReservedPorts() {
        Sys sys = fourVoicePorts();
        sys.grant(null, VOICE, OUT);
        sys.grant(null, VOICE, OUT);
        assertThat(sys.allocate(null, VOICE, OUT, null, "alert")).isInstanceOf(Result.Granted.class);
        assertThat(sys.allocate(null, VOICE, OUT, null, "alert")).isInstanceOf(Result.Granted.class);
        assertThat(sys.rejected(sys.allocate(null, VOICE, OUT, null, "alert")).reason())
                .isEqualTo(RejectReason.NO_CAPACITY);
    }

    @Test
    void aFaxGrantOnAVoiceCapableChannelCountsAgainstTheVoiceReservation() {
        Sys sys = fourVoicePorts();
        sys.grant(null, VOICE, OUT);
        sys.grant(null, VOICE, OUT);
        // The fax pool is balanced over one span: its lowest free channel (3) can also do voice.
        assertThat(sys.rejected(sys.allocate(null, PortKind.FAX, OUT)).reason())
                .isEqualTo(RejectReason.RESERVED_FOR_OTHERS);
        sys.apply(new Input.Lock(0, NODE1_1, 3));
        sys.apply(new Input.Lock(0, NODE1_1, 4));
        // With 3 and 4 locked the reservation cannot be met anyway; fax on 5 leaves voice untouched.
        assertThat(((Result.Granted) sys.allocate(null, PortKind.FAX, OUT))
                        .channel()
                        .ds0())
                .isEqualTo(5);
    }

    @Test
    void reservationsAddUpAcrossClassesAndZeroRemovesOne() {
        Sys sys = fourVoicePorts();
        sys.apply(new Input.ReservationDefined(0, "ivr", VOICE, 1));
        sys.grant(null, VOICE, OUT);
        assertThat(sys.rejected(sys.allocate(null, VOICE, OUT)).reason()).isEqualTo(RejectReason.RESERVED_FOR_OTHERS);
        // "ivr" must leave the 2 of "alert"; "alert" must leave the 1 of "ivr".
        assertThat(sys.allocate(null, VOICE, OUT, null, "ivr")).isInstanceOf(Result.Granted.class);
        assertThat(sys.rejected(sys.allocate(null, VOICE, OUT, null, "ivr")).reason())
                .isEqualTo(RejectReason.RESERVED_FOR_OTHERS);
        sys.apply(new Input.ReservationDefined(0, "alert", VOICE, 0));
        assertThat(sys.allocate(null, VOICE, OUT, null, "ivr")).isInstanceOf(Result.Granted.class);
    }
}
