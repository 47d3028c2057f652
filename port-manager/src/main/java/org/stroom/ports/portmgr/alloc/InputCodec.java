package org.stroom.ports.portmgr.alloc;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.core.Codec;

/**
 * Explicit, versioned binary encoding of {@link Input}s for the journal. No reflection, no Java
 * serialization: every field is written by hand, so the format is documented here and stable.
 *
 * <p>One record:
 *
 * <pre>
 *   offset  size  field
 *   0       1     format version (1)
 *   1       1     type tag (see the TAG_ constants; never reused)
 *   2       4     body length n, big-endian
 *   6       n     body: the record's components in declaration order
 *   6+n     4     CRC-32C of bytes 0 .. 6+n-1
 * </pre>
 *
 * Body fields: {@code long}/{@code int} big-endian; {@code boolean} one byte 0/1; enums one byte from a
 * fixed code table (by constant name, append-only); strings a 16-bit UTF-8 byte count and the bytes;
 * {@code SpanLocation} machine string, board int, port byte; {@code ChannelId} location and DS0 byte;
 * {@link TimeslotSet} its int mask; sets of {@link Direction} a byte mask; lists an int count and the
 * elements; nullable fields a presence byte first.
 *
 * <p>Decoding checks version, tag, length, checksum, every field's range (through the records'
 * validating constructors) and that the body is consumed exactly; any failure throws
 * {@link CorruptEntryException} naming the offset and the type, never another exception, and leaves the
 * buffer's position where the record started.
 *
 * <p>The body's first field is the time the input is applied at: the event core's stamp, given to
 * {@link #encode(Input, long, ByteBuffer)} beside the input; a decoded input carries it in
 * {@link Input#atNanos()}.
 *
 * <p>Thread-safety: not thread-safe (holds a checksum scratch object); use one instance per thread.
 */
public final class InputCodec implements Codec<Input> {
    /** Format version written in every record. */
    public static final int VERSION = 1;
    /** Bytes before the body: version, tag, length. */
    public static final int HEADER_BYTES = 6;
    /** Bytes after the body: the checksum. */
    public static final int TRAILER_BYTES = 4;
    /** Largest accepted body; larger lengths are corruption (an audit of 4 spans × 24 channels is ~3 KiB). */
    public static final int MAX_BODY_BYTES = 1 << 20;

    static final int TAG_MACHINE_ADDED = 1;
    static final int TAG_SPAN_ADDED = 2;
    static final int TAG_SPAN_REMOVED = 3;
    static final int TAG_SPAN_MOVED = 4;
    static final int TAG_HUNT_GROUP_DEFINED = 5;
    static final int TAG_RESERVATION_DEFINED = 6;
    static final int TAG_ALLOCATE = 10;
    static final int TAG_RELEASE = 11;
    static final int TAG_RENEW = 12;
    static final int TAG_CALL_ACTIVE = 20;
    static final int TAG_CALL_ENDED = 21;
    static final int TAG_SPAN_ALARM_CHANGED = 22;
    static final int TAG_DCHANNEL_CHANGED = 23;
    static final int TAG_CHANNEL_SERVICE_CHANGED = 24;
    static final int TAG_BOARD_FAULT_CHANGED = 25;
    static final int TAG_MACHINE_HEARTBEAT = 30;
    static final int TAG_MACHINE_DOWN = 31;
    static final int TAG_MACHINE_UP = 32;
    static final int TAG_LOCK = 33;
    static final int TAG_UNLOCK = 34;
    static final int TAG_TICK = 40;
    static final int TAG_AUDIT_REPORT = 41;

    private static final int MAX_LIST = 1 << 16;

    private final CRC32C crc = new CRC32C();
    private final NameCache names = new NameCache();

    /** Creates a codec. */
    public InputCodec() {}

    /**
     * Writes one record at {@code out}'s position and advances it.
     *
     * @param in the input; not null
     * @param out the buffer (any byte order: the format is big-endian); needs room for the whole record
     * @return bytes written
     * @throws BufferOverflowException when {@code out} has too little room; its position is then unchanged
     * @throws IllegalArgumentException when a string cannot be stored exactly (unpaired surrogate, over
     *     65,535 UTF-8 bytes); the position is then unchanged
     */
    public int encode(Input in, ByteBuffer out) {
        return encode(in, in.atNanos(), out);
    }

