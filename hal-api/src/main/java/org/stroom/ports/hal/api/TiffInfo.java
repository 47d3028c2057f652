package org.stroom.ports.hal.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A TIFF Class F fax document: its page count, checked page by page. Also writes Class F files
 * (T.4 one-dimensional, 1728 pixels wide) for simulators and tests.
 *
 * @param pages number of pages, ≥ 1
 *     <p>Thread-safety: immutable.
 */
public record TiffInfo(int pages) {
    private static final int TAG_WIDTH = 256;
    private static final int TAG_LENGTH = 257;
    private static final int TAG_BITS = 258;
    private static final int TAG_COMPRESSION = 259;
    private static final int TAG_PHOTOMETRIC = 262;
    private static final int TAG_STRIP_OFFSETS = 273;
    private static final int TAG_ROWS_PER_STRIP = 278;
    private static final int TAG_STRIP_BYTES = 279;
    private static final int TAG_XRES = 282;
    private static final int TAG_YRES = 283;
    private static final int TAG_T4_OPTIONS = 292;
    private static final int TAG_RES_UNIT = 296;
    private static final int TAG_PAGE_NUMBER = 297;
    /** Standard fax page width in pixels. */
    public static final int WIDTH = 1728;

    /**
     * Reads and checks a TIFF fax document.
     *
     * @throws HalException naming the file (and page) when it is missing, not TIFF, empty, or a page
     *     is not a bilevel T.4/T.6 fax image
     */
    public static TiffInfo read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new HalException("fax document " + file + " does not exist", e);
        } catch (IOException e) {
            throw new HalException("fax document " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length < 8) {
            throw new HalException("fax document " + file + " is not a TIFF file (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes[0] == 'I' && bytes[1] == 'I') {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (bytes[0] == 'M' && bytes[1] == 'M') {
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw new HalException("fax document " + file + " is not a TIFF file (no II/MM byte-order mark)");
        }
        if ((b.getShort(2) & 0xffff) != 42) {
            throw new HalException("fax document " + file + " is not a classic TIFF file (magic is not 42)");
        }
        long ifd = Integer.toUnsignedLong(b.getInt(4));
        int pages = 0;
        Set<Long> seen = new HashSet<>();
        while (ifd != 0) {
            pages++;
            if (!seen.add(ifd) || ifd + 2 > bytes.length) {
                throw new HalException("fax document " + file + ": page " + pages + " directory offset " + ifd
                        + " is outside the file or loops; the file is truncated or corrupt");
            }
            int n = b.getShort((int) ifd) & 0xffff;
            long end = ifd + 2 + 12L * n;
            if (end + 4 > bytes.length) {
                throw new HalException("fax document " + file + ": page " + pages + " directory is truncated");
            }
            int width = -1;
            int compression = 1;
            for (int i = 0; i < n; i++) {
                int e = (int) (ifd + 2 + 12L * i);
                int tag = b.getShort(e) & 0xffff;
                int type = b.getShort(e + 2) & 0xffff;
                int value = type == 3 ? b.getShort(e + 8) & 0xffff : b.getInt(e + 8);
                if (tag == TAG_WIDTH) {
                    width = value;
                } else if (tag == TAG_COMPRESSION) {
                    compression = value;
                }
            }
            if (width <= 0) {
                throw new HalException("fax document " + file + ": page " + pages + " has no image width");
            }
            if (compression != 3 && compression != 4) {
                throw new HalException("fax document " + file + ": page " + pages + " uses compression " + compression
                        + "; TIFF Class F needs T.4 (3) or T.6 (4): convert it with a fax-aware tool");
            }
            ifd = Integer.toUnsignedLong(b.getInt((int) end));
        }
        if (pages == 0) {
            throw new HalException("fax document " + file + " has no pages");
        }
        return new TiffInfo(pages);
    }

    /**
     * Writes a TIFF Class F file of {@code pages} white pages (fine resolution, 1728 × {@code rows}).
     *
     * @param rows scan lines per page, ≥ 1 (2,200 is a fine-resolution letter page)
     * @throws HalException when the file cannot be written
     */
    public static TiffInfo writeBlankPages(Path file, int pages, int rows) {
        if (pages < 1 || rows < 1) {
            throw new HalException(
                    "a fax document needs at least 1 page and 1 row, got " + pages + " pages, " + rows + " rows");
        }
        byte[] strip = whiteT4Strip(rows);
        int entries = 13;
        int ifdSize = 2 + entries * 12 + 4 + 16; // + two RATIONALs
        ByteBuffer b = ByteBuffer.allocate(8 + pages * (strip.length + ifdSize)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        for (int p = 0; p < pages; p++) {
            int stripAt = b.position();
            b.put(strip);
            int ifdAt = b.position();
            if (p == 0) {
                b.putInt(4, ifdAt);
            }
            int rationals = ifdAt + 2 + entries * 12 + 4;
            b.putShort((short) entries);
            entry(b, TAG_WIDTH, 4, WIDTH);
            entry(b, TAG_LENGTH, 4, rows);
            entry(b, TAG_BITS, 3, 1);
            entry(b, TAG_COMPRESSION, 3, 3);
            entry(b, TAG_PHOTOMETRIC, 3, 0);
            entry(b, TAG_STRIP_OFFSETS, 4, stripAt);
            entry(b, TAG_ROWS_PER_STRIP, 4, rows);
            entry(b, TAG_STRIP_BYTES, 4, strip.length);
            entry(b, TAG_XRES, 5, rationals);
            entry(b, TAG_YRES, 5, rationals + 8);
            entry(b, TAG_T4_OPTIONS, 4, 0); // 1-D coding, no fill bits
            entry(b, TAG_RES_UNIT, 3, 2);
            b.putShort((short) TAG_PAGE_NUMBER).putShort((short) 3).putInt(2);
            b.putShort((short) p).putShort((short) pages);
            // tags ascend as TIFF requires; the next page's strip precedes its directory
            int next = p == pages - 1 ? 0 : b.position() + 4 + 16 + strip.length;
            b.putInt(next);
            b.putInt(204).putInt(1).putInt(196).putInt(1);
        }
        try {
            Files.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
        } catch (IOException e) {
            throw new HalException("cannot write fax document " + file + ": " + e.getMessage(), e);
        }
        return new TiffInfo(pages);
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** Each all-white row in T.4 1-D: EOL, white make-up 1728, white terminating 0. */
    private static byte[] whiteT4Strip(int rows) {
        String row = "000000000001" + "010011011" + "00110101";
        BitSet bits = new BitSet();
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < row.length(); i++, n++) {
                if (row.charAt(i) == '1') {
                    bits.set(n);
                }
            }
        }
        byte[] out = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (bits.get(i)) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8)); // FillOrder 1: most significant bit first
            }
        }
        return out;
    }
}
