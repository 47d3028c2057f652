/*
 * Dialogic R4 emulator: internal declarations shared by the emu_*.c files.
 *
 * Clean-room model written from hal-dialogic's own reading of the project fact sheet
 * (shared/reference/vendor-api-facts.md, Part A). No vendor header was used. Struct layouts
 * are the x86-64 (LP64) column of that sheet; GlobalCall and DTI structs are 1-byte packed.
 *
 * Concurrency: one process-wide mutex (emu_lock) guards every table. The SRL queue has its own
 * condition variable; a single scheduler thread fires timed completions (voice, fax, outbound
 * call progress) under the same mutex. Application callbacks (sr_enbhdlr handlers) are always
 * called without the mutex held.
 */
#ifndef DIALOGIC_EMU_H
#define DIALOGIC_EMU_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* ---- values from the fact sheet (section numbers in brackets) ---- */

/* SRL [3.2] */
#define SRL_DEVICE 0L
#define EV_ANYDEV (-1L)
#define EV_ANYEVT_32 0xFFFFFFFFUL
#define SR_TMOUT (-1L)
#define AT_FAILURE (-1L)
#define SR_DFLT_DATASIZE 48
#define ESR_NOERR 0
#define ESR_PARMID 2
#define ESR_TMOUT 3
#define ESR_BADDEV 11
#define ESR_BADPARM 13
#define IO_CONT 0x01
#define IO_LINK 0x02
#define IO_EOT 0x04
#define IO_DEV 0x00
#define IO_MEM 0x08

/* modes */
#define EV_SYNC 0x0000
#define EV_ASYNC 0x8000
#define EV_NOSTOP 0x0200

/* GlobalCall [4.3] events */
#define GCEV_TASKFAIL 0x801
#define GCEV_ANSWERED 0x802
#define GCEV_ACCEPT 0x804
#define GCEV_DROPCALL 0x805
#define GCEV_RESETLINEDEV 0x806
#define GCEV_OPENEX 0x817
#define GCEV_OPENEX_FAIL 0x818
#define GCEV_ALERTING 0x821
#define GCEV_CONNECTED 0x822
#define GCEV_OFFERED 0x824
#define GCEV_DISCONNECTED 0x826
#define GCEV_PROCEEDING 0x827
#define GCEV_D_CHAN_STATUS 0x82E
#define GCEV_BLOCKED 0x832
#define GCEV_UNBLOCKED 0x833
#define GCEV_DETECTED 0x857
#define GCEV_RELEASECALL 0x859
#define GCEV_DIALING 0x861
#define GCEV_ALARM 0x862

/* GlobalCall [4.4] masks */
#define GCMSK_ALERTING 0x01
#define GCMSK_PROCEEDING 0x02
#define GCMSK_BLOCKED 0x20
#define GCMSK_UNBLOCKED 0x40
#define GCMSK_DETECTED 0x200
#define GCMSK_DIALTONE 0x400
#define GCMSK_DIALING 0x800
#define GCACT_SETMSK 1
#define GCACT_ADDMSK 2
#define GCACT_SUBMSK 3
#define GC_NETWORKDEVICE 1
#define GC_VOICEDEVICE 2
#define GC_MEDIADEVICE 3
#define GC_NET_GCLINEDEVICE 4

/* GlobalCall [4.5] call states */
#define GCST_NULL 0x00
#define GCST_ACCEPTED 0x01
#define GCST_ALERTING 0x02
#define GCST_CONNECTED 0x04
#define GCST_OFFERED 0x08
#define GCST_DIALING 0x10
#define GCST_IDLE 0x20
#define GCST_DISCONNECTED 0x40
#define GCST_DETECTED 0x400
#define GCST_PROCEEDING 0x800

/* GlobalCall [4.7] errors, [4.8] results, [4.9] alarms */
#define GC_SUCCESS 0
#define GC_ERROR (-1)
#define EGC_NOERR 0x00
#define EGC_ALARM 0x02
#define EGC_UNSUPPORTED 0x0A
#define EGC_SYNC 0x08
#define EGC_INVSTATE 0x41
#define EGC_INVCRN 0x42
#define EGC_INVLINEDEV 0x43
#define EGC_INVPARM 0x44
#define EGC_INVMETAEVENT 0x82
#define EGC_INVDEVNAME 0x8E
#define EGC_GCNOTSTARTED 0x90
#define EGC_GC_STARTED 0x94
#define EGC_ASYNC 0x120
#define EGC_GC_FUNC_AFTER_STOP 0x149
#define GCRV_NORMAL 0x500
#define GCRV_ALARM 0x501
#define GCRV_NOANSWER 0x504
#define GCRV_INTERNAL 0x505
#define GCRV_SIGNALLING 0x508
#define GCRV_GLARE 0x562
#define ALARM_SOURCE_ID_SPRINGWARE_T1 2UL
#define ALARM_NOTIFY 1
#define METAEVENT_MAGIC 0xBAD012FBUL
#define GCME_GC_EVENT 0x1UL
#define GC_ADDRSIZE 128
#define GCLS_INSERVICE 0
#define GCLS_OUT_OF_SERVICE 2
/* gc_GetLinedevState types [4.1]: B-channel 0, D-channel 1 (values H, names ours) */
#define GCGLS_BCHANNEL 0
#define GCGLS_DCHANNEL 1