    /** @return the time a decoded input carries, {@link Input#atNanos()} */
    @Override
    public long atNanos(Input decoded) {
        return decoded.atNanos();
    }

    /**
     * Writes one record, with {@code atNanos} as its time instead of the input's own.
     *
     * @param in the input; not null
     * @param atNanos the time to write
     * @param out the buffer (any byte order: the format is big-endian); needs room for the whole record
     * @return bytes written
     * @throws BufferOverflowException when {@code out} has too little room; its position is then unchanged
     * @throws IllegalArgumentException when a string cannot be stored exactly (unpaired surrogate, over
     *     65,535 UTF-8 bytes); the position is then unchanged
     */
    @Override
    public int encode(Input in, long atNanos, ByteBuffer out) {
        Objects.requireNonNull(in, "InputCodec.encode: input");
        int start = out.position();
        // The format is big-endian whatever the caller's buffer order; a duplicate is big-endian.
        ByteBuffer b = out.order() == ByteOrder.BIG_ENDIAN ? out : out.duplicate();
        try {
            b.put((byte) VERSION);
            b.put((byte) tagOf(in));
            b.putInt(0);
            writeBody(in, atNanos, b);
            int len = b.position() - start - HEADER_BYTES;
            b.putInt(start + 2, len);
            b.putInt(checksum(b, start, HEADER_BYTES + len));
        } catch (RuntimeException e) {
            out.position(start);
            throw e;
        }
        int end = b.position();
        out.position(end);
        return end - start;
    }

    /**
     * Encodes into a new array.
     *
     * @param in the input
     * @return the record's bytes
     */
    public byte[] encode(Input in) {
        int size = 256;
        while (true) {
            ByteBuffer b = ByteBuffer.allocate(size);
            try {
                int n = encode(in, b);
                byte[] out = new byte[n];
                b.flip().get(out);
                return out;
            } catch (BufferOverflowException e) {
                if (size > HEADER_BYTES + MAX_BODY_BYTES + TRAILER_BYTES) {
                    throw new IllegalArgumentException(
                            "InputCodec.encode: " + in.getClass().getSimpleName() + " needs more than " + MAX_BODY_BYTES
                                    + " body bytes; split it");
                }
                size *= 4;
            }
        }
    }

    /**
     * Reads one record at {@code in}'s position and advances past it.
     *
     * @param buffer the buffer (any byte order: the format is big-endian)
     * @return the input
     * @throws CorruptEntryException when the bytes are not a valid record; the position is then unchanged
     */
    @Override
    public Input decode(ByteBuffer buffer) {
        int start = buffer.position();
        int limit = buffer.limit();
        // Big-endian reads on the caller's buffer when it is big-endian (the journal's is), else on a duplicate;
        // either way the caller's position and limit end as documented.
        ByteBuffer in = buffer.order() == ByteOrder.BIG_ENDIAN ? buffer : buffer.duplicate();
        String type = "?";
        int bodyStart = start + HEADER_BYTES;
        ByteBuffer body = null;
        try {
            if (in.remaining() < HEADER_BYTES + TRAILER_BYTES) {
                throw new CorruptEntryException(
                        start,
                        type,
                        "truncated: " + in.remaining() + " bytes left, a record needs at least "
                                + (HEADER_BYTES + TRAILER_BYTES),
                        null);
            }
            int version = in.get(start) & 0xFF;
            int tag = in.get(start + 1) & 0xFF;
            type = typeName(tag);
            if (version != VERSION) {
                throw new CorruptEntryException(
                        start, type, "format version " + version + " is unknown; this build reads " + VERSION, null);
            }
            int len = in.getInt(start + 2);
            if (len < 0 || len > MAX_BODY_BYTES) {
                throw new CorruptEntryException(
                        start, type, "body length " + len + " is outside 0.." + MAX_BODY_BYTES, null);
            }
            if (in.remaining() < HEADER_BYTES + len + TRAILER_BYTES) {
                throw new CorruptEntryException(
                        start,
                        type,
                        "truncated: the record needs " + (HEADER_BYTES + len + TRAILER_BYTES) + " bytes, "
                                + in.remaining() + " are left",
                        null);
            }
            int stored = in.getInt(bodyStart + len);
            int actual = checksum(in, start, HEADER_BYTES + len);
            if (stored != actual) {
                throw new CorruptEntryException(
                        start,
                        type,
                        "checksum mismatch (stored 0x" + Integer.toHexString(stored) + ", computed 0x"
                                + Integer.toHexString(actual) + ")",
                        null);
            }
            if (type.startsWith("tag ")) {
                throw new CorruptEntryException(start, type, "unknown type tag", null);
            }
            body = in.limit(bodyStart + len).position(bodyStart);
            Input result = readBody(tag, body);
            if (body.hasRemaining()) {
                throw new CorruptEntryException(
                        start, type, body.remaining() + " unread bytes after the last field", null);
            }
            in.limit(limit);
            buffer.position(bodyStart + len + TRAILER_BYTES);
            return result;
        } catch (CorruptEntryException e) {
            in.limit(limit);
            buffer.position(start);
            throw e;
        } catch (RuntimeException e) {
            String where = body == null ? "" : " (field at offset " + body.position() + ")";
            in.limit(limit);
            buffer.position(start);
            throw new CorruptEntryException(start, type, "bad field" + where + ": " + e, e);
        }
    }

