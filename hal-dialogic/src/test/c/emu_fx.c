/*
 * Dialogic R4 emulator: fax (fx_*, ATFX_*).
 *
 * A fax handle is opened on a voice channel name and shares that channel with dx handles: a fax
 * session makes voice I/O fail with EDX_BUSY and vice versa (EFX_NOTIDLE). Timing: phase B after
 * emu_fax_phaseb_ms, then one page every emu_fax_page_ms (emulated). A DF_TIFF entry counts
 * io_pgcount pages, or one page when io_pgcount is all-ones; TIFF files are not parsed.
 * fx_rcvfax receives emu_fax_rx_pages pages and does not write the file.
 */
#include <stdio.h>
#include <string.h>

#include "emu.h"

#define MAX_CHAIN 64
#define FC_LOCALID 0x83000010UL
#define FC_REMOTEID 0x83000011UL

static char local_id[EMU_MAX_DEVICES][24];

static device *fax(int dev) {
    return emu_device_locked(dev, DK_FAX);
}

static int fx_fail(device *d, long code) {
    d->lasterr = code;
    return -1;
}

static int injected(device *d, const char *function) {
    long code;
    if (emu_consume_failure_locked(function, &code)) {
        d->lasterr = code;
        return 1;
    }
    return 0;
}

/* Ends the session on handle h with success or a phase-E status (lock held). */
static void finish(long h, long estat) {
    device *d = &emu_dev[h];
    if (!d->fax_active) {
        return;
    }
    d->fax_active = 0;
    d->fax_estat = estat;
    d->fax_termmsk = estat == 0 ? TM_FXTERM : 0;
    d->fax_seq = emu_next_seq_locked();
    if (d->vchan_ix >= 0 && emu_vchan[d->vchan_ix].fax_dev == h) {
        emu_vchan[d->vchan_ix].fax_dev = -1;
    }
    unsigned long type = estat != 0 ? TFX_FAXERROR : d->fax_send ? TFX_FAXSEND : TFX_FAXRECV;
    if (d->open && (d->fax_flags & EV_ASYNC)) {
        emu_queue_locked(emu_new_event(h, type));
    }
    pthread_cond_broadcast(&emu_io_cond);
}

static void on_page(long h, unsigned long seq);

static void on_phaseb(long h, unsigned long seq) {
    device *d = &emu_dev[h];
    if (!d->fax_active || d->fax_seq != seq) {
        return;
    }
    if ((d->fax_flags & DF_PHASEB) && (d->fax_flags & EV_ASYNC)) {
        emu_queue_locked(emu_new_event(h, TFX_PHASEB));
    }
    emu_schedule_locked(emu_fax_page_ms, on_page, h, seq);
}

static void on_page(long h, unsigned long seq) {
    device *d = &emu_dev[h];
    if (!d->fax_active || d->fax_seq != seq) {
        return;
    }
    d->fax_pages_done++;
    if ((d->fax_flags & DF_PHASED) && (d->fax_flags & EV_ASYNC)) {
        emu_queue_locked(emu_new_event(h, TFX_PHASED));
    }
    if (d->fax_pages_done < d->fax_pages_total) {
        emu_schedule_locked(emu_fax_page_ms, on_page, h, seq);
    } else {
        finish(h, 0);
    }
}

void emu_fax_abort_locked(int vchan_ix, long estat) {
    long h = emu_vchan[vchan_ix].fax_dev;
    if (h > 0 && emu_dev[h].fax_active) {
        finish(h, estat >= 0 ? estat : emu_dev[h].fax_send ? EFX_PHDDEADTX : EFX_DCNFAXRX);
    }
}

static int count_pages(DF_IOTT *iott, int *pages) {
    *pages = 0;
    DF_IOTT *e = iott;
    for (int n = 0; e != NULL; n++) {
        if (n >= MAX_CHAIN) {
            return -1;
        }
        if (e->io_datatype == DF_TIFF && e->io_length != (unsigned long)-1L && e->io_length != 0xFFFFFFFFUL) {
            *pages += (int)e->io_length;
        } else {
            *pages += 1;
        }
        if (e->io_type & IO_EOT) {
            return *pages > 0 ? 0 : -1;
        } else if (e->io_type & IO_LINK) {
            e = e->io_nextp;
        } else if (e->io_type & IO_CONT) {
            e = e + 1;
        } else {
            return -1;
        }
    }
    return -1;
}

static int start_session(int dev, int send, int pages, unsigned long flags, const char *function) {
    device *d = fax(dev);
    if (d == NULL) {
        return -1;
    }
    if (injected(d, function)) {
        return -1;
    }
    if (d->fax_role == 0) {
        return fx_fail(d, EFX_NOSTATE);
    }
    if ((d->fax_role - 1) != (send ? DF_TX : DF_RX)) {
        return fx_fail(d, EFX_BADSTATE);
    }
    vchan *v = &emu_vchan[d->vchan_ix];
    if (d->fax_active || v->io != IO_NONE || v->fax_dev >= 0) {
        return fx_fail(d, EFX_NOTIDLE);
    }
    if (pages <= 0) {
        return fx_fail(d, EFX_BADIOTT);
    }
    d->fax_active = 1;
    d->fax_send = send;
    d->fax_flags = flags;
    d->fax_seq = emu_next_seq_locked();
    d->fax_pages_total = pages;
    d->fax_pages_done = 0;
    d->fax_estat = 0;
    d->fax_termmsk = 0;
    d->lasterr = 0;
    v->fax_dev = dev;
    unsigned long seq = d->fax_seq;
    emu_schedule_locked(emu_fax_phaseb_ms, on_phaseb, dev, seq);
    if ((flags & EV_ASYNC) == 0) {
        while (d->fax_active && d->fax_seq == seq) {
            pthread_cond_wait(&emu_io_cond, &emu_lock);
        }
        if (d->fax_estat != 0) {
            return fx_fail(d, 0x107 /* EFX_DISCONNECT */);
        }
    }
    return 0;
}

