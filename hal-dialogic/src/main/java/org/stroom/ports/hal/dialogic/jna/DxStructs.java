package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import java.nio.charset.StandardCharsets;

/**
 * Voice library structures (fact sheet section 5.2), default alignment. Buffers passed to asynchronous
 * functions (DX_IOTT, DV_DIGIT and the memory they point to) must stay reachable until the completion
 * event; call {@link Structure#read()} after it to see what the library wrote.
 *
 * <p>Thread-safety: the structures are mutable native buffers; confine each instance to one thread.
 */
public final class DxStructs {
    private DxStructs() {}

    /**
     * Termination parameter table entry: 24 bytes on LP64, 16 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"tp_type", "tp_termno", "tp_length", "tp_flags", "tp_data", "rfu", "tp_nextp"})
    public static class DV_TPT extends Structure {
        public short tp_type;
        public short tp_termno;
        public short tp_length;
        public short tp_flags;
        public short tp_data;
        public short rfu;
        public Pointer tp_nextp;

        /**
         * Builds a contiguous table (IO_CONT entries, the last one IO_EOT) from (termno, length, flags)
         * triples. Pass element 0 to the library; JNA writes the whole array.
         *
         * @param triples termno, length, flags repeated; at least one triple
         * @return the table; never empty
         * @throws IllegalArgumentException if the count is not a positive multiple of three
         */
        public static DV_TPT[] table(int... triples) {
            if (triples.length == 0 || triples.length % 3 != 0) {
                throw new IllegalArgumentException(
                        "DV_TPT.table needs (termno, length, flags) triples, got " + triples.length + " ints");
            }
            DV_TPT[] t = (DV_TPT[]) new DV_TPT().toArray(triples.length / 3);
            for (int i = 0; i < t.length; i++) {
                t[i].tp_type = (short) (i == t.length - 1 ? SrlConstants.IO_EOT : SrlConstants.IO_CONT);
                t[i].tp_termno = (short) triples[3 * i];
                t[i].tp_length = (short) triples[3 * i + 1];
                t[i].tp_flags = (short) triples[3 * i + 2];
            }
            return t;
        }
    }

    /**
     * Play/record transfer entry: 48 bytes on LP64, 28 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"io_type", "rfu", "io_fhandle", "io_bufp", "io_offset", "io_length", "io_nextp", "io_prevp"})
    public static class DX_IOTT extends Structure {
        public short io_type;
        public short rfu;
        public int io_fhandle;
        public Pointer io_bufp;
        public NativeLong io_offset = new NativeLong();
        public NativeLong io_length = new NativeLong();
        public Pointer io_nextp;
        public Pointer io_prevp;

        /**
         * @param buffer native memory to play from or record into; must outlive the I/O
         * @return a single IO_MEM | IO_EOT entry covering the whole buffer
         */
        public static DX_IOTT memory(Memory buffer) {
            DX_IOTT e = new DX_IOTT();
            e.io_type = (short) (SrlConstants.IO_MEM | SrlConstants.IO_EOT);
            e.io_bufp = buffer;
            e.io_length = new NativeLong(buffer.size());
            return e;
        }
    }

    /**
     * Digit buffer for dx_getdig: 64 bytes on both ABIs.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"dg_value", "dg_type"})
    public static class DV_DIGIT extends Structure {
        public byte[] dg_value = new byte[DxConstants.LEN_DIGBUF + 1];
        public byte[] dg_type = new byte[DxConstants.LEN_DIGBUF + 1];

        /** @return the collected digits up to the terminating NUL; call {@link #read()} first */
        public String digits() {
            int n = 0;
            while (n < dg_value.length && dg_value[n] != 0) {
                n++;
            }
            return new String(dg_value, 0, n, StandardCharsets.US_ASCII);
        }
    }

    /**
     * Data format block: 24 bytes on LP64, 12 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"wFileFormat", "wDataFormat", "nSamplesPerSec", "wBitsPerSample"})
    public static class DX_XPB extends Structure {
        public short wFileFormat;
        public short wDataFormat;
        public NativeLong nSamplesPerSec = new NativeLong();
        public short wBitsPerSample;
    }

    /**
     * TDX_CST event data: 4 bytes.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"cst_event", "cst_data"})
    public static class DX_CST extends Structure {
        public short cst_event;
        public short cst_data;
    }

    /**
     * dx_getevt block: 16 bytes.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"ev_event", "ev_data", "ev_rfu"})
    public static class DX_EBLK extends Structure {
        public short ev_event;
        public short ev_data;
        public byte[] ev_rfu = new byte[12];
    }
}
