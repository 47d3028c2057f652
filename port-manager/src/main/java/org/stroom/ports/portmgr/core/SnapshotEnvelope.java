package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The snapshot payload of a core with a {@link SnapshotExtra}: {@code [u32 magic "STSX"][u8 version 1]
 * [u32 state length][state][u32 extra length][extra]}, little-endian. A payload that is not such an envelope
 * (magic, version and both lengths must agree with its size) is a state written without an extra.
 *
 * <p>Thread-safety: stateless.
 */
final class SnapshotEnvelope {
    /** "STSX" read as little-endian bytes. */
    static final int MAGIC = 0x58535453;

    static final byte VERSION = 1;
    private static final int HEADER_BYTES = 4 + 1 + 4;

    private SnapshotEnvelope() {}

    /**
     * The two parts of a payload.
     *
     * @param state the state's bytes (a view of the payload)
     * @param extra the extra's bytes (a view), empty for a payload written without an extra
     *     <p>Thread-safety: views of one buffer; use from one thread.
     */
    record Parts(ByteBuffer state, ByteBuffer extra) {}

    static byte[] wrap(byte[] state, byte[] extra) {
        return ByteBuffer.allocate(HEADER_BYTES + state.length + 4 + extra.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC)
                .put(VERSION)
                .putInt(state.length)
                .put(state)
                .putInt(extra.length)
                .put(extra)
                .array();
    }

    static Parts unwrap(ByteBuffer payload) {
        ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        int size = in.remaining();
        if (size >= HEADER_BYTES + 4 && in.getInt(start) == MAGIC && in.get(start + 4) == VERSION) {
            long stateLength = in.getInt(start + 5) & 0xffffffffL;
            long extraAt = start + HEADER_BYTES + stateLength;
            if (extraAt + 4 <= start + size) {
                long extraLength = in.getInt((int) extraAt) & 0xffffffffL;
                if (extraAt + 4 + extraLength == start + size) {
                    ByteBuffer state = payload.duplicate();
                    state.position(start + HEADER_BYTES).limit((int) extraAt);
                    ByteBuffer extra = payload.duplicate();
                    extra.position((int) extraAt + 4).limit(start + size);
                    return new Parts(state.slice(), extra.slice());
                }
            }
        }
        return new Parts(payload.duplicate(), ByteBuffer.allocate(0));
    }
}