int fx_open(const char *name, int oflags) {
    (void)oflags;
    pthread_mutex_lock(&emu_lock);
    long code;
    int vix = emu_vchan_index(name);
    long h = -1;
    if (!emu_consume_failure_locked("fx_open", &code) && vix >= 0) {
        h = emu_new_handle_locked(DK_FAX, emu_vchan[vix].name);
        if (h > 0) {
            emu_dev[h].vchan_ix = vix;
            local_id[h][0] = '\0';
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return (int)h;
}

int fx_close(int dev) {
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    int rc = -1;
    if (d != NULL) {
        if (d->fax_active) {
            d->fax_flags &= ~(unsigned long)EV_ASYNC;
            finish(dev, EFX_ABORTCMD);
        }
        d->open = 0;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int fx_initstat(int dev, int state) {
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    int rc = -1;
    if (d == NULL || injected(d, "fx_initstat")) {
    } else if (d->fax_active) {
        rc = fx_fail(d, EFX_INVALFUNC);
    } else if (state != DF_RX && state != DF_TX) {
        rc = fx_fail(d, EFX_INVALARG);
    } else {
        d->fax_role = state + 1;
        d->lasterr = 0;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int fx_sendfax(int dev, DF_IOTT *iotp, unsigned long sndflag) {
    pthread_mutex_lock(&emu_lock);
    int pages = 0;
    int rc;
    device *d = fax(dev);
    if (d != NULL && d->fax_role != 0 && (iotp == NULL || count_pages(iotp, &pages) != 0)) {
        rc = fx_fail(d, EFX_BADIOTT);
    } else {
        rc = start_session(dev, 1, iotp == NULL ? 0 : pages, sndflag, "fx_sendfax");
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int fx_rcvfax(int dev, const char *faxname, unsigned long rcvflag) {
    pthread_mutex_lock(&emu_lock);
    int rc;
    device *d = fax(dev);
    if (d != NULL && faxname == NULL) {
        rc = fx_fail(d, EFX_INVALARG);
    } else {
        rc = start_session(dev, 0, emu_fax_rx_pages, rcvflag, "fx_rcvfax");
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int fx_stopch(int dev, int mode) {
    (void)mode;
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    int rc = -1;
    if (d != NULL && !injected(d, "fx_stopch")) {
        finish(dev, EFX_ABORTCMD);
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

void fx_setiott(DF_IOTT *iotp, int fhandle, unsigned short dtype, unsigned short cont) {
    if (iotp == NULL) {
        return;
    }
    memset(iotp, 0, sizeof *iotp);
    iotp->io_fhandle = fhandle;
    iotp->io_datatype = dtype;
    iotp->io_phdcont = cont;
    iotp->io_type = IO_DEV | IO_EOT;
    iotp->io_length = (unsigned long)-1L;
}

int fx_setparm(int dev, unsigned long parm, const void *valuep) {
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    int rc = -1;
    if (d == NULL) {
    } else if (parm == FC_LOCALID && valuep != NULL && strlen((const char *)valuep) <= 20) {
        snprintf(local_id[dev], sizeof local_id[dev], "%s", (const char *)valuep);
        rc = 0;
    } else {
        rc = fx_fail(d, 0x113 /* EFX_BADPARM */);
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int fx_getparm(int dev, unsigned long parm, void *valuep) {
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    int rc = -1;
    if (d == NULL || valuep == NULL) {
    } else if (parm == FC_LOCALID) {
        snprintf((char *)valuep, 21, "%s", local_id[dev]);
        rc = 0;
    } else if (parm == FC_REMOTEID) {
        snprintf((char *)valuep, 21, "%s", "EMULATED REMOTE");
        rc = 0;
    } else {
        rc = fx_fail(d, 0x113 /* EFX_BADPARM */);
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

static long attribute(int dev, int which) {
    pthread_mutex_lock(&emu_lock);
    device *d = fax(dev);
    long value = AT_FAILURE;
    if (d != NULL) {
        value = which == 0 ? d->fax_estat : which == 1 ? d->fax_pages_done : d->fax_termmsk;
    }
    pthread_mutex_unlock(&emu_lock);
    return value;
}

long ATFX_ESTAT(int dev) {
    return attribute(dev, 0);
}

long ATFX_PGXFER(int dev) {
    return attribute(dev, 1);
}

long ATFX_TERMMSK(int dev) {
    return attribute(dev, 2);
}
