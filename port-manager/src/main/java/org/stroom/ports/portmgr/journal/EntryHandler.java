package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;

/**
 * Receives journal entries during {@link Journal#replay}.
 *
 * <p>Thread-safety: called on the thread that runs the replay, one entry at a time.
 */
@FunctionalInterface
public interface EntryHandler {
    /**
     * @param index the entry's journal index
     * @param payload the entry's payload from its position to its limit; valid only during this call
     * @throws UndecodableEntryException if the payload is not a valid encoding; replay reports it and stops
     */
    void onEntry(long index, ByteBuffer payload);
}
