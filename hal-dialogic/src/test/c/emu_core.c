/*
 * Dialogic R4 emulator: shared state, handle table, scheduler, failure injection, error texts
 * and the trunk-level control API (emu_*).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"

pthread_mutex_t emu_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t emu_io_cond = PTHREAD_COND_INITIALIZER;
device emu_dev[EMU_MAX_DEVICES];
call emu_calls[EMU_MAX_CALLS];
vchan emu_vchan[EMU_MAX_VCHANS];
trunk emu_trunk[EMU_MAX_TRUNKS + 1];
int emu_trunks = 2;
int emu_timeslots = 24;
int emu_voice_channels = 48;
int emu_gc_started = 0;
int emu_gc_stopped = 0;
/* Modelled default (fact sheet Part C row 12 leaves it open): alerting and blocked/unblocked on. */
unsigned long emu_default_gcmask = GCMSK_ALERTING | GCMSK_BLOCKED | GCMSK_UNBLOCKED;
/* Emulated milliseconds; the domain rule of thumb is about a minute per page. */
int emu_fax_phaseb_ms = 6000;
int emu_fax_page_ms = 60000;
int emu_fax_rx_pages = 1;
long emu_t309_ms = EMU_T309_MS;

static long next_handle = EMU_FIRST_HANDLE;
static unsigned long next_seq = 1;
static double time_scale = 1.0; /* real ms per emulated ms */

/* ---- time ---- */

int64_t emu_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int64_t emu_scaled_ns(long emulated_ms) {
    return (int64_t)((double)emulated_ms * time_scale * 1000000.0);
}

/* Converts a real elapsed time back into emulated milliseconds. */
long emu_emulated_ms(int64_t real_ns) {
    if (time_scale <= 0.0) {
        return 0;
    }
    return (long)((double)real_ns / 1000000.0 / time_scale);
}

/* ---- handles ---- */

long emu_new_handle_locked(int kind, const char *name) {
    if (next_handle >= EMU_MAX_DEVICES) {
        return -1;
    }
    long h = next_handle++;
    device *d = &emu_dev[h];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->open = 1;
    d->vchan_ix = -1;
    d->voice_h = -1;
    d->net_h = -1;
    snprintf(d->name, sizeof d->name, "%s", name);
    return h;
}

device *emu_device_locked(long handle, int kind) {
    if (handle < EMU_FIRST_HANDLE || handle >= EMU_MAX_DEVICES) {
        return NULL;
    }
    device *d = &emu_dev[handle];
    if (!d->open || (kind != DK_FREE && d->kind != kind)) {
        return NULL;
    }
    return d;
}

unsigned long emu_next_seq_locked(void) {
    return next_seq++;
}

int emu_vchan_index(const char *name) {
    int b, c;
    char tail;
    if (name == NULL || sscanf(name, "dxxxB%dC%d%c", &b, &c, &tail) != 2) {
        return -1;
    }
    if (b < 1 || c < 1 || c > 4) {
        return -1;
    }
    int ix = (b - 1) * 4 + (c - 1);
    if (ix >= emu_voice_channels || ix >= EMU_MAX_VCHANS) {
        return -1;
    }
    vchan *v = &emu_vchan[ix];
    if (!v->exists) {
        memset(v, 0, sizeof *v);
        v->exists = 1;
        v->io_dev = -1;
        v->fax_dev = -1;
        snprintf(v->name, sizeof v->name, "dxxxB%dC%d", b, c);
    }
    return ix;
}

/* ---- scheduler ---- */

typedef struct timer {
    struct timer *next;
    int64_t due;
    emu_timer_fn fn;
    long a;
    unsigned long seq;
} timer;

static timer *timers = NULL;
static pthread_cond_t sched_cond;
static int sched_started = 0;

static void *scheduler_main(void *arg) {
    (void)arg;
    pthread_mutex_lock(&emu_lock);
    for (;;) {
        if (timers == NULL) {
            pthread_cond_wait(&sched_cond, &emu_lock);
            continue;
        }
        int64_t now = emu_now_ns();
        if (timers->due <= now) {
            timer *t = timers;
            timers = t->next;
            t->fn(t->a, t->seq);
            free(t);
            continue;
        }
        struct timespec ts = {.tv_sec = timers->due / 1000000000LL, .tv_nsec = timers->due % 1000000000LL};
        pthread_cond_timedwait(&sched_cond, &emu_lock, &ts);
    }
    return NULL;
}

