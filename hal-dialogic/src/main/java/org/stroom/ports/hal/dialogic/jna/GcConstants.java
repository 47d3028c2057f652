package org.stroom.ports.hal.dialogic.jna;

/**
 * GlobalCall constants: events, masks, call states, errors, results, causes and alarm values (fact sheet
 * sections 4.3 to 4.9). Several names alias one value ({@code GCEV_SETUP_ACK = GCEV_REQMOREINFO}); symbol
 * lookup returns the alphabetically first.
 *
 * <p>Thread-safety: constants only.
 */
public final class GcConstants {
    private GcConstants() {}

    public static final int GC_SUCCESS = 0;
    public static final int GC_ERROR = -1;
    public static final long METAEVENT_MAGIC = 0xBAD012FBL;
    public static final long GCME_GC_EVENT = 0x1L;
    public static final int GC_ADDRSIZE = 128;
    public static final int GC_MAX_CRNS_PER_LINEDEV = 20;
    public static final int GCMKCALLBLK_DEFAULT = 0xFF;

    /* CC library ids (2.3) */
    public static final int GC_ALL_LIB = 0;
    public static final int GC_ICAPI_LIB = 1;
    public static final int GC_ISDN_LIB = 2;
    public static final int GC_ANAPI_LIB = 3;
    public static final int GC_PDKRT_LIB = 4;
    public static final int GC_SS7_LIB = 5;
    public static final int GC_DM3CC_LIB = 6;
    public static final int GC_IPM_LIB = 7;
    public static final int GC_H3R_LIB = 8;

    /* events (4.3) */
    public static final int DT_GC = 0x800;
    public static final int GCEV_TASKFAIL = 0x801;
    public static final int GCEV_ANSWERED = 0x802;
    public static final int GCEV_CALLPROGRESS = 0x803;
    public static final int GCEV_ACCEPT = 0x804;
    public static final int GCEV_DROPCALL = 0x805;
    public static final int GCEV_RESETLINEDEV = 0x806;
    public static final int GCEV_CALLINFO = 0x807;
    public static final int GCEV_REQANI = 0x808;
    public static final int GCEV_SETCHANSTATE = 0x809;
    public static final int GCEV_MOREDIGITS = 0x80C;
    public static final int GCEV_SETBILLING = 0x80E;
    public static final int GCEV_ATTACH = 0x80F;
    public static final int GCEV_ATTACH_FAIL = 0x810;
    public static final int GCEV_DETACH = 0x811;
    public static final int GCEV_DETACH_FAIL = 0x812;
    public static final int GCEV_MEDIA_REQ = 0x813;
    public static final int GCEV_OPENEX = 0x817;
    public static final int GCEV_OPENEX_FAIL = 0x818;
    public static final int GCEV_TRACEDATA = 0x819;
    public static final int GCEV_ALERTING = 0x821;
    public static final int GCEV_CONNECTED = 0x822;
    public static final int GCEV_ERROR = 0x823;
    public static final int GCEV_OFFERED = 0x824;
    public static final int GCEV_DISCONNECTED = 0x826;
    public static final int GCEV_PROCEEDING = 0x827;
    public static final int GCEV_PROGRESSING = 0x828;
    public static final int GCEV_USRINFO = 0x829;
    public static final int GCEV_FACILITY = 0x82A;
    public static final int GCEV_CONGESTION = 0x82B;
    public static final int GCEV_D_CHAN_STATUS = 0x82E;
    public static final int GCEV_BLOCKED = 0x832;
    public static final int GCEV_UNBLOCKED = 0x833;
    public static final int GCEV_NOTIFY = 0x835;
    public static final int GCEV_SETUP_ACK = 0x839;
    public static final int GCEV_REQMOREINFO = 0x839;
    public static final int GCEV_CALLSTATUS = 0x83A;
    public static final int GCEV_MEDIADETECTED = 0x83B;
    public static final int GCEV_HOLDACK = 0x841;
    public static final int GCEV_HOLDCALL = 0x842;
    public static final int GCEV_HOLDREJ = 0x843;
    public static final int GCEV_ACKCALL = 0x850;
    public static final int GCEV_BLINDTRANSFER = 0x854;
    public static final int GCEV_LISTEN = 0x855;
    public static final int GCEV_UNLISTEN = 0x856;
    public static final int GCEV_DETECTED = 0x857;
    public static final int GCEV_FATALERROR = 0x858;
    public static final int GCEV_RELEASECALL = 0x859;
    public static final int GCEV_RELEASECALL_FAIL = 0x85A;
    public static final int GCEV_DIALTONE = 0x860;
    public static final int GCEV_DIALING = 0x861;
    public static final int GCEV_ALARM = 0x862;
    public static final int GCEV_MOREINFO = 0x863;
    public static final int GCEV_SENDMOREINFO = 0x865;
    public static final int GCEV_CALLPROC = 0x866;
    public static final int GCEV_EXTENSION = 0x868;
    public static final int GCEV_EXTENSIONCMPLT = 0x869;
    public static final int GCEV_GETCONFIGDATA = 0x86A;
    public static final int GCEV_GETCONFIGDATA_FAIL = 0x86B;
    public static final int GCEV_SETCONFIGDATA = 0x86C;
    public static final int GCEV_SETCONFIGDATA_FAIL = 0x86D;
    public static final int GCEV_TIMEOUT = 0x885;
    public static final int GCEV_REQ_MODIFY_CALL = 0x886;
    public static final int GCEV_FACILITYREQ = 0x8FF;
    /** gc_Open success marker; never a queued event. */
    public static final int GCEV_OPEN_UNBLOCKED = -1;