/* CC library ids [2.3] */
#define GC_ICAPI_LIB 1
#define GC_ISDN_LIB 2
#define GC_PDKRT_LIB 4

/* Voice [5.3] */
#define TDX_PLAY 0x81
#define TDX_RECORD 0x82
#define TDX_GETDIG 0x83
#define TDX_NOSTOP 0x8D
#define TDX_DIAL 0x84
#define TDX_CST 0x86
#define DE_DIGITS 8
#define DM_DIGITS 0x80
#define EDX_NOERROR 0
#define EDX_SYSTEM 1
#define EDX_BADIOTT 4
#define EDX_BADTPT 5
#define EDX_BADPARM 6
#define EDX_BADDEV 7
#define EDX_BUSY 9
#define DX_MAXDTMF 1
#define DX_IDDTIME 5
#define DX_MAXTIME 6
#define DX_DIGMASK 7
#define TF_10MS 0x20
#define TM_NORMTERM 0x0
#define TM_MAXDTMF 0x1
#define TM_IDDTIME 0x10
#define TM_MAXTIME 0x20
#define TM_DIGIT 0x40
#define TM_USRSTOP 0x100
#define TM_EOD 0x200
#define CS_IDLE 1
#define CS_PLAY 2
#define CS_RECD 3
#define CS_GTDIG 5
#define CS_SENDFAX 8
#define CS_RECVFAX 9
#define LEN_DIGBUF 31

/* Fax [6.3] */
#define TFX_FAXSEND 0xA1
#define TFX_FAXRECV 0xA2
#define TFX_FAXERROR 0xA3
#define TFX_PHASEB 0xA4
#define TFX_PHASED 0xA5
#define EFX_BADIOTT 0x109
#define EFX_NOSTATE 0x10B
#define EFX_BADSTATE 0x10C
#define EFX_INVALARG 0x10F
#define EFX_INVALFUNC 0x110
#define EFX_NOTIDLE 0x112
#define DF_RX 0
#define DF_TX 1
#define DF_PHASEB 0x4
#define DF_PHASED 0x8
#define DF_TIFF 0
#define EFX_PHDDEADTX 107
#define EFX_DCNFAXRX 129
#define EFX_ABORTCMD 199
#define EFX_T1EXPTX 100
#define EFX_T1EXPRX 120
#define TM_FXTERM 0x01
#define DFS_EOP 0
#define DFS_MPS 1
#define DFS_MCF 1

/* DTI [7.1], [7.2] */
#define DTG_T1ERREVT 1
#define DTA_SETMSK 0
#define DTA_ADDMSK 1
#define DTA_SUBMSK 2
#define DTEV_T1ERRC 0x2049
#define DTEV_OUTSERVICE 0x20F1
#define EDT_SUCC 0x00
#define EDT_PARAMERR 0x07
#define EDT_FWERR 0x08
#define EDT_BADDEV 0x0C

/*
 * ---- modelled behaviour (A): PRI D-channel and board faults ----
 * The fact sheet names GCEV_D_CHAN_STATUS, gc_GetLinedevState (B-channel 0 / D-channel 1), GCEV_BLOCKED /
 * UNBLOCKED and DTEV_OUTSERVICE, but gives no event data, no state values and no recovery notice. The
 * emulator pins these choices; docs/backends/dialogic.md lists them:
 *  - GCEV_D_CHAN_STATUS goes to every open ISDN line device of the trunk (not maskable); its data is
 *    one int, the new D-channel state as a GCLS_* value; gc_GetLinedevState returns GCLS_* values too;
 *  - a D-channel failure clears calls not yet connected at once and connected calls when T309 expires
 *    (Q.931 5.8.8), both with EMU_DCHAN_RESULT;
 *  - a board fault sends DTEV_OUTSERVICE to the board's trunk devices with one unsigned short,
 *    EMU_BOARD_FAULT_CODE; recovery sends it again with EMU_BOARD_OK_CODE; the board's D-channels go
 *    down with it and its calls are disconnected with EMU_BOARD_FAULT_RESULT;
 *  - a trunk alarm does not take the D-channel down.
 */