    /**
     * @param tag a type tag
     * @return the input type's simple name, or {@code "tag 0x.."} when unknown
     */
    public static String typeName(int tag) {
        switch (tag) {
            case TAG_MACHINE_ADDED:
                return "MachineAdded";
            case TAG_SPAN_ADDED:
                return "SpanAdded";
            case TAG_SPAN_REMOVED:
                return "SpanRemoved";
            case TAG_SPAN_MOVED:
                return "SpanMoved";
            case TAG_HUNT_GROUP_DEFINED:
                return "HuntGroupDefined";
            case TAG_RESERVATION_DEFINED:
                return "ReservationDefined";
            case TAG_ALLOCATE:
                return "Allocate";
            case TAG_RELEASE:
                return "Release";
            case TAG_RENEW:
                return "Renew";
            case TAG_CALL_ACTIVE:
                return "CallActive";
            case TAG_CALL_ENDED:
                return "CallEnded";
            case TAG_SPAN_ALARM_CHANGED:
                return "SpanAlarmChanged";
            case TAG_DCHANNEL_CHANGED:
                return "DChannelChanged";
            case TAG_CHANNEL_SERVICE_CHANGED:
                return "ChannelServiceChanged";
            case TAG_BOARD_FAULT_CHANGED:
                return "BoardFaultChanged";
            case TAG_MACHINE_HEARTBEAT:
                return "MachineHeartbeat";
            case TAG_MACHINE_DOWN:
                return "MachineDown";
            case TAG_MACHINE_UP:
                return "MachineUp";
            case TAG_LOCK:
                return "Lock";
            case TAG_UNLOCK:
                return "Unlock";
            case TAG_TICK:
                return "Tick";
            case TAG_AUDIT_REPORT:
                return "AuditReport";
            default:
                return "tag 0x" + Integer.toHexString(tag);
        }
    }

