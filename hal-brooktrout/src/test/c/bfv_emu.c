/*
 * Emulator of the Brooktrout Bfv API for tests -- MODELLED, NOT VENDOR-EXACT (see bfv_model.h).
 *
 * One line record per system unit with the state machine of facts sheet section 15 and the flows
 * of section 19. Blocking Bfv calls block the caller (as the guide documents); modelled media and
 * call-progress durations are multiplied by a time scale the tests set. Incoming-command callbacks
 * are delivered from one emulator pthread, never from the caller's thread and never with the
 * emulator lock held, so a callback may call back into the library.
 *
 * Span and module faults (MODELLED: the Bfv guide documents no D-channel status or board-fault notice):
 * a PRI span's D-channel going down blocks its B-channels -- each line gets LINE_BCHANNEL_BLOCKED_EVENT
 * with BLOCK_CAUSE_DCHANNEL, new calls are refused, calls not yet active (ringing, dialling) are cleared
 * at once and active calls survive for TIME_T309_MS (Q.931 5.8.8), each as a remote disconnect with
 * Q.850 cause 27; the D-channel coming back unblocks them.
 * A module fault stops call processing on every line of the module: MODULE_FAULT_EVENT on each line,
 * calls cut, lines in NOLOOP, every Bfv call but detach returns BT_ERR_HARDWARE until the module is
 * ready again (MODULE_READY_EVENT). The module's line interfaces keep reporting alarms and D-channel
 * status meanwhile.
 *
 * Non-vendor exports: BfvShim* (equivalents of the LINE_* macros, which a real SDK provides only as
 * macros) and emu_* (control API for tests).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bfv_model.h"

#define EXPORT __attribute__((visibility("default")))

#define X_ENUM(n, v) K_##n,
enum model_key { BFV_MODEL(X_ENUM) K_COUNT };
#define X_VAL(n, v) v,
static const int model_defaults[K_COUNT] = {BFV_MODEL(X_VAL)};
#define X_NAME(n, v) #n,
static const char *const model_names[K_COUNT] = {BFV_MODEL(X_NAME)};
static int model[K_COUNT] = {BFV_MODEL(X_VAL)};
#define MV(n) model[K_##n]

#define MAX_UNITS 480
#define T1_SLOTS 24
#define DIGIT_BUF 31
/* Q.850 cause 27, destination out of order: how the module reports a call lost with its D-channel. */
#define Q850_DESTINATION_OUT_OF_ORDER 27

struct BTLINE {
    int unit;
};

struct line {
    BTLINE *handle; /* NULL when not attached */
    int state;
    int busy;               /* a blocking call is in progress */
    int media;              /* that call is fax or voice I/O, which BfvStopMedia may stop */
    int far_fax;            /* the far end of the call is a fax machine */
    int waiting;            /* a blocking call sleeps with nothing to do until time passes or it is woken */
    int glare;              /* an inbound call seized the line while it dialled */
    unsigned epoch;         /* bumped by far-end hang-up, reset, detach, alarm */
    int abort_status;       /* FAX_STATUS_* explaining the last epoch bump */
    int alarm;              /* alarm bits of the line's span that take it down (LOS, LOF, AIS) */
    int dchan_down;         /* the line is a B-channel of a PRI span whose D-channel is down */
    long long t309_at;      /* line time (ns) at which T309 clears the call; 0 = not running */
    bfv_incoming_cmd_func cb;
    char calling[BFV_PARTY_LEN];
    char called[BFV_PARTY_LEN];
    int next_progress;      /* result of the next originate, 0 = by protocol */
    int inbound_pages;
    char digits[DIGIT_BUF + 1];
    int ndigits;
};

struct failure {
    char function[64];
    int unit; /* -1 = any */
    int code;
    struct failure *next;
};

struct event {
    BTLINE *handle;
    struct args_packet packet;
    struct event *next;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv; /* state changes: waits on CLOCK_MONOTONIC */
static pthread_cond_t evcv = PTHREAD_COND_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_t emu_thread;
static int emu_thread_started;
static struct event *ev_head, *ev_tail;
static int callbacks_held;          /* emu_hold_callbacks: queued callbacks wait until released */
static BTLINE *inflight; /* handle whose callback runs right now */
static struct line lines[MAX_UNITS];
static struct failure *failures;
static int n_modules = 1;
static int channels_per_module = 96;
static double time_scale = 1.0;
/* Line time: runs at 1/time_scale of real time while the gate is open, stands still while it is closed. */
static int gate_open = 1;
static long long line_base_ns;       /* line time when the gate last closed or the scale changed */
static long long open_since_real_ns; /* real time when the gate opened or the scale changed */
static long long gate_limit_ns = LLONG_MAX; /* an open gate stops line time here */
static int outbound_progress;       /* 0 = by call protocol */
static int outbound_delay_ms = -1;  /* -1 = TIME_DIAL_MS */
static int module_fault[MAX_UNITS]; /* by module index: 0 = working, else the fault code */
static pthread_t timer_thread;      /* runs T309 */
static int timer_thread_started;
static int timer_settled;           /* the timer thread has seen every change and sleeps */

static void init_once(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&cv, &a);
    pthread_condattr_destroy(&a);
    for (int i = 0; i < MAX_UNITS; i++)
        lines[i].state = MV(LINE_STATE_IDLE);
}

static void lock(void)
{
    pthread_once(&once, init_once);
    pthread_mutex_lock(&mu);
}

static void unlock(void) { pthread_mutex_unlock(&mu); }

static int unit_count(void) { return n_modules * channels_per_module; }

/* Looks a handle up among live handles; never dereferences a stale pointer. */
static struct line *find(BTLINE *lp)
{
    if (lp == NULL)
        return NULL;
    for (int i = 0; i < unit_count(); i++)
        if (lines[i].handle == lp)
            return &lines[i];
    return NULL;
}

static int unit_of(struct line *ln) { return (int)(ln - lines); }

static int faulted(struct line *ln) { return module_fault[unit_of(ln) / channels_per_module] != 0; }

/* State of a line with no call: NOLOOP while its span is down or its module failed. */
static int rest_state(struct line *ln)
{
    return ln->alarm || faulted(ln) ? MV(LINE_STATE_NOLOOP) : MV(LINE_STATE_IDLE);
}

/* Whether a call (ringing, dialling, connected or in a media phase) occupies the line. */
static int in_call(struct line *ln)
{
    return ln->state != MV(LINE_STATE_IDLE) && ln->state != MV(LINE_STATE_NOLOOP)
            && ln->state != MV(LINE_STATE_RESETTING);
}

/*
 * Whether the line's call has reached the Q.931 active state: answered, or in a fax phase after that.
 * RINGING (offered to us) and OFF_HOOK (our call dialling, or refused and not yet terminated) have not.
 */