#define EMU_T309_MS 90000L
#define EMU_DCHAN_RESULT GCRV_SIGNALLING
#define EMU_BOARD_FAULT_RESULT GCRV_INTERNAL
#define EMU_BOARD_FAULT_CODE EDT_FWERR
#define EMU_BOARD_OK_CODE EDT_SUCC

/* ---- structures (x86-64 layout) ---- */

typedef long LINEDEV;
typedef long CRN;

typedef struct DV_TPT {
    unsigned short tp_type;
    unsigned short tp_termno;
    unsigned short tp_length;
    unsigned short tp_flags;
    unsigned short tp_data;
    unsigned short rfu;
    struct DV_TPT *tp_nextp;
} DV_TPT;

typedef struct DX_IOTT {
    unsigned short io_type;
    unsigned short rfu;
    int io_fhandle;
    char *io_bufp;
    unsigned long io_offset;
    long io_length;
    struct DX_IOTT *io_nextp;
    struct DX_IOTT *io_prevp;
} DX_IOTT;

typedef struct DV_DIGIT {
    char dg_value[LEN_DIGBUF + 1];
    char dg_type[LEN_DIGBUF + 1];
} DV_DIGIT;

typedef struct DF_IOTT {
    unsigned long io_offset;
    unsigned long io_length;
    char *io_bufferp;
    struct DF_IOTT *io_prevp;
    struct DF_IOTT *io_nextp;
    void *io_datap;
    int io_fhandle;
    unsigned short io_type;
    unsigned short io_datatype;
    unsigned short io_phdcont;
    unsigned short io_width;
    unsigned char io_resln;
    unsigned char io_coding;
    unsigned char rfu[2];
} DF_IOTT;

#pragma pack(push, 1)
typedef struct METAEVENT {
    long magicno;
    unsigned long flags;
    void *evtdatap;
    long evtlen;
    long evtdev;
    long evttype;
    LINEDEV linedev;
    CRN crn;
    void *extevtdatap;
    void *usrattr;
    int cclibid;
    int rfu1;
} METAEVENT;

typedef struct GC_INFO {
    int gcValue;
    const char *gcMsg;
    int ccLibId;
    const char *ccLibName;
    long ccValue;
    const char *ccMsg;
    const char *additionalInfo;
} GC_INFO;

typedef struct GC_PARM_DATA {
    unsigned short set_ID;
    unsigned short parm_ID;
    unsigned char value_size;
    unsigned char value_buf[1];
} GC_PARM_DATA;

typedef struct GC_PARM_BLK {
    unsigned short parm_data_size;
    unsigned char parm_data_buf[1];
} GC_PARM_BLK;
#pragma pack(pop)

/* ---- emulator model ---- */

#define EMU_MAX_DEVICES 4096
#define EMU_MAX_CALLS 1024
#define EMU_MAX_TRUNKS 8
#define EMU_MAX_TIMESLOTS 31
#define EMU_MAX_VCHANS 256
#define EMU_FIRST_HANDLE 1
#define EMU_FIRST_CRN 0x10001L

enum dev_kind { DK_FREE = 0, DK_GC_LINE, DK_VOICE, DK_FAX, DK_DTI_BOARD, DK_DTI_TS };

enum io_kind { IO_NONE = 0, IO_PLAY, IO_RECORD, IO_GETDIG, IO_DIAL };

/* A queued or current SRL event. */
typedef struct emu_event {
    struct emu_event *next;
    unsigned long id;
    long dev;
    unsigned long type;
    long len;
    unsigned char data[SR_DFLT_DATASIZE];
    int gc;
    LINEDEV linedev;
    CRN crn;
    void *usrattr;
    int cclibid;
    int result;
    long alarm_number;
    unsigned long alarm_source;
} emu_event;

/* One voice channel (dxxxBnCm). Several handles (dx_open, fx_open, gc V_) may point at it. */
typedef struct vchan {
    int exists;
    char name[32];
    char digits[LEN_DIGBUF + 1];
    char digtypes[LEN_DIGBUF + 1];
    int ndigits;
    /* active voice I/O */
    int io;
    long io_dev;
    unsigned long io_seq;
    int io_sync;
    int64_t io_start_ns;
    int64_t idd_deadline_ns;
    long io_bytes_total;
    DX_IOTT *io_iott;
    DV_DIGIT *io_digp;
    int tpt_maxdtmf;
    unsigned int tpt_digmask;
    long tpt_maxtime_ms;
    long tpt_iddtime_ms;
    /* active fax session */
    long fax_dev;
    /* unsolicited call-status events enabled by dx_setevtmsk (DM_* bits) and the handle to report on */
    unsigned int cst_mask;
    long cst_dev;
} vchan;

