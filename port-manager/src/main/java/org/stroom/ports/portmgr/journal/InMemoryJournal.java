package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A journal held in memory, for tests: the same frames and replay rules as {@link ChronicleJournal}, plus
 * hooks to damage entries and to make appends fail. Indexes are 0, 1, 2, ...
 *
 * <p>Thread-safety: every method is synchronized, so tests may inspect it while the core appends.
 */
public final class InMemoryJournal implements Journal {
    private final List<byte[]> frames = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private RuntimeException nextAppendFailure;
    private long released = NO_INDEX;

    @Override
    public synchronized long append(ByteBuffer payload) {
        Objects.requireNonNull(payload, "payload");
        if (nextAppendFailure != null) {
            RuntimeException failure = nextAppendFailure;
            nextAppendFailure = null;
            throw failure;
        }
        frames.add(EntryFormat.frame(EntryFormat.INPUT_V1, payload, crc));
        return frames.size() - 1L;
    }

    @Override
    public RecoveryReport replay(long afterIndex, EntryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ReplayLoop loop = new ReplayLoop(afterIndex, handler);
        for (long index = Math.max(0, afterIndex + 1); ; index++) {
            byte[] frame;
            synchronized (this) {
                if (index >= frames.size()) {
                    break;
                }
                frame = frames.get((int) index);
            }
            System.arraycopy(frame, 0, loop.buffer(frame.length), 0, frame.length);
            loop.offer(index, frame.length);
        }
        return loop.finish();
    }

    @Override
    public synchronized void sealDamage(RecoveryReport report) {
        report.problem()
                .ifPresent(problem -> frames.add(EntryFormat.frame(
                        EntryFormat.RESUME_V1,
                        EntryFormat.resumePayload(report.lastGoodIndex(), problem.index()),
                        crc)));
    }

    @Override
    public synchronized void release(long coveredIndex) {
        released = Math.max(released, coveredIndex);
    }

    /** @return the highest index passed to {@link #release(long)}, or {@link #NO_INDEX} */
    public synchronized long releasedIndex() {
        return released;
    }

    @Override
    public synchronized long lastIndex() {
        return frames.size() - 1L;
    }

    /** @return number of stored frames, including resume markers and damaged ones */
    public synchronized int size() {
        return frames.size();
    }

    /**
     * @param index an entry's index
     * @return a copy of the entry's stored frame (header and payload)
     */
    public synchronized byte[] frame(long index) {
        return frames.get(checkIndex(index)).clone();
    }

    /**
     * Replaces an entry's stored frame, to simulate corruption or a torn write.
     *
     * @param index an existing entry's index
     * @param frame the bytes to store instead, e.g. a truncated or bit-flipped copy of {@link #frame(long)}
     */
    public synchronized void overwrite(long index, byte[] frame) {
        frames.set(checkIndex(index), frame.clone());
    }

    /**
     * Appends raw bytes as an entry without framing them, to simulate a half-written entry.
     *
     * @param frame the stored bytes
     * @return the entry's index
     */
    public synchronized long appendRaw(byte[] frame) {
        frames.add(frame.clone());
        return frames.size() - 1L;
    }

    /** @param failure thrown by the next {@link #append} instead of appending, to test fail-fast */
    public synchronized void failNextAppend(RuntimeException failure) {
        nextAppendFailure = Objects.requireNonNull(failure, "failure");
    }

    @Override
    public void close() {}

    private int checkIndex(long index) {
        if (index < 0 || index >= frames.size()) {
            throw new IndexOutOfBoundsException(
                    "InMemoryJournal index " + index + " is outside 0.." + (frames.size() - 1));
        }
        return (int) index;
    }
}
