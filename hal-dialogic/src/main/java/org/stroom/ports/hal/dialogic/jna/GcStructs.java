package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * GlobalCall structures (fact sheet section 4.2). The vendor packs the whole GlobalCall header to one
 * byte, so every structure here uses {@link Structure#ALIGN_NONE}; natural alignment would change
 * METAEVENT, GC_INFO and GC_START_STRUCT on LP64.
 *
 * <p>Thread-safety: the structures are mutable native buffers; confine each instance to one thread.
 */
public final class GcStructs {
    private GcStructs() {}

    static String text(Pointer p) {
        return p == null ? "" : p.getString(0);
    }

    /**
     * Event description filled by gc_GetMetaEvent: 88 bytes on LP64, 48 on ILP32.
     *
     * <p>Thread-safety: confine to the event thread.
     */
    @FieldOrder({
        "magicno",
        "flags",
        "evtdatap",
        "evtlen",
        "evtdev",
        "evttype",
        "linedev",
        "crn",
        "extevtdatap",
        "usrattr",
        "cclibid",
        "rfu1"
    })
    public static class METAEVENT extends Structure {
        public NativeLong magicno = new NativeLong();
        public NativeLong flags = new NativeLong();
        public Pointer evtdatap;
        public NativeLong evtlen = new NativeLong();
        public NativeLong evtdev = new NativeLong();
        public NativeLong evttype = new NativeLong();
        public NativeLong linedev = new NativeLong();
        public NativeLong crn = new NativeLong();
        public Pointer extevtdatap;
        public Pointer usrattr;
        public int cclibid;
        public int rfu1;

        /** Creates a zeroed, 1-byte-packed METAEVENT. */
        public METAEVENT() {
            super(ALIGN_NONE);
        }

        /** @return true if the magic number is valid, compared as unsigned 32 bits (fact sheet 1.3) */
        public boolean hasValidMagic() {
            return (magicno.longValue() & 0xFFFFFFFFL) == GcConstants.METAEVENT_MAGIC;
        }

        /** @return true if {@code flags} marks a GlobalCall event, so linedev and crn are meaningful */
        public boolean isGcEvent() {
            return (flags.longValue() & GcConstants.GCME_GC_EVENT) != 0;
        }
    }

    /**
     * Error or result details from gc_ErrorInfo / gc_ResultInfo: 48 bytes on LP64, 28 on ILP32. The string
     * pointers belong to the library and stay valid until the next GlobalCall call on this thread.
     *
     * <p>Thread-safety: confine to the calling thread.
     */
    @FieldOrder({"gcValue", "gcMsg", "ccLibId", "ccLibName", "ccValue", "ccMsg", "additionalInfo"})
    public static class GC_INFO extends Structure {
        public int gcValue;
        public Pointer gcMsg;
        public int ccLibId;
        public Pointer ccLibName;
        public NativeLong ccValue = new NativeLong();
        public Pointer ccMsg;
        public Pointer additionalInfo;

        /** Creates a zeroed, 1-byte-packed GC_INFO. */
        public GC_INFO() {
            super(ALIGN_NONE);
        }

        /**
         * @return the library's texts joined as {@code gcMsg[; additionalInfo][; ccLibName ccValue: ccMsg]}
         */
        public String describe() {
            StringBuilder sb = new StringBuilder(text(gcMsg));
            String extra = text(additionalInfo);
            if (!extra.isEmpty()) {
                sb.append("; ").append(extra);
            }
            String cc = text(ccMsg);
            if (ccValue.longValue() != 0 || !cc.isEmpty()) {
                sb.append("; ")
                        .append(text(ccLibName))
                        .append(' ')
                        .append(ccValue.longValue())
                        .append(": ")
                        .append(cc);
            }
            return sb.toString();
        }
    }

    /**
     * gc_Start argument: 12 bytes on LP64 (packed), 8 on ILP32. Pass {@code null} to start every CC
     * library.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"num_cclibs", "cclib_list"})
    public static class GC_START_STRUCT extends Structure {
        public int num_cclibs;
        public Pointer cclib_list;

        /** Creates a zeroed, 1-byte-packed GC_START_STRUCT. */
        public GC_START_STRUCT() {
            super(ALIGN_NONE);
        }
    }

    /**
     * One CC library to start: 16 bytes on LP64, 8 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"cclib_name", "cclib_data"})
    public static class CCLIB_START_STRUCT extends Structure {
        public Pointer cclib_name;
        public Pointer cclib_data;

        /** Creates a zeroed, 1-byte-packed CCLIB_START_STRUCT. */
        public CCLIB_START_STRUCT() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Generic gc_WaitCall block: 16 bytes on LP64, 8 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"flags", "rfu"})
    public static class GCLIB_WAITCALL_BLK extends Structure {
        public NativeLong flags = new NativeLong();
        public NativeLong rfu = new NativeLong();

        /** Creates a zeroed, 1-byte-packed GCLIB_WAITCALL_BLK. */
        public GCLIB_WAITCALL_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * gc_WaitCall argument: 16 bytes on LP64, 8 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"gclib", "cclib"})
    public static class GC_WAITCALL_BLK extends Structure {
        public Pointer gclib;
        public Pointer cclib;

        /** Creates a zeroed, 1-byte-packed GC_WAITCALL_BLK. */
        public GC_WAITCALL_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * A party address: 260 bytes on both ABIs.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"address", "address_type", "address_plan", "sub_address", "sub_address_type", "sub_address_plan"})
    public static class GCLIB_ADDRESS_BLK extends Structure {
        public byte[] address = new byte[GcConstants.GC_ADDRSIZE];
        public byte address_type;
        public byte address_plan;
        public byte[] sub_address = new byte[GcConstants.GC_ADDRSIZE];
        public byte sub_address_type;
        public byte sub_address_plan;

        /** Creates a zeroed, 1-byte-packed GCLIB_ADDRESS_BLK. */
        public GCLIB_ADDRESS_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Channel selection inside GCLIB_MAKECALL_BLK (two bytes at offset 520).
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"medium_id", "medium_sel"})
    public static class ChanInfo extends Structure {
        public byte medium_id = (byte) GcConstants.GCMKCALLBLK_DEFAULT;
        public byte medium_sel = (byte) GcConstants.GCMKCALLBLK_DEFAULT;

        /** Creates a 1-byte-packed block with both fields at GCMKCALLBLK_DEFAULT. */
        public ChanInfo() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Call information inside GCLIB_MAKECALL_BLK (two bytes at offset 522).
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"category", "address_info"})
    public static class CallInfo extends Structure {
        public byte category = (byte) GcConstants.GCMKCALLBLK_DEFAULT;
        public byte address_info = (byte) GcConstants.GCMKCALLBLK_DEFAULT;

        /** Creates a 1-byte-packed block with both fields at GCMKCALLBLK_DEFAULT. */
        public CallInfo() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Generic gc_MakeCall block: 532 bytes on LP64, 528 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"destination", "origination", "chan_info", "call_info", "ext_datap"})
    public static class GCLIB_MAKECALL_BLK extends Structure {
        public GCLIB_ADDRESS_BLK destination = new GCLIB_ADDRESS_BLK();
        public GCLIB_ADDRESS_BLK origination = new GCLIB_ADDRESS_BLK();
        public ChanInfo chan_info = new ChanInfo();
        public CallInfo call_info = new CallInfo();
        public Pointer ext_datap;

        /** Creates a 1-byte-packed block with the optional one-byte fields at GCMKCALLBLK_DEFAULT. */
        public GCLIB_MAKECALL_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * gc_MakeCall argument: 16 bytes on LP64, 8 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"gclib", "cclib"})
    public static class GC_MAKECALL_BLK extends Structure {
        public Pointer gclib;
        public Pointer cclib;

        /** Creates a zeroed, 1-byte-packed GC_MAKECALL_BLK. */
        public GC_MAKECALL_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * gc_CallAck argument: 48 bytes on LP64, 24 on ILP32. The service union is exposed as its largest
     * member, four longs.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"type", "rfu", "service"})
    public static class GC_CALLACK_BLK extends Structure {
        public NativeLong type = new NativeLong();
        public NativeLong rfu = new NativeLong();
        public NativeLong[] service = {new NativeLong(), new NativeLong(), new NativeLong(), new NativeLong()};

        /** Creates a zeroed, 1-byte-packed GC_CALLACK_BLK. */
        public GC_CALLACK_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * TDM bus timeslot list: 16 bytes on LP64, 8 on ILP32 (packed when GlobalCall defines it).
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"sc_numts", "sc_tsarrayp"})
    public static class SC_TSINFO extends Structure {
        public NativeLong sc_numts = new NativeLong();
        public Pointer sc_tsarrayp;

        /** Creates a zeroed, 1-byte-packed SC_TSINFO. */
        public SC_TSINFO() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Declared head of one parameter item (6 bytes including a one-byte value placeholder). Items in a
     * block are unaligned: the next starts {@code 5 + value_size} bytes after this one.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"set_ID", "parm_ID", "value_size", "value_buf"})
    public static class GC_PARM_DATA extends Structure {
        public short set_ID;
        public short parm_ID;
        public byte value_size;
        public byte[] value_buf = new byte[1];

        /** Creates a zeroed, 1-byte-packed GC_PARM_DATA. */
        public GC_PARM_DATA() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Declared head of a parameter block (3 bytes including a one-byte placeholder).
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"parm_data_size", "parm_data_buf"})
    public static class GC_PARM_BLK extends Structure {
        public short parm_data_size;
        public byte[] parm_data_buf = new byte[1];

        /** Creates a zeroed, 1-byte-packed GC_PARM_BLK. */
        public GC_PARM_BLK() {
            super(ALIGN_NONE);
        }
    }

    /**
     * Parameter item for values longer than 255 bytes: 48 bytes on LP64, 24 on ILP32. The vendor's
     * initialiser is a header inline function that no library exports; {@link #init()} reimplements it.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"version", "pInternal", "set_ID", "parm_ID", "data_size", "pData"})
    public static class GC_PARM_DATA_EXT extends Structure {
        public NativeLong version = new NativeLong();
        public Pointer pInternal;
        public NativeLong set_ID = new NativeLong();
        public NativeLong parm_ID = new NativeLong();
        public NativeLong data_size = new NativeLong();
        public Pointer pData;

        /** Creates a zeroed, 1-byte-packed GC_PARM_DATA_EXT; call {@link #init()} before use. */
        public GC_PARM_DATA_EXT() {
            super(ALIGN_NONE);
        }

        /** Sets version 0x100, no internal data, set/parm/size all-ones and no data (fact sheet 1.2). */
        public GC_PARM_DATA_EXT init() {
            version = new NativeLong(0x100);
            pInternal = null;
            set_ID = new NativeLong(-1);
            parm_ID = new NativeLong(-1);
            data_size = new NativeLong(-1);
            pData = null;
            return this;
        }
    }
}
