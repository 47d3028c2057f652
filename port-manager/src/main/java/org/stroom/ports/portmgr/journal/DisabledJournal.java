package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;

/** Journal off: counts appends and keeps nothing. Thread-safety: single appending thread. */
final class DisabledJournal implements Journal {
    private long next;

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public long append(ByteBuffer payload) {
        return next++;
    }

    @Override
    public RecoveryReport replay(long afterIndex, EntryHandler handler) {
        return RecoveryReport.clean(0, afterIndex);
    }

    @Override
    public void sealDamage(RecoveryReport report) {}

    @Override
    public long lastIndex() {
        return next - 1;
    }

    @Override
    public void close() {}
}