    /* event masks and actions (4.4) */
    public static final int GCMSK_ALERTING = 0x01;
    public static final int GCMSK_PROCEEDING = 0x02;
    public static final int GCMSK_PROGRESS = 0x04;
    public static final int GCMSK_NOFACILITYBUF = 0x08;
    public static final int GCMSK_NOUSRINFO = 0x10;
    public static final int GCMSK_BLOCKED = 0x20;
    public static final int GCMSK_UNBLOCKED = 0x40;
    public static final int GCMSK_PROC_SEND = 0x80;
    public static final int GCMSK_SETUP_ACK = 0x100;
    public static final int GCMSK_DETECTED = 0x200;
    public static final int GCMSK_DIALTONE = 0x400;
    public static final int GCMSK_DIALING = 0x800;
    public static final int GCMSK_FATALERROR = 0x1000;
    public static final int GCMSK_REQMOREINFO = 0x2000;
    public static final int GCACT_SETMSK = 1;
    public static final int GCACT_ADDMSK = 2;
    public static final int GCACT_SUBMSK = 3;
    public static final int GCLS_INSERVICE = 0;
    public static final int GCLS_MAINTENANCE = 1;
    public static final int GCLS_OUT_OF_SERVICE = 2;
    /* gc_GetLinedevState types (4.1: B-channel 0, D-channel 1); the names are ours */
    public static final int GCGLS_BCHANNEL = 0;
    public static final int GCGLS_DCHANNEL = 1;
    public static final int GC_NETWORKDEVICE = 1;
    public static final int GC_VOICEDEVICE = 2;
    public static final int GC_MEDIADEVICE = 3;
    public static final int GC_NET_GCLINEDEVICE = 4;

    /* call states (4.5) */
    public static final int GCST_NULL = 0x00;
    public static final int GCST_ACCEPTED = 0x01;
    public static final int GCST_ALERTING = 0x02;
    public static final int GCST_CONNECTED = 0x04;
    public static final int GCST_OFFERED = 0x08;
    public static final int GCST_DIALING = 0x10;
    public static final int GCST_IDLE = 0x20;
    public static final int GCST_DISCONNECTED = 0x40;
    public static final int GCST_DIALTONE = 0x80;
    public static final int GCST_ONHOLDPENDINGTRANSFER = 0x100;
    public static final int GCST_ONHOLD = 0x200;
    public static final int GCST_DETECTED = 0x400;
    public static final int GCST_PROCEEDING = 0x800;
    public static final int GCST_SENDMOREINFO = 0x1000;
    public static final int GCST_GETMOREINFO = 0x2000;
    public static final int GCST_CALLROUTING = 0x4000;

    /* gc_DropCall causes (4.6) */
    public static final int GC_UNASSIGNED_NUMBER = 0x01;
    public static final int GC_CHANNEL_UNACCEPTABLE = 0x06;
    public static final int GC_NORMAL_CLEARING = 0x10;
    public static final int GC_USER_BUSY = 0x11;
    public static final int GC_CALL_REJECTED = 0x15;
    public static final int GC_DEST_OUT_OF_ORDER = 0x19;
    public static final int GC_NETWORK_CONGESTION = 0x2A;
    public static final int GC_REQ_CHANNEL_NOT_AVAIL = 0x2C;
    public static final int GC_SEND_SIT = 0x300;

