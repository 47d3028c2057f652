package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_1;
import static org.stroom.ports.portmgr.alloc.Sys.NODE1_2;
import static org.stroom.ports.portmgr.alloc.Sys.NODE2_1;
import static org.stroom.ports.portmgr.alloc.Sys.SERVER_1;
import static org.stroom.ports.portmgr.alloc.Sys.ch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;

class SnapshotCodecTest {
    private static final PortKind FAX = PortKind.FAX;
    private static final PortKind VOICE = PortKind.VOICE;
    private static final Direction OUT = Direction.OUT;

    /** A state that exercises every part of the snapshot. */
    private static Sys busySystem() {
        Sys sys = Sys.small();
        sys.apply(new Input.ReservationDefined(0, "alert", VOICE, 3));
        sys.apply(new Input.HuntGroupDefined(
                0,
                "rr",
                HuntStrategy.ROUND_ROBIN_DOWN,
                FAX,
                List.of(new GroupMember(NODE1_1, TimeslotSet.of(1, 2, 3)), GroupMember.wholeSpan(NODE2_1))));
        sys.advance(Sys.SECOND);
        sys.grant("voice", VOICE, OUT);
        sys.grant("voice", VOICE, OUT);
        sys.grant("rr", FAX, OUT);
        Result.Granted tied = sys.grant("fax", FAX, Direction.IN);
        sys.inbound(tied.channel(), 900);
        sys.inbound(ch(NODE1_2, 5), 901);
        sys.apply(new Input.Lock(0, NODE1_2, 0));
        sys.apply(new Input.Lock(0, SERVER_1, 7));
        sys.apply(new Input.SpanAlarmChanged(0, NODE2_1, Alarm.YELLOW, true));
        sys.apply(new Input.DChannelChanged(0, Sys.NODE2_2, false));
        sys.apply(new Input.BoardFaultChanged(0, new BoardId(Fixtures.node(2), 5), true));
        sys.apply(new Input.ChannelServiceChanged(0, ch(SERVER_1, 9), false));
        sys.apply(new Input.SpanRemoved(0, Sys.SERVER_2));
        sys.apply(new Input.MachineDown(0, "ghost"));
        sys.allocate("nope", FAX, OUT);
        sys.advance(Sys.SECOND);
        sys.tick();
        return sys;
    }

    @Test
    void restoredStateIsTheSameAsTheLiveOne() {
        Sys sys = busySystem();
        byte[] snap = SnapshotCodec.encode(sys.state);
        PortManagerState restored = SnapshotCodec.decode(snap);
        assertThat(restored.sameStateAs(sys.state)).isTrue();
        assertThat(restored.digest()).isEqualTo(sys.state.digest());
        assertThat(restored.derivedDescription()).isEqualTo(sys.state.derivedDescription());
        assertThat(restored.metrics()).isEqualTo(sys.state.metrics());
        assertThat(restored.leases()).isEqualTo(sys.state.leases());
    }

    @Test
    void replayOfTheJournalIsTheSameAsTheLiveState() {
        Sys sys = busySystem();
        assertThat(sys.replay().sameStateAs(sys.state)).isTrue();
    }

    @Test
    void differentStatesAreNotTheSame() {
        Sys a = busySystem();
        Sys b = busySystem();
        b.apply(new Input.Unlock(0, SERVER_1, 7));
        assertThat(a.state.sameStateAs(b.state)).isFalse();
        assertThat(a.state.digest()).isNotEqualTo(b.state.digest());
    }

    @Test
    void roundRobinPositionAndLocksSurviveARestart() {
        Sys live = busySystem();
        PortManagerState restored = SnapshotCodec.decode(SnapshotCodec.encode(live.state));
        assertThat(restored.huntPosition("rr")).isEqualTo(live.state.huntPosition("rr"));
        assertThat(restored.huntPosition("rr")).contains(ch(NODE2_1, 23));
        assertThat(restored.channelStatus(ch(SERVER_1, 7)).orElseThrow().locked())
                .isTrue();
        assertThat(restored.channelStatus(ch(NODE1_2, 1)).orElseThrow().locked())
                .isTrue();
        // The next grants continue where the live state would.
        List<Input> next = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            next.add(new Input.Allocate(live.now, 1000 + i, FAX, OUT, "rr", null, "normal", Sys.LEASE));
            next.add(new Input.Allocate(live.now, 2000 + i, VOICE, OUT, "voice", null, "normal", Sys.LEASE));
        }
        for (Input in : next) {
            assertThat(restored.apply(in)).isEqualTo(live.apply(in));
        }
        assertThat(restored.sameStateAs(live.state)).isTrue();
    }

    @Test
    void snapshotPlusTheInputsAfterItIsTheLiveState() {
        Sys sys = busySystem();
        byte[] snap = SnapshotCodec.encode(sys.state);
        int mark = sys.journal.size();
        sys.advance(Sys.LEASE);
        sys.grant("fax", FAX, OUT);
        sys.tick();
        sys.hangUp(ch(NODE1_2, 5), 901);
        sys.apply(new Input.MachineDown(sys.now, Fixtures.node(1)));
        PortManagerState restored = SnapshotCodec.snapshotter().read(ByteBuffer.wrap(snap));
        sys.journal.subList(mark, sys.journal.size()).forEach(restored::apply);
        assertThat(restored.sameStateAs(sys.state)).isTrue();
        assertThat(restored.derivedDescription()).isEqualTo(sys.state.derivedDescription());
    }

    @Test
    void emptyStateRoundTrips() {
        PortManagerState empty = new PortManagerState();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(empty)).sameStateAs(empty))
                .isTrue();
    }

    @Test
    void damagedSnapshotsAreCorrupt() {
        byte[] snap = SnapshotCodec.encode(busySystem().state);
        assertThatThrownBy(() -> SnapshotCodec.decode(Arrays.copyOf(snap, snap.length - 1)))
                .isInstanceOf(CorruptEntryException.class);
        byte[] flipped = snap.clone();
        flipped[snap.length / 2] ^= 0x10;
        assertThatThrownBy(() -> SnapshotCodec.decode(flipped))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("checksum");
        byte[] notASnapshot = "hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SnapshotCodec.decode(notASnapshot))
                .isInstanceOf(CorruptEntryException.class)
                .hasMessageContaining("PMSN");
    }

    @Test
    void largeSystemFullyLeasedRoundTrips() {
        PortManagerState s = Fixtures.largeSystem();
        int granted = 0;
        Result r;
        do {
            r = s.apply(new Input.Allocate(0, granted, FAX, OUT, Fixtures.FAX_ALL, null, "normal", Sys.LEASE));
            granted += r instanceof Result.Granted ? 1 : 0;
        } while (r instanceof Result.Granted);
        assertThat(granted).isEqualTo(18_400);
        byte[] snap = SnapshotCodec.encode(s);
        PortManagerState restored = SnapshotCodec.decode(snap);
        assertThat(restored.sameStateAs(s)).isTrue();
        assertThat(restored.leaseCount()).isEqualTo(18_400);
        ChannelId any = restored.leases().get(9_999).channel();
        assertThat(restored.channelStatus(any).orElseThrow().busy()).isTrue();
    }
}