static int call_active(struct line *ln)
{
    return in_call(ln) && ln->state != MV(LINE_STATE_RINGING) && ln->state != MV(LINE_STATE_OFF_HOOK);
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    if (src == NULL)
        src = "";
    snprintf(dst, cap, "%s", src);
}

/* One-shot failure injected by the control API; caller holds the lock. */
static int take_failure(const char *function, int unit)
{
    struct failure **pp = &failures;
    for (struct failure *f = failures; f != NULL; pp = &f->next, f = f->next) {
        if ((strcmp(f->function, function) == 0 || strcmp(f->function, "*") == 0) && (f->unit < 0 || f->unit == unit)) {
            int code = f->code;
            *pp = f->next;
            free(f);
            return code;
        }
    }
    return 0;
}

static void *emu_main(void *arg);

static long long real_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Current line time in ns; caller holds the lock. */
static long long line_now_ns(void)
{
    if (!gate_open || time_scale <= 0)
        return line_base_ns;
    long long t = line_base_ns + (long long)((real_now_ns() - open_since_real_ns) / time_scale);
    return t < gate_limit_ns ? t : gate_limit_ns;
}

/* Wakes every sleeping call and the timer: each re-checks its condition and says again whether it waits. */
static void wake_all(void)
{
    for (int i = 0; i < MAX_UNITS; i++)
        lines[i].waiting = 0;
    timer_settled = 0;
    pthread_cond_broadcast(&cv);
}

/* Queues a callback for the emulator thread; caller holds the lock. */
static void post(struct line *ln, int facility, int specifier, int value, const char *text)
{
    if (ln->handle == NULL || ln->cb == NULL)
        return;
    struct event *e = calloc(1, sizeof *e);
    if (e == NULL)
        return;
    e->handle = ln->handle;
    e->packet.facility = facility;
    e->packet.cmd_verb = MV(MILL_VERB_EVENT);
    e->packet.cmd_specifier = specifier;
    e->packet.unit = unit_of(ln);
    e->packet.line_state = ln->state;
    e->packet.value = value;
    copy_str(e->packet.text, sizeof e->packet.text, text);
    if (ev_tail)
        ev_tail->next = e;
    else
        ev_head = e;
    ev_tail = e;
    if (!emu_thread_started) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&emu_thread, &attr, emu_main, NULL) == 0)
            emu_thread_started = 1;
        pthread_attr_destroy(&attr);
    }
    pthread_cond_signal(&evcv);
}

static void *emu_main(void *arg)
{
    (void)arg;
    lock();
    for (;;) {
        while (ev_head == NULL || callbacks_held)
            pthread_cond_wait(&evcv, &mu);
        struct event *e = ev_head;
        ev_head = e->next;
        if (ev_head == NULL)
            ev_tail = NULL;
        struct line *ln = find(e->handle);
        bfv_incoming_cmd_func fn = ln ? ln->cb : NULL;
        if (fn != NULL) {
            inflight = e->handle;
            unlock();
            fn(e->handle, &e->packet);
            lock();
            inflight = NULL;
            wake_all();
        }
        free(e);
    }
    return NULL;
}

static void set_state(struct line *ln, int state)
{
    ln->state = state;
    wake_all();
}

/* Ends whatever the line is doing; caller holds the lock. */
static void interrupt(struct line *ln, int status)
{
    ln->epoch++;
    ln->abort_status = status;
    wake_all();
}

static void deadline_after(struct timespec *ts, double ms)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    if (ms < 0)
        ms = 0;
    long long ns = ts->tv_nsec + (long long)(ms * 1e6);
    ts->tv_sec += ns / 1000000000LL;
    ts->tv_nsec = ns % 1000000000LL;
}

typedef int (*stop_fn)(struct line *ln, const void *arg);

/*
 * Waits until line time reaches `deadline` (ns): 0. Returns 1 if the line was interrupted and 2 if
 * `stop` said so first. With the gate closed line time stands still and the call sleeps until woken.
 */
static int wait_line(struct line *ln, unsigned epoch, long long deadline, stop_fn stop, const void *arg)
{
    for (;;) {
        if (ln->epoch != epoch)
            return 1;
        if (stop != NULL && stop(ln, arg))
            return 2;
        long long now = line_now_ns();
        if (now >= deadline || (gate_open && time_scale <= 0))
            return 0;
        ln->waiting = 1;
        if (!gate_open || now >= gate_limit_ns) {
            pthread_cond_wait(&cv, &mu);
        } else {
            long long until = deadline < gate_limit_ns ? deadline : gate_limit_ns;
            struct timespec ts;
            deadline_after(&ts, (until - now) / 1e6 * time_scale);
            pthread_cond_timedwait(&cv, &mu, &ts);
        }
        ln->waiting = 0;
    }
}

/* Waits a duration of line time; returns nonzero if the line was interrupted meanwhile. */
static int line_delay(struct line *ln, unsigned epoch, int line_ms)
{
    return wait_line(ln, epoch, line_now_ns() + line_ms * 1000000LL, NULL, NULL);
}

/* Waits scaled real time whatever the gate: the board's own housekeeping (reset), not the far end. */
static void board_delay(int line_ms)
{
    struct timespec ts;
    deadline_after(&ts, line_ms * time_scale);
    while (pthread_cond_timedwait(&cv, &mu, &ts) != ETIMEDOUT) {
    }
}

/* Return code of a blocking call cut short by reset, detach, alarm, module fault or far-end hang-up. */
static int interrupted_rc(struct line *ln, BTLINE *lp)
{
    if (ln->handle != lp)
        return MV(BT_ERR_BAD_HANDLE);
    if (faulted(ln))
        return MV(BT_ERR_HARDWARE);
    return ln->abort_status == MV(FAX_STATUS_LINE_DOWN) ? MV(BT_ERR_LINE_DOWN) : MV(BT_ERR_ABORTED);
}

/* Common entry: validates the handle, claims the injected failure. Returns line or sets *rc. */
static struct line *enter(BTLINE *lp, const char *function, int *rc)
{
    lock();
    struct line *ln = find(lp);
    if (ln == NULL) {
        *rc = MV(BT_ERR_BAD_HANDLE);
        return NULL;
    }
    int injected = take_failure(function, unit_of(ln));
    if (injected != 0) {
        *rc = injected;
        return NULL;
    }
    if (faulted(ln)) {
        *rc = MV(BT_ERR_HARDWARE);
        return NULL;
    }
    if (ln->busy) {
        *rc = MV(BT_ERR_BUSY);
        return NULL;
    }
    *rc = MV(BT_OK);
    return ln;
}

static int leave(int rc)
{
    unlock();
    return rc;
}

/* ---------------------------------------------------------------- attach / detach */

