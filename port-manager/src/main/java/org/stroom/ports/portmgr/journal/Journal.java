package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * A write-ahead journal of encoded inputs: entries are appended before the inputs are applied, and replayed
 * in order after a restart to rebuild the state they produced.
 *
 * <p>Every entry is framed as {@code [u8 format][u32 length][u32 crc32][payload]} (little-endian; the CRC-32 of
 * the payload, {@link java.util.zip.CRC32}). Format 1 is an input entry; format 2 is a resume marker that an
 * earlier recovery appended after a damaged tail, so that later replays skip the damaged entries instead of
 * stopping at them. A replay checks every frame and stops at the first one that is torn or corrupt, reporting
 * it in a {@link RecoveryReport}; {@link #sealDamage(RecoveryReport)} then lets appending continue after it.
 *
 * <p>Indexes are journal-specific longs that increase strictly with every append; they need not be
 * contiguous (a {@link ChronicleJournal} numbers its entries 0, 1, 2, ..., but continues the Chronicle indexes of
 * a journal written by an earlier release). {@link #NO_INDEX} means "before the first entry".
 *
 * <p>Implementations: {@link ChronicleJournal} (memory-mapped files, survives {@code kill -9}),
 * {@link InMemoryJournal} (a fake for tests, with corruption hooks) and {@link #disabled()} (journal off).
 *
 * <p>Thread-safety: {@link #append}, {@link #appendAll}, {@link #endOfBatch} and {@link #sealDamage} from one
 * thread at a time (the core's journal thread); {@link #replay} before appending starts; {@link #release} from
 * any thread.
 */
public interface Journal extends AutoCloseable {
    /** The index before the first entry: "nothing yet" for {@link #lastIndex()}, "from the start" for replay. */
    long NO_INDEX = -1L;

    /**
     * @return false for the disabled journal: the core then skips encoding entirely
     */
    default boolean isEnabled() {
        return true;
    }

    /**
     * Appends one input entry. When this returns, the entry survives the death of this process (not
     * necessarily of the operating system; see the implementation).
     *
     * @param payload the encoded input, from its position to its limit; position and limit are unchanged
     * @return the new entry's index, greater than every earlier one
     * @throws RuntimeException if the entry could not be written; the core then stops fail-fast
     */
    long append(ByteBuffer payload);

    /**
     * Appends several input entries in order, as if by {@link #append(ByteBuffer)} for each, but lets the
     * journal write them together: {@link ChronicleJournal} writes them as one document (a batch), so the
     * per-document cost of the queue is paid once. When this returns, every one of them survives the death of
     * this process. The event core calls it once per ring batch.
     *
     * @param payloads the encoded inputs, each from its position to its limit; positions and limits are
     *     unchanged
     * @param count how many of {@code payloads}, from index 0, to append
     * @param indexes receives the new entries' indexes, {@code indexes[i]} for {@code payloads[i]}; each
     *     greater than every earlier one
     * @throws RuntimeException if an entry could not be written; entries before it may have been written
     */
    default void appendAll(ByteBuffer[] payloads, int count, long[] indexes) {
        for (int i = 0; i < count; i++) {
            indexes[i] = append(payloads[i]);
        }
    }

    /** Called by the core's journal thread after the entries of a ring batch; a place for flush-like work. */
    default void endOfBatch() {}

    /**
     * Replays, in append order, every whole entry after {@code afterIndex}, and stops at the first torn or
     * corrupt one (or at the first one the handler cannot decode), unless an earlier recovery sealed that
     * damage, in which case the voided entries are skipped and replay continues.
     *
     * @param afterIndex replay entries with a greater index; {@link #NO_INDEX} for all
     * @param handler receives each payload on the calling thread; may throw {@link UndecodableEntryException}
     *     to report an entry it cannot decode; any other exception propagates out of this method
     * @return what was replayed and the problem found, if any
     */
    RecoveryReport replay(long afterIndex, EntryHandler handler);

    /**
     * Lets appending continue after a damaged tail: appends a resume marker naming the last good entry, so
     * later replays skip the damaged entries. Does nothing if the report has no problem.
     *
     * @param report the report of the replay just done on this journal
     */
    void sealDamage(RecoveryReport report);

    /**
     * Tells the journal that every entry up to {@code coveredIndex} is covered by a durable snapshot, so its
     * retention policy may delete files that hold only such entries. Entries after it are never deleted.
     *
     * @param coveredIndex index of the oldest snapshot that recovery may still fall back to
     */
    default void release(long coveredIndex) {}

    /**
     * The index of the first entry still stored, when the journal knows it. Entries before it were deleted by
     * retention (once a snapshot covered them), so recovery without such a snapshot must not start from it. Called
     * by recovery, on its thread, before the core appends.
     *
     * @return the first stored entry's index; empty when the journal is empty or cannot tell (the default, and a
     *     journal whose first file is in the one-entry-per-document format of an earlier release)
     */
    default OptionalLong firstIndex() {
        return OptionalLong.empty();
    }

    /** @return the index of the last entry appended or found, or {@link #NO_INDEX} if there is none */
    long lastIndex();

    /** Closes files; idempotent. */
    @Override
    void close();

    /**
     * The journal-off mode: appends nothing and replays nothing; indexes count appends from 0.
     *
     * @return a new disabled journal
     */
    static Journal disabled() {
        return new DisabledJournal();
    }
}