void emu_schedule_locked(long emulated_ms, emu_timer_fn fn, long a, unsigned long seq) {
    if (!sched_started) {
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&sched_cond, &attr);
        pthread_condattr_destroy(&attr);
        pthread_t th;
        pthread_attr_t tattr;
        pthread_attr_init(&tattr);
        pthread_attr_setdetachstate(&tattr, PTHREAD_CREATE_DETACHED);
        pthread_create(&th, &tattr, scheduler_main, NULL);
        pthread_attr_destroy(&tattr);
        sched_started = 1;
    }
    timer *t = calloc(1, sizeof *t);
    t->due = emu_now_ns() + emu_scaled_ns(emulated_ms < 0 ? 0 : emulated_ms);
    t->fn = fn;
    t->a = a;
    t->seq = seq;
    timer **p = &timers;
    while (*p != NULL && (*p)->due <= t->due) {
        p = &(*p)->next;
    }
    t->next = *p;
    *p = t;
    pthread_cond_signal(&sched_cond);
}

static void clear_timers_locked(void) {
    while (timers != NULL) {
        timer *t = timers;
        timers = t->next;
        free(t);
    }
}

/* ---- one-shot failure injection ---- */

#define MAX_FAILURES 16
static struct {
    char function[48];
    long code;
} failures[MAX_FAILURES];

int emu_consume_failure_locked(const char *function, long *code) {
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (failures[i].function[0] != '\0' && strcmp(failures[i].function, function) == 0) {
            *code = failures[i].code;
            failures[i].function[0] = '\0';
            return 1;
        }
    }
    return 0;
}

static struct {
    int trunk;
    int ts;
    long code;
} line_failures[MAX_FAILURES];

int emu_consume_line_failure_locked(int trunk, int ts, long *code) {
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (line_failures[i].trunk == trunk && line_failures[i].ts == ts && trunk != 0) {
            *code = line_failures[i].code;
            line_failures[i].trunk = 0;
            return 1;
        }
    }
    return 0;
}

/* ---- error texts (emulator wording) ---- */

typedef struct {
    long code;
    const char *text;
} text_entry;

static const char *lookup(const text_entry *table, long code, const char *fallback) {
    for (const text_entry *e = table; e->text != NULL; e++) {
        if (e->code == code) {
            return e->text;
        }
    }
    return fallback;
}

static const text_entry gc_errors[] = {
    {EGC_NOERR, "no error"},
    {EGC_ALARM, "line is blocked by a trunk alarm, a board fault or its D-channel"},
    {EGC_UNSUPPORTED, "function or parameter not supported on this device"},
    {EGC_SYNC, "function supports asynchronous mode only"},
    {0x09, "operation timed out"},
    {0x18, "internal error"},
    {EGC_INVSTATE, "call is in a state that does not allow this function"},
    {EGC_INVCRN, "call reference number is not valid"},
    {EGC_INVLINEDEV, "line device handle is not valid"},
    {EGC_INVPARM, "invalid parameter"},
    {EGC_INVMETAEVENT, "metaevent is not valid (bad magic number or no current event)"},
    {EGC_INVDEVNAME, "device name is not valid"},
    {EGC_GCNOTSTARTED, "GlobalCall has not been started"},
    {EGC_GC_STARTED, "GlobalCall is already started"},
    {EGC_ASYNC, "function supports synchronous mode only"},
    {EGC_GC_FUNC_AFTER_STOP, "function called after gc_Stop"},
    {0, NULL},
};

static const text_entry gc_results[] = {
    {GCRV_NORMAL, "normal completion"},
    {GCRV_ALARM, "call ended by a trunk alarm"},
    {GCRV_INTERNAL, "internal error (board fault)"},
    {GCRV_SIGNALLING, "signalling failure (D-channel down)"},
    {0x502, "timed out"},
    {GCRV_NOANSWER, "no answer"},
    {0x509, "destination busy"},
    {0x540, "number not in service"},
    {0x542, "operator intercept"},
    {0x547, "network congestion"},
    {0x548, "call rejected"},
    {0, NULL},
};

