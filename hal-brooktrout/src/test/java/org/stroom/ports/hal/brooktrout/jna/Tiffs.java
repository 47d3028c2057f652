package org.stroom.ports.hal.brooktrout.jna;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Minimal TIFF page-structure writer and page counter for fax tests (no image data). */
final class Tiffs {
    private Tiffs() {}

    static Path write(Path file, int pages) throws IOException {
        int ifd = 2 + 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(8 + pages * ifd).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int p = 0; p < pages; p++) {
            b.putShort((short) 1);
            b.putShort((short) 259)
                    .putShort((short) 3)
                    .putInt(1)
                    .putShort((short) 3)
                    .putShort((short) 0);
            b.putInt(p + 1 < pages ? 8 + (p + 1) * ifd : 0);
        }
        return Files.write(file, b.array());
    }

    static int pages(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int pages = 0;
        for (int off = b.getInt(4); off != 0; off = b.getInt(off + 2 + 12 * Short.toUnsignedInt(b.getShort(off)))) {
            pages++;
        }
        return pages;
    }
}