typedef struct device {
    int kind;
    int open;
    char name[96];
    long lasterr;
    /* gc line */
    int trunk;
    int ts;
    int cclibid;
    int vchan_ix;
    long voice_h;
    long net_h;
    void *usrattr;
    unsigned long gcmask;
    int alarm_notify;
    int armed;
    CRN crn;
    int line_blocked;
    /* voice / fax: channel index; voice results */
    long termmsk;
    long trcount;
    /* fax */
    int fax_role;
    int fax_active;
    int fax_send;
    unsigned long fax_flags;
    unsigned long fax_seq;
    int fax_pages_total;
    int fax_pages_done;
    long fax_estat;
    long fax_termmsk;
    char fax_file[512];
    /* dti board */
    unsigned short t1mask;
    int alrm_mode;
} device;

typedef struct call {
    int in_use;
    CRN crn;
    LINEDEV linedev;
    int state;
    int outbound;
    unsigned long seq;
    int far_result;
    int far_fax;       /* the far end is a fax machine */
    int far_fax_pages; /* pages it sends when we receive */
    char ani[GC_ADDRSIZE];
    char dnis[GC_ADDRSIZE];
} call;

typedef struct trunk {
    unsigned int active_alarms; /* bit n = alarm code n active */
    int dchan_down;             /* the far end's D-channel is down (emu_set_dchannel) */
    int faulted;                /* the board carrying this trunk has failed (emu_board_fault) */
    unsigned long dchan_seq;    /* bumped on every D-channel change; a T309 timer of an older one is stale */
} trunk;

/* Internal symbols stay out of the library's exported interface. */
#pragma GCC visibility push(hidden)

/* globals (emu_core.c) */
extern pthread_mutex_t emu_lock;
extern pthread_cond_t emu_io_cond;
extern device emu_dev[EMU_MAX_DEVICES];
extern call emu_calls[EMU_MAX_CALLS];
extern vchan emu_vchan[EMU_MAX_VCHANS];
extern trunk emu_trunk[EMU_MAX_TRUNKS + 1];
extern int emu_trunks;
extern int emu_timeslots;
extern int emu_voice_channels;
extern int emu_gc_started;
extern int emu_gc_stopped;
extern unsigned long emu_default_gcmask;
extern int emu_fax_phaseb_ms;
extern int emu_fax_page_ms;
extern int emu_fax_rx_pages;
extern long emu_t309_ms;

/* core helpers; all *_locked functions expect emu_lock held */
int64_t emu_now_ns(void);
int64_t emu_scaled_ns(long emulated_ms);
long emu_emulated_ms(int64_t real_ns);
emu_event *emu_current_event(unsigned long evt_handle);
int emu_trunk_blocked_locked(int t);
int emu_trunk_faulted_locked(int t);
int emu_dchannel_down_locked(int t);
long emu_new_handle_locked(int kind, const char *name);
device *emu_device_locked(long handle, int kind);
void emu_queue_locked(emu_event *ev);
emu_event *emu_new_event(long dev, unsigned long type);
void emu_queue_gc_locked(device *line, unsigned long type, CRN crn, int result);
int emu_consume_failure_locked(const char *function, long *code);
int emu_consume_line_failure_locked(int trunk, int ts, long *code);
call *emu_connected_call_on_vchan_locked(int vchan_ix, device **line);
int emu_vchan_index(const char *name);

typedef void (*emu_timer_fn)(long a, unsigned long seq);
void emu_schedule_locked(long emulated_ms, emu_timer_fn fn, long a, unsigned long seq);
unsigned long emu_next_seq_locked(void);

/* cross-library hooks */
void emu_voice_reset_locked(void);
void emu_gc_reset_locked(void);
void emu_fax_abort_locked(int vchan_ix, long estat);
void emu_gc_trunk_alarm_locked(int trunk, int code, int raised, int blocking_changed, int now_blocked);
void emu_dt_trunk_alarm_locked(int trunk, int code);
void emu_gc_trunk_changed_locked(int trunk, int dchan_changed, int drop_result, int drop_connected);
void emu_gc_t309_locked(int trunk);
void emu_dt_trunk_service_locked(int trunk, int code);

/* error texts */
const char *emu_gc_error_text(int code);
const char *emu_gc_result_text(int code);
const char *emu_dx_error_text(long code);
const char *emu_fx_error_text(long code);
const char *emu_dt_error_text(long code);
const char *emu_sr_error_text(long code);
void emu_srl_reset_locked(void);

#pragma GCC visibility pop

#endif