static BTLINE *attach_unit(int unit, const char *function)
{
    lock();
    if (unit < 0 || unit >= unit_count() || lines[unit].handle != NULL || faulted(&lines[unit])
            || take_failure(function, unit)) {
        unlock();
        return NULL;
    }
    /* Handles are never freed, so a stale pointer can never alias a later attach. */
    BTLINE *lp = calloc(1, sizeof *lp);
    if (lp == NULL) {
        unlock();
        return NULL;
    }
    lp->unit = unit;
    struct line *ln = &lines[unit];
    ln->handle = lp;
    ln->cb = NULL;
    ln->ndigits = 0;
    ln->digits[0] = 0;
    set_state(ln, rest_state(ln));
    unlock();
    return lp;
}

EXPORT BTLINE *BfvLineAttach(int unit) { return attach_unit(unit, "BfvLineAttach"); }

/* Module numbers start at 2; work channels are 2..n+1 (facts section 16). */
EXPORT BTLINE *BfvSessionAttach(int module, int channel)
{
    int index = module - 2;
    if (index < 0 || index >= n_modules || channel < 2 || channel > channels_per_module + 1)
        return NULL;
    return attach_unit(index * channels_per_module + (channel - 2), "BfvSessionAttach");
}

static int detach(BTLINE *lp, const char *function)
{
    int rc;
    struct line *ln = enter(lp, function, &rc);
    if (ln == NULL && (rc == MV(BT_ERR_BUSY) || rc == MV(BT_ERR_HARDWARE)))
        ln = find(lp); /* detach is allowed during a blocking call (it aborts it) and on a failed module */
    if (ln == NULL)
        return leave(rc);
    ln->handle = NULL;
    ln->cb = NULL;
    ln->t309_at = 0;
    interrupt(ln, MV(FAX_STATUS_ABORTED));
    if (ln->state != MV(LINE_STATE_NOLOOP))
        set_state(ln, MV(LINE_STATE_IDLE));
    /* After detach returns no callback for this handle runs (unless we are that callback). */
    while (inflight == lp && !(emu_thread_started && pthread_equal(pthread_self(), emu_thread)))
        pthread_cond_wait(&cv, &mu);
    return leave(MV(BT_OK));
}

EXPORT int BfvLineDetach(BTLINE *lp) { return detach(lp, "BfvLineDetach"); }

EXPORT int BfvSessionDetach(BTLINE *lp) { return detach(lp, "BfvSessionDetach"); }

/* ---------------------------------------------------------------- call control */

EXPORT int BfvLineWaitForCall(BTLINE *lp, struct args_call *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvLineWaitForCall", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_IDLE) && ln->state != MV(LINE_STATE_RINGING) && ln->state != MV(LINE_STATE_NOLOOP))
        return leave(MV(BT_ERR_WRONG_STATE));
    unsigned epoch = ln->epoch;
    struct timespec ts;
    deadline_after(&ts, args->timeout);
    ln->busy = 1;
    rc = MV(BT_OK);
    while (ln->state != MV(LINE_STATE_RINGING)) {
        if (ln->epoch != epoch) {
            rc = interrupted_rc(ln, lp);
            break;
        }
        ln->waiting = 1;
        int w = args->timeout > 0 ? pthread_cond_timedwait(&cv, &mu, &ts) : pthread_cond_wait(&cv, &mu);
        ln->waiting = 0;
        if (w == ETIMEDOUT && ln->state != MV(LINE_STATE_RINGING)) {
            rc = MV(BT_ERR_TIMEOUT);
            break;
        }
    }
    ln->busy = 0;
    if (rc == MV(BT_OK)) {
        copy_str(args->calling_party, sizeof args->calling_party, ln->calling);
        copy_str(args->called_party, sizeof args->called_party, ln->called);
    }
    args->line_state = ln->state;
    return leave(rc);
}

EXPORT int BfvLineAnswer(BTLINE *lp, struct args_call *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvLineAnswer", &rc);
    if (ln == NULL)
        return leave(rc);
    if (ln->state != MV(LINE_STATE_RINGING))
        return leave(MV(BT_ERR_WRONG_STATE));
    set_state(ln, MV(LINE_STATE_CONNECTED));
    if (args)
        args->line_state = ln->state;
    return leave(MV(BT_OK));
}

EXPORT int BfvLineOriginateCall(BTLINE *lp, struct args_call *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvLineOriginateCall", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL || args->phonenum[0] == 0
            || (args->call_protocol_code != MV(CALL_PROTOCOL_FAX) && args->call_protocol_code != MV(CALL_PROTOCOL_VOICE)))
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state == MV(LINE_STATE_NOLOOP) || (ln->dchan_down && ln->state == MV(LINE_STATE_IDLE)))
        return leave(MV(BT_ERR_LINE_DOWN)); /* no signal, or no D-channel to signal the call on */
    if (ln->state != MV(LINE_STATE_IDLE))
        return leave(MV(BT_ERR_WRONG_STATE));
    int progress = ln->next_progress ? ln->next_progress : outbound_progress;
    ln->next_progress = 0;
    if (progress == 0)
        progress = args->call_protocol_code == MV(CALL_PROTOCOL_FAX) ? MV(CALL_PROGRESS_FAX_TONE) : MV(CALL_PROGRESS_HUMAN);
    int delay = outbound_delay_ms >= 0 ? outbound_delay_ms : MV(TIME_DIAL_MS);
    if (progress == MV(CALL_PROGRESS_NO_ANSWER) && args->timeout > 0)
        delay = args->timeout; /* rings until the caller's no-answer time */
    unsigned epoch = ln->epoch;
    set_state(ln, MV(LINE_STATE_OFF_HOOK));
    ln->busy = 1;
    int interrupted = line_delay(ln, epoch, delay);
    ln->busy = 0;
    if (interrupted && ln->glare) {
        ln->glare = 0;
        args->call_progress = MV(CALL_PROGRESS_GLARE);
        args->line_state = ln->state;
        return leave(MV(BT_OK));
    }
    if (interrupted) {
        args->line_state = ln->state;
        return leave(interrupted_rc(ln, lp));
    }
    /* Which call-progress result leads to which state is modelled (facts section 19). */
    if (progress == MV(CALL_PROGRESS_FAX_TONE) || progress == MV(CALL_PROGRESS_HUMAN)) {
        ln->far_fax = progress == MV(CALL_PROGRESS_FAX_TONE);
        set_state(ln, MV(LINE_STATE_CONNECTED));
    }
    args->call_progress = progress;
    args->line_state = ln->state;
    return leave(MV(BT_OK));
}

EXPORT int BfvLineTerminateCall(BTLINE *lp, struct args_call *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvLineTerminateCall", &rc);
    if (ln == NULL)
        return leave(rc);
    if (ln->state == MV(LINE_STATE_IDLE) || ln->state == MV(LINE_STATE_NOLOOP))
        return leave(MV(BT_ERR_WRONG_STATE));
    ln->t309_at = 0;
    set_state(ln, MV(LINE_STATE_IDLE));
    if (args)
        args->line_state = ln->state;
    return leave(MV(BT_OK));
}