static const text_entry dx_errors[] = {
    {EDX_NOERROR, "no error"},
    {EDX_SYSTEM, "operating system error"},
    {EDX_BADIOTT, "invalid transfer table"},
    {EDX_BADTPT, "invalid termination parameter table"},
    {EDX_BADPARM, "invalid parameter"},
    {EDX_BADDEV, "invalid device"},
    {EDX_BUSY, "channel is busy with another I/O function"},
    {0, NULL},
};

static const text_entry fx_errors[] = {
    {0, "no error"},
    {EFX_BADIOTT, "invalid fax transfer table"},
    {EFX_NOSTATE, "fx_initstat was not called before the session"},
    {EFX_BADSTATE, "session direction does not match fx_initstat"},
    {EFX_INVALARG, "invalid argument"},
    {EFX_INVALFUNC, "function not allowed while a session is active"},
    {EFX_NOTIDLE, "channel is not idle"},
    {0, NULL},
};

static const text_entry dt_errors[] = {
    {EDT_SUCC, "no error"},
    {EDT_PARAMERR, "invalid parameter"},
    {EDT_BADDEV, "invalid device"},
    {0, NULL},
};

static const text_entry sr_errors[] = {
    {ESR_NOERR, "no error"},
    {ESR_PARMID, "invalid parameter id"},
    {ESR_TMOUT, "wait timed out"},
    {ESR_BADDEV, "no such device"},
    {ESR_BADPARM, "invalid parameter"},
    {0, NULL},
};

const char *emu_gc_error_text(int code) {
    return lookup(gc_errors, code, "unknown GlobalCall error");
}

const char *emu_gc_result_text(int code) {
    return lookup(gc_results, code, "unknown result");
}

const char *emu_dx_error_text(long code) {
    return lookup(dx_errors, code, "unknown voice error");
}

const char *emu_fx_error_text(long code) {
    return lookup(fx_errors, code, "unknown fax error");
}

const char *emu_dt_error_text(long code) {
    return lookup(dt_errors, code, "unknown DTI error");
}

const char *emu_sr_error_text(long code) {
    return lookup(sr_errors, code, "unknown SRL error");
}

/* ---- control API ---- */

/* Closes every device, drops every call and queued event, and restarts handle numbering. */
void emu_reset(void) {
    pthread_mutex_lock(&emu_lock);
    clear_timers_locked();
    emu_srl_reset_locked();
    emu_gc_reset_locked();
    emu_voice_reset_locked();
    memset(emu_dev, 0, sizeof emu_dev);
    memset(emu_calls, 0, sizeof emu_calls);
    memset(emu_vchan, 0, sizeof emu_vchan);
    memset(emu_trunk, 0, sizeof emu_trunk);
    memset(failures, 0, sizeof failures);
    memset(line_failures, 0, sizeof line_failures);
    next_handle = EMU_FIRST_HANDLE;
    next_seq = 1;
    time_scale = 1.0;
    emu_trunks = 2;
    emu_timeslots = 24;
    emu_voice_channels = 48;
    emu_default_gcmask = GCMSK_ALERTING | GCMSK_BLOCKED | GCMSK_UNBLOCKED;
    emu_fax_phaseb_ms = 6000;
    emu_fax_page_ms = 60000;
    emu_fax_rx_pages = 1;
    emu_t309_ms = EMU_T309_MS;
    pthread_cond_broadcast(&emu_io_cond);
    pthread_mutex_unlock(&emu_lock);
}

