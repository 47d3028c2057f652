package org.stroom.ports.portmgr.alloc;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

/**
 * Field encodings shared by {@link InputCodec} and {@link SnapshotCodec}: big-endian integers, booleans
 * as one byte 0 or 1, strings as an unsigned 16-bit UTF-8 byte count and the bytes, enums through
 * {@link EnumCodes}, nullable values behind a presence byte. Readers throw {@link IllegalArgumentException}
 * or {@link BufferUnderflowException}; the codecs turn both into {@link CorruptEntryException}.
 */
final class Wire {
    static final int MAX_STRING_BYTES = 0xFFFF;

    static final EnumCodes<PortKind> KIND = new EnumCodes<>(PortKind.values(), "FAX", "VOICE");
    static final EnumCodes<Direction> DIRECTION = new EnumCodes<>(Direction.values(), "IN", "OUT");
    static final EnumCodes<MachineRole> ROLE = new EnumCodes<>(MachineRole.values(), "SERVER", "NODE");
    static final EnumCodes<HuntStrategy> STRATEGY = new EnumCodes<>(
            HuntStrategy.values(),
            "TOP_DOWN",
            "BOTTOM_UP",
            "ROUND_ROBIN_UP",
            "ROUND_ROBIN_DOWN",
            "LEAST_BUSY_SPAN",
            "BALANCE_MACHINES");
    static final EnumCodes<Alarm> ALARM = new EnumCodes<>(Alarm.values(), "RED", "BLUE", "YELLOW");
    static final EnumCodes<org.stroom.ports.t1.Signalling> SIGNALLING = new EnumCodes<>(
            org.stroom.ports.t1.Signalling.values(),
            "ISDN_PRI",
            "EM_WINK_START",
            "EM_IMMEDIATE",
            "LOOP_START",
            "GROUND_START");
    static final EnumCodes<org.stroom.ports.t1.DChannelState> DCHANNEL =
            new EnumCodes<>(org.stroom.ports.t1.DChannelState.values(), "UP", "DOWN", "NOT_APPLICABLE");
    static final EnumCodes<ChannelState> CHANNEL_STATE = new EnumCodes<>(
            ChannelState.values(),
            "IDLE",
            "OFFERED",
            "ALERTING",
            "DIALLING",
            "CONNECTED",
            "DISCONNECTING",
            "OUT_OF_SERVICE",
            "BLOCKED");

    private Wire() {}

    static void putBool(ByteBuffer b, boolean v) {
        b.put((byte) (v ? 1 : 0));
    }

    static boolean getBool(ByteBuffer b, String field) {
        byte v = b.get();
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(field + ": boolean byte is " + v + ", expected 0 or 1");
        }
        return v == 1;
    }

    static <E extends Enum<E>> void putEnum(ByteBuffer b, EnumCodes<E> codes, E value) {
        b.put((byte) codes.code(value));
    }

    static <E extends Enum<E>> E getEnum(ByteBuffer b, EnumCodes<E> codes, String field) {
        return codes.decode(b.get() & 0xFF, field);
    }

    static int getCount(ByteBuffer b, int max, String field) {
        int n = b.getInt();
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(field + ": count " + n + " is outside 0.." + max);
        }
        return n;
    }

    /**
     * @return the UTF-8 bytes of {@code s}
     * @throws IllegalArgumentException like {@link #putString}
     */
    static byte[] utf8(String s) {
        ByteBuffer b = ByteBuffer.allocate(2 + 3 * s.length());
        putString(b, s);
        return Arrays.copyOfRange(b.array(), 2, b.position());
    }

    static void putString(ByteBuffer b, String s) {
        int len = utf8Length(s);
        if (len > MAX_STRING_BYTES) {
            throw new IllegalArgumentException(
                    "string of " + len + " UTF-8 bytes exceeds the " + MAX_STRING_BYTES + "-byte field limit");
        }
        b.putShort((short) len);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put((byte) c);
            } else if (c < 0x800) {
                b.put((byte) (0xC0 | (c >> 6)));
                b.put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.put((byte) (0xF0 | (cp >> 18)));
                b.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                b.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                b.put((byte) (0x80 | (cp & 0x3F)));
            } else {
                b.put((byte) (0xE0 | (c >> 12)));
                b.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                b.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(
                        "string contains an unpaired UTF-16 surrogate at index " + i + "; it cannot be stored exactly");
            } else {
                n += 3;
            }
        }
        return n;
    }

    static String getString(ByteBuffer b, String field) {
        int len = b.getShort() & 0xFFFF;
        if (len > b.remaining()) {
            throw new IllegalArgumentException(
                    field + ": string of " + len + " bytes but only " + b.remaining() + " remain");
        }
        byte[] bytes = new byte[len];
        b.get(bytes);
        boolean ascii = true;
        for (byte x : bytes) {
            ascii &= x >= 0;
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + ": string bytes are not valid UTF-8", e);
        }
    }

    static void putNullableString(ByteBuffer b, String s) {
        putBool(b, s != null);
        if (s != null) {
            putString(b, s);
        }
    }

    static String getNullableString(ByteBuffer b, String field) {
        return getBool(b, field) ? getString(b, field) : null;
    }

    static void putLocation(ByteBuffer b, SpanLocation loc) {
        putString(b, loc.machine());
        b.putInt(loc.board());
        b.put((byte) loc.port());
    }

    static SpanLocation getLocation(ByteBuffer b, String field) {
        String machine = getString(b, field + ".machine");
        int board = b.getInt();
        int port = b.get();
        return new SpanLocation(machine, board, port);
    }

    static void putChannel(ByteBuffer b, ChannelId ch) {
        putLocation(b, ch.span());
        b.put((byte) ch.ds0());
    }

    static ChannelId getChannel(ByteBuffer b, String field) {
        SpanLocation loc = getLocation(b, field);
        return new ChannelId(loc, b.get());
    }

    static void putBoard(ByteBuffer b, BoardId board) {
        putString(b, board.machine());
        b.putInt(board.board());
    }

    static BoardId getBoard(ByteBuffer b, String field) {
        return new BoardId(getString(b, field + ".machine"), b.getInt());
    }

    static TimeslotSet getTimeslots(ByteBuffer b) {
        return new TimeslotSet(b.getInt());
    }
}