EXPORT int BfvLineReset(BTLINE *lp, struct args_call *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvLineReset", &rc);
    if (ln == NULL && rc == MV(BT_ERR_BUSY))
        ln = find(lp); /* reset aborts a blocking call on the line */
    if (ln == NULL)
        return leave(rc);
    interrupt(ln, MV(FAX_STATUS_ABORTED));
    unsigned epoch = ln->epoch;
    set_state(ln, MV(LINE_STATE_RESETTING));
    ln->ndigits = 0;
    ln->digits[0] = 0;
    board_delay(MV(TIME_RESET_MS));
    (void)epoch;
    ln->t309_at = 0;
    if (ln->handle == lp)
        set_state(ln, rest_state(ln));
    if (args)
        args->line_state = ln->state;
    return leave(ln->handle == lp ? MV(BT_OK) : MV(BT_ERR_BAD_HANDLE));
}

/* ---------------------------------------------------------------- fax */

static uint32_t rd(const unsigned char *p, int n, int le)
{
    uint32_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint32_t)p[le ? i : n - 1 - i] << (8 * (le ? i : n - 1 - i));
    return v;
}

/* Counts the IFDs (pages) of a TIFF file; -1 if it is not a readable TIFF. */
static int tiff_pages(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (size < 8 || size > 64L * 1024 * 1024) {
        fclose(f);
        return -1;
    }
    unsigned char *b = malloc((size_t)size);
    int pages = -1;
    if (b != NULL && fread(b, 1, (size_t)size, f) == (size_t)size) {
        int le = b[0] == 'I' && b[1] == 'I';
        int be = b[0] == 'M' && b[1] == 'M';
        if ((le || be) && rd(b + 2, 2, le) == 42) {
            uint32_t off = rd(b + 4, 4, le);
            pages = 0;
            while (off != 0) {
                if (off + 2 > (uint32_t)size || pages >= 10000) {
                    pages = -1;
                    break;
                }
                uint32_t n = rd(b + off, 2, le);
                if (off + 2 + n * 12 + 4 > (uint32_t)size) {
                    pages = -1;
                    break;
                }
                pages++;
                off = rd(b + off + 2 + n * 12, 4, le);
            }
        }
    }
    free(b);
    fclose(f);
    return pages;
}

static void put16(unsigned char *p, unsigned v) { p[0] = v & 0xff; p[1] = (v >> 8) & 0xff; }
static void put32(unsigned char *p, uint32_t v) { put16(p, v & 0xffff); put16(p + 2, v >> 16); }

/* Writes a page-structure-only TIFF (II) with `pages` IFDs: width, length, T.4 compression, page number. */
static int tiff_write(const char *path, int pages)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    unsigned char hdr[8] = {'I', 'I', 42, 0, 0, 0, 0, 0};
    put32(hdr + 4, pages > 0 ? 8 : 0);
    int ok = fwrite(hdr, 1, 8, f) == 8;
    const int entries = 4, ifd = 2 + entries * 12 + 4;
    for (int p = 0; p < pages && ok; p++) {
        unsigned char b[2 + 4 * 12 + 4];
        memset(b, 0, sizeof b);
        put16(b, entries);
        unsigned char *e = b + 2;
        put16(e, 256); put16(e + 2, 4); put32(e + 4, 1); put32(e + 8, 1728); e += 12;
        put16(e, 257); put16(e + 2, 4); put32(e + 4, 1); put32(e + 8, 2200); e += 12;
        put16(e, 259); put16(e + 2, 3); put32(e + 4, 1); put16(e + 8, 3); e += 12;
        put16(e, 297); put16(e + 2, 3); put32(e + 4, 2); put16(e + 8, p); put16(e + 10, pages); e += 12;
        put32(e, p + 1 < pages ? (uint32_t)(8 + (p + 1) * ifd) : 0);
        ok = fwrite(b, 1, sizeof b, f) == sizeof b;
    }
    return fclose(f) == 0 && ok ? 0 : -1;
}

/* Phase B, then pages with turnarounds between them (facts sections 15 and 19). */
static int fax_session(BTLINE *lp, struct line *ln, struct args_fax_file *args, int pages, int page_event)
{
    unsigned epoch = ln->epoch;
    int done = 0;
    ln->busy = 1;
    ln->media = 1;
    set_state(ln, MV(LINE_STATE_AWAIT_TRAINING));
    int interrupted = line_delay(ln, epoch, MV(TIME_TRAINING_MS));
    if (!interrupted && !ln->far_fax) {
        /* T.30: no DIS/DCS from a voice answerer; the session gives up after training time. */
        ln->busy = 0;
        ln->media = 0;
        ln->far_fax = 0;
        ln->glare = 0;
        ln->waiting = 0;
        set_state(ln, MV(LINE_STATE_CONNECTED));
        args->pages = 0;
        args->status = MV(FAX_STATUS_NO_FAX_DEVICE);
        return MV(BT_OK);
    }
    if (!interrupted) {
        set_state(ln, MV(LINE_STATE_FAX_MODE));
        post(ln, MV(MILL_FACILITY_FAX), MV(FAX_T4_ADAPT_INFO_EVENT), 0, "");
    }
    while (!interrupted && done < pages) {
        interrupted = line_delay(ln, epoch, MV(TIME_PAGE_MS));
        if (interrupted)
            break;
        done++;
        post(ln, MV(MILL_FACILITY_FAX), page_event, done, args->fname);
        if (done < pages) {
            set_state(ln, MV(LINE_STATE_TURNAROUND));
            interrupted = line_delay(ln, epoch, MV(TIME_TURNAROUND_MS));
            if (!interrupted)
                set_state(ln, MV(LINE_STATE_FAX_MODE));
        }
    }
    ln->busy = 0;
    ln->media = 0;
    args->pages = done;
    if (interrupted) {
        args->status = ln->abort_status;
        if (ln->abort_status == MV(FAX_STATUS_STOPPED))
            set_state(ln, MV(LINE_STATE_CONNECTED));
        return ln->handle == lp ? MV(BT_OK) : MV(BT_ERR_BAD_HANDLE);
    }
    set_state(ln, MV(LINE_STATE_CONNECTED));
    args->status = MV(FAX_STATUS_COMPLETE);
    return MV(BT_OK);
}

EXPORT int BfvFaxSendTiff(BTLINE *lp, struct args_fax_file *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvFaxSendTiff", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    int pages = tiff_pages(args->fname);
    if (pages <= 0)
        return leave(MV(BT_ERR_FILE));
    return leave(fax_session(lp, ln, args, pages, MV(FAX_PAGE_SENT_EVENT)));
}

