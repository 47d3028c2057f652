package org.stroom.ports.hal.dialogic.jna;

/**
 * Fax library constants: events, library errors, phase-E status codes, session flags and parameters (fact
 * sheet section 6.3). {@code TFX_FAXSEND} and {@code TFX_FAXRECV} share their values with voice events;
 * dispatch on the device kind first.
 *
 * <p>Thread-safety: constants only.
 */
public final class FxConstants {
    private FxConstants() {}

    /* events */
    public static final int TFX_FAXSEND = 0xA1;
    public static final int TFX_FAXRECV = 0xA2;
    public static final int TFX_FAXERROR = 0xA3;
    public static final int TFX_PHASEB = 0xA4;
    public static final int TFX_PHASED = 0xA5;
    public static final int TFX_LOADFONT = 0xA6;
    public static final int TFX_ORIGINATE = 0xA8;
    public static final int TFX_T38GW = 0xA9;

    /* roles for fx_initstat */
    public static final int DF_RX = 0;
    public static final int DF_TX = 1;
    public static final int DF_T38GW = 2;

    /* library errors */
    public static final int EFX_NOTIMP = 0x100;
    public static final int EFX_POLLED = 0x101;
    public static final int EFX_NOPOLL = 0x102;
    public static final int EFX_COMPAT = 0x103;
    public static final int EFX_BADTIF = 0x104;
    public static final int EFX_BADTAG = 0x105;
    public static final int EFX_NOPAGE = 0x106;
    public static final int EFX_DISCONNECT = 0x107;
    public static final int EFX_RETRYDCN = 0x108;
    public static final int EFX_BADIOTT = 0x109;
    public static final int EFX_BADPAGE = 0x10A;
    public static final int EFX_NOSTATE = 0x10B;
    public static final int EFX_BADSTATE = 0x10C;
    public static final int EFX_MAXCHAN = 0x10D;
    public static final int EFX_NOMEM = 0x10E;
    public static final int EFX_INVALARG = 0x10F;
    public static final int EFX_INVALFUNC = 0x110;
    public static final int EFX_NOFAX = 0x111;
    public static final int EFX_NOTIDLE = 0x112;
    public static final int EFX_BADPARM = 0x113;
    public static final int EFX_BADTFHDR = 0x114;
    public static final int EFX_UNSUPPORTED = 0x115;
    public static final int EFX_NODATA = 0x119;
    public static final int EFX_NOTIMESLOT = 0x11A;
    public static final int EFX_FWERROR = 0x1FC;
    public static final int EFX_BADPHASE = 0x1FD;
    public static final int EFX_DRVERROR = 0x1FE;
    public static final int EFX_LIBERROR = 0x1FF;

    /* phase-E status (ATFX_ESTAT); prefix ESTAT_ keeps them apart from the library errors above */
    public static final int ESTAT_EFX_T1EXPTX = 100;
    public static final int ESTAT_EFX_NODISTX = 101;
    public static final int ESTAT_EFX_GOTDCNTX = 102;
    public static final int ESTAT_EFX_BADDCSTX = 103;
    public static final int ESTAT_EFX_PHBDEADTX = 104;
    public static final int ESTAT_EFX_NOISETX = 105;
    public static final int ESTAT_EFX_BADPGTX = 106;
    public static final int ESTAT_EFX_PHDDEADTX = 107;
    public static final int ESTAT_EFX_TXCOMP = 108;
    public static final int ESTAT_EFX_RXCOMP = 109;
    public static final int ESTAT_EFX_INVALRSPTX = 110;
    public static final int ESTAT_EFX_NOFINERECTX = 111;
    public static final int ESTAT_EFX_T2EXPRX = 112;
    public static final int ESTAT_EFX_T1EXPRX = 120;
    public static final int ESTAT_EFX_DCNFAXRX = 129;
    public static final int ESTAT_EFX_BUSYCHN = 140;
    public static final int ESTAT_EFX_COMMERRTX = 190;
    public static final int ESTAT_EFX_COMMERRRX = 191;
    public static final int ESTAT_EFX_NOFAXRX = 193;
    public static final int ESTAT_EFX_ABORTCMD = 199;
    public static final int ESTAT_EFX_CHIPNORESP = 200;
    public static final int ESTAT_EFX_CEDTONE = 201;

    /* session flags */
    public static final int DF_NOPOLL = 0;
    public static final int DF_POLL = 0x2;
    public static final int DF_PHASEB = 0x4;
    public static final int DF_PHASED = 0x8;
    public static final int DF_ISSUE_VRQ = 0x100;
    public static final int DF_ACCEPT_VRQ = 0x200;
    public static final int DF_ENABLE_RTV = 0x1000;
    public static final int DF_TXRESLO = 0x80000;
    public static final int DF_TXRESHI = 0x100000;
    public static final int DF_TXSUBADDR = 0x200000;

    /* DF_IOTT data types and page continuation */
    public static final int DF_TIFF = 0;
    public static final int DF_RAW = 1;
    public static final int DF_ASCII = 3;
    public static final int DFC_EOP = 0;
    public static final int DFC_MPG = 6;
    public static final int DFC_AUTO = 0xFF;

    /* ATFX_TERMMSK */
    public static final int TM_FXTERM = 0x01;
    public static final int TM_POLLED = 0x02;
    public static final int TM_VOICEREQ = 0x04;

    /* parameters */
    public static final long FC_LOCALID = 0x83000010L;
    public static final long FC_REMOTEID = 0x83000011L;
    public static final long FC_TXBAUDRATE = 0x23000014L;

    /** @return the symbolic name of a TFX_* event type, or {@link Symbols#UNKNOWN} */
    public static String eventName(long type) {
        return Symbols.name(FxConstants.class, "TFX_", type);
    }

    /** @return the symbolic name of an EFX_* library error, or {@link Symbols#UNKNOWN} */
    public static String errorName(long code) {
        return Symbols.name(FxConstants.class, "EFX_", code);
    }

    /**
     * @return the vendor name of a phase-E status (e.g. {@code EFX_ABORTCMD}), or {@link Symbols#UNKNOWN}
     */
    public static String phaseEName(long estat) {
        String name = Symbols.name(FxConstants.class, "ESTAT_", estat);
        return name.equals(Symbols.UNKNOWN) ? name : name.substring("ESTAT_".length());
    }
}