    static int tagOf(Input in) {
        if (in instanceof Input.Allocate) {
            return TAG_ALLOCATE;
        }
        if (in instanceof Input.Release) {
            return TAG_RELEASE;
        }
        if (in instanceof Input.Renew) {
            return TAG_RENEW;
        }
        if (in instanceof Input.Tick) {
            return TAG_TICK;
        }
        if (in instanceof Input.CallActive) {
            return TAG_CALL_ACTIVE;
        }
        if (in instanceof Input.CallEnded) {
            return TAG_CALL_ENDED;
        }
        if (in instanceof Input.MachineHeartbeat) {
            return TAG_MACHINE_HEARTBEAT;
        }
        if (in instanceof Input.SpanAlarmChanged) {
            return TAG_SPAN_ALARM_CHANGED;
        }
        if (in instanceof Input.DChannelChanged) {
            return TAG_DCHANNEL_CHANGED;
        }
        if (in instanceof Input.ChannelServiceChanged) {
            return TAG_CHANNEL_SERVICE_CHANGED;
        }
        if (in instanceof Input.BoardFaultChanged) {
            return TAG_BOARD_FAULT_CHANGED;
        }
        if (in instanceof Input.MachineDown) {
            return TAG_MACHINE_DOWN;
        }
        if (in instanceof Input.MachineUp) {
            return TAG_MACHINE_UP;
        }
        if (in instanceof Input.Lock) {
            return TAG_LOCK;
        }
        if (in instanceof Input.Unlock) {
            return TAG_UNLOCK;
        }
        if (in instanceof Input.AuditReport) {
            return TAG_AUDIT_REPORT;
        }
        if (in instanceof Input.MachineAdded) {
            return TAG_MACHINE_ADDED;
        }
        if (in instanceof Input.SpanAdded) {
            return TAG_SPAN_ADDED;
        }
        if (in instanceof Input.SpanRemoved) {
            return TAG_SPAN_REMOVED;
        }
        if (in instanceof Input.SpanMoved) {
            return TAG_SPAN_MOVED;
        }
        if (in instanceof Input.HuntGroupDefined) {
            return TAG_HUNT_GROUP_DEFINED;
        }
        if (in instanceof Input.ReservationDefined) {
            return TAG_RESERVATION_DEFINED;
        }
        throw new IllegalArgumentException("InputCodec: input type "
                + in.getClass().getName() + " has no wire tag; add a TAG_ constant and its body encoding");
    }

    private int checksum(ByteBuffer b, int from, int length) {
        crc.reset();
        if (b.hasArray()) {
            crc.update(b.array(), b.arrayOffset() + from, length);
        } else {
            ByteBuffer range = b.duplicate();
            crc.update(range.limit(from + length).position(from));
        }
        return (int) crc.getValue();
    }

    // ---------------------------------------------------------------- bodies

    private void writeBody(Input in, long atNanos, ByteBuffer b) {
        b.putLong(atNanos);
        if (in instanceof Input.Allocate a) {
            b.putLong(a.requestId());
            Wire.putEnum(b, Wire.KIND, a.kind());
            Wire.putEnum(b, Wire.DIRECTION, a.direction());
            names.putNullable(b, a.group());
            Wire.putBool(b, a.affinity() != null);
            if (a.affinity() != null) {
                names.putNullable(b, a.affinity().machine());
                Wire.putBool(b, a.affinity().span() != null);
                if (a.affinity().span() != null) {
                    Wire.putLocation(b, a.affinity().span());
                }
                Wire.putBool(b, a.affinity().required());
            }
            names.put(b, a.priorityClass());
            b.putLong(a.leaseNanos());
        } else if (in instanceof Input.Release r) {
            b.putLong(r.requestId());
            b.putLong(r.leaseId());
        } else if (in instanceof Input.Renew r) {
            b.putLong(r.requestId());
            b.putLong(r.leaseId());
            b.putLong(r.leaseNanos());
        } else if (in instanceof Input.Tick) {
            // atNanos only
        } else if (in instanceof Input.CallActive c) {
            Wire.putChannel(b, c.channel());
            b.putLong(c.callId());
            Wire.putBool(b, c.offered());
        } else if (in instanceof Input.CallEnded c) {
            Wire.putChannel(b, c.channel());
            b.putLong(c.callId());
        } else if (in instanceof Input.MachineHeartbeat h) {
            names.put(b, h.machine());
        } else if (in instanceof Input.SpanAlarmChanged a) {
            Wire.putLocation(b, a.span());
            Wire.putEnum(b, Wire.ALARM, a.alarm());
            Wire.putBool(b, a.raised());
        } else if (in instanceof Input.DChannelChanged d) {
            Wire.putLocation(b, d.span());
            Wire.putBool(b, d.up());
        } else if (in instanceof Input.ChannelServiceChanged c) {
            Wire.putChannel(b, c.channel());
            Wire.putBool(b, c.inService());
        } else if (in instanceof Input.BoardFaultChanged f) {
            Wire.putBoard(b, f.board());
            Wire.putBool(b, f.faulted());
        } else if (in instanceof Input.MachineDown d) {
            Wire.putString(b, d.machine());
        } else if (in instanceof Input.MachineUp u) {
            Wire.putString(b, u.machine());
        } else if (in instanceof Input.Lock l) {
            Wire.putLocation(b, l.span());
            b.put((byte) l.ds0());
        } else if (in instanceof Input.Unlock u) {
            Wire.putLocation(b, u.span());
            b.put((byte) u.ds0());
        } else if (in instanceof Input.AuditReport a) {
            Wire.putString(b, a.machine());
            b.putInt(a.channels().size());
            for (AuditEntry e : a.channels()) {
                Wire.putChannel(b, e.channel());
                Wire.putEnum(b, Wire.CHANNEL_STATE, e.state());
                b.putLong(e.callId());
            }
        } else if (in instanceof Input.MachineAdded m) {
            Wire.putString(b, m.machine());
            Wire.putEnum(b, Wire.ROLE, m.role());
            b.putLong(m.heartbeatTimeoutNanos());
        } else if (in instanceof Input.SpanAdded s) {
            Wire.putLocation(b, s.span());
            Wire.putString(b, s.circuit().value());
            Wire.putEnum(b, Wire.SIGNALLING, s.signalling());
            b.putInt(s.bearers().bits());
            b.putInt(s.fax().bits());
            b.putInt(s.voice().bits());
            b.put(directionMask(s.directions()));
        } else if (in instanceof Input.SpanRemoved r) {
            Wire.putLocation(b, r.span());
        } else if (in instanceof Input.SpanMoved m) {
            Wire.putLocation(b, m.from());
            Wire.putLocation(b, m.to());
        } else if (in instanceof Input.HuntGroupDefined g) {
            Wire.putString(b, g.name());
            Wire.putEnum(b, Wire.STRATEGY, g.strategy());
            Wire.putEnum(b, Wire.KIND, g.kind());
            b.putInt(g.members().size());
            for (GroupMember m : g.members()) {
                Wire.putLocation(b, m.span());
                b.putInt(m.timeslots().bits());
            }
        } else if (in instanceof Input.ReservationDefined r) {
            Wire.putString(b, r.priorityClass());
            Wire.putEnum(b, Wire.KIND, r.kind());
            b.putInt(r.minFree());
        } else {
            throw new IllegalArgumentException(
                    "InputCodec: input type " + in.getClass().getName() + " has no body encoding");
        }
    }

