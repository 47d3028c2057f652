/*
 * Dialogic R4 emulator: Standard Runtime Library (sr_*, ATDV_*).
 *
 * One process-wide FIFO of events. A wait takes the oldest event (matching the device list for
 * sr_waitevtEx) and makes it the calling thread's current event; the sr_getevt* accessors and
 * gc_GetMetaEvent read that copy until the same thread waits again.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emu.h"

typedef long (*srl_handler)(unsigned long);

static emu_event *qhead = NULL;
static emu_event *qtail = NULL;
static unsigned long next_event_id = 1;
static pthread_cond_t evt_cond;
static pthread_once_t evt_once = PTHREAD_ONCE_INIT;

static __thread emu_event current;
static __thread int has_current = 0;
static __thread long srl_lasterr = ESR_NOERR;

#define MAX_HANDLERS 64
static struct {
    int used;
    long dev;
    unsigned long type;
    srl_handler fn;
} handlers[MAX_HANDLERS];

static int srl_params[8];

static void init_cond(void) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&evt_cond, &attr);
    pthread_condattr_destroy(&attr);
}

static int is_any_event(unsigned long type) {
    return type == EV_ANYEVT_32 || type == (unsigned long)-1L;
}

emu_event *emu_new_event(long dev, unsigned long type) {
    emu_event *ev = calloc(1, sizeof *ev);
    ev->dev = dev;
    ev->type = type;
    ev->cclibid = -1;
    return ev;
}

void emu_queue_locked(emu_event *ev) {
    pthread_once(&evt_once, init_cond);
    ev->id = next_event_id++;
    ev->next = NULL;
    if (qtail == NULL) {
        qhead = ev;
    } else {
        qtail->next = ev;
    }
    qtail = ev;
    pthread_cond_broadcast(&evt_cond);
}

void emu_srl_reset_locked(void) {
    while (qhead != NULL) {
        emu_event *e = qhead;
        qhead = e->next;
        free(e);
    }
    qtail = NULL;
    next_event_id = 1;
    memset(handlers, 0, sizeof handlers);
    memset(srl_params, 0, sizeof srl_params);
}

emu_event *emu_current_event(unsigned long evt_handle) {
    if (!has_current || (evt_handle != 0 && evt_handle != current.id)) {
        return NULL;
    }
    return &current;
}

static int matches(const emu_event *e, const long *devs, int count) {
    if (devs == NULL) {
        return 1;
    }
    for (int i = 0; i < count; i++) {
        if (devs[i] == e->dev) {
            return 1;
        }
    }
    return 0;
}

/* Takes the first matching event, waiting until the deadline; 1 = got one, 0 = timed out. */
static int take(const long *devs, int count, long tmout_ms, const struct timespec *deadline) {
    pthread_once(&evt_once, init_cond);
    pthread_mutex_lock(&emu_lock);
    for (;;) {
        emu_event *prev = NULL;
        for (emu_event *e = qhead; e != NULL; prev = e, e = e->next) {
            if (matches(e, devs, count)) {
                if (prev == NULL) {
                    qhead = e->next;
                } else {
                    prev->next = e->next;
                }
                if (qtail == e) {
                    qtail = prev;
                }
                current = *e;
                current.next = NULL;
                has_current = 1;
                free(e);
                pthread_mutex_unlock(&emu_lock);
                return 1;
            }
        }
        if (tmout_ms == 0) {
            break;
        }
        if (tmout_ms < 0) {
            pthread_cond_wait(&evt_cond, &emu_lock);
        } else if (pthread_cond_timedwait(&evt_cond, &emu_lock, deadline) != 0) {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            if (now.tv_sec > deadline->tv_sec
                || (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec)) {
                break;
            }
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

/* Runs matching handlers outside the lock. Returns 1 when a handler released the event. */
static int run_handlers(void) {
    srl_handler fns[MAX_HANDLERS];
    int n = 0;
    pthread_mutex_lock(&emu_lock);
    for (int i = 0; i < MAX_HANDLERS; i++) {
        if (handlers[i].used && (handlers[i].dev == EV_ANYDEV || handlers[i].dev == current.dev)
            && (is_any_event(handlers[i].type) || handlers[i].type == current.type)) {
            fns[n++] = handlers[i].fn;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    if (n == 0) {
        return 0;
    }
    int keep = 0;
    for (int i = 0; i < n; i++) {
        if (fns[i](current.id) != 0) {
            keep = 1;
        }
    }
    return !keep;
}

static long wait_common(const long *devs, int count, long tmout, unsigned long *evthp) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    if (tmout > 0) {
        deadline.tv_sec += tmout / 1000;
        deadline.tv_nsec += (tmout % 1000) * 1000000L;
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    has_current = 0;
    for (;;) {
        if (!take(devs, count, tmout, &deadline)) {
            srl_lasterr = ESR_TMOUT;
            return SR_TMOUT;
        }
        if (run_handlers()) {
            has_current = 0;
            continue;
        }
        srl_lasterr = ESR_NOERR;
        if (evthp != NULL) {
            *evthp = current.id;
        }
        return 0;
    }
}

long sr_waitevt(long tmout) {
    return wait_common(NULL, 0, tmout, NULL);
}

long sr_waitevtEx(long *handlep, int count, long tmout, long *evthp) {
    if (handlep == NULL || count <= 0 || evthp == NULL) {
        srl_lasterr = ESR_BADPARM;
        return -1;
    }
    unsigned long h = 0;
    long rc = wait_common(handlep, count, tmout, &h);
    if (rc == 0) {
        *evthp = (long)h;
    }
    return rc;
}

long sr_getevtdev(unsigned long evt_handle) {
    emu_event *e = emu_current_event(evt_handle);
    return e == NULL ? AT_FAILURE : e->dev;
}

long sr_getevttype(unsigned long evt_handle) {
    emu_event *e = emu_current_event(evt_handle);
    return e == NULL ? AT_FAILURE : (long)e->type;
}

long sr_getevtlen(unsigned long evt_handle) {
    emu_event *e = emu_current_event(evt_handle);
    return e == NULL ? AT_FAILURE : e->len;
}

void *sr_getevtdatap(unsigned long evt_handle) {
    emu_event *e = emu_current_event(evt_handle);
    return e == NULL ? NULL : e->data;
}

long sr_enbhdlr(long dev, unsigned long type, srl_handler hdlr) {
    if (hdlr == NULL) {
        srl_lasterr = ESR_BADPARM;
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    long rc = -1;
    for (int i = 0; i < MAX_HANDLERS; i++) {
        if (!handlers[i].used) {
            handlers[i].used = 1;
            handlers[i].dev = dev;
            handlers[i].type = type;
            handlers[i].fn = hdlr;
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    srl_lasterr = rc == 0 ? ESR_NOERR : 12 /* ESR_NOMEM */;
    return rc;
}

long sr_dishdlr(long dev, unsigned long type, srl_handler hdlr) {
    pthread_mutex_lock(&emu_lock);
    long rc = -1;
    for (int i = 0; i < MAX_HANDLERS; i++) {
        if (handlers[i].used && handlers[i].dev == dev && handlers[i].fn == hdlr
            && (handlers[i].type == type || (is_any_event(handlers[i].type) && is_any_event(type)))) {
            handlers[i].used = 0;
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    srl_lasterr = rc == 0 ? ESR_NOERR : 7 /* ESR_NOHDLR */;
    return rc;
}

long sr_setparm(long dev, long parmid, void *valuep) {
    if (dev != SRL_DEVICE || parmid < 1 || parmid > 6 || valuep == NULL) {
        srl_lasterr = dev != SRL_DEVICE ? ESR_BADDEV : ESR_PARMID;
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    srl_params[parmid] = *(int *)valuep;
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

long sr_getparm(long dev, long parmid, void *valuep) {
    if (dev != SRL_DEVICE || parmid < 1 || parmid > 6 || valuep == NULL) {
        srl_lasterr = dev != SRL_DEVICE ? ESR_BADDEV : ESR_PARMID;
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    *(int *)valuep = srl_params[parmid];
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

long sr_putevt(long dev, unsigned long evt, long len, void *datap, long err) {
    (void)err;
    if (len < 0 || len > SR_DFLT_DATASIZE || (len > 0 && datap == NULL)) {
        srl_lasterr = 5 /* ESR_DATASZ */;
        return -1;
    }
    emu_event *ev = emu_new_event(dev, evt);
    ev->len = len;
    if (len > 0) {
        memcpy(ev->data, datap, (size_t)len);
    }
    pthread_mutex_lock(&emu_lock);
    emu_queue_locked(ev);
    pthread_mutex_unlock(&emu_lock);
    return 0;
}

long ATDV_LASTERR(long dev) {
    if (dev == SRL_DEVICE) {
        return srl_lasterr;
    }
    pthread_mutex_lock(&emu_lock);
    device *d = emu_device_locked(dev, DK_FREE);
    long rc = d == NULL ? AT_FAILURE : d->lasterr;
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

char *ATDV_ERRMSGP(long dev) {
    if (dev == SRL_DEVICE) {
        return (char *)emu_sr_error_text(srl_lasterr);
    }
    pthread_mutex_lock(&emu_lock);
    device *d = emu_device_locked(dev, DK_FREE);
    const char *text = NULL;
    if (d != NULL) {
        switch (d->kind) {
            case DK_VOICE:
                text = emu_dx_error_text(d->lasterr);
                break;
            case DK_FAX:
                text = emu_fx_error_text(d->lasterr);
                break;
            case DK_DTI_BOARD:
            case DK_DTI_TS:
                text = emu_dt_error_text(d->lasterr);
                break;
            default:
                text = emu_gc_error_text((int)d->lasterr);
                break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return (char *)text;
}

char *ATDV_NAMEP(long dev) {
    pthread_mutex_lock(&emu_lock);
    device *d = emu_device_locked(dev, DK_FREE);
    char *name = d == NULL ? NULL : d->name;
    pthread_mutex_unlock(&emu_lock);
    return name;
}

long ATDV_SUBDEVS(long dev) {
    pthread_mutex_lock(&emu_lock);
    device *d = emu_device_locked(dev, DK_FREE);
    long n = d == NULL ? AT_FAILURE : d->kind == DK_DTI_BOARD ? emu_timeslots : 0;
    pthread_mutex_unlock(&emu_lock);
    return n;
}

/* Control API: number of events queued and not yet taken by a wait. */
int emu_pending_events(void) {
    pthread_mutex_lock(&emu_lock);
    int n = 0;
    for (emu_event *e = qhead; e != NULL; e = e->next) {
        n++;
    }
    pthread_mutex_unlock(&emu_lock);
    return n;
}
