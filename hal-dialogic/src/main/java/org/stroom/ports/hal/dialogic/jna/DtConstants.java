package org.stroom.ports.hal.dialogic.jna;

/**
 * Digital trunk interface constants: events, alarm codes, enable masks and errors (fact sheet section
 * 7.2). T1 and E1 alarm codes share values with different meanings; this class carries the T1 set.
 *
 * <p>Thread-safety: constants only.
 */
public final class DtConstants {
    private DtConstants() {}

    /* events */
    public static final int DT_DTI = 0x2000;
    public static final int DTEV_RCVPDG = 0x2048;
    public static final int DTEV_T1ERRC = 0x2049;
    public static final int DTEV_COMRSP = 0x204A;
    public static final int DTEV_DATRSP = 0x204B;
    public static final int DTEV_PDDONE = 0x204C;
    public static final int DTEV_SIG = 0x204D;
    public static final int DTEV_RETDIAG = 0x204E;
    public static final int DTEV_WINKCPLT = 0x204F;
    public static final int DTEV_MTFCNCPT = 0x2050;
    public static final int DTEV_CLKFAIL = 0x2051;
    public static final int DTEV_CASTEVT = 0x2052;
    public static final int DTEV_CASSENDENDEVT = 0x2053;
    public static final int DTEV_ERREVT = 0x20F0;
    public static final int DTEV_OUTSERVICE = 0x20F1;

    /* dt_setevtmsk event groups and actions */
    public static final int DTG_T1ERREVT = 1;
    public static final int DTG_SIGEVT = 2;
    public static final int DTG_PDIGEVT = 3;
    public static final int DTA_SETMSK = 0;
    public static final int DTA_ADDMSK = 1;
    public static final int DTA_SUBMSK = 2;

    /* dt_setalrm modes */
    public static final int DTA_NONE = 0;
    public static final int DTA_TERM = 1;
    public static final int DTA_DROP = 2;

    /* T1 alarm codes in DTEV_T1ERRC data; recovery is code + ALARM_RECOVERY_OFFSET */
    public static final int DTT1_OOF = 0x00;
    public static final int DTT1_LOS = 0x01;
    public static final int DTT1_DPM = 0x02;
    public static final int DTT1_BPVS = 0x03;
    public static final int DTT1_ECS = 0x04;
    public static final int DTT1_RYEL = 0x05;
    public static final int DTT1_RCL = 0x06;
    public static final int DTT1_FERR = 0x07;
    public static final int DTT1_B8ZSD = 0x08;
    public static final int DTT1_RBL = 0x09;
    public static final int DTT1_RLOS = 0x0A;
    public static final int DTT1_RED = 0x0B;
    public static final int DTT1_REDOK = 0x1B;
    /** Offset from an alarm code to its recovery code. */
    public static final int ALARM_RECOVERY_OFFSET = 0x10;

    /* T1 enable mask bits */
    public static final int DTEC_RLOS = 0x0001;
    public static final int DTEC_RBL = 0x0002;
    public static final int DTEC_B8ZSD = 0x0004;
    public static final int DTEC_FERR = 0x0008;
    public static final int DTEC_RCL = 0x0010;
    public static final int DTEC_RYEL = 0x0020;
    public static final int DTEC_ECS = 0x0040;
    public static final int DTEC_BPVS = 0x0080;
    public static final int DTEC_LOS = 0x0100;
    public static final int DTEC_DPM = 0x0200;
    public static final int DTEC_RED = 0x0400;
    public static final int DTEC_OOF = 0x8000;

    /* errors */
    public static final int EDT_SUCC = 0x00;
    public static final int EDT_TMOERR = 0x02;
    public static final int EDT_BADBRDERR = 0x04;
    public static final int EDT_BADCMDERR = 0x06;
    public static final int EDT_PARAMERR = 0x07;
    public static final int EDT_FWERR = 0x08;
    public static final int EDT_NOIDLEERR = 0x0A;
    public static final int EDT_SYSTEM = 0x0B;
    public static final int EDT_BADDEV = 0x0C;
    public static final int EDT_BUSY = 0x0E;
    public static final int EDT_OUTSERVICE = 0x0F;
    public static final int EDT_INVTS = 0xA7;
    public static final int EDT_TSASN = 0xAB;
    public static final int EDT_BADVAL = 0xAC;
    public static final int EDT_NOWTCALL = 0xB9;
    public static final int EDT_WTCALL = 0xBB;

    /** @return the symbolic name of a DTEV_* event type, or {@link Symbols#UNKNOWN} */
    public static String eventName(long type) {
        return Symbols.name(DtConstants.class, "DTEV_", type);
    }

    /** @return the symbolic name of an EDT_* error, or {@link Symbols#UNKNOWN} */
    public static String errorName(long code) {
        return Symbols.name(DtConstants.class, "EDT_", code);
    }

    /**
     * @return the DTT1_* name of an alarm or recovery code, e.g. {@code DTT1_RED} or {@code DTT1_REDOK}
     */
    public static String alarmName(int code) {
        String base = Symbols.name(DtConstants.class, "DTT1_", code & 0x0F);
        return code >= ALARM_RECOVERY_OFFSET && !base.equals(Symbols.UNKNOWN) ? base + "OK" : base;
    }
}
