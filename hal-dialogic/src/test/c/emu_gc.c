/*
 * Dialogic R4 emulator: GlobalCall (gc_*), one call-state machine per line device.
 *
 * Modelled choices (fact sheet Part C, rows marked A), pinned by the Java tests:
 *  - wrong-state calls fail with EGC_INVSTATE (0x41), leave the state unchanged and queue nothing;
 *  - gc_WaitCall, gc_AcceptCall, gc_AnswerCall, gc_MakeCall, gc_DropCall, gc_ReleaseCallEx and
 *    gc_ResetLineDev are asynchronous only (EV_SYNC -> EGC_SYNC); gc_ReleaseCall is the sync form;
 *  - a line stays armed after gc_WaitCall (re-issuing it is also accepted);
 *  - one live CRN per line; a blocking trunk alarm disconnects it with GCRV_ALARM;
 *  - a line is blocked while a blocking trunk alarm is active, while its board has failed and, for
 *    ISDN lines, while the trunk's D-channel is down (see emu.h for the D-channel and fault model).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu.h"


static __thread GC_INFO last_info;
static __thread char last_additional[256];
static CRN next_crn = EMU_FIRST_CRN;

#define MAX_FAR_ENDS 32
static struct {
    char number[64];
    int result;
    long delay_ms;
} far_ends[MAX_FAR_ENDS];

/* Far end of numbers not in the table: answers (result 0) after 3 s, a person rather than a fax. */
static int default_result = 0;
static long default_delay_ms = 3000;
static int default_fax = 0;

static const char *cclib_name(int id) {
    switch (id) {
        case GC_ISDN_LIB:
            return "GC_ISDN_LIB";
        case GC_PDKRT_LIB:
            return "GC_PDKRT_LIB";
        case GC_ICAPI_LIB:
            return "GC_ICAPI_LIB";
        default:
            return "GC_ALL_LIB";
    }
}

static int fail(int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_additional, sizeof last_additional, fmt, ap);
    va_end(ap);
    last_info.gcValue = code;
    last_info.gcMsg = emu_gc_error_text(code);
    last_info.ccLibId = 0;
    last_info.ccLibName = cclib_name(0);
    last_info.ccValue = 0;
    last_info.ccMsg = "";
    last_info.additionalInfo = last_additional;
    return GC_ERROR;
}

static int ok(void) {
    last_info.gcValue = EGC_NOERR;
    last_info.gcMsg = emu_gc_error_text(EGC_NOERR);
    last_info.ccLibId = 0;
    last_info.ccLibName = cclib_name(0);
    last_info.ccValue = 0;
    last_info.ccMsg = "";
    last_additional[0] = '\0';
    last_info.additionalInfo = last_additional;
    return GC_SUCCESS;
}

static const char *state_name(int s) {
    switch (s) {
        case GCST_NULL:
            return "NULL";
        case GCST_ACCEPTED:
            return "ACCEPTED";
        case GCST_ALERTING:
            return "ALERTING";
        case GCST_CONNECTED:
            return "CONNECTED";
        case GCST_OFFERED:
            return "OFFERED";
        case GCST_DIALING:
            return "DIALING";
        case GCST_IDLE:
            return "IDLE";
        case GCST_DISCONNECTED:
            return "DISCONNECTED";
        case GCST_DETECTED:
            return "DETECTED";
        case GCST_PROCEEDING:
            return "PROCEEDING";
        default:
            return "?";
    }
}

/* Common entry checks: started, injected failure. Returns GC_SUCCESS or GC_ERROR (lock held). */
static int enter(const char *function) {
    if (!emu_gc_started) {
        return emu_gc_stopped ? fail(EGC_GC_FUNC_AFTER_STOP, "%s after gc_Stop", function)
                              : fail(EGC_GCNOTSTARTED, "%s before gc_Start", function);
    }
    long code;
    if (emu_consume_failure_locked(function, &code)) {
        return fail((int)code, "%s: injected failure", function);
    }
    return GC_SUCCESS;
}

static int require_async(const char *function, unsigned long mode) {
    if (mode != EV_ASYNC) {
        return fail(EGC_SYNC, "%s supports EV_ASYNC only (mode 0x%lx)", function, mode);
    }
    return GC_SUCCESS;
}

static int line_failed(device *line, const char *function) {
    long code;
    if (emu_consume_line_failure_locked(line->trunk, line->ts, &code)) {
        fail((int)code, "%s: injected failure on %s", function, line->name);
        return 1;
    }
    return 0;
}

static device *line_of(LINEDEV ld) {
    return emu_device_locked(ld, DK_GC_LINE);
}

static call *call_of(CRN crn) {
    if (crn == 0) {
        return NULL;
    }
    for (int i = 0; i < EMU_MAX_CALLS; i++) {
        if (emu_calls[i].in_use && emu_calls[i].crn == crn) {
            return &emu_calls[i];
        }
    }
    return NULL;
}

static call *new_call(device *line, LINEDEV ld, int state) {
    for (int i = 0; i < EMU_MAX_CALLS; i++) {
        if (!emu_calls[i].in_use) {
            call *c = &emu_calls[i];
            memset(c, 0, sizeof *c);
            c->in_use = 1;
            c->crn = next_crn++;
            c->linedev = ld;
            c->state = state;
            c->seq = emu_next_seq_locked();
            line->crn = c->crn;
            return c;
        }
    }
    return NULL;
}

static void free_call(call *c) {
    device *line = line_of(c->linedev);
    if (line != NULL && line->crn == c->crn) {
        line->crn = 0;
    }
    c->in_use = 0;
}

