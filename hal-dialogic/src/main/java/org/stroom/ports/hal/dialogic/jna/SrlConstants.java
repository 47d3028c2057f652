package org.stroom.ports.hal.dialogic.jna;

/**
 * Standard Runtime Library constants (fact sheet section 3.2).
 *
 * <p>Thread-safety: constants only.
 */
public final class SrlConstants {
    private SrlConstants() {}

    /** Wildcard event type; an {@code unsigned long} all-ones on ILP32 (see {@link #EV_ANYEVT_LP64}). */
    public static final long EV_ANYEVT = 0xFFFFFFFFL;
    /** The same wildcard as it is passed on LP64, where {@code unsigned long} is 64 bits. */
    public static final long EV_ANYEVT_LP64 = -1L;

    public static final long EV_ANYDEV = -1L;
    public static final long SRL_DEVICE = 0L;
    public static final long SR_TMOUTEVT = 0L;
    public static final long SR_TMOUT = -1L;
    public static final long AT_FAILURE = -1L;
    public static final long EDV_BADDESC = -1L;
    public static final long EDV_NOERROR = 0L;
    public static final int OF_DEFAULT = 0;
    public static final int O_NOTIFY = 1;
    public static final int SR_DFLT_DATASIZE = 48;

    public static final int SR_INTERPOLLID = 1;
    public static final int SR_MODEID = 2;
    public static final int SR_DATASZID = 3;
    public static final int SR_QSIZEID = 4;
    public static final int SR_MODELTYPE = 5;
    public static final int SR_USERCONTEXT = 6;
    public static final int SR_POLLMODE = 0;
    public static final int SR_SIGMODE = 1;

    public static final int ESR_NOERR = 0;
    public static final int ESR_SCAN = 1;
    public static final int ESR_PARMID = 2;
    public static final int ESR_TMOUT = 3;
    public static final int ESR_SYS = 4;
    public static final int ESR_DATASZ = 5;
    public static final int ESR_QSIZE = 6;
    public static final int ESR_NOHDLR = 7;
    public static final int ESR_MODE = 8;
    public static final int ESR_NOTIMP = 9;
    public static final int ESR_NULL_DATAP = 10;
    public static final int ESR_BADDEV = 11;
    public static final int ESR_NOMEM = 12;
    public static final int ESR_BADPARM = 13;
    public static final int ESR_NOCOM = 14;
    public static final int ESR_INSUFBUF = 15;

    /** Chaining flags shared by DV_TPT, DX_IOTT and DF_IOTT. */
    public static final int IO_CONT = 0x01;

    public static final int IO_LINK = 0x02;
    public static final int IO_EOT = 0x04;

    /** Transfer kinds for DX_IOTT / DF_IOTT {@code io_type}. */
    public static final int IO_DEV = 0x00;

    public static final int IO_MEM = 0x08;
    public static final int IO_UIO = 0x10;
    public static final int IO_STREAM = 0x20;

    /** Synchronous / asynchronous mode (dx, fx and GlobalCall). */
    public static final int EV_SYNC = 0x0000;

    public static final int EV_ASYNC = 0x8000;

    /** SRL device-type ids (section 2.3). */
    public static final int TYPE_R4_VOX_BOARD = 501;

    public static final int TYPE_R4_VOX_CHANNEL = 502;
    public static final int TYPE_R4_DTI_BOARD = 503;
    public static final int TYPE_R4_DTI_TIMESLOT = 504;
    public static final int TYPE_R4_FAX_CHANNEL = 508;

    /** @return the symbolic name of an ESR_* code, or {@link Symbols#UNKNOWN} */
    public static String errorName(long code) {
        return Symbols.name(SrlConstants.class, "ESR_", code);
    }
}
