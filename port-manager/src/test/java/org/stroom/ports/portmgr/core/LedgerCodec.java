package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Test codec: {@code [u8 version 1][i64 id][i64 amount][i64 atNanos]}. Thread-safety: stateless. */
final class LedgerCodec implements Codec<LedgerInput> {
    static final int BYTES = 25;

    @Override
    public int encode(LedgerInput in, long atNanos, ByteBuffer out) {
        out.order(ByteOrder.BIG_ENDIAN)
                .put((byte) 1)
                .putLong(in.id())
                .putLong(in.amount())
                .putLong(atNanos);
        return BYTES;
    }

    @Override
    public long atNanos(LedgerInput decoded) {
        return decoded.atNanos();
    }

    @Override
    public LedgerInput decode(ByteBuffer in) {
        in.order(ByteOrder.BIG_ENDIAN);
        byte version = in.get();
        if (version != 1) {
            throw new IllegalArgumentException("LedgerCodec: version " + version + ", expected 1");
        }
        if (in.remaining() != BYTES - 1) {
            throw new IllegalArgumentException("LedgerCodec: " + in.remaining() + " bytes after the version");
        }
        return new LedgerInput(in.getLong(), in.getLong(), in.getLong());
    }
}