void emu_queue_gc_locked(device *line, unsigned long type, CRN crn, int result) {
    long h = line - emu_dev;
    emu_event *ev = emu_new_event(h, type);
    ev->gc = 1;
    ev->linedev = h;
    ev->crn = crn;
    ev->usrattr = line->usrattr;
    ev->cclibid = line->cclibid;
    ev->result = result == 0 ? GCRV_NORMAL : result;
    emu_queue_locked(ev);
}

static void queue_optional(device *line, unsigned long type, unsigned long mask_bit, CRN crn) {
    if (line->gcmask & mask_bit) {
        emu_queue_gc_locked(line, type, crn, 0);
    }
}

static int is_live(int state) {
    return state != GCST_IDLE && state != GCST_NULL && state != GCST_DISCONNECTED;
}

static void disconnect_locked(device *line, call *c, int result) {
    c->state = GCST_DISCONNECTED;
    c->seq = emu_next_seq_locked();
    emu_queue_gc_locked(line, GCEV_DISCONNECTED, c->crn, result);
    if (line->vchan_ix >= 0) {
        emu_fax_abort_locked(line->vchan_ix, -1);
    }
}

static int line_is_isdn(const device *line) {
    return line->cclibid == GC_ISDN_LIB;
}

/* Whether anything takes the line out of service: a blocking alarm, a failed board, or (ISDN) no D-channel. */
static int line_should_block(const device *line) {
    return emu_trunk_blocked_locked(line->trunk) || emu_trunk_faulted_locked(line->trunk)
           || (line_is_isdn(line) && emu_dchannel_down_locked(line->trunk));
}

/*
 * Re-derives the line's blocked state (GCEV_BLOCKED / UNBLOCKED, as masked), then, when drop_result is not
 * 0, disconnects its live call with that result: every live call, or only those not yet connected.
 */
static void update_line_locked(device *line, int drop_result, int drop_connected) {
    int should = line_should_block(line);
    if (should && !line->line_blocked) {
        line->line_blocked = 1;
        queue_optional(line, GCEV_BLOCKED, GCMSK_BLOCKED, 0);
    } else if (!should && line->line_blocked) {
        line->line_blocked = 0;
        queue_optional(line, GCEV_UNBLOCKED, GCMSK_UNBLOCKED, 0);
    }
    if (drop_result != 0) {
        call *c = call_of(line->crn);
        if (c != NULL && is_live(c->state) && (drop_connected || c->state != GCST_CONNECTED)) {
            disconnect_locked(line, c, drop_result);
        }
    }
}

void emu_gc_reset_locked(void) {
    emu_gc_started = 0;
    emu_gc_stopped = 0;
    next_crn = EMU_FIRST_CRN;
    memset(far_ends, 0, sizeof far_ends);
    default_result = 0;
    default_delay_ms = 3000;
    default_fax = 0;
}

/* ---- start / stop ---- */