EXPORT int BfvFaxReceiveTiff(BTLINE *lp, struct args_fax_file *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvFaxReceiveTiff", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL || args->fname[0] == 0)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    int pages = ln->inbound_pages > 0 ? ln->inbound_pages : 1;
    rc = fax_session(lp, ln, args, pages, MV(FAX_PAGE_RECEIVED_EVENT));
    if (rc == MV(BT_OK) && args->pages > 0 && tiff_write(args->fname, args->pages) != 0)
        rc = MV(BT_ERR_FILE);
    return leave(rc);
}

EXPORT int BfvFaxT4TimerParams(BTLINE *lp, struct args_fax *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvFaxT4TimerParams", &rc);
    if (ln == NULL && rc == MV(BT_ERR_BUSY))
        ln = find(lp); /* a query: allowed while a fax runs on the line */
    if (ln == NULL)
        return leave(rc);
    if (args == NULL)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    args->t4TimerValue = (unsigned)MV(T4_TIMER_VALUE_MS);
    args->t4Duration = (unsigned)(MV(TIME_PAGE_MS));
    args->t4Attempt = 1;
    args->t4Timeout = (unsigned)MV(T4_TIMEOUT_MS);
    return leave(MV(BT_OK));
}

/* ---------------------------------------------------------------- voice */

static int take_digits(struct line *ln, char *out, int max, char term, int *hit_term)
{
    int n = 0;
    *hit_term = 0;
    while (n < ln->ndigits && n < max) {
        out[n] = ln->digits[n];
        n++;
        if (term != 0 && out[n - 1] == term) {
            *hit_term = 1;
            break;
        }
    }
    out[n] = 0;
    memmove(ln->digits, ln->digits + n, (size_t)(ln->ndigits - n + 1));
    ln->ndigits -= n;
    return n;
}

static int digit_pending(struct line *ln, const void *arg)
{
    (void)arg;
    return ln->ndigits > 0;
}

/* Runs play or record for media_ms line ms; ends early on DTMF, limit or interruption. */
static int voice_run(BTLINE *lp, struct line *ln, struct args_voice *args, int media_ms)
{
    int limit = args->max_ms > 0 && (media_ms < 0 || args->max_ms < media_ms) ? args->max_ms : media_ms;
    int reason = limit == media_ms ? MV(VOICE_TERM_END_OF_DATA) : MV(VOICE_TERM_MAX_TIME);
    unsigned epoch = ln->epoch;
    long long start = line_now_ns();
    ln->busy = 1;
    ln->media = 1;
    int w = wait_line(ln, epoch, start + limit * 1000000LL, args->stop_on_dtmf ? digit_pending : NULL, NULL);
    if (w == 1)
        reason = ln->abort_status == MV(FAX_STATUS_STOPPED) ? MV(VOICE_TERM_STOPPED) : MV(VOICE_TERM_DISCONNECT);
    else if (w == 2)
        reason = MV(VOICE_TERM_DTMF);
    ln->busy = 0;
    ln->media = 0;
    int elapsed = (int)((line_now_ns() - start) / 1000000LL);
    if (reason == MV(VOICE_TERM_END_OF_DATA) || reason == MV(VOICE_TERM_MAX_TIME) || elapsed > limit)
        elapsed = limit;
    args->elapsed_ms = elapsed;
    args->term_reason = reason;
    return ln->handle == lp ? MV(BT_OK) : MV(BT_ERR_BAD_HANDLE);
}

EXPORT int BfvVoicePlay(BTLINE *lp, struct args_voice *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvVoicePlay", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    FILE *f = fopen(args->fname, "rb");
    if (f == NULL)
        return leave(MV(BT_ERR_FILE));
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fclose(f);
    int media_ms = (int)(bytes * 1000L / (MV(VOICE_BYTES_PER_SECOND) > 0 ? MV(VOICE_BYTES_PER_SECOND) : 8000));
    return leave(voice_run(lp, ln, args, media_ms));
}

EXPORT int BfvVoiceRecord(BTLINE *lp, struct args_voice *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvVoiceRecord", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL || args->max_ms <= 0 || args->fname[0] == 0)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    rc = voice_run(lp, ln, args, -1);
    if (rc == MV(BT_OK)) {
        FILE *f = fopen(args->fname, "wb");
        long bytes = (long)args->elapsed_ms * MV(VOICE_BYTES_PER_SECOND) / 1000;
        int ok = f != NULL;
        for (long i = 0; ok && i < bytes; i++)
            ok = fputc(0xFF, f) != EOF; /* mu-law silence */
        if (f == NULL || fclose(f) != 0 || !ok)
            rc = MV(BT_ERR_FILE);
    }
    return leave(rc);
}

EXPORT int BfvVoiceGetDigits(BTLINE *lp, struct args_dtmf *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvVoiceGetDigits", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL || args->max_digits < 1 || args->max_digits > DIGIT_BUF)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    unsigned epoch = ln->epoch;
    struct timespec ts;
    deadline_after(&ts, args->timeout);
    ln->busy = 1;
    ln->media = 1;
    int reason = 0;
    for (;;) {
        if (ln->ndigits >= args->max_digits) {
            reason = MV(VOICE_TERM_MAX_DIGITS);
            break;
        }
        if (args->term_digit != 0 && memchr(ln->digits, args->term_digit, (size_t)ln->ndigits) != NULL) {
            reason = MV(VOICE_TERM_DTMF);
            break;
        }
        if (ln->epoch != epoch) {
            reason = ln->abort_status == MV(FAX_STATUS_STOPPED) ? MV(VOICE_TERM_STOPPED) : MV(VOICE_TERM_DISCONNECT);
            break;
        }
        ln->waiting = 1;
        int w = args->timeout > 0 ? pthread_cond_timedwait(&cv, &mu, &ts) : pthread_cond_wait(&cv, &mu);
        ln->waiting = 0;
        if (w == ETIMEDOUT) {
            reason = MV(VOICE_TERM_TIMEOUT);
            break;
        }
    }
    ln->busy = 0;
    ln->media = 0;
    int hit;
    args->count = take_digits(ln, args->digits, args->max_digits, args->term_digit, &hit);
    args->term_reason = reason;
    return leave(ln->handle == lp ? MV(BT_OK) : MV(BT_ERR_BAD_HANDLE));
}

EXPORT int BfvVoiceSendDigits(BTLINE *lp, struct args_dtmf *args)
{
    int rc;
    struct line *ln = enter(lp, "BfvVoiceSendDigits", &rc);
    if (ln == NULL)
        return leave(rc);
    if (args == NULL)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    size_t n = strnlen(args->digits, sizeof args->digits);
    if (n == 0 || n >= sizeof args->digits || strspn(args->digits, "0123456789*#ABCD") != n)
        return leave(MV(BT_ERR_BAD_ARGUMENT));
    if (ln->state != MV(LINE_STATE_CONNECTED))
        return leave(MV(BT_ERR_WRONG_STATE));
    unsigned epoch = ln->epoch;
    ln->busy = 1;
    ln->media = 1;
    int interrupted = line_delay(ln, epoch, (int)n * MV(TIME_DTMF_DIGIT_MS));
    ln->busy = 0;
    ln->media = 0;
    args->count = (int)n;
    if (interrupted && ln->abort_status != MV(FAX_STATUS_STOPPED))
        return leave(interrupted_rc(ln, lp));
    return leave(MV(BT_OK));
}

