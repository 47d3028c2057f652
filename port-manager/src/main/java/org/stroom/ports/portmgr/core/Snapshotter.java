package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;

/**
 * Converts a state machine's whole state to bytes and back, for snapshots: recovery then replays only the
 * journal entries after the snapshot. Supplied by the owner of the state type {@code S}; like a
 * {@link Codec} the encoding is explicit and carries its own version.
 *
 * <p>Round trip: {@code read(write(s))} behaves exactly like {@code s} for every later input.
 *
 * <p>Thread-safety: {@link #write} runs on the core's writer thread (the only thread that may read the state);
 * {@link #read} on the recovering thread.
 */
public interface Snapshotter<S> {
    /**
     * @param state the state, read on the writer thread
     * @return the encoded state; the caller owns the array
     */
    byte[] write(S state);

    /**
     * @param in bytes produced by {@link #write}, from position to limit
     * @return a new state equal to the one written
     * @throws RuntimeException (any unchecked exception) naming what is wrong if the bytes are invalid; recovery
     *     then rejects the snapshot and falls back to an older one
     */
    S read(ByteBuffer in);
}
