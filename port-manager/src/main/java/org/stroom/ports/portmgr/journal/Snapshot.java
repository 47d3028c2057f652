package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A valid snapshot read back from a {@link SnapshotStore}.
 *
 * @param journalIndex journal index of the last entry whose effect the snapshot contains
 * @param payload the state owner's bytes (CRC already checked); a read-only buffer from position 0
 * @param file the file it was read from
 *     <p>Thread-safety: immutable (the payload buffer is read-only; use {@code payload().duplicate()} per reader).
 */
public record Snapshot(long journalIndex, ByteBuffer payload, Path file) {
    /** Validates the fields. */
    public Snapshot {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(file, "file");
        payload = payload.asReadOnlyBuffer();
    }
}