int gc_Start(void *startp) {
    (void)startp;
    pthread_mutex_lock(&emu_lock);
    int rc;
    long code;
    if (emu_gc_started) {
        rc = fail(EGC_GC_STARTED, "gc_Start called twice");
    } else if (emu_consume_failure_locked("gc_Start", &code)) {
        rc = fail((int)code, "gc_Start: injected failure");
    } else {
        emu_gc_started = 1;
        emu_gc_stopped = 0;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

static void close_line_locked(long h) {
    device *line = &emu_dev[h];
    if (line->crn != 0) {
        call *c = call_of(line->crn);
        if (c != NULL) {
            c->in_use = 0;
        }
    }
    if (line->voice_h > 0) {
        emu_dev[line->voice_h].open = 0;
    }
    if (line->net_h > 0) {
        emu_dev[line->net_h].open = 0;
    }
    line->open = 0;
}

int gc_Stop(void) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_Stop");
    if (rc == GC_SUCCESS) {
        for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
            if (emu_dev[h].open && emu_dev[h].kind == DK_GC_LINE) {
                close_line_locked(h);
            }
        }
        emu_gc_started = 0;
        emu_gc_stopped = 1;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* ---- line devices ---- */

static int parse_name(const char *name, int *trunk, int *ts, char *proto, size_t proto_len, int *vix) {
    char buf[96];
    if (strlen(name) >= sizeof buf || name[0] != ':') {
        return -1;
    }
    snprintf(buf, sizeof buf, "%s", name);
    *trunk = 0;
    *ts = 0;
    *vix = -1;
    proto[0] = '\0';
    char *save = NULL;
    for (char *tok = strtok_r(buf, ":", &save); tok != NULL; tok = strtok_r(NULL, ":", &save)) {
        char tail;
        if (strncmp(tok, "N_", 2) == 0) {
            if (sscanf(tok + 2, "dtiB%dT%d%c", trunk, ts, &tail) != 2) {
                return -1;
            }
        } else if (strncmp(tok, "P_", 2) == 0) {
            snprintf(proto, proto_len, "%s", tok + 2);
        } else if (strncmp(tok, "V_", 2) == 0) {
            *vix = emu_vchan_index(tok + 2);
            if (*vix < 0) {
                return -1;
            }
        } else if (strncmp(tok, "M_", 2) != 0) {
            return -1;
        }
    }
    if (*trunk < 1 || *trunk > emu_trunks || *ts < 1 || *ts > emu_timeslots) {
        return -1;
    }
    return 0;
}

int gc_OpenEx(LINEDEV *linedevp, char *devicename, int mode, void *usrattr) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_OpenEx");
    if (rc != GC_SUCCESS) {
        goto out;
    }
    if (linedevp == NULL || devicename == NULL || (mode != EV_ASYNC && mode != EV_SYNC)) {
        rc = fail(EGC_INVPARM, "gc_OpenEx: null pointer or mode 0x%x", mode);
        goto out;
    }
    int trunk, ts, vix;
    char proto[48];
    if (parse_name(devicename, &trunk, &ts, proto, sizeof proto, &vix) != 0) {
        rc = fail(EGC_INVDEVNAME, "gc_OpenEx: cannot use device name '%s' (need :N_dtiB<n>T<m>, trunks 1..%d, "
                  "timeslots 1..%d)", devicename, emu_trunks, emu_timeslots);
        goto out;
    }
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *d = &emu_dev[h];
        if (d->open && d->kind == DK_GC_LINE && d->trunk == trunk && d->ts == ts) {
            rc = fail(0x8F /* EGC_DTOPEN */, "gc_OpenEx: dtiB%dT%d is already open as line device %ld", trunk, ts, h);
            goto out;
        }
    }
    long h = emu_new_handle_locked(DK_GC_LINE, devicename);
    if (h < 0) {
        rc = fail(0x15 /* EGC_MAXDEVICES */, "gc_OpenEx: device table full");
        goto out;
    }
    char net_name[32];
    snprintf(net_name, sizeof net_name, "dtiB%dT%d", trunk, ts);
    long net_h = emu_new_handle_locked(DK_DTI_TS, net_name);
    long voice_h = -1;
    if (vix >= 0) {
        voice_h = emu_new_handle_locked(DK_VOICE, emu_vchan[vix].name);
        emu_dev[voice_h].vchan_ix = vix;
    }
    device *line = &emu_dev[h];
    line->trunk = trunk;
    line->ts = ts;
    line->vchan_ix = vix;
    line->voice_h = voice_h;
    line->net_h = net_h;
    line->usrattr = usrattr;
    line->gcmask = emu_default_gcmask;
    line->cclibid = strcmp(proto, "ISDN") == 0 ? GC_ISDN_LIB : strncmp(proto, "pdk", 3) == 0 ? GC_PDKRT_LIB : GC_ICAPI_LIB;
    *linedevp = h;
    if (mode == EV_ASYNC) {
        emu_queue_gc_locked(line, GCEV_OPENEX, 0, 0);
    }
    if (line_should_block(line)) {
        line->line_blocked = 1;
    } else {
        queue_optional(line, GCEV_UNBLOCKED, GCMSK_UNBLOCKED, 0);
    }
    rc = ok();
out:
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_Close(LINEDEV linedev) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_Close");
    if (rc == GC_SUCCESS) {
        if (line_of(linedev) == NULL) {
            rc = fail(EGC_INVLINEDEV, "gc_Close: line device %ld is not open", linedev);
        } else {
            close_line_locked(linedev);
            rc = ok();
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_ResetLineDev(LINEDEV linedev, unsigned long mode) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_ResetLineDev");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_ResetLineDev: line device %ld is not open", linedev);
    } else if (require_async("gc_ResetLineDev", mode) != GC_SUCCESS) {
        rc = GC_ERROR;
    } else {
        call *c = call_of(line->crn);
        if (c != NULL) {
            if (line->vchan_ix >= 0) {
                emu_fax_abort_locked(line->vchan_ix, -1);
            }
            free_call(c);
        }
        line->armed = 0;
        emu_queue_gc_locked(line, GCEV_RESETLINEDEV, 0, 0);
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_WaitCall(LINEDEV linedev, CRN *crnp, void *waitcallp, int timeout, unsigned long mode) {
    (void)crnp;
    (void)waitcallp;
    (void)timeout;
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_WaitCall");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_WaitCall: line device %ld is not open", linedev);
    } else if (require_async("gc_WaitCall", mode) != GC_SUCCESS) {
        rc = GC_ERROR;
    } else {
        line->armed = 1;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* ---- call control ---- */

typedef struct {
    const char *function;
    int allowed;
    int next_state;
    unsigned long event;
} transition;

static int call_transition(CRN crn, unsigned long mode, const transition *t) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter(t->function);
    call *c = rc == GC_SUCCESS ? call_of(crn) : NULL;
    device *line = c != NULL ? line_of(c->linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (c == NULL || line == NULL) {
        rc = fail(EGC_INVCRN, "%s: crn 0x%lx is not a live call", t->function, crn);
    } else if (require_async(t->function, mode) != GC_SUCCESS) {
        rc = GC_ERROR;
    } else if (line_failed(line, t->function)) {
        rc = GC_ERROR;
    } else if ((c->state & t->allowed) == 0) {
        rc = fail(EGC_INVSTATE, "%s: crn 0x%lx is in state %s", t->function, crn, state_name(c->state));
    } else {
        c->state = t->next_state;
        c->seq = emu_next_seq_locked();
        if (t->next_state == GCST_IDLE && line->vchan_ix >= 0) {
            emu_fax_abort_locked(line->vchan_ix, -1);
        }
        emu_queue_gc_locked(line, t->event, crn, 0);
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_AcceptCall(CRN crn, int rings, unsigned long mode) {
    (void)rings;
    static const transition t = {"gc_AcceptCall", GCST_OFFERED, GCST_ACCEPTED, GCEV_ACCEPT};
    return call_transition(crn, mode, &t);
}

int gc_AnswerCall(CRN crn, int rings, unsigned long mode) {
    (void)rings;
    static const transition t = {"gc_AnswerCall", GCST_OFFERED | GCST_ACCEPTED, GCST_CONNECTED, GCEV_ANSWERED};
    return call_transition(crn, mode, &t);
}

int gc_DropCall(CRN crn, int cause, unsigned long mode) {
    (void)cause;
    static const transition t = {"gc_DropCall",
                                 GCST_OFFERED | GCST_ACCEPTED | GCST_CONNECTED | GCST_DISCONNECTED | GCST_DIALING
                                     | GCST_ALERTING | GCST_PROCEEDING | GCST_DETECTED,
                                 GCST_IDLE, GCEV_DROPCALL};
    return call_transition(crn, mode, &t);
}

static int release(CRN crn, int async, unsigned long mode, const char *function) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter(function);
    call *c = rc == GC_SUCCESS ? call_of(crn) : NULL;
    device *line = c != NULL ? line_of(c->linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (c == NULL || line == NULL) {
        rc = fail(EGC_INVCRN, "%s: crn 0x%lx is not a live call", function, crn);
    } else if (async && require_async(function, mode) != GC_SUCCESS) {
        rc = GC_ERROR;
    } else if (line_failed(line, function)) {
        rc = GC_ERROR;
    } else if (c->state != GCST_IDLE) {
        rc = fail(EGC_INVSTATE, "%s: crn 0x%lx is in state %s (drop it first)", function, crn, state_name(c->state));
    } else {
        free_call(c);
        if (async) {
            emu_queue_gc_locked(line, GCEV_RELEASECALL, crn, 0);
        }
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_ReleaseCallEx(CRN crn, unsigned long mode) {
    return release(crn, 1, mode, "gc_ReleaseCallEx");
}

int gc_ReleaseCall(CRN crn) {
    return release(crn, 0, EV_SYNC, "gc_ReleaseCall");
}

/* ---- outbound progress (scheduler thread, lock held) ---- */

static call *progressing(long crn, unsigned long seq, device **line) {
    call *c = call_of(crn);
    if (c == NULL || c->seq != seq || !is_live(c->state)) {
        return NULL;
    }
    *line = line_of(c->linedev);
    return *line == NULL ? NULL : c;
}

static void on_proceeding(long crn, unsigned long seq) {
    device *line;
    call *c = progressing(crn, seq, &line);
    if (c != NULL && c->state == GCST_DIALING) {
        c->state = GCST_PROCEEDING;
        queue_optional(line, GCEV_PROCEEDING, GCMSK_PROCEEDING, c->crn);
    }
}

static void on_alerting(long crn, unsigned long seq) {
    device *line;
    call *c = progressing(crn, seq, &line);
    if (c != NULL && (c->state == GCST_DIALING || c->state == GCST_PROCEEDING)) {
        c->state = GCST_ALERTING;
        queue_optional(line, GCEV_ALERTING, GCMSK_ALERTING, c->crn);
    }
}

static void on_answer(long crn, unsigned long seq) {
    device *line;
    call *c = progressing(crn, seq, &line);
    if (c != NULL) {
        c->state = GCST_CONNECTED;
        emu_queue_gc_locked(line, GCEV_CONNECTED, c->crn, 0);
    }
}

static void on_fail(long crn, unsigned long seq) {
    device *line;
    call *c = progressing(crn, seq, &line);
    if (c != NULL) {
        disconnect_locked(line, c, c->far_result);
    }
}

int gc_MakeCall(LINEDEV linedev, CRN *crnp, char *numberstr, void *makecallp, int timeout, unsigned long mode) {
    (void)makecallp;
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_MakeCall");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
        goto out;
    }
    if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_MakeCall: line device %ld is not open", linedev);
        goto out;
    }
    if (crnp == NULL || numberstr == NULL || numberstr[0] == '\0' || strlen(numberstr) >= GC_ADDRSIZE) {
        rc = fail(EGC_INVPARM, "gc_MakeCall: crnp and a non-empty number shorter than %d are required", GC_ADDRSIZE);
        goto out;
    }
    if (require_async("gc_MakeCall", mode) != GC_SUCCESS) {
        rc = GC_ERROR;
        goto out;
    }
    if (line_failed(line, "gc_MakeCall")) {
        rc = GC_ERROR;
        goto out;
    }
    if (line->line_blocked) {
        rc = fail(EGC_ALARM, "gc_MakeCall: %s is blocked (trunk alarm, board fault or D-channel down)", line->name);
        goto out;
    }
    if (line->crn != 0) {
        call *live = call_of(line->crn);
        rc = fail(EGC_INVSTATE, "gc_MakeCall: line %ld already has crn 0x%lx in state %s", linedev, line->crn,
                  live == NULL ? "?" : state_name(live->state));
        goto out;
    }
    call *c = new_call(line, linedev, GCST_DIALING);
    if (c == NULL) {
        rc = fail(0x19 /* EGC_NOMEM */, "gc_MakeCall: call table full");
        goto out;
    }
    c->outbound = 1;
    snprintf(c->dnis, sizeof c->dnis, "%s", numberstr);
    int result = default_result;
    long delay = default_delay_ms;
    c->far_fax = default_fax;
    for (int i = 0; i < MAX_FAR_ENDS; i++) {
        if (far_ends[i].number[0] != '\0' && strcmp(far_ends[i].number, numberstr) == 0) {
            result = far_ends[i].result;
            delay = far_ends[i].delay_ms;
            c->far_fax = 0;
        }
    }
    /* The timeout argument is taken as seconds (fact sheet section 10: unit not captured). */
    if (timeout > 0 && (result == 0 || result == GCRV_NOANSWER) && delay > timeout * 1000L) {
        result = GCRV_NOANSWER;
        delay = timeout * 1000L;
    }
    c->far_result = result;
    *crnp = c->crn;
    queue_optional(line, GCEV_DIALING, GCMSK_DIALING, c->crn);
    long alert_at = delay < 1000 ? delay / 2 : 1000;
    if (result == 0 || result == GCRV_NOANSWER) {
        emu_schedule_locked(alert_at / 2, on_proceeding, c->crn, c->seq);
        emu_schedule_locked(alert_at, on_alerting, c->crn, c->seq);
    }
    emu_schedule_locked(delay, result == 0 ? on_answer : on_fail, c->crn, c->seq);
    rc = ok();
out:
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* ---- queries ---- */

int gc_GetCallState(CRN crn, int *state_ptr) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_GetCallState");
    call *c = rc == GC_SUCCESS ? call_of(crn) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (c == NULL) {
        rc = fail(EGC_INVCRN, "gc_GetCallState: crn 0x%lx is not a live call", crn);
    } else if (state_ptr == NULL) {
        rc = fail(EGC_INVPARM, "gc_GetCallState: state_ptr is NULL");
    } else {
        *state_ptr = c->state;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

static int get_number(CRN crn, char *buf, int ani, const char *function) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter(function);
    call *c = rc == GC_SUCCESS ? call_of(crn) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (c == NULL) {
        rc = fail(EGC_INVCRN, "%s: crn 0x%lx is not a live call", function, crn);
    } else if (buf == NULL) {
        rc = fail(EGC_INVPARM, "%s: buffer is NULL", function);
    } else {
        snprintf(buf, GC_ADDRSIZE, "%s", ani ? c->ani : c->dnis);
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_GetANI(CRN crn, char *ani_buf) {
    return get_number(crn, ani_buf, 1, "gc_GetANI");
}

int gc_GetDNIS(CRN crn, char *dnis_buf) {
    return get_number(crn, dnis_buf, 0, "gc_GetDNIS");
}

int gc_CRN2LineDev(CRN crn, LINEDEV *linedevp) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_CRN2LineDev");
    call *c = rc == GC_SUCCESS ? call_of(crn) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (c == NULL || linedevp == NULL) {
        rc = fail(c == NULL ? EGC_INVCRN : EGC_INVPARM, "gc_CRN2LineDev: crn 0x%lx", crn);
    } else {
        *linedevp = c->linedev;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_GetResourceH(LINEDEV linedev, int *resourcehp, int resourcetype) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_GetResourceH");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_GetResourceH: line device %ld is not open", linedev);
    } else if (resourcehp == NULL) {
        rc = fail(EGC_INVPARM, "gc_GetResourceH: resourcehp is NULL");
    } else if (resourcetype == GC_NETWORKDEVICE) {
        *resourcehp = (int)line->net_h;
        rc = ok();
    } else if (resourcetype == GC_VOICEDEVICE) {
        if (line->voice_h < 0) {
            rc = fail(0x98 /* EGC_NOVOICE */, "gc_GetResourceH: line %s has no V_ voice device", line->name);
        } else {
            *resourcehp = (int)line->voice_h;
            rc = ok();
        }
    } else if (resourcetype == GC_NET_GCLINEDEVICE) {
        *resourcehp = (int)linedev;
        rc = ok();
    } else {
        rc = fail(0x0A /* EGC_UNSUPPORTED */, "gc_GetResourceH: resource type %d not modelled", resourcetype);
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_GetVoiceH(LINEDEV linedev, int *voiceh) {
    return gc_GetResourceH(linedev, voiceh, GC_VOICEDEVICE);
}

int gc_GetNetworkH(LINEDEV linedev, int *networkh) {
    return gc_GetResourceH(linedev, networkh, GC_NETWORKDEVICE);
}

int gc_SetEvtMsk(LINEDEV linedev, unsigned long mask, int action) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_SetEvtMsk");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_SetEvtMsk: line device %ld is not open", linedev);
    } else if (action == GCACT_SETMSK) {
        line->gcmask = mask;
        rc = ok();
    } else if (action == GCACT_ADDMSK) {
        line->gcmask |= mask;
        rc = ok();
    } else if (action == GCACT_SUBMSK) {
        line->gcmask &= ~mask;
        rc = ok();
    } else {
        rc = fail(EGC_INVPARM, "gc_SetEvtMsk: action %d is not SETMSK/ADDMSK/SUBMSK", action);
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int gc_SetAlarmNotifyAll(LINEDEV linedev, unsigned long aso_id, int value) {
    (void)aso_id;
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_SetAlarmNotifyAll");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_SetAlarmNotifyAll: line device %ld is not open", linedev);
    } else if (value != 0 && value != ALARM_NOTIFY) {
        rc = fail(EGC_INVPARM, "gc_SetAlarmNotifyAll: value %d is not ALARM_NOTIFY/NONOTIFY", value);
    } else {
        line->alarm_notify = value;
        rc = ok();
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* ---- events ---- */

static emu_event *event_for(METAEVENT *me) {
    if (me == NULL || ((unsigned long)me->magicno & 0xFFFFFFFFUL) != METAEVENT_MAGIC) {
        return NULL;
    }
    emu_event *e = emu_current_event(0);
    return e != NULL && me->evtdatap == (void *)e->data ? e : NULL;
}

static int fill_meta(METAEVENT *me, unsigned long evt_handle) {
    emu_event *e = emu_current_event(evt_handle);
    if (me == NULL || e == NULL) {
        return fail(EGC_INVMETAEVENT, "gc_GetMetaEvent: no current event on this thread (handle %lu)", evt_handle);
    }
    memset(me, 0, sizeof *me);
    me->magicno = (long)METAEVENT_MAGIC;
    me->flags = e->gc ? GCME_GC_EVENT : 0;
    me->evtdatap = e->data;
    me->evtlen = e->len;
    me->evtdev = e->dev;
    me->evttype = (long)e->type;
    me->linedev = e->gc ? e->linedev : 0;
    me->crn = e->gc ? e->crn : 0;
    me->usrattr = e->gc ? e->usrattr : NULL;
    me->cclibid = e->gc ? e->cclibid : -1;
    return ok();
}

int gc_GetMetaEvent(METAEVENT *metaeventp) {
    return fill_meta(metaeventp, 0);
}

int gc_GetMetaEventEx(METAEVENT *metaeventp, unsigned long evt_handle) {
    return fill_meta(metaeventp, evt_handle);
}

int gc_ResultInfo(METAEVENT *me, GC_INFO *info) {
    emu_event *e = event_for(me);
    if (e == NULL || info == NULL) {
        return fail(EGC_INVMETAEVENT, "gc_ResultInfo: metaevent is not the current event or has a bad magic number");
    }
    info->gcValue = e->gc ? e->result : GCRV_NORMAL;
    info->gcMsg = emu_gc_result_text(info->gcValue);
    info->ccLibId = e->cclibid < 0 ? 0 : e->cclibid;
    info->ccLibName = cclib_name(info->ccLibId);
    info->ccValue = 0;
    info->ccMsg = "";
    info->additionalInfo = "";
    return ok();
}

int gc_ErrorInfo(GC_INFO *a_Info) {
    if (a_Info == NULL) {
        return GC_ERROR;
    }
    if (last_info.gcMsg == NULL) {
        ok();
    }
    *a_Info = last_info;
    return GC_SUCCESS;
}

int gc_GetCRN(CRN *crn_ptr, METAEVENT *me) {
    if (crn_ptr == NULL || me == NULL || ((unsigned long)me->magicno & 0xFFFFFFFFUL) != METAEVENT_MAGIC) {
        return fail(EGC_INVMETAEVENT, "gc_GetCRN: bad metaevent");
    }
    *crn_ptr = me->crn;
    return ok();
}

int gc_GetLineDev(LINEDEV *linedevp, METAEVENT *me) {
    if (linedevp == NULL || me == NULL || ((unsigned long)me->magicno & 0xFFFFFFFFUL) != METAEVENT_MAGIC) {
        return fail(EGC_INVMETAEVENT, "gc_GetLineDev: bad metaevent");
    }
    *linedevp = me->linedev;
    return ok();
}

static emu_event *alarm_event(METAEVENT *me, const char *function) {
    emu_event *e = event_for(me);
    if (e == NULL || e->type != GCEV_ALARM) {
        fail(EGC_INVMETAEVENT, "%s: metaevent is not the current GCEV_ALARM", function);
        return NULL;
    }
    return e;
}

int gc_AlarmNumber(METAEVENT *me, long *alarm_number) {
    emu_event *e = alarm_event(me, "gc_AlarmNumber");
    if (e == NULL || alarm_number == NULL) {
        return GC_ERROR;
    }
    *alarm_number = e->alarm_number;
    return ok();
}

int gc_AlarmSourceObjectID(METAEVENT *me, unsigned long *aso_id) {
    emu_event *e = alarm_event(me, "gc_AlarmSourceObjectID");
    if (e == NULL || aso_id == NULL) {
        return GC_ERROR;
    }
    *aso_id = e->alarm_source;
    return ok();
}

int gc_AlarmName(METAEVENT *me, char **name) {
    static const char *names[] = {"OOF", "LOS", "DPM", "BPVS", "ECS", "RYEL", "RCL", "FERR",
                                  "B8ZSD", "RBL", "RLOS", "RED", "0x0C", "0x0D", "0x0E", "0x0F"};
    static char ok_names[16][16];
    emu_event *e = alarm_event(me, "gc_AlarmName");
    if (e == NULL || name == NULL) {
        return GC_ERROR;
    }
    long n = e->alarm_number;
    if (n >= 0x10 && n < 0x20) {
        snprintf(ok_names[n - 0x10], sizeof ok_names[0], "%sOK", names[n - 0x10]);
        *name = ok_names[n - 0x10];
    } else {
        *name = (char *)names[n & 0x0F];
    }
    return ok();
}

/* ---- trunk alarms (called from emu_core with the lock held) ---- */

void emu_gc_trunk_alarm_locked(int trunk_no, int code, int raised, int blocking_changed, int now_blocked) {
    (void)raised;
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *line = &emu_dev[h];
        if (!line->open || line->kind != DK_GC_LINE || line->trunk != trunk_no) {
            continue;
        }
        if (line->alarm_notify) {
            emu_event *ev = emu_new_event(h, GCEV_ALARM);
            ev->gc = 1;
            ev->linedev = h;
            ev->usrattr = line->usrattr;
            ev->cclibid = line->cclibid;
            ev->result = 0x510 + code; /* GCRV alarm values are 0x510 + the DTT1 code */
            ev->alarm_number = code;
            ev->alarm_source = ALARM_SOURCE_ID_SPRINGWARE_T1;
            emu_queue_locked(ev);
        }
        update_line_locked(line, blocking_changed && now_blocked ? GCRV_ALARM : 0, 1);
    }
}

/* ---- D-channel and board faults (called from emu_core with the lock held) ---- */

static void queue_dchannel_status(device *line) {
    long h = line - emu_dev;
    emu_event *ev = emu_new_event(h, GCEV_D_CHAN_STATUS);
    ev->gc = 1;
    ev->linedev = h;
    ev->usrattr = line->usrattr;
    ev->cclibid = line->cclibid;
    ev->result = GCRV_NORMAL;
    int state = emu_dchannel_down_locked(line->trunk) ? GCLS_OUT_OF_SERVICE : GCLS_INSERVICE;
    memcpy(ev->data, &state, sizeof state);
    ev->len = sizeof state;
    emu_queue_locked(ev);
}

/*
 * Something about the trunk changed (D-channel, board fault): each line reports the D-channel state if it
 * changed (ISDN lines only), re-derives its blocked state and, if drop_result is not 0, loses its call.
 */
void emu_gc_trunk_changed_locked(int trunk_no, int dchan_changed, int drop_result, int drop_connected) {
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *line = &emu_dev[h];
        if (!line->open || line->kind != DK_GC_LINE || line->trunk != trunk_no) {
            continue;
        }
        if (dchan_changed && line_is_isdn(line)) {
            queue_dchannel_status(line);
        }
        update_line_locked(line, (line_is_isdn(line) || drop_connected) ? drop_result : 0, drop_connected);
    }
}

/* T309 expired with the D-channel still down: connected ISDN calls of the trunk are cleared. */
void emu_gc_t309_locked(int trunk_no) {
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *line = &emu_dev[h];
        if (line->open && line->kind == DK_GC_LINE && line->trunk == trunk_no && line_is_isdn(line)) {
            update_line_locked(line, EMU_DCHAN_RESULT, 1);
        }
    }
}

int gc_GetLinedevState(LINEDEV linedev, int type, int *state_buf) {
    pthread_mutex_lock(&emu_lock);
    int rc = enter("gc_GetLinedevState");
    device *line = rc == GC_SUCCESS ? line_of(linedev) : NULL;
    if (rc != GC_SUCCESS) {
    } else if (line == NULL) {
        rc = fail(EGC_INVLINEDEV, "gc_GetLinedevState: line device %ld is not open", linedev);
    } else if (state_buf == NULL) {
        rc = fail(EGC_INVPARM, "gc_GetLinedevState: state_buf is NULL");
    } else if (type == GCGLS_BCHANNEL) {
        *state_buf = line->line_blocked ? GCLS_OUT_OF_SERVICE : GCLS_INSERVICE;
        rc = ok();
    } else if (type == GCGLS_DCHANNEL) {
        if (!line_is_isdn(line)) {
            rc = fail(EGC_UNSUPPORTED, "gc_GetLinedevState: %s is not an ISDN line and has no D-channel", line->name);
        } else {
            *state_buf = emu_dchannel_down_locked(line->trunk) ? GCLS_OUT_OF_SERVICE : GCLS_INSERVICE;
            rc = ok();
        }
    } else {
        rc = fail(EGC_INVPARM, "gc_GetLinedevState: type %d is neither B-channel (0) nor D-channel (1)", type);
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* ---- control API ---- */

static device *line_at(int trunk_no, int ts) {
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *d = &emu_dev[h];
        if (d->open && d->kind == DK_GC_LINE && d->trunk == trunk_no && d->ts == ts) {
            return d;
        }
    }
    return NULL;
}

/*
 * Glare: the network seizes a line on which our outbound call is still being set up. As on the user
 * side of a PRI, the network wins: our call is disconnected with GCRV_GLARE and stays on the table
 * until the application drops and releases it. Returns 1 if the line is now free for the new call.
 */
static int glare_locked(device *line) {
    call *c = call_of(line->crn);
    if (c == NULL || !c->outbound
        || (c->state != GCST_DIALING && c->state != GCST_PROCEEDING && c->state != GCST_ALERTING)) {
        return 0;
    }
    disconnect_locked(line, c, GCRV_GLARE);
    line->crn = 0;
    return 1;
}

/*
 * Presents an inbound call on trunk/timeslot. Returns the new CRN, or
 * -1 no open line, -2 line not armed by gc_WaitCall, -3 line already has a call, -4 line blocked.
 */
long emu_inject_inbound_call(int trunk_no, int ts, const char *ani, const char *dnis) {
    pthread_mutex_lock(&emu_lock);
    long rc;
    device *line = line_at(trunk_no, ts);
    if (line == NULL) {
        rc = -1;
    } else if (!line->armed) {
        rc = -2;
    } else if (line->line_blocked) {
        rc = -4;
    } else if (line->crn != 0 && !glare_locked(line)) {
        rc = -3;
    } else {
        LINEDEV ld = line - emu_dev;
        int detected = (line->gcmask & GCMSK_DETECTED) != 0;
        call *c = new_call(line, ld, detected ? GCST_DETECTED : GCST_OFFERED);
        if (c == NULL) {
            rc = -5;
        } else {
            snprintf(c->ani, sizeof c->ani, "%s", ani == NULL ? "" : ani);
            snprintf(c->dnis, sizeof c->dnis, "%s", dnis == NULL ? "" : dnis);
            if (detected) {
                emu_queue_gc_locked(line, GCEV_DETECTED, c->crn, 0);
                c->state = GCST_OFFERED;
            }
            emu_queue_gc_locked(line, GCEV_OFFERED, c->crn, 0);
            rc = c->crn;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* The far end clears the call on trunk/timeslot. Returns the CRN, -1 no line, -2 no live call. */
long emu_far_end_hangup(int trunk_no, int ts, int result) {
    pthread_mutex_lock(&emu_lock);
    long rc;
    device *line = line_at(trunk_no, ts);
    call *c = line == NULL ? NULL : call_of(line->crn);
    if (line == NULL) {
        rc = -1;
    } else if (c == NULL || !is_live(c->state)) {
        rc = -2;
    } else {
        disconnect_locked(line, c, result);
        rc = c->crn;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* Programs the far end for a dialled number: result 0 answers, a GCRV_* code fails; after delay_ms. */
int emu_set_far_end(const char *number, int result, long delay_ms) {
    if (number == NULL || strlen(number) >= sizeof far_ends[0].number || delay_ms < 0) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    for (int i = 0; i < MAX_FAR_ENDS; i++) {
        if (far_ends[i].number[0] == '\0' || strcmp(far_ends[i].number, number) == 0) {
            snprintf(far_ends[i].number, sizeof far_ends[i].number, "%s", number);
            far_ends[i].result = result;
            far_ends[i].delay_ms = delay_ms;
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* Far end for numbers not set with emu_set_far_end: result 0 answers, a GCRV_* code fails; fax != 0 answers with a fax machine. */
int emu_set_default_far_end(int result, long delay_ms, int fax) {
    if (delay_ms < 0) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    default_result = result;
    default_delay_ms = delay_ms;
    default_fax = fax;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

/* The far end of the call on trunk/timeslot is a fax machine that sends `pages` when we receive. */
int emu_far_end_sends_fax(int trunk_no, int ts, int pages) {
    if (pages < 1) {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    device *line = line_at(trunk_no, ts);
    call *c = line == NULL ? NULL : call_of(line->crn);
    int rc = -1;
    if (c != NULL) {
        c->far_fax = 1;
        c->far_fax_pages = pages;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

/* The connected call on the line whose V_ channel is vchan_ix; *line is that line or NULL if none uses it. */
call *emu_connected_call_on_vchan_locked(int vchan_ix, device **line) {
    *line = NULL;
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *d = &emu_dev[h];
        if (d->open && d->kind == DK_GC_LINE && d->vchan_ix == vchan_ix) {
            *line = d;
            call *c = call_of(d->crn);
            return c != NULL && c->state == GCST_CONNECTED ? c : NULL;
        }
    }
    return NULL;
}

/* ---- GC_PARM_BLK utilities (1-byte packed TLV chain) ---- */

#define PARM_HDR 5
#define PARM_MAX 8192

static size_t capacity_for(size_t needed) {
    static const size_t steps[] = {256, 512, 1024, PARM_MAX};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (needed <= steps[i]) {
            return steps[i];
        }
    }
    return 0;
}

static int insert(GC_PARM_BLK **blkpp, unsigned short set_id, unsigned short parm_id, unsigned char size,
                  const void *data) {
    if (blkpp == NULL || (size > 0 && data == NULL)) {
        return -1;
    }
    size_t used = *blkpp == NULL ? 0 : (*blkpp)->parm_data_size;
    size_t needed = 2 + used + PARM_HDR + size;
    size_t cap = capacity_for(needed);
    if (cap == 0) {
        return -2;
    }
    GC_PARM_BLK *blk = realloc(*blkpp, cap);
    if (blk == NULL) {
        return -3;
    }
    if (*blkpp == NULL) {
        blk->parm_data_size = 0;
    }
    unsigned char *item = blk->parm_data_buf + used;
    memcpy(item, &set_id, 2);
    memcpy(item + 2, &parm_id, 2);
    item[4] = size;
    if (size > 0) {
        memcpy(item + PARM_HDR, data, size);
    }
    blk->parm_data_size = (unsigned short)(used + PARM_HDR + size);
    *blkpp = blk;
    return 0;
}

int gc_util_insert_parm_ref(GC_PARM_BLK **parm_blkpp, unsigned short setID, unsigned short parmID,
                            unsigned char data_size, void *datap) {
    return insert(parm_blkpp, setID, parmID, data_size, datap);
}

int gc_util_insert_parm_val(GC_PARM_BLK **parm_blkpp, unsigned short setID, unsigned short parmID,
                            unsigned char data_size, unsigned long data) {
    if (data_size > sizeof data) {
        return -1;
    }
    return insert(parm_blkpp, setID, parmID, data_size, &data);
}

GC_PARM_DATA *gc_util_next_parm(GC_PARM_BLK *parm_blk, GC_PARM_DATA *cur_parm) {
    if (parm_blk == NULL || parm_blk->parm_data_size == 0) {
        return NULL;
    }
    unsigned char *start = parm_blk->parm_data_buf;
    unsigned char *end = start + parm_blk->parm_data_size;
    unsigned char *next =
        cur_parm == NULL ? start : (unsigned char *)cur_parm + PARM_HDR + ((unsigned char *)cur_parm)[4];
    return next + PARM_HDR <= end ? (GC_PARM_DATA *)next : NULL;
}

GC_PARM_DATA *gc_util_find_parm(GC_PARM_BLK *parm_blk, unsigned short setID, unsigned short parmID) {
    for (GC_PARM_DATA *p = gc_util_next_parm(parm_blk, NULL); p != NULL; p = gc_util_next_parm(parm_blk, p)) {
        unsigned short s, id;
        memcpy(&s, p, 2);
        memcpy(&id, (unsigned char *)p + 2, 2);
        if (s == setID && id == parmID) {
            return p;
        }
    }
    return NULL;
}

void gc_util_delete_parm_blk(GC_PARM_BLK *parm_blk) {
    free(parm_blk);
}