/* Stops the fax or voice call running on the line; the call stays up. */
EXPORT int BfvStopMedia(BTLINE *lp)
{
    lock();
    struct line *ln = find(lp);
    if (ln == NULL)
        return leave(MV(BT_ERR_BAD_HANDLE));
    int code = take_failure("BfvStopMedia", unit_of(ln));
    if (code != 0)
        return leave(code);
    if (!ln->media)
        return leave(0);
    interrupt(ln, MV(FAX_STATUS_STOPPED));
    return leave(1);
}

/* ---------------------------------------------------------------- LINE_* macro equivalents (non-vendor) */

EXPORT int BfvShimLineState(BTLINE *lp)
{
    lock();
    struct line *ln = find(lp);
    return leave(ln ? ln->state : MV(BT_ERR_BAD_HANDLE));
}

EXPORT int BfvShimLineUnitNum(BTLINE *lp)
{
    lock();
    struct line *ln = find(lp);
    return leave(ln ? unit_of(ln) : MV(BT_ERR_BAD_HANDLE));
}

EXPORT int BfvShimSetIncomingCmdFunc(BTLINE *lp, bfv_incoming_cmd_func fn)
{
    lock();
    struct line *ln = find(lp);
    if (ln == NULL)
        return leave(MV(BT_ERR_BAD_HANDLE));
    ln->cb = fn;
    return leave(MV(BT_OK));
}

/* ---------------------------------------------------------------- control API for tests (non-vendor) */

static void reset_all(void)
{
    for (int i = 0; i < MAX_UNITS; i++) {
        struct line *ln = &lines[i];
        if (ln->handle != NULL || ln->busy)
            interrupt(ln, MV(FAX_STATUS_ABORTED));
        ln->handle = NULL;
        ln->cb = NULL;
        ln->state = MV(LINE_STATE_IDLE);
        ln->alarm = 0;
        ln->dchan_down = 0;
        ln->t309_at = 0;
        ln->busy = 0;
        ln->media = 0;
        ln->next_progress = 0;
        ln->inbound_pages = 0;
        ln->ndigits = 0;
        ln->digits[0] = 0;
        ln->calling[0] = ln->called[0] = 0;
    }
    memset(module_fault, 0, sizeof module_fault);
    while (failures != NULL) {
        struct failure *f = failures;
        failures = f->next;
        free(f);
    }
    while (ev_head != NULL) {
        struct event *e = ev_head;
        ev_head = e->next;
        free(e);
    }
    ev_tail = NULL;
    callbacks_held = 0;
    wake_all();
}

/* Resets the emulator: `modules` modules (numbered from 2) of `channels` each, model defaults, scale 1. */
EXPORT int emu_configure(int modules, int channels)
{
    if (modules < 1 || channels < 1 || modules * channels > MAX_UNITS)
        return -1;
    lock();
    reset_all();
    n_modules = modules;
    channels_per_module = channels;
    time_scale = 1.0;
    gate_open = 1;
    gate_limit_ns = LLONG_MAX;
    line_base_ns = 0;
    open_since_real_ns = real_now_ns();
    outbound_progress = 0;
    outbound_delay_ms = -1;
    memcpy(model, model_defaults, sizeof model);
    for (int i = 0; i < MAX_UNITS; i++)
        lines[i].state = MV(LINE_STATE_IDLE);
    return leave(0);
}

EXPORT void emu_set_time_scale(double scale)
{
    lock();
    line_base_ns = line_now_ns();
    open_since_real_ns = real_now_ns();
    time_scale = scale < 0 ? 0 : scale;
    wake_all();
    unlock();
}

/* Opens (line time runs) or closes (line time stands still) the gate; open after emu_configure. */
EXPORT void emu_set_gate(int open)
{
    lock();
    if (open && !gate_open) {
        open_since_real_ns = real_now_ns();
        gate_limit_ns = LLONG_MAX;
        gate_open = 1;
    } else if (!open && gate_open) {
        line_base_ns = line_now_ns();
        gate_open = 0;
    }
    wake_all();
    unlock();
}

/* Opens the gate for exactly `line_ns` of line time: line time then stops even if the gate stays open. */
EXPORT void emu_advance_gate(long long line_ns)
{
    lock();
    if (gate_open)
        line_base_ns = line_now_ns();
    open_since_real_ns = real_now_ns();
    gate_limit_ns = line_base_ns + (line_ns > 0 ? line_ns : 0);
    gate_open = 1;
    wake_all();
    unlock();
}

/* Line time in ns. */
EXPORT long long emu_line_now_ns(void)
{
    lock();
    long long now = line_now_ns();
    unlock();
    return now;
}

/* 1 when no callback is queued or running and the timer has seen every change. */
EXPORT int emu_events_idle(void)
{
    lock();
    int idle = ev_head == NULL && inflight == NULL && (!timer_thread_started || timer_settled);
    unlock();
    return idle;
}

/*
 * Holds (hold != 0) or releases the delivery of callbacks: while held they are queued in order and a
 * blocking call that returns meanwhile reaches the host before them, as on a loaded module.
 */
EXPORT void emu_hold_callbacks(int hold)
{
    lock();
    callbacks_held = hold != 0;
    pthread_cond_signal(&evcv);
    unlock();
}

/* Blocking calls asleep with nothing to do until line time passes or something wakes them. */
EXPORT int emu_sleeping_calls(void)
{
    lock();
    int n = 0;
    for (int i = 0; i < unit_count(); i++)
        n += lines[i].busy && lines[i].waiting;
    unlock();
    return n;
}

static struct line *unit_line(int unit) { return unit >= 0 && unit < unit_count() ? &lines[unit] : NULL; }

EXPORT int emu_inbound_call(int unit, const char *calling, const char *called)
{
    lock();
    struct line *ln = unit_line(unit);
    if (ln == NULL || ln->dchan_down)
        return leave(-1); /* without a D-channel the far end cannot signal a call */
    if (ln->state == MV(LINE_STATE_OFF_HOOK) && ln->busy) {
        /* Glare: the far end seizes the line we are dialling on; our originate gives way. */
        ln->glare = 1;
        interrupt(ln, MV(FAX_STATUS_ABORTED));
    } else if (ln->state != MV(LINE_STATE_IDLE)) {
        return leave(-1);
    }
    ln->far_fax = 1;
    copy_str(ln->calling, sizeof ln->calling, calling);
    copy_str(ln->called, sizeof ln->called, called);
    set_state(ln, MV(LINE_STATE_RINGING));
    post(ln, MV(MILL_FACILITY_CALL), MV(CALL_INCOMING_EVENT), 0, ln->calling);
    return leave(0);
}

