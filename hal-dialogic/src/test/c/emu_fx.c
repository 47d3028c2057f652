/*
 * Dialogic R4 emulator: fax (fx_*, ATFX_*).
 *
 * A fax handle is opened on a voice channel name and shares that channel with dx handles: a fax
 * session makes voice I/O fail with EDX_BUSY and vice versa (EFX_NOTIDLE). Timing: phase B after
 * emu_fax_phaseb_ms, then one page every emu_fax_page_ms (emulated). A DF_TIFF entry counts
 * io_pgcount pages, or one page when io_pgcount is all-ones; TIFF files are not parsed.
 * On a channel that a line device uses (its V_ part), the far end must be a fax machine on a
 * connected call, otherwise the session fails when T.30 timer T1 (35 s) expires; a received fax has
 * the pages the far end was given (emu_far_end_sends_fax). A channel no line uses behaves as if a
 * fax machine were connected and receives emu_fax_rx_pages pages. A successful fx_rcvfax writes a
 * TIFF Class F file of white pages.
 */
#include <stdio.h>
#include <stdlib.h>
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

static void put16(unsigned char *p, unsigned v) {
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, unsigned long v) {
    put16(p, (unsigned)(v & 0xFFFF));
    put16(p + 2, (unsigned)(v >> 16));
}

static unsigned char *entry(unsigned char *p, unsigned tag, unsigned type, unsigned long value) {
    put16(p, tag);
    put16(p + 2, type);
    put32(p + 4, 1);
    if (type == 3) {
        put16(p + 8, (unsigned)value);
        put16(p + 10, 0);
    } else {
        put32(p + 8, value);
    }
    return p + 12;
}

/* Writes `pages` white fine-resolution pages (1728 x 64 rows, T.4 1-D) as little-endian TIFF Class F. */
static int write_tiff(const char *path, int pages) {
    enum { ROWS = 64, ENTRIES = 13 };
    /* one all-white row: EOL, white make-up 1728, white terminating 0 */
    static const char row[] = "000000000001" "010011011" "00110101";
    int row_bits = (int)strlen(row);
    int strip_len = (ROWS * row_bits + 7) / 8;
    unsigned char *strip = calloc(1, (size_t)strip_len);
    for (int r = 0, n = 0; r < ROWS; r++) {
        for (int i = 0; i < row_bits; i++, n++) {
            if (row[i] == '1') {
                strip[n / 8] |= (unsigned char)(0x80 >> (n % 8));
            }
        }
    }
    int ifd_size = 2 + ENTRIES * 12 + 4 + 16;
    size_t total = 8 + (size_t)pages * (size_t)(strip_len + ifd_size);
    unsigned char *b = calloc(1, total);
    memcpy(b, "II*\0", 4);
    size_t pos = 8;
    for (int p = 0; p < pages; p++) {
        size_t strip_at = pos;
        memcpy(b + pos, strip, (size_t)strip_len);
        pos += (size_t)strip_len;
        size_t ifd_at = pos;
        if (p == 0) {
            put32(b + 4, ifd_at);
        }
        size_t rationals = ifd_at + 2 + ENTRIES * 12 + 4;
        unsigned char *e = b + pos;
        put16(e, ENTRIES);
        e += 2;
        e = entry(e, 256, 4, 1728);
        e = entry(e, 257, 4, ROWS);
        e = entry(e, 258, 3, 1);
        e = entry(e, 259, 3, 3);
        e = entry(e, 262, 3, 0);
        e = entry(e, 273, 4, strip_at);
        e = entry(e, 278, 4, ROWS);
        e = entry(e, 279, 4, (unsigned long)strip_len);
        e = entry(e, 282, 5, rationals);
        e = entry(e, 283, 5, rationals + 8);
        e = entry(e, 292, 4, 0);
        e = entry(e, 296, 3, 2);
        put16(e, 297);
        put16(e + 2, 3);
        put32(e + 4, 2);
        put16(e + 8, (unsigned)p);
        put16(e + 10, (unsigned)pages);
        e += 12;
        size_t next = p == pages - 1 ? 0 : (size_t)(e - b) + 4 + 16 + (size_t)strip_len;
        put32(e, next);
        e += 4;
        put32(e, 204);
        put32(e + 4, 1);
        put32(e + 8, 196);
        put32(e + 12, 1);
        e += 16;
        pos = (size_t)(e - b);
    }
    FILE *f = fopen(path, "wb");
    int rc = -1;
    if (f != NULL) {
        rc = fwrite(b, 1, pos, f) == pos ? 0 : -1;
        if (fclose(f) != 0) {
            rc = -1;
        }
    }
    free(b);
    free(strip);
    return rc;
}

/* Ends the session on handle h with success or a phase-E status (lock held). */
static void finish(long h, long estat) {
    device *d = &emu_dev[h];
    if (!d->fax_active) {
        return;
    }
    if (estat == 0 && !d->fax_send && write_tiff(d->fax_file, d->fax_pages_done) != 0) {
        estat = 0x1FE; /* the receive file could not be written: report a driver-level failure */
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

static void on_no_fax_device(long h, unsigned long seq) {
    device *d = &emu_dev[h];
    if (d->fax_active && d->fax_seq == seq) {
        finish(h, d->fax_send ? EFX_T1EXPTX : EFX_T1EXPRX);
    }
}

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
    device *line;
    long code;
    call *c = emu_connected_call_on_vchan_locked(d->vchan_ix, &line);
    if (line != NULL && emu_consume_line_failure_locked(line->trunk, line->ts, &code)) {
        return fx_fail(d, code);
    }
    if (d->fax_active || v->io != IO_NONE || v->fax_dev >= 0) {
        return fx_fail(d, EFX_NOTIDLE);
    }
    int fax_far_end = line == NULL || (c != NULL && c->far_fax);
    if (!send && c != NULL && c->far_fax && c->far_fax_pages > 0) {
        pages = c->far_fax_pages;
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
    if (fax_far_end) {
        emu_schedule_locked(emu_fax_phaseb_ms, on_phaseb, dev, seq);
    } else {
        emu_schedule_locked(35000 /* T.30 T1 */, on_no_fax_device, dev, seq);
    }
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
    if (d != NULL && (faxname == NULL || strlen(faxname) >= sizeof d->fax_file)) {
        rc = fx_fail(d, EFX_INVALARG);
    } else {
        if (d != NULL) {
            snprintf(d->fax_file, sizeof d->fax_file, "%s", faxname);
        }
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
        value = which == 0 ? d->fax_estat : which == 1 ? d->fax_pages_done : which == 2 ? d->fax_termmsk : 0;
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

/* Negotiated rate: the emulator always trains at V.17 14,400 bit/s. */
long ATFX_SPEED(int dev) {
    return attribute(dev, 3) == AT_FAILURE ? AT_FAILURE : 14400;
}
