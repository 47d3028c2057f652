package org.stroom.ports.hal.dialogic.jna;

/**
 * Voice library constants: events, errors, terminators, termination bits and channel states (fact sheet
 * section 5.3). {@code TDX_RESET} and {@code TDX_RESETERR} share their values with fax events; dispatch on
 * the device kind first.
 *
 * <p>Thread-safety: constants only.
 */
public final class DxConstants {
    private DxConstants() {}

    /* events */
    public static final int TDX_PLAY = 0x81;
    public static final int TDX_RECORD = 0x82;
    public static final int TDX_GETDIG = 0x83;
    public static final int TDX_DIAL = 0x84;
    public static final int TDX_CALLP = 0x85;
    public static final int TDX_CST = 0x86;
    public static final int TDX_SETHOOK = 0x87;
    public static final int TDX_WINK = 0x88;
    public static final int TDX_ERROR = 0x89;
    public static final int TDX_PLAYTONE = 0x8A;
    public static final int TDX_GETR2MF = 0x8B;
    public static final int TDX_BARGEIN = 0x8C;
    public static final int TDX_NOSTOP = 0x8D;
    public static final int TDX_TXDATA = 0x90;
    public static final int TDX_RXDATA = 0x91;
    public static final int TDX_CACHEPROMPT = 0x92;
    public static final int TDX_UNDERRUN = 0x93;
    public static final int TDX_LOWWATER = 0x94;
    public static final int TDX_HIGHWATER = 0x95;
    public static final int TDX_VAD = 0x9C;
    public static final int TDX_LISTEN = 0x9D;
    public static final int TDX_UNLISTEN = 0x9E;
    public static final int TDX_LISTEN_FAIL = 0x9F;
    public static final int TDX_UNLISTEN_FAIL = 0xA0;
    public static final int TDX_RESET = 0xA1;
    public static final int TDX_RESETERR = 0xA2;
    public static final int TDX_UNKNOWN = 1000;

    /* errors */
    public static final int EDX_NOERROR = 0;
    public static final int EDX_SYSTEM = 1;
    public static final int EDX_FWERROR = 2;
    public static final int EDX_TIMEOUT = 3;
    public static final int EDX_BADIOTT = 4;
    public static final int EDX_BADTPT = 5;
    public static final int EDX_BADPARM = 6;
    public static final int EDX_BADDEV = 7;
    public static final int EDX_BADPROD = 8;
    public static final int EDX_BUSY = 9;
    public static final int EDX_IDLE = 10;
    public static final int EDX_STOPRINGS = 11;
    public static final int EDX_BADWAVEFILE = 12;
    public static final int EDX_XPBPARM = 13;
    public static final int EDX_NOSUPPORT = 14;
    public static final int EDX_NOTIMP = 15;
    public static final int EDX_BADSUBCOMMAND = 16;
    public static final int EDX_BADCHANNELNUMBER = 17;
    public static final int EDX_BADRESOURCEID = 18;
    public static final int EDX_NORESOURCE = 19;
    public static final int EDX_DSPERROR = 20;
    public static final int EDX_INUSE = 21;
    public static final int EDX_HOOKSTATETRANSITIONERROR = 25;

    /* TPT terminators and flags */
    public static final int DX_MAXDTMF = 1;
    public static final int DX_MAXSIL = 2;
    public static final int DX_MAXNOSIL = 3;
    public static final int DX_LCOFF = 4;
    public static final int DX_IDDTIME = 5;
    public static final int DX_MAXTIME = 6;
    public static final int DX_DIGMASK = 7;
    public static final int DX_PMOFF = 8;
    public static final int DX_PMON = 9;
    public static final int DX_DIGTYPE = 11;
    public static final int DX_TONE = 12;
    public static final int DX_MAXDATA = 13;
    public static final int TF_EDGE = 0x00;
    public static final int TF_LEVEL = 0x01;
    public static final int TF_CLREND = 0x02;
    public static final int TF_CLRBEG = 0x04;
    public static final int TF_USE = 0x08;
    public static final int TF_SETINIT = 0x10;
    public static final int TF_10MS = 0x20;
    public static final int TF_IMMEDIATE = 0x40;
    public static final int TF_MAXDTMF = 0x09;
    public static final int TF_MAXTIME = 0x00;
    public static final int TF_DIGMASK = 0x01;

    /* termination bits (ATDX_TERMMSK) */
    public static final int TM_NORMTERM = 0x0;
    public static final int TM_MAXDTMF = 0x1;
    public static final int TM_MAXSIL = 0x2;
    public static final int TM_MAXNOSIL = 0x4;
    public static final int TM_LCOFF = 0x8;
    public static final int TM_IDDTIME = 0x10;
    public static final int TM_MAXTIME = 0x20;
    public static final int TM_DIGIT = 0x40;
    public static final int TM_PATTERN = 0x80;
    public static final int TM_USRSTOP = 0x100;
    public static final int TM_EOD = 0x200;
    public static final int TM_TONE = 0x2000;
    public static final int TM_BARGEIN = 0x8000;
    public static final int TM_ERROR = 0x80000;
    public static final int TM_MAXDATA = 0x100000;

    /* digit masks for DX_DIGMASK */
    public static final int DM_D = 0x1;
    public static final int DM_1 = 0x2;
    public static final int DM_0 = 0x400;
    public static final int DM_S = 0x800;
    public static final int DM_P = 0x1000;

    /* call-status events (DX_CST.cst_event) and their enable masks for dx_setevtmsk */
    public static final int DE_RINGS = 1;
    public static final int DE_SILON = 2;
    public static final int DE_SILOF = 3;
    public static final int DE_LCON = 4;
    public static final int DE_LCOF = 5;
    public static final int DE_WINK = 6;
    public static final int DE_RNGOFF = 7;
    public static final int DE_DIGITS = 8;
    public static final int DE_DIGOFF = 9;
    public static final int DM_RINGS = 0x1;
    public static final int DM_DIGITS = 0x80;

    /* channel states (ATDX_STATE) */
    public static final int CS_IDLE = 1;
    public static final int CS_PLAY = 2;
    public static final int CS_RECD = 3;
    public static final int CS_DIAL = 4;
    public static final int CS_GTDIG = 5;
    public static final int CS_TONE = 6;
    public static final int CS_STOPD = 7;
    public static final int CS_SENDFAX = 8;
    public static final int CS_RECVFAX = 9;
    public static final int CS_FAXIO = 10;
    public static final int CS_HOOK = 11;
    public static final int CS_WINK = 12;
    public static final int CS_CALL = 13;
    public static final int CS_GETR2MF = 14;
    public static final int CS_RINGS = 15;
    public static final int CS_BLOCKED = 16;

    /* play/record mode bits */
    public static final int EV_NOSTOP = 0x0200;
    public static final int MD_ADPCM = 0x0000;
    public static final int MD_PCM = 0x0100;
    public static final int PM_SR8 = 0x4000;
    public static final int PM_ALAW = 0x0020;

    /** Digit buffer length (31 digits plus NUL). */
    public static final int LEN_DIGBUF = 31;

    /** @return the symbolic name of a TDX_* event type, or {@link Symbols#UNKNOWN} */
    public static String eventName(long type) {
        return Symbols.name(DxConstants.class, "TDX_", type);
    }

    /** @return the symbolic name of an EDX_* error, or {@link Symbols#UNKNOWN} */
    public static String errorName(long code) {
        return Symbols.name(DxConstants.class, "EDX_", code);
    }
}
