package org.stroom.ports.portmgr.alloc;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.core.Snapshotter;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * Writes and reads a whole {@link PortManagerState}: inventory, span statuses, board faults, locks,
 * leases, calls, hunt groups with their round-robin positions, reservations, counters and the clock.
 * Restoring a snapshot and applying the inputs journalled after it gives the same state as the live one.
 *
 * <p>The encoding is canonical (everything in slot or definition order, derived indexes left out and
 * rebuilt on read), so equal logical states have equal bytes; {@link PortManagerState#sameStateAs} and
 * {@link PortManagerState#digest()} rely on it.
 *
 * <pre>
 *   "PMSN" magic (4) · version (1) · body · CRC-32C of everything before it (4)
 *   body: clock, next lease id, counters, machines, faulted boards, span slots (with channel
 *         leases and calls), hunt groups, reservations — field encodings as in {@link InputCodec}
 * </pre>
 *
 * <p>Thread-safety: stateless; safe from any thread, but the state being encoded must not change
 * meanwhile (encode on the writer thread).
 */
public final class SnapshotCodec {
    /** First four bytes of every snapshot: "PMSN". */
    public static final int MAGIC = 0x504D534E;
    /** Format version. */
    public static final int VERSION = 1;

    private static final int MAX_ITEMS = 1 << 24;

    private SnapshotCodec() {}

    /**
     * @param state the state; not modified
     * @return its snapshot bytes
     */
    public static byte[] encode(PortManagerState state) {
        int size = 4096 + state.spans.size() * 512 + state.leaseCount() * 128;
        while (true) {
            ByteBuffer b = ByteBuffer.allocate(size);
            try {
                write(state, b);
                byte[] out = new byte[b.position()];
                b.flip().get(out);
                return out;
            } catch (BufferOverflowException e) {
                size *= 2;
            }
        }
    }

    /**
     * @return the event core's adapter: writes with {@link #encode}, reads with {@link #decode(ByteBuffer)}
     */
    public static Snapshotter<PortManagerState> snapshotter() {
        return new Snapshotter<>() {
            @Override
            public byte[] write(PortManagerState state) {
                return encode(state);
            }

            @Override
            public PortManagerState read(ByteBuffer in) {
                return decode(in);
            }
        };
    }

    /**
     * @param in a snapshot, from position to limit; the position is not moved
     * @return a new state equal to the one encoded
     * @throws CorruptEntryException when the bytes are not a valid snapshot
     */
    public static PortManagerState decode(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.duplicate().get(bytes);
        return decode(bytes);
    }

    /**
     * @param bytes a snapshot
     * @return a new state equal to the one encoded
     * @throws CorruptEntryException when the bytes are not a valid snapshot
     */
    public static PortManagerState decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            if (bytes.length < 9) {
                throw new CorruptEntryException(0, "snapshot", "truncated: " + bytes.length + " bytes", null);
            }
            if (b.getInt() != MAGIC) {
                throw new CorruptEntryException(0, "snapshot", "magic is not \"PMSN\"; not a snapshot", null);
            }
            int version = b.get() & 0xFF;
            if (version != VERSION) {
                throw new CorruptEntryException(
                        0, "snapshot", "format version " + version + " is unknown; this build reads " + VERSION, null);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
            if ((int) crc.getValue() != stored) {
                throw new CorruptEntryException(0, "snapshot", "checksum mismatch", null);
            }
            b.limit(bytes.length - 4);
            PortManagerState s = read(b);
            if (b.hasRemaining()) {
                throw new CorruptEntryException(0, "snapshot", b.remaining() + " unread bytes after the body", null);
            }
            return s;
        } catch (CorruptEntryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptEntryException(0, "snapshot", "bad field at offset " + b.position() + ": " + e, e);
        }
    }

    private static void write(PortManagerState st, ByteBuffer b) {
        b.putInt(MAGIC);
        b.put((byte) VERSION);
        b.putLong(st.clockNanos);
        Wire.putBool(b, st.clockStarted);
        b.putLong(st.nextLeaseId);
        b.putInt(st.counters.length);
        for (long c : st.counters) {
            b.putLong(c);
        }
        b.putInt(st.rejected.length);
        for (long c : st.rejected) {
            b.putLong(c);
        }
        b.putLong(st.carriedSeconds);
        b.putLong(st.carriedNanos);

        b.putInt(st.machines.size());
        for (MachineSlot m : st.machines) {
            Wire.putString(b, m.name);
            Wire.putEnum(b, Wire.ROLE, m.role);
            b.putLong(m.heartbeatTimeoutNanos);
            b.put((byte) m.state);
            b.putLong(m.lastHeartbeatNanos);
        }
        b.putInt(st.faultedBoards.size());
        for (BoardId board : st.faultedBoards) {
            Wire.putBoard(b, board);
        }
        b.putInt(st.spans.size());
        for (SpanSlot s : st.spans) {
            writeSpan(s, b);
        }
        b.putInt(st.groups.size());
        for (HuntGroup g : st.groups) {
            Wire.putString(b, g.name);
            Wire.putEnum(b, Wire.STRATEGY, g.strategy);
            Wire.putEnum(b, Wire.KIND, PortKind.values()[g.kind]);
            b.putInt(g.members.size());
            for (GroupMember m : g.members) {
                Wire.putLocation(b, m.span());
                b.putInt(m.timeslots().bits());
            }
            b.putInt(g.rrSeg);
            b.put((byte) g.rrDs0);
        }
        b.putInt(st.reservations.size());
        for (Map.Entry<String, int[]> e : st.reservations.entrySet()) {
            Wire.putString(b, e.getKey());
            for (int k = 0; k < PortManagerState.KINDS; k++) {
                b.putInt(e.getValue()[k]);
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), b.arrayOffset(), b.position());
        b.putInt((int) crc.getValue());
    }

    private static void writeSpan(SpanSlot s, ByteBuffer b) {
        Wire.putLocation(b, s.location);
        Wire.putBool(b, s.present);
        if (s.present) {
            Wire.putString(b, s.circuit.value());
            Wire.putEnum(b, Wire.SIGNALLING, s.signalling);
            b.putInt(s.bearer);
            b.putInt(s.fax);
            b.putInt(s.voice);
            b.put(InputCodec.directionMask(s.directionSet()));
            int alarms = 0;
            for (Alarm a : s.status.alarms()) {
                alarms |= 1 << Wire.ALARM.code(a);
            }
            b.put((byte) alarms);
            Wire.putEnum(b, Wire.DCHANNEL, s.status.dChannel());
            Wire.putBool(b, s.status.inService());
            b.putInt(s.outOfService);
        }
        Wire.putBool(b, s.locked);
        b.putInt(s.lockedChannels);
        b.putInt(s.leased);
        b.putInt(s.inCall);
        for (int bits = s.leased | s.inCall; bits != 0; bits &= bits - 1) {
            int bit = Integer.numberOfTrailingZeros(bits);
            b.putLong(s.callId[bit]);
            if ((s.leased & (1 << bit)) != 0) {
                b.putLong(s.leaseId[bit]);
                b.putLong(s.requestId[bit]);
                b.putLong(s.expiresAt[bit]);
                Wire.putEnum(b, Wire.KIND, PortKind.values()[s.leaseKind[bit]]);
                Wire.putEnum(b, Wire.DIRECTION, Direction.values()[s.leaseDirection[bit]]);
                Wire.putString(b, s.leaseClass[bit]);
            }
        }
    }

    private static PortManagerState read(ByteBuffer b) {
        PortManagerState st = new PortManagerState();
        st.clockNanos = b.getLong();
        st.clockStarted = Wire.getBool(b, "clockStarted");
        st.nextLeaseId = b.getLong();
        if (st.nextLeaseId < 1) {
            throw new IllegalArgumentException("nextLeaseId " + st.nextLeaseId + " is not positive");
        }
        int nc = Wire.getCount(b, st.counters.length, "counters");
        for (int i = 0; i < nc; i++) {
            st.counters[i] = b.getLong();
        }
        int nr = Wire.getCount(b, st.rejected.length, "rejected");
        for (int i = 0; i < nr; i++) {
            st.rejected[i] = b.getLong();
        }
        st.carriedSeconds = b.getLong();
        st.carriedNanos = b.getLong();

        int machines = Wire.getCount(b, MAX_ITEMS, "machines");
        for (int i = 0; i < machines; i++) {
            String name = Check.name("snapshot", "machine", Wire.getString(b, "machine"));
            MachineRole role = Wire.getEnum(b, Wire.ROLE, "role");
            long timeout = b.getLong();
            int state = b.get();
            if (state < MachineSlot.UP || state > MachineSlot.DOWN_NO_HEARTBEAT) {
                throw new IllegalArgumentException("machine " + name + ": state " + state + " is unknown");
            }
            if (st.machineByName.containsKey(name)) {
                throw new IllegalArgumentException("machine " + name + " appears twice");
            }
            MachineSlot m = st.addMachine(name, role, timeout, b.getLong());
            m.state = state;
        }
        int boards = Wire.getCount(b, MAX_ITEMS, "faultedBoards");
        for (int i = 0; i < boards; i++) {
            st.faultedBoards.add(Wire.getBoard(b, "faultedBoards[" + i + "]"));
        }
        int spans = Wire.getCount(b, MAX_ITEMS, "spans");
        for (int i = 0; i < spans; i++) {
            readSpan(st, b);
        }
        int groups = Wire.getCount(b, MAX_ITEMS, "groups");
        for (int i = 0; i < groups; i++) {
            String name = Check.name("snapshot", "group", Wire.getString(b, "group"));
            HuntStrategy strategy = Wire.getEnum(b, Wire.STRATEGY, "strategy");
            PortKind kind = Wire.getEnum(b, Wire.KIND, "kind");
            int n = Wire.getCount(b, MAX_ITEMS, "members");
            List<GroupMember> members = new ArrayList<>(Math.min(n, b.remaining()));
            for (int k = 0; k < n; k++) {
                SpanLocation loc = Wire.getLocation(b, "members[" + k + "]");
                if (!st.spanByLocation.containsKey(loc)) {
                    throw new IllegalArgumentException("group " + name + ": member " + loc + " has no span slot");
                }
                members.add(new GroupMember(loc, Wire.getTimeslots(b)));
            }
            if (st.groupByName.containsKey(name)) {
                throw new IllegalArgumentException("group " + name + " appears twice");
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("group " + name + " has no members");
            }
            HuntGroup g = st.defineGroup(name, strategy, kind, members);
            int rrSeg = b.getInt();
            int rrDs0 = b.get();
            if (rrSeg < -1 || rrSeg >= g.segCount || (rrSeg >= 0 && (rrDs0 < 1 || rrDs0 > SpanSlot.CH))) {
                throw new IllegalArgumentException("group " + name + ": hunt position " + rrSeg + "/" + rrDs0
                        + " is outside its " + g.segCount + " members");
            }
            g.rrSeg = rrSeg;
            g.rrDs0 = rrSeg < 0 ? 0 : rrDs0;
        }
        int reservations = Wire.getCount(b, MAX_ITEMS, "reservations");
        for (int i = 0; i < reservations; i++) {
            String cls = Check.name("snapshot", "priorityClass", Wire.getString(b, "priorityClass"));
            for (int k = 0; k < PortManagerState.KINDS; k++) {
                int v = b.getInt();
                Check.notNegative("snapshot", "reservation", v);
                st.defineReservation(cls, k, v);
            }
        }
        return st;
    }

    private static void readSpan(PortManagerState st, ByteBuffer b) {
        SpanLocation loc = Wire.getLocation(b, "span");
        MachineSlot m = st.machineByName.get(loc.machine());
        if (m == null) {
            throw new IllegalArgumentException("span " + loc + ": machine is not in the snapshot");
        }
        if (st.spanByLocation.containsKey(loc)) {
            throw new IllegalArgumentException("span " + loc + " appears twice");
        }
        SpanSlot s = st.slotFor(m, loc);
        if (Wire.getBool(b, "present")) {
            CircuitId circuit = new CircuitId(Wire.getString(b, "circuit"));
            Signalling signalling = Wire.getEnum(b, Wire.SIGNALLING, "signalling");
            TimeslotSet bearer = Wire.getTimeslots(b);
            TimeslotSet fax = Wire.getTimeslots(b);
            TimeslotSet voice = Wire.getTimeslots(b);
            var dirs = InputCodec.directions(b.get(), "directions");
            // The record's constructor checks the provisioning exactly as the live input was checked.
            var checked = new Input.SpanAdded(0, loc, circuit, signalling, bearer, fax, voice, dirs);
            s.provision(circuit, signalling, bearer.bits(), fax.bits(), voice.bits(), checked.directions());
            int alarmMask = b.get();
            if ((alarmMask & ~7) != 0) {
                throw new IllegalArgumentException("span " + loc + ": alarm mask " + alarmMask + " is invalid");
            }
            EnumSet<Alarm> alarms = EnumSet.noneOf(Alarm.class);
            for (int code = 0; code < 3; code++) {
                if ((alarmMask & (1 << code)) != 0) {
                    alarms.add(Wire.ALARM.decode(code, "alarms"));
                }
            }
            DChannelState d = Wire.getEnum(b, Wire.DCHANNEL, "dChannel");
            s.status = new SpanStatus(Wire.getBool(b, "inService"), alarms, d);
            s.outOfService = b.getInt() & TimeslotSet.ALL_BITS;
            s.boardFaulted = st.faultedBoards.contains(new BoardId(loc.machine(), loc.board()));
        }
        s.locked = Wire.getBool(b, "locked");
        s.lockedChannels = new TimeslotSet(b.getInt()).bits();
        int leased = b.getInt();
        int inCall = b.getInt();
        if (((leased | inCall) & ~s.bearer) != 0) {
            throw new IllegalArgumentException("span " + loc + ": leases or calls on non-bearer timeslots");
        }
        for (int bits = leased | inCall; bits != 0; bits &= bits - 1) {
            int bit = Integer.numberOfTrailingZeros(bits);
            long callId = b.getLong();
            if (((inCall >>> bit) & 1) != (callId > 0 ? 1 : 0) || callId < 0) {
                throw new IllegalArgumentException(
                        "span " + loc + " DS0 " + (bit + 1) + ": call id " + callId + " does not match the call mask");
            }
            if (callId > 0) {
                s.inCall |= 1 << bit;
                s.callId[bit] = callId;
            }
            if ((leased & (1 << bit)) != 0) {
                long leaseId = b.getLong();
                if (leaseId <= 0 || leaseId >= st.nextLeaseId || st.leaseIndex.get(leaseId) >= 0) {
                    throw new IllegalArgumentException("span " + loc + " DS0 " + (bit + 1) + ": lease id " + leaseId
                            + " is invalid or duplicated");
                }
                s.leased |= 1 << bit;
                s.leaseId[bit] = leaseId;
                s.requestId[bit] = b.getLong();
                s.expiresAt[bit] = b.getLong();
                s.leaseKind[bit] =
                        (byte) Wire.getEnum(b, Wire.KIND, "leaseKind").ordinal();
                s.leaseDirection[bit] =
                        (byte) Wire.getEnum(b, Wire.DIRECTION, "leaseDirection").ordinal();
                s.leaseClass[bit] = Check.name("snapshot", "leaseClass", Wire.getString(b, "leaseClass"));
                int gi = s.index * SpanSlot.CH + bit;
                st.leaseIndex.put(leaseId, gi);
                if (callId == 0) {
                    st.expiries.add(gi, s.expiresAt[bit], leaseId);
                }
            }
        }
        st.refresh(s);
    }
}
