package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;
import java.util.BitSet;

/** Test snapshotter for {@link Ledger}. Thread-safety: stateless. */
final class LedgerSnapshotter implements Snapshotter<Ledger> {
    @Override
    public byte[] write(Ledger state) {
        long[] ids = state.ids.toLongArray();
        ByteBuffer out = ByteBuffer.allocate(1 + 8 * 4 + 1 + 4 + 8 * ids.length);
        out.put((byte) 1)
                .putLong(state.count)
                .putLong(state.sum)
                .putLong(state.hash)
                .putLong(state.lastAtNanos);
        out.put((byte) (state.timeWentBackwards ? 1 : 0)).putInt(ids.length);
        for (long word : ids) {
            out.putLong(word);
        }
        return out.array();
    }

    @Override
    public Ledger read(ByteBuffer in) {
        if (in.get() != 1) {
            throw new IllegalArgumentException("LedgerSnapshotter: unknown version");
        }
        Ledger ledger = new Ledger();
        ledger.count = in.getLong();
        ledger.sum = in.getLong();
        ledger.hash = in.getLong();
        ledger.lastAtNanos = in.getLong();
        ledger.timeWentBackwards = in.get() == 1;
        long[] ids = new long[in.getInt()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.getLong();
        }
        ledger.ids.or(BitSet.valueOf(ids));
        return ledger;
    }
}