EXPORT int emu_far_end_hangup(int unit)
{
    lock();
    struct line *ln = unit_line(unit);
    if (ln == NULL || ln->state == MV(LINE_STATE_IDLE) || ln->state == MV(LINE_STATE_NOLOOP))
        return leave(-1);
    interrupt(ln, MV(FAX_STATUS_REMOTE_DISCONNECT));
    ln->t309_at = 0;
    set_state(ln, MV(LINE_STATE_IDLE));
    post(ln, MV(MILL_FACILITY_CALL), MV(CALL_REMOTE_DISCONNECT_EVENT), 0, "");
    return leave(0);
}

EXPORT int emu_set_call_progress(int unit, int progress)
{
    lock();
    struct line *ln = unit_line(unit);
    if (ln == NULL)
        return leave(-1);
    ln->next_progress = progress;
    return leave(0);
}

/* How the far end treats every later outbound call: progress (0 = by protocol), delay in line ms (-1 = default). */
EXPORT void emu_set_outbound(int progress, int delay_ms)
{
    lock();
    outbound_progress = progress;
    outbound_delay_ms = delay_ms;
    unlock();
}

EXPORT int emu_set_inbound_fax_pages(int unit, int pages)
{
    lock();
    struct line *ln = unit_line(unit);
    if (ln == NULL || pages < 1)
        return leave(-1);
    ln->inbound_pages = pages;
    return leave(0);
}

/* Raises (bits != 0) or clears (bits == 0) an alarm on one T1 span (1-based) of a module (from 2). */
EXPORT int emu_set_alarm(int module, int span, int bits)
{
    int index = module - 2;
    int first = (span - 1) * T1_SLOTS;
    if (index < 0 || index >= n_modules || span < 1 || first >= channels_per_module)
        return -1;
    lock();
    /* A remote alarm indication alone leaves the line working; loss of signal, frame or AIS take it down. */
    int down_bits = MV(ALARM_LOS) | MV(ALARM_LOF) | MV(ALARM_AIS);
    for (int c = first; c < first + T1_SLOTS && c < channels_per_module; c++) {
        struct line *ln = &lines[index * channels_per_module + c];
        int was = ln->alarm;
        ln->alarm = bits & down_bits;
        if ((bits & down_bits) && !(was & down_bits)) {
            interrupt(ln, MV(FAX_STATUS_LINE_DOWN));
            ln->t309_at = 0;
            set_state(ln, MV(LINE_STATE_NOLOOP));
        } else if (!(bits & down_bits) && (was & down_bits)) {
            set_state(ln, rest_state(ln));
        }
        if (bits != 0)
            post(ln, MV(MILL_FACILITY_LINE), MV(LINE_ALARM_EVENT), bits, "");
        else
            post(ln, MV(MILL_FACILITY_LINE), MV(LINE_ALARM_CLEAR_EVENT), 0, "");
    }
    return leave(0);
}

/*
 * The network clears the line's call for its lost D-channel: a running blocking call returns
 * BT_ERR_LINE_DOWN (a fax FAX_STATUS_LINE_DOWN) and the module reports a remote disconnect with cause 27.
 * Caller holds the lock.
 */
static void clear_for_dchannel(struct line *ln, const char *why)
{
    ln->t309_at = 0;
    if (!in_call(ln))
        return;
    interrupt(ln, MV(FAX_STATUS_LINE_DOWN));
    ln->glare = 0;
    set_state(ln, rest_state(ln));
    post(ln, MV(MILL_FACILITY_CALL), MV(CALL_REMOTE_DISCONNECT_EVENT), Q850_DESTINATION_OUT_OF_ORDER, why);
}

/* Clears the call of a line whose T309 ran out; caller holds the lock. */
static void t309_expired(struct line *ln) { clear_for_dchannel(ln, "T309 expired"); }

/* Runs T309 on line time: sleeps until the earliest deadline, or until woken while none is due. */
static void *timer_main(void *arg)
{
    (void)arg;
    lock();
    for (;;) {
        long long now = line_now_ns();
        long long next = LLONG_MAX;
        for (int i = 0; i < unit_count(); i++) {
            struct line *ln = &lines[i];
            if (ln->t309_at == 0)
                continue;
            if (ln->t309_at <= now || (gate_open && time_scale <= 0))
                t309_expired(ln);
            else if (ln->t309_at < next)
                next = ln->t309_at;
        }
        timer_settled = 1;
        if (next == LLONG_MAX || !gate_open || now >= gate_limit_ns) {
            pthread_cond_wait(&cv, &mu);
        } else {
            long long until = next < gate_limit_ns ? next : gate_limit_ns;
            struct timespec ts;
            deadline_after(&ts, (until - now) / 1e6 * time_scale);
            pthread_cond_timedwait(&cv, &mu, &ts);
        }
    }
    return NULL;
}

/* Lines of B-channels 1..23 of one T1 span (1-based) of a module (from 2); NULL if there is no such span. */
static struct line *span_lines(int module, int span, int *count)
{
    int index = module - 2;
    int first = (span - 1) * T1_SLOTS;
    if (index < 0 || index >= n_modules || span < 1 || first >= channels_per_module)
        return NULL;
    int n = channels_per_module - first < T1_SLOTS - 1 ? channels_per_module - first : T1_SLOTS - 1;
    *count = n;
    return &lines[index * channels_per_module + first];
}

/*
 * Takes the D-channel (timeslot 24) of a PRI span down (up = 0) or brings it up. Going down clears calls
 * not yet active at once and starts T309 for active ones (Q.931 5.8.8). The emulator does not know the
 * span's protocol: tests call this for spans configured as ISDN PRI only.
 */
EXPORT int emu_set_dchannel(int module, int span, int up)
{
    int n;
    lock();
    struct line *first = span_lines(module, span, &n);
    if (first == NULL)
        return leave(-1);
    int armed = 0;
    for (struct line *ln = first; ln < first + n; ln++) {
        if (!up && !ln->dchan_down) {
            ln->dchan_down = 1;
            /* The block comes first, so the host knows why before it hears of the calls cleared for it. */
            post(ln, MV(MILL_FACILITY_LINE), MV(LINE_BCHANNEL_BLOCKED_EVENT), MV(BLOCK_CAUSE_DCHANNEL), "");
            /* Q.931 5.8.8: on a data-link failure calls not yet active are cleared at once; active calls
             * survive until T309 expires. */
            if (call_active(ln)) {
                ln->t309_at = line_now_ns() + MV(TIME_T309_MS) * 1000000LL;
                armed = 1;
            } else {
                clear_for_dchannel(ln, "D-channel down");
            }
        } else if (up && ln->dchan_down) {
            ln->dchan_down = 0;
            ln->t309_at = 0;
            post(ln, MV(MILL_FACILITY_LINE), MV(LINE_BCHANNEL_UNBLOCKED_EVENT), MV(BLOCK_CAUSE_DCHANNEL), "");
        }
    }
    if (armed && !timer_thread_started) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&timer_thread, &attr, timer_main, NULL) == 0)
            timer_thread_started = 1;
        pthread_attr_destroy(&attr);
    }
    wake_all();
    return leave(0);
}

