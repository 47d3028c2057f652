package org.stroom.ports.portmgr.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The frame of one journal entry: {@code [u8 format][u32 length][u32 crc32][payload]}, little-endian (the
 * native order of Chronicle Bytes, so both journals write identical frames), and the header of a batch, the
 * unit {@link ChronicleJournal} writes as one Chronicle document: {@code [u8 3][u32 count][u64 first index]
 * [u32 crc32 of the 13 bytes before]}, followed by {@code count} frames whose indexes are {@code first index},
 * {@code first index + 1}, ...
 *
 * <p>Thread-safety: stateless static helpers; a {@link CRC32} is passed in by each thread that uses one.
 */
final class EntryFormat {
    static final int HEADER_BYTES = 9;
    static final byte INPUT_V1 = 1;
    static final byte RESUME_V1 = 2;
    static final byte BATCH_V1 = 3;
    /** Bytes of a batch header: format, count, first index, CRC-32 of the header. */
    static final int BATCH_HEADER_BYTES = 1 + 4 + 8 + 4;
    /** Resume marker payload: u64 last good index, u64 first damaged index. */
    static final int RESUME_PAYLOAD_BYTES = 16;

    private EntryFormat() {}

    static int crc(CRC32 crc, byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** @return the CRC-32 of the payload from position to limit; the buffer is not changed */
    static int crc(CRC32 crc, ByteBuffer payload) {
        crc.reset();
        if (payload.hasArray()) {
            crc.update(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        } else {
            crc.update(payload.duplicate());
        }
        return (int) crc.getValue();
    }

    /** @return a whole frame holding the payload's bytes from position to limit */
    static byte[] frame(byte format, ByteBuffer payload, CRC32 crc) {
        int length = payload.remaining();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(format).putInt(length).putInt(crc(crc, payload)).put(payload.duplicate());
        return out.array();
    }

    /** @return the little-endian int at {@code offset} */
    static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF)
                | (bytes[offset + 1] & 0xFF) << 8
                | (bytes[offset + 2] & 0xFF) << 16
                | (bytes[offset + 3] & 0xFF) << 24;
    }

    /** @return the little-endian long at {@code offset} */
    static long longAt(byte[] bytes, int offset) {
        return (intAt(bytes, offset) & 0xFFFF_FFFFL) | (long) intAt(bytes, offset + 4) << 32;
    }

    static ByteBuffer resumePayload(long lastGoodIndex, long firstDamagedIndex) {
        return ByteBuffer.allocate(RESUME_PAYLOAD_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(lastGoodIndex)
                .putLong(firstDamagedIndex)
                .flip();
    }
}
