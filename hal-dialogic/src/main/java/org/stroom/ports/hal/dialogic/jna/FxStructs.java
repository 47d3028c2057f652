package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * Fax library structures (fact sheet section 6.2), default alignment. DF_IOTT orders its fields
 * differently from DX_IOTT: back-link before forward link, type fields near the end.
 *
 * <p>Thread-safety: the structures are mutable native buffers; confine each instance to one thread.
 */
public final class FxStructs {
    private FxStructs() {}

    /**
     * Fax transfer entry: 64 bytes on LP64, 40 on ILP32. {@code io_offset}/{@code io_length} double as
     * first page / page count for TIFF entries.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({
        "io_offset",
        "io_length",
        "io_bufferp",
        "io_prevp",
        "io_nextp",
        "io_datap",
        "io_fhandle",
        "io_type",
        "io_datatype",
        "io_phdcont",
        "io_width",
        "io_resln",
        "io_coding",
        "rfu"
    })
    public static class DF_IOTT extends Structure {
        public NativeLong io_offset = new NativeLong();
        public NativeLong io_length = new NativeLong();
        public Pointer io_bufferp;
        public Pointer io_prevp;
        public Pointer io_nextp;
        public Pointer io_datap;
        public int io_fhandle;
        public short io_type;
        public short io_datatype;
        public short io_phdcont;
        public short io_width;
        public byte io_resln;
        public byte io_coding;
        public byte[] rfu = new byte[2];

        /**
         * @param fd open file descriptor of a TIFF-F file
         * @param firstPage 0-based first page
         * @param pageCount number of pages, or -1 for all
         * @return a single IO_DEV | IO_EOT TIFF entry ending the document (DFC_EOP)
         */
        public static DF_IOTT tiff(int fd, long firstPage, long pageCount) {
            DF_IOTT e = new DF_IOTT();
            e.io_type = (short) (SrlConstants.IO_DEV | SrlConstants.IO_EOT);
            e.io_datatype = (short) FxConstants.DF_TIFF;
            e.io_phdcont = (short) FxConstants.DFC_EOP;
            e.io_fhandle = fd;
            e.io_offset = new NativeLong(firstPage);
            e.io_length = new NativeLong(pageCount);
            return e;
        }
    }
}