    private Input readBody(int tag, ByteBuffer b) {
        long at = b.getLong();
        switch (tag) {
            case TAG_ALLOCATE: {
                long requestId = b.getLong();
                PortKind kind = Wire.getEnum(b, Wire.KIND, "kind");
                Direction direction = Wire.getEnum(b, Wire.DIRECTION, "direction");
                String group = names.getNullable(b, "group");
                Affinity affinity = null;
                if (Wire.getBool(b, "affinity")) {
                    String machine = names.getNullable(b, "affinity.machine");
                    var span = Wire.getBool(b, "affinity.span") ? Wire.getLocation(b, "affinity.span") : null;
                    affinity = new Affinity(machine, span, Wire.getBool(b, "affinity.required"));
                }
                String priorityClass = names.get(b, "priorityClass");
                return new Input.Allocate(at, requestId, kind, direction, group, affinity, priorityClass, b.getLong());
            }
            case TAG_RELEASE:
                return new Input.Release(at, b.getLong(), b.getLong());
            case TAG_RENEW:
                return new Input.Renew(at, b.getLong(), b.getLong(), b.getLong());
            case TAG_TICK:
                return new Input.Tick(at);
            case TAG_CALL_ACTIVE:
                return new Input.CallActive(at, Wire.getChannel(b, "channel"), b.getLong(), Wire.getBool(b, "offered"));
            case TAG_CALL_ENDED:
                return new Input.CallEnded(at, Wire.getChannel(b, "channel"), b.getLong());
            case TAG_MACHINE_HEARTBEAT:
                return new Input.MachineHeartbeat(at, names.get(b, "machine"));
            case TAG_SPAN_ALARM_CHANGED:
                return new Input.SpanAlarmChanged(
                        at,
                        Wire.getLocation(b, "span"),
                        Wire.getEnum(b, Wire.ALARM, "alarm"),
                        Wire.getBool(b, "raised"));
            case TAG_DCHANNEL_CHANGED:
                return new Input.DChannelChanged(at, Wire.getLocation(b, "span"), Wire.getBool(b, "up"));
            case TAG_CHANNEL_SERVICE_CHANGED:
                return new Input.ChannelServiceChanged(at, Wire.getChannel(b, "channel"), Wire.getBool(b, "inService"));
            case TAG_BOARD_FAULT_CHANGED:
                return new Input.BoardFaultChanged(at, Wire.getBoard(b, "board"), Wire.getBool(b, "faulted"));
            case TAG_MACHINE_DOWN:
                return new Input.MachineDown(at, Wire.getString(b, "machine"));
            case TAG_MACHINE_UP:
                return new Input.MachineUp(at, Wire.getString(b, "machine"));
            case TAG_LOCK:
                return new Input.Lock(at, Wire.getLocation(b, "span"), b.get());
            case TAG_UNLOCK:
                return new Input.Unlock(at, Wire.getLocation(b, "span"), b.get());
            case TAG_AUDIT_REPORT: {
                String machine = Wire.getString(b, "machine");
                int n = Wire.getCount(b, MAX_LIST, "channels");
                List<AuditEntry> entries = new ArrayList<>(Math.min(n, b.remaining()));
                for (int i = 0; i < n; i++) {
                    entries.add(new AuditEntry(
                            Wire.getChannel(b, "channels[" + i + "]"),
                            Wire.getEnum(b, Wire.CHANNEL_STATE, "channels[" + i + "].state"),
                            b.getLong()));
                }
                return new Input.AuditReport(at, machine, entries);
            }
            case TAG_MACHINE_ADDED:
                return new Input.MachineAdded(
                        at, Wire.getString(b, "machine"), Wire.getEnum(b, Wire.ROLE, "role"), b.getLong());
            case TAG_SPAN_ADDED: {
                var span = Wire.getLocation(b, "span");
                var circuit = new org.stroom.ports.t1.CircuitId(Wire.getString(b, "circuit"));
                var signalling = Wire.getEnum(b, Wire.SIGNALLING, "signalling");
                TimeslotSet bearers = Wire.getTimeslots(b);
                TimeslotSet fax = Wire.getTimeslots(b);
                TimeslotSet voice = Wire.getTimeslots(b);
                return new Input.SpanAdded(
                        at, span, circuit, signalling, bearers, fax, voice, directions(b.get(), "directions"));
            }
            case TAG_SPAN_REMOVED:
                return new Input.SpanRemoved(at, Wire.getLocation(b, "span"));
            case TAG_SPAN_MOVED:
                return new Input.SpanMoved(at, Wire.getLocation(b, "from"), Wire.getLocation(b, "to"));
            case TAG_HUNT_GROUP_DEFINED: {
                String name = Wire.getString(b, "name");
                HuntStrategy strategy = Wire.getEnum(b, Wire.STRATEGY, "strategy");
                PortKind kind = Wire.getEnum(b, Wire.KIND, "kind");
                int n = Wire.getCount(b, MAX_LIST, "members");
                List<GroupMember> members = new ArrayList<>(Math.min(n, b.remaining()));
                for (int i = 0; i < n; i++) {
                    members.add(new GroupMember(Wire.getLocation(b, "members[" + i + "]"), Wire.getTimeslots(b)));
                }
                return new Input.HuntGroupDefined(at, name, strategy, kind, members);
            }
            case TAG_RESERVATION_DEFINED:
                return new Input.ReservationDefined(
                        at, Wire.getString(b, "priorityClass"), Wire.getEnum(b, Wire.KIND, "kind"), b.getInt());
            default:
                throw new IllegalArgumentException("unknown type tag " + tag);
        }
    }

    static byte directionMask(Set<Direction> dirs) {
        int m = 0;
        for (Direction d : dirs) {
            m |= 1 << Wire.DIRECTION.code(d);
        }
        return (byte) m;
    }

    static Set<Direction> directions(int mask, String field) {
        if ((mask & ~3) != 0) {
            throw new IllegalArgumentException(field + ": direction mask " + mask + " has bits other than IN and OUT");
        }
        EnumSet<Direction> out = EnumSet.noneOf(Direction.class);
        for (int code = 0; code < 2; code++) {
            if ((mask & (1 << code)) != 0) {
                out.add(Wire.DIRECTION.decode(code, field));
            }
        }
        return out;
    }
}