    /* errors (4.7) */
    public static final int EGC_NOERR = 0x00;
    public static final int EGC_NOCALL = 0x01;
    public static final int EGC_ALARM = 0x02;
    public static final int EGC_ATTACHED = 0x03;
    public static final int EGC_DEVICE = 0x04;
    public static final int EGC_INVPROTOCOL = 0x05;
    public static final int EGC_PROTOCOL = 0x07;
    public static final int EGC_SYNC = 0x08;
    public static final int EGC_TIMEOUT = 0x09;
    public static final int EGC_UNSUPPORTED = 0x0A;
    public static final int EGC_USER = 0x0B;
    public static final int EGC_VOICE = 0x0C;
    public static final int EGC_NDEVICE = 0x0D;
    public static final int EGC_NPROTOCOL = 0x0E;
    public static final int EGC_PUTEVT = 0x14;
    public static final int EGC_MAXDEVICES = 0x15;
    public static final int EGC_OPENH = 0x16;
    public static final int EGC_DXOPEN = 0x16;
    public static final int EGC_INTERR = 0x18;
    public static final int EGC_NOMEM = 0x19;
    public static final int EGC_SYSTEM = 0x1D;
    public static final int EGC_INVSTATE = 0x41;
    public static final int EGC_INVCRN = 0x42;
    public static final int EGC_INVLINEDEV = 0x43;
    public static final int EGC_INVPARM = 0x44;
    public static final int EGC_SRL = 0x45;
    public static final int EGC_USRATTRNOTSET = 0x81;
    public static final int EGC_INVMETAEVENT = 0x82;
    public static final int EGC_NAMENOTFOUND = 0x84;
    public static final int EGC_DRIVER = 0x85;
    public static final int EGC_TASKABORTED = 0x88;
    public static final int EGC_CCLIBSPECIFIC = 0x89;
    public static final int EGC_CCLIBSTART = 0x8C;
    public static final int EGC_INVDEVNAME = 0x8E;
    public static final int EGC_DTOPEN = 0x8F;
    public static final int EGC_GCNOTSTARTED = 0x90;
    public static final int EGC_ILLSTATE = 0x92;
    public static final int EGC_GC_STARTED = 0x94;
    public static final int EGC_BUSY = 0x95;
    public static final int EGC_NOANSWER = 0x96;
    public static final int EGC_NOT_INSERVICE = 0x97;
    public static final int EGC_NOVOICE = 0x98;
    public static final int EGC_NORB = 0x99;
    public static final int EGC_CEPT = 0x100;
    public static final int EGC_DIALTONE = 0x103;
    public static final int EGC_UNALLOCATED = 0x10F;
    public static final int EGC_CONGESTION = 0x110;
    public static final int EGC_REJECT = 0x111;
    public static final int EGC_ASYNC = 0x120;
    public static final int EGC_INVPARMBLK = 0x132;
    public static final int EGC_INVSETID = 0x134;
    public static final int EGC_INVPARMID = 0x135;
    public static final int EGC_GLARE = 0x146;
    public static final int EGC_GC_FUNC_AFTER_STOP = 0x149;

    /* results (4.8) */
    public static final int GCRV_NORMAL = 0x500;
    public static final int GCRV_ALARM = 0x501;
    public static final int GCRV_TIMEOUT = 0x502;
    public static final int GCRV_PROTOCOL = 0x503;
    public static final int GCRV_NOANSWER = 0x504;
    public static final int GCRV_INTERNAL = 0x505;
    public static final int GCRV_CCLIBSPECIFIC = 0x506;
    public static final int GCRV_NOVOICE = 0x507;
    public static final int GCRV_SIGNALLING = 0x508;
    public static final int GCRV_BUSY = 0x509;
    public static final int GCRV_OOF = 0x510;
    public static final int GCRV_LOS = 0x511;
    public static final int GCRV_RYEL = 0x515;
    public static final int GCRV_RBL = 0x519;
    public static final int GCRV_RED = 0x51B;
    public static final int GCRV_OOFOK = 0x520;
    public static final int GCRV_LOSOK = 0x521;
    public static final int GCRV_RYELOK = 0x525;
    public static final int GCRV_RBLOK = 0x529;
    public static final int GCRV_REDOK = 0x52B;
    public static final int GCRV_NOT_INSERVICE = 0x540;
    public static final int GCRV_NORB = 0x541;
    public static final int GCRV_CEPT = 0x542;
    public static final int GCRV_STOPD = 0x543;
    public static final int GCRV_CPERROR = 0x544;
    public static final int GCRV_DIALTONE = 0x545;
    public static final int GCRV_UNALLOCATED = 0x546;
    public static final int GCRV_CONGESTION = 0x547;
    public static final int GCRV_REJECT = 0x548;
    public static final int GCRV_GLARE = 0x562;
    public static final int GCRV_CALLABANDONED = 0x563;

    /* alarm management (4.9) */
    public static final long ALARM_SOURCE_ID_NA = 0;
    public static final long ALARM_SOURCE_ID_SPRINGWARE_E1 = 1;
    public static final long ALARM_SOURCE_ID_SPRINGWARE_T1 = 2;
    public static final long ALARM_SOURCE_ID_DM3_E1 = 3;
    public static final long ALARM_SOURCE_ID_DM3_T1 = 4;
    /** {@code unsigned long} all-ones; on LP64 pass it as {@code -1L} (fact sheet 1.3). */
    public static final long ALARM_SOURCE_ID_NETWORK_ID = 0xFFFFFFFFL;

    public static final int ALARM_NOTIFY = 1;
    public static final int ALARM_NONOTIFY = 0;

    /** @return the symbolic name of a GCEV_* event type, or {@link Symbols#UNKNOWN} */
    public static String eventName(long type) {
        return Symbols.name(GcConstants.class, "GCEV_", type);
    }

    /** @return the symbolic name of an EGC_* error, or {@link Symbols#UNKNOWN} */
    public static String errorName(long code) {
        return Symbols.name(GcConstants.class, "EGC_", code);
    }

    /** @return the symbolic name of a GCRV_* result, or {@link Symbols#UNKNOWN} */
    public static String resultName(long code) {
        return Symbols.name(GcConstants.class, "GCRV_", code);
    }

    /** @return the symbolic name of a GCST_* call state, or {@link Symbols#UNKNOWN} */
    public static String stateName(long state) {
        return Symbols.name(GcConstants.class, "GCST_", state);
    }
}