/* real milliseconds per emulated millisecond; 0.001 runs a one-minute fax page in 60 ms. */
int emu_set_time_scale(double real_ms_per_emulated_ms) {
    if (real_ms_per_emulated_ms < 0.0) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    time_scale = real_ms_per_emulated_ms;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

int emu_configure(int trunks, int timeslots, int voice_channels) {
    if (trunks < 1 || trunks > EMU_MAX_TRUNKS || timeslots < 1 || timeslots > EMU_MAX_TIMESLOTS
        || voice_channels < 1 || voice_channels > EMU_MAX_VCHANS) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    emu_trunks = trunks;
    emu_timeslots = timeslots;
    emu_voice_channels = voice_channels;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

/* The next call of `function` fails with `code` (EGC_* for gc_*, EDX/EFX/EDT_* for the others). */
int emu_fail_next(const char *function, long code) {
    if (function == NULL || strlen(function) >= sizeof failures[0].function) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (failures[i].function[0] == '\0') {
            snprintf(failures[i].function, sizeof failures[i].function, "%s", function);
            failures[i].code = code;
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/*
 * The next GlobalCall call on the line at trunk/timeslot (by line device or CRN), or voice/fax call on
 * its V_ channel, fails with `code` (EGC_* for gc_*, EDX_/EFX_* for dx/fx).
 */
int emu_fail_next_on_line(int trunk, int ts, long code) {
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    for (int i = 0; i < MAX_FAILURES; i++) {
        if (line_failures[i].trunk == 0) {
            line_failures[i].trunk = trunk;
            line_failures[i].ts = ts;
            line_failures[i].code = code;
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int emu_set_default_gc_mask(unsigned long mask) {
    pthread_mutex_lock(&emu_lock);
    emu_default_gcmask = mask;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

int emu_set_fax_timing(int phaseb_ms, int page_ms, int receive_pages) {
    if (phaseb_ms < 0 || page_ms < 0 || receive_pages < 1) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    emu_fax_phaseb_ms = phaseb_ms;
    emu_fax_page_ms = page_ms;
    emu_fax_rx_pages = receive_pages;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

/* Alarms that take the line out of service (modelled: red, LOS, OOF, AIS/blue). Yellow does not. */
static int is_blocking(int code) {
    return code == 0x0B || code == 0x01 || code == 0x00 || code == 0x09;
}

static int trunk_blocked(int t) {
    for (int c = 0; c < 16; c++) {
        if ((emu_trunk[t].active_alarms & (1U << c)) && is_blocking(c)) {
            return 1;
        }
    }
    return 0;
}

int emu_trunk_blocked_locked(int t) {
    return t >= 1 && t <= emu_trunks && trunk_blocked(t);
}

int emu_trunk_faulted_locked(int t) {
    return t >= 1 && t <= emu_trunks && emu_trunk[t].faulted;
}

/* The D-channel as ISDN lines see it: down when the far end's is down or the board carrying it has failed. */
int emu_dchannel_down_locked(int t) {
    return t >= 1 && t <= emu_trunks && (emu_trunk[t].dchan_down || emu_trunk[t].faulted);
}

static int change_alarm(int t, int code, int raise) {
    if (t < 1 || t > emu_trunks || code < 0 || code > 0x0F) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    unsigned int bit = 1U << code;
    int active = (emu_trunk[t].active_alarms & bit) != 0;
    if (active == raise) {
        pthread_mutex_unlock(&emu_lock);
        return -2;
    }
    int was_blocked = trunk_blocked(t);
    if (raise) {
        emu_trunk[t].active_alarms |= bit;
    } else {
        emu_trunk[t].active_alarms &= ~bit;
    }
    int now_blocked = trunk_blocked(t);
    int event_code = raise ? code : code + 0x10;
    emu_dt_trunk_alarm_locked(t, event_code);
    emu_gc_trunk_alarm_locked(t, event_code, raise, was_blocked != now_blocked, now_blocked);
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

/* Raises a T1 alarm (DTT1_* code 0x00..0x0F) on trunk 1..n. Returns -2 if already active. */
int emu_raise_alarm(int trunk, int code) {
    return change_alarm(trunk, code, 1);
}

/* Clears a T1 alarm; the recovery events carry code + 0x10. Returns -2 if not active. */
int emu_clear_alarm(int trunk, int code) {
    return change_alarm(trunk, code, 0);
}

static void on_t309(long t, unsigned long seq) {
    if (emu_trunk[t].dchan_seq == seq && emu_dchannel_down_locked((int)t)) {
        emu_gc_t309_locked((int)t);
    }
}

/*
 * Takes the far end's PRI D-channel of trunk 1..n down (up = 0) or brings it back (up = 1). ISDN lines of
 * the trunk get GCEV_D_CHAN_STATUS and GCEV_BLOCKED / UNBLOCKED; calls not yet connected are cleared at
 * once and connected calls when T309 expires unless the D-channel is back first (Q.931 5.8.8).
 * Returns 0, -1 for a bad trunk, -2 if the D-channel is already in that state.
 */
int emu_set_dchannel(int t, int up) {
    if (t < 1 || t > emu_trunks) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    int rc = 0;
    if (emu_trunk[t].dchan_down == !up) {
        rc = -2;
    } else {
        int was_down = emu_dchannel_down_locked(t);
        emu_trunk[t].dchan_down = !up;
        int now_down = emu_dchannel_down_locked(t);
        if (was_down != now_down) {
            unsigned long seq = ++emu_trunk[t].dchan_seq;
            emu_gc_trunk_changed_locked(t, 1, now_down ? EMU_DCHAN_RESULT : 0, 0);
            if (now_down) {
                emu_schedule_locked(emu_t309_ms, on_t309, t, seq);
            }
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* T309 in emulated milliseconds (default 90 s). */
int emu_set_t309(long ms) {
    if (ms < 0) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    emu_t309_ms = ms;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

static int change_fault(int first, int count, int fault) {
    if (first < 1 || count < 1 || first + count - 1 > emu_trunks) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    int changed = 0;
    for (int t = first; t < first + count; t++) {
        if (emu_trunk[t].faulted == fault) {
            continue;
        }
        changed = 1;
        int was_down = emu_dchannel_down_locked(t);
        emu_trunk[t].faulted = fault;
        emu_trunk[t].dchan_seq++;
        emu_dt_trunk_service_locked(t, fault ? EMU_BOARD_FAULT_CODE : EMU_BOARD_OK_CODE);
        emu_gc_trunk_changed_locked(t, was_down != emu_dchannel_down_locked(t), fault ? EMU_BOARD_FAULT_RESULT : 0, 1);
    }
    pthread_mutex_unlock(&emu_lock);
    return changed ? 0 : -2;
}

/*
 * The physical board carrying trunks first..first+count-1 fails: DTEV_OUTSERVICE on their trunk devices,
 * D-channels down, every line blocked and every call disconnected. Returns 0, -1 for a bad range, -2 if
 * every one of those trunks had already failed.
 */
int emu_board_fault(int first, int count) {
    return change_fault(first, count, 1);
}

/* The failed board works again: DTEV_OUTSERVICE with the in-service code, D-channels up, lines unblocked. */
int emu_board_recover(int first, int count) {
    return change_fault(first, count, 0);
}

/* Control API: sizeof / offsetof of the emulator's own structs ("METAEVENT" or "METAEVENT.crn"), -1 if unknown. */
long emu_layout(const char *what) {
#define SIZE(T) {#T, (long)sizeof(T)}
#define OFF(T, f) {#T "." #f, (long)offsetof(T, f)}
    static const struct {
        const char *name;
        long value;
    } table[] = {
        SIZE(METAEVENT), OFF(METAEVENT, flags), OFF(METAEVENT, evtdatap), OFF(METAEVENT, evtlen),
        OFF(METAEVENT, evtdev), OFF(METAEVENT, evttype), OFF(METAEVENT, linedev), OFF(METAEVENT, crn),
        OFF(METAEVENT, extevtdatap), OFF(METAEVENT, usrattr), OFF(METAEVENT, cclibid), OFF(METAEVENT, rfu1),
        SIZE(GC_INFO), OFF(GC_INFO, gcMsg), OFF(GC_INFO, ccLibId), OFF(GC_INFO, ccLibName), OFF(GC_INFO, ccValue),
        OFF(GC_INFO, ccMsg), OFF(GC_INFO, additionalInfo),
        SIZE(GC_PARM_DATA), SIZE(GC_PARM_BLK),
        SIZE(DV_TPT), OFF(DV_TPT, tp_nextp),
        SIZE(DX_IOTT), OFF(DX_IOTT, io_fhandle), OFF(DX_IOTT, io_bufp), OFF(DX_IOTT, io_offset),
        OFF(DX_IOTT, io_length), OFF(DX_IOTT, io_nextp), OFF(DX_IOTT, io_prevp),
        SIZE(DV_DIGIT), OFF(DV_DIGIT, dg_type),
        SIZE(DF_IOTT), OFF(DF_IOTT, io_bufferp), OFF(DF_IOTT, io_prevp), OFF(DF_IOTT, io_nextp),
        OFF(DF_IOTT, io_datap), OFF(DF_IOTT, io_fhandle), OFF(DF_IOTT, io_type), OFF(DF_IOTT, io_datatype),
        OFF(DF_IOTT, io_phdcont), OFF(DF_IOTT, io_width), OFF(DF_IOTT, io_resln), OFF(DF_IOTT, io_coding),
        OFF(DF_IOTT, rfu),
    };
#undef SIZE
#undef OFF
    for (size_t i = 0; what != NULL && i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(table[i].name, what) == 0) {
            return table[i].value;
        }
    }
    return -1;
}
