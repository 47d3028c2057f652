package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The replay rules shared by every journal: check each frame, hand input payloads to the handler, stop at
 * the first damaged entry, and skip a damaged range that a resume marker sealed.
 *
 * <p>A journal either copies each stored frame into {@link #buffer(int)} and calls {@link #offer(long, int)},
 * or hands frames inside a buffer of its own to {@link #offer(long, byte[], int, int)}; an entry whose bytes
 * cannot even be located (after a torn frame of a batch, or behind a damaged batch header) goes to
 * {@link #lost}.
 *
 * <p>Thread-safety: confined to the replaying thread.
 */
final class ReplayLoop {
    private final long afterIndex;
    private final EntryHandler handler;
    private final CRC32 crc = new CRC32();
    private byte[] scratch = new byte[256];

    /** The array {@link #header} and {@link #payload} view; re-wrapped when a frame comes in another array. */
    private byte[] viewed;

    private ByteBuffer header;
    private ByteBuffer payload;

    private long replayed;
    private long lastGood;
    private long voided;
    private JournalProblem.Kind damage;
    private long damagedIndex;
    private String damageDetail;
    private long afterDamage;
    private String checkDetail;

    ReplayLoop(long afterIndex, EntryHandler handler) {
        this.afterIndex = afterIndex;
        this.handler = handler;
        this.lastGood = afterIndex;
    }

    /** @return a buffer of at least {@code frameLength} bytes to copy the next frame into, at offset 0 */
    byte[] buffer(int frameLength) {
        if (frameLength > scratch.length) {
            scratch = new byte[Math.max(frameLength, scratch.length * 2)];
        }
        return scratch;
    }

    /** Processes the frame of {@code frameLength} bytes at the start of {@link #buffer(int)}. */
    void offer(long index, int frameLength) {
        offer(index, scratch, 0, frameLength);
    }

    /**
     * Processes one stored frame.
     *
     * @param index the entry's index
     * @param bytes the array holding it; only read during the call
     * @param offset where the frame starts
     * @param frameLength the bytes stored for the frame (header and payload), whatever its header claims
     */
    void offer(long index, byte[] bytes, int offset, int frameLength) {
        if (index <= afterIndex) {
            return;
        }
        if (bytes != viewed) {
            viewed = bytes;
            header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            payload = ByteBuffer.wrap(bytes);
        }
        if (damage != null) {
            if (check(bytes, offset, frameLength) == null
                    && bytes[offset] == EntryFormat.RESUME_V1
                    && header.getLong(offset + EntryFormat.HEADER_BYTES) == lastGood) {
                voided += afterDamage + 1;
                damage = null;
                afterDamage = 0;
            } else {
                afterDamage++;
            }
            return;
        }
        JournalProblem.Kind kind = check(bytes, offset, frameLength);
        if (kind != null) {
            damage(kind, index, checkDetail);
            return;
        }
        if (bytes[offset] == EntryFormat.RESUME_V1) {
            // A marker whose damage this replay did not meet (it started from a later snapshot): nothing to skip.
            return;
        }
        payload.order(ByteOrder.BIG_ENDIAN).limit(offset + frameLength).position(offset + EntryFormat.HEADER_BYTES);
        try {
            handler.onEntry(index, payload);
        } catch (UndecodableEntryException e) {
            damage(JournalProblem.Kind.UNDECODABLE, index, e.getMessage());
            return;
        }
        replayed++;
        lastGood = index;
    }

    /**
     * An entry whose frame cannot be located: replay stops here (or counts it among the entries after the
     * damage already found).
     *
     * @param index the entry's index
     * @param kind what is wrong
     * @param detail naming the values found
     */
    void lost(long index, JournalProblem.Kind kind, String detail) {
        if (index <= afterIndex) {
            return;
        }
        if (damage != null) {
            afterDamage++;
        } else {
            damage(kind, index, detail);
        }
    }

    RecoveryReport finish() {
        Optional<JournalProblem> problem = damage == null
                ? Optional.empty()
                : Optional.of(new JournalProblem(damage, damagedIndex, damageDetail, afterDamage));
        return new RecoveryReport(Journal.NO_INDEX, List.of(), replayed, lastGood, voided, problem);
    }

    private void damage(JournalProblem.Kind kind, long index, String detail) {
        damage = kind;
        damagedIndex = index;
        damageDetail = detail == null ? kind.name() : detail;
        afterDamage = 0;
    }

    /** @return null if the frame is whole, else what is wrong (with the detail in {@link #checkDetail}) */
    private JournalProblem.Kind check(byte[] bytes, int offset, int frameLength) {
        if (frameLength < EntryFormat.HEADER_BYTES) {
            checkDetail =
                    "frame of " + frameLength + " bytes, shorter than the " + EntryFormat.HEADER_BYTES + "-byte header";
            return JournalProblem.Kind.TRUNCATED_HEADER;
        }
        int length = header.getInt(offset + 1);
        if (length != frameLength - EntryFormat.HEADER_BYTES) {
            checkDetail =
                    "header says " + length + " payload bytes, " + (frameLength - EntryFormat.HEADER_BYTES) + " stored";
            return JournalProblem.Kind.LENGTH_MISMATCH;
        }
        int stored = header.getInt(offset + 5);
        int computed = EntryFormat.crc(crc, bytes, offset + EntryFormat.HEADER_BYTES, length);
        if (stored != computed) {
            checkDetail = "payload CRC-32 is 0x" + Integer.toHexString(computed) + ", header says 0x"
                    + Integer.toHexString(stored);
            return JournalProblem.Kind.CRC_MISMATCH;
        }
        byte format = bytes[offset];
        if (format == EntryFormat.INPUT_V1
                || (format == EntryFormat.RESUME_V1 && length == EntryFormat.RESUME_PAYLOAD_BYTES)) {
            return null;
        }
        checkDetail = "format byte " + format + " with " + length + " payload bytes; this release reads "
                + EntryFormat.INPUT_V1 + " (input) and " + EntryFormat.RESUME_V1 + " (resume marker, "
                + EntryFormat.RESUME_PAYLOAD_BYTES + " bytes)";
        return JournalProblem.Kind.UNKNOWN_FORMAT;
    }
}
