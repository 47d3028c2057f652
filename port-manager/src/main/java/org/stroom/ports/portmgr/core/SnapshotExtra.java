package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;

/**
 * State kept outside the state machine that belongs to a journal position, stored in the same snapshot as the
 * state so that recovery finds both as of the same journal index. Example: a Server's per-Node resume points,
 * which live in the journal entries but not in the port-manager state.
 *
 * <p>With an extra, the snapshot payload is an envelope, little-endian: {@code [u32 magic "STSX"][u8 version 1]
 * [u32 state length][state][u32 extra length][extra]}. A snapshot written without an extra holds the state's
 * bytes only; recovery reads it as before and gives the extra an empty buffer.
 *
 * <p>Thread-safety: {@link #write} is called on the core's writer thread, between two inputs; {@link #read} on
 * the recovering thread before the core starts. The owner makes whatever the two share safe for that.
 */
public interface SnapshotExtra {
    /**
     * Encodes the extra state as of a journal index; the snapshot's state is the state after the same entry.
     *
     * @param journalIndex index of the last journal entry applied to the state being snapshotted, or
     *     {@code Journal.NO_INDEX} (-1) if none; entries after it may already be journaled (the journal stage
     *     runs ahead of the writer) and must not show in the bytes
     * @return the encoded extra, with its own version; the caller owns the array; never null (may be empty)
     */
    byte[] write(long journalIndex);

    /**
     * Restores the extra state from the snapshot recovery starts from, before the journal entries after it are
     * replayed. Called at most once per snapshot tried; when it throws, recovery rejects that snapshot and tries
     * an older one (or the whole journal), so it must either restore everything or change nothing.
     *
     * @param in the bytes {@link #write} returned, from position to limit; empty when the snapshot was written
     *     without an extra (by an older build or a core without one)
     * @param journalIndex the journal index the snapshot covers
     * @throws RuntimeException (any unchecked exception) naming what is wrong if the bytes cannot be used
     */
    void read(ByteBuffer in, long journalIndex);
}
