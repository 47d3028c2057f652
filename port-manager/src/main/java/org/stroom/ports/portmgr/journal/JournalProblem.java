package org.stroom.ports.portmgr.journal;

import java.util.Objects;

/**
 * The first damaged journal entry a replay found.
 *
 * @param kind what is wrong
 * @param index journal index of the damaged entry
 * @param detail human-readable detail naming the values found, never null
 * @param entriesAfter number of entries after the damaged one that were not replayed; 0 for a torn tail,
 *     more if the damage is in the middle of the journal
 *     <p>Thread-safety: immutable.
 */
public record JournalProblem(Kind kind, long index, String detail, long entriesAfter) {
    /** What is wrong with a journal entry. Thread-safety: immutable. */
    public enum Kind {
        /** Shorter than the 9-byte frame header. */
        TRUNCATED_HEADER,
        /** The header's length does not match the bytes stored (a torn write). */
        LENGTH_MISMATCH,
        /** The payload's CRC-32 does not match the header (corrupt bytes). */
        CRC_MISMATCH,
        /** The format byte is not one this release knows. */
        UNKNOWN_FORMAT,
        /** The frame is whole but the codec rejected the payload. */
        UNDECODABLE
    }

    /** Validates the fields. */
    public JournalProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (entriesAfter < 0) {
            throw new IllegalArgumentException("JournalProblem.entriesAfter must be >= 0, was " + entriesAfter);
        }
    }

    @Override
    public String toString() {
        return kind + " at index " + index + " (" + detail + "), " + entriesAfter + " later entries not replayed";
    }
}