/* Fails module `module` (from 2) with a nonzero fault `code`: calls cut, lines NOLOOP, Bfv calls refused. */
EXPORT int emu_module_fault(int module, int code)
{
    int index = module - 2;
    if (index < 0 || index >= n_modules || code == 0)
        return -1;
    lock();
    if (module_fault[index] != 0)
        return leave(0);
    module_fault[index] = code;
    char text[BFV_TEXT_LEN];
    snprintf(text, sizeof text, "module %d fault %d", module, code);
    for (int c = 0; c < channels_per_module; c++) {
        struct line *ln = &lines[index * channels_per_module + c];
        interrupt(ln, MV(FAX_STATUS_LINE_DOWN));
        ln->t309_at = 0;
        ln->glare = 0;
        ln->ndigits = 0;
        ln->digits[0] = 0;
        set_state(ln, MV(LINE_STATE_NOLOOP));
        post(ln, MV(MILL_FACILITY_MODULE), MV(MODULE_FAULT_EVENT), code, text);
    }
    return leave(0);
}

/* The failed module `module` works again: its lines are IDLE (NOLOOP while their span is down). */
EXPORT int emu_module_recover(int module)
{
    int index = module - 2;
    if (index < 0 || index >= n_modules)
        return -1;
    lock();
    if (module_fault[index] == 0)
        return leave(0);
    module_fault[index] = 0;
    for (int c = 0; c < channels_per_module; c++) {
        struct line *ln = &lines[index * channels_per_module + c];
        set_state(ln, rest_state(ln));
        post(ln, MV(MILL_FACILITY_MODULE), MV(MODULE_READY_EVENT), 0, "");
    }
    return leave(0);
}

/* 1 while the module (from 2) has failed, 0 if it works, -1 if there is no such module. */
EXPORT int emu_module_faulted(int module)
{
    int index = module - 2;
    if (index < 0 || index >= n_modules)
        return -1;
    lock();
    return leave(module_fault[index] != 0);
}

/* The next call of `function` on `unit` (-1 = any unit) returns `code` and changes nothing. */
EXPORT int emu_inject_failure(const char *function, int unit, int code)
{
    if (function == NULL || code == 0)
        return -1;
    struct failure *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    copy_str(f->function, sizeof f->function, function);
    f->unit = unit;
    f->code = code;
    lock();
    f->next = failures;
    failures = f;
    return leave(0);
}

EXPORT int emu_inject_dtmf(int unit, const char *digits)
{
    lock();
    struct line *ln = unit_line(unit);
    if (ln == NULL || digits == NULL || ln->state != MV(LINE_STATE_CONNECTED))
        return leave(-1);
    for (const char *d = digits; *d; d++) {
        if (ln->ndigits < DIGIT_BUF) {
            ln->digits[ln->ndigits++] = *d;
            ln->digits[ln->ndigits] = 0;
        }
        char text[2] = {*d, 0};
        post(ln, MV(MILL_FACILITY_VOICE), MV(VOICE_DTMF_EVENT), *d, text);
    }
    wake_all();
    return leave(0);
}

EXPORT int emu_line_busy(int unit)
{
    lock();
    struct line *ln = unit_line(unit);
    return leave(ln ? ln->busy : -1);
}

EXPORT int emu_line_state(int unit)
{
    lock();
    struct line *ln = unit_line(unit);
    return leave(ln ? ln->state : MV(BT_ERR_BAD_HANDLE));
}

EXPORT int emu_model_count(void) { return K_COUNT; }

EXPORT const char *emu_model_name(int i) { return i >= 0 && i < K_COUNT ? model_names[i] : NULL; }

EXPORT int emu_model_get(const char *name, int *out)
{
    for (int i = 0; i < K_COUNT; i++)
        if (name && out && strcmp(name, model_names[i]) == 0) {
            lock();
            *out = model[i];
            return leave(0);
        }
    return -1;
}

EXPORT int emu_model_set(const char *name, int value)
{
    for (int i = 0; i < K_COUNT; i++)
        if (name && strcmp(name, model_names[i]) == 0) {
            lock();
            model[i] = value;
            return leave(0);
        }
    return -1;
}

#define SIZE_ROW(s) if (strcmp(name, #s) == 0) return (int)sizeof(struct s);
EXPORT int emu_sizeof(const char *name)
{
    if (name == NULL)
        return -1;
    SIZE_ROW(args_call) SIZE_ROW(args_fax) SIZE_ROW(args_fax_file) SIZE_ROW(args_voice)
    SIZE_ROW(args_dtmf) SIZE_ROW(args_packet)
    return -1;
}

#define OFF_ROW(s, f) if (strcmp(st, #s) == 0 && strcmp(field, #f) == 0) return (int)offsetof(struct s, f);
EXPORT int emu_offsetof(const char *st, const char *field)
{
    if (st == NULL || field == NULL)
        return -1;
    OFF_ROW(args_call, timeout) OFF_ROW(args_call, call_protocol_code) OFF_ROW(args_call, phonenum)
    OFF_ROW(args_call, calling_party) OFF_ROW(args_call, called_party) OFF_ROW(args_call, call_progress)
    OFF_ROW(args_call, line_state)
    OFF_ROW(args_fax, t4TimerValue) OFF_ROW(args_fax, t4Duration) OFF_ROW(args_fax, t4Attempt)
    OFF_ROW(args_fax, t4Timeout)
    OFF_ROW(args_fax_file, fname) OFF_ROW(args_fax_file, pages) OFF_ROW(args_fax_file, status)
    OFF_ROW(args_voice, fname) OFF_ROW(args_voice, max_ms) OFF_ROW(args_voice, stop_on_dtmf)
    OFF_ROW(args_voice, elapsed_ms) OFF_ROW(args_voice, term_reason)
    OFF_ROW(args_dtmf, max_digits) OFF_ROW(args_dtmf, timeout) OFF_ROW(args_dtmf, term_digit)
    OFF_ROW(args_dtmf, digits) OFF_ROW(args_dtmf, count) OFF_ROW(args_dtmf, term_reason)
    OFF_ROW(args_packet, facility) OFF_ROW(args_packet, cmd_verb) OFF_ROW(args_packet, cmd_specifier)
    OFF_ROW(args_packet, unit) OFF_ROW(args_packet, line_state) OFF_ROW(args_packet, value)
    OFF_ROW(args_packet, text)
    return -1;
}
