/*
 * Dialogic R4 emulator: voice (dx_*, ATDX_*).
 *
 * Modelled timing: audio is 8000 bytes per emulated second (8 kHz, 8-bit); DX_MAXTIME and
 * DX_IDDTIME count 100 ms units, or 10 ms units with TF_10MS. Terminators modelled: DX_MAXDTMF,
 * DX_DIGMASK, DX_MAXTIME, DX_IDDTIME; other TPT entries are accepted and ignored. DX_IDDTIME is
 * modelled as a pure inter-digit timer: it starts with the first digit, not with dx_getdig.
 * dx_dial sends DTMF at 100 ms per digit (modelled) and ends with TDX_DIAL.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emu.h"

#define BYTES_PER_SECOND 8000L
#define MAX_CHAIN 64

void emu_voice_reset_locked(void) {}

static device *voice(int dev) {
    return emu_device_locked(dev, DK_VOICE);
}

static int dx_fail(device *d, long code) {
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

static unsigned int digit_mask_bit(char c) {
    if (c >= '1' && c <= '9') {
        return 1U << (c - '0');
    }
    switch (c) {
        case 'D':
            return 0x1;
        case '0':
            return 0x400;
        case '*':
            return 0x800;
        case '#':
            return 0x1000;
        case 'A':
            return 0x2000;
        case 'B':
            return 0x4000;
        case 'C':
            return 0x8000;
        default:
            return 0;
    }
}

static long time_units_ms(const DV_TPT *t) {
    return (long)t->tp_length * ((t->tp_flags & TF_10MS) ? 10 : 100);
}

/* Walks a TPT chain into the channel's terminator fields. Returns 0 or EDX_BADTPT. */
static long parse_tpt(vchan *v, const DV_TPT *tpt) {
    v->tpt_maxdtmf = 0;
    v->tpt_digmask = 0;
    v->tpt_maxtime_ms = 0;
    v->tpt_iddtime_ms = 0;
    if (tpt == NULL) {
        return 0;
    }
    const DV_TPT *t = tpt;
    for (int n = 0; t != NULL; n++) {
        if (n >= MAX_CHAIN) {
            return EDX_BADTPT;
        }
        switch (t->tp_termno) {
            case DX_MAXDTMF:
                v->tpt_maxdtmf = t->tp_length;
                break;
            case DX_DIGMASK:
                v->tpt_digmask = t->tp_length;
                break;
            case DX_MAXTIME:
                v->tpt_maxtime_ms = time_units_ms(t);
                break;
            case DX_IDDTIME:
                v->tpt_iddtime_ms = time_units_ms(t);
                break;
            default:
                break;
        }
        if (t->tp_type & IO_EOT) {
            return 0;
        } else if (t->tp_type & IO_LINK) {
            t = t->tp_nextp;
        } else if (t->tp_type & IO_CONT) {
            t = t + 1;
        } else {
            return EDX_BADTPT;
        }
    }
    return EDX_BADTPT;
}

/* Sums the bytes of an IOTT chain; -1 as total means "unbounded" (record to a file). */
static long iott_bytes(DX_IOTT *iott, long *total) {
    *total = 0;
    DX_IOTT *e = iott;
    for (int n = 0; e != NULL; n++) {
        if (n >= MAX_CHAIN) {
            return EDX_BADIOTT;
        }
        int kind = e->io_type & ~(IO_CONT | IO_LINK | IO_EOT);
        if (kind == IO_MEM) {
            if (e->io_bufp == NULL || e->io_length < 0) {
                return EDX_BADIOTT;
            }
            *total += e->io_length;
        } else if (kind == IO_DEV) {
            if (e->io_fhandle < 0) {
                return EDX_BADIOTT;
            }
            if (e->io_length >= 0) {
                *total += e->io_length;
            } else {
                struct stat st;
                if (fstat(e->io_fhandle, &st) != 0) {
                    return EDX_SYSTEM;
                }
                long rest = (long)st.st_size - (long)e->io_offset;
                *total += rest > 0 ? rest : 0;
            }
        } else {
            return EDX_BADIOTT;
        }
        if (e->io_type & IO_EOT) {
            return 0;
        } else if (e->io_type & IO_LINK) {
            e = e->io_nextp;
        } else if (e->io_type & IO_CONT) {
            e = e + 1;
        } else {
            return EDX_BADIOTT;
        }
    }
    return EDX_BADIOTT;
}

static void write_silence(DX_IOTT *iott, long bytes) {
    static const unsigned char silence[256] = {[0 ... 255] = 0xFF}; /* mu-law silence */
    for (DX_IOTT *e = iott; e != NULL && bytes > 0;) {
        long n = e->io_length >= 0 && e->io_length < bytes ? e->io_length : bytes;
        if ((e->io_type & ~(IO_CONT | IO_LINK | IO_EOT)) == IO_MEM) {
            memset(e->io_bufp, 0xFF, (size_t)n);
        } else {
            for (long done = 0; done < n;) {
                long chunk = n - done > 256 ? 256 : n - done;
                ssize_t w = write(e->io_fhandle, silence, (size_t)chunk);
                if (w <= 0) {
                    break;
                }
                done += w;
            }
        }
        bytes -= n;
        if (e->io_type & IO_EOT) {
            break;
        }
        e = (e->io_type & IO_LINK) ? e->io_nextp : e + 1;
    }
}

static int take_digits(vchan *v, int count, DV_DIGIT *out) {
    if (count > v->ndigits) {
        count = v->ndigits;
    }
    memset(out, 0, sizeof *out);
    memcpy(out->dg_value, v->digits, (size_t)count);
    memcpy(out->dg_type, v->digtypes, (size_t)count);
    memmove(v->digits, v->digits + count, (size_t)(v->ndigits - count));
    memmove(v->digtypes, v->digtypes + count, (size_t)(v->ndigits - count));
    v->ndigits -= count;
    v->digits[v->ndigits] = '\0';
    v->digtypes[v->ndigits] = '\0';
    return count;
}

/* Ends the channel's I/O with the given termination bits (lock held). */
static void complete_io(vchan *v, long termmsk) {
    device *d = emu_device_locked(v->io_dev, DK_VOICE);
    long elapsed_bytes = emu_emulated_ms(emu_now_ns() - v->io_start_ns) * BYTES_PER_SECOND / 1000;
    long bytes = (termmsk & TM_EOD) || (v->io_bytes_total >= 0 && elapsed_bytes > v->io_bytes_total)
                     ? v->io_bytes_total
                     : elapsed_bytes;
    if (termmsk == TM_MAXTIME) {
        /* A time limit ends the I/O after exactly that much emulated audio, whatever the host's latency. */
        long limit = v->tpt_maxtime_ms * BYTES_PER_SECOND / 1000;
        bytes = v->io_bytes_total >= 0 && limit > v->io_bytes_total ? v->io_bytes_total : limit;
    }
    unsigned long type = v->io == IO_PLAY     ? TDX_PLAY
                         : v->io == IO_RECORD ? TDX_RECORD
                         : v->io == IO_DIAL   ? TDX_DIAL
                                              : TDX_GETDIG;
    if (v->io == IO_DIAL) {
        bytes = 0;
    }
    if (v->io == IO_RECORD) {
        write_silence(v->io_iott, bytes);
    }
    if (v->io == IO_GETDIG) {
        int take = v->ndigits;
        if (v->tpt_maxdtmf > 0 && v->tpt_maxdtmf < take) {
            take = v->tpt_maxdtmf;
        }
        if (v->tpt_digmask != 0) {
            for (int i = 0; i < take; i++) {
                if (digit_mask_bit(v->digits[i]) & v->tpt_digmask) {
                    take = i + 1;
                    break;
                }
            }
        }
        bytes = take_digits(v, take, v->io_digp);
    }
    int sync = v->io_sync;
    v->io = IO_NONE;
    if (d != NULL) {
        d->termmsk = termmsk;
        d->trcount = bytes < 0 ? 0 : bytes;
        if (!sync) {
            emu_queue_locked(emu_new_event(v->io_dev, type));
        }
    }
    pthread_cond_broadcast(&emu_io_cond);
}

static long digit_termination(const vchan *v) {
    long bits = 0;
    if (v->tpt_maxdtmf > 0 && v->ndigits >= v->tpt_maxdtmf) {
        bits |= TM_MAXDTMF;
    }
    if (v->tpt_digmask != 0) {
        for (int i = 0; i < v->ndigits; i++) {
            if (digit_mask_bit(v->digits[i]) & v->tpt_digmask) {
                bits |= TM_DIGIT;
                break;
            }
        }
    }
    return bits;
}

static void on_eod(long vix, unsigned long seq) {
    vchan *v = &emu_vchan[vix];
    if (v->io != IO_NONE && v->io_seq == seq) {
        complete_io(v, TM_EOD);
    }
}

static void on_eod_normal(long vix, unsigned long seq) {
    vchan *v = &emu_vchan[vix];
    if (v->io != IO_NONE && v->io_seq == seq) {
        complete_io(v, TM_NORMTERM);
    }
}

static void on_maxtime(long vix, unsigned long seq) {
    vchan *v = &emu_vchan[vix];
    if (v->io != IO_NONE && v->io_seq == seq) {
        complete_io(v, TM_MAXTIME);
    }
}

static void on_iddtime(long vix, unsigned long seq) {
    vchan *v = &emu_vchan[vix];
    if (v->io != IO_NONE && v->io_seq == seq && emu_now_ns() >= v->idd_deadline_ns) {
        complete_io(v, TM_IDDTIME);
    }
}

static void arm_iddtime(long vix, vchan *v) {
    if (v->tpt_iddtime_ms > 0) {
        v->idd_deadline_ns = emu_now_ns() + emu_scaled_ns(v->tpt_iddtime_ms);
        emu_schedule_locked(v->tpt_iddtime_ms, on_iddtime, vix, v->io_seq);
    }
}

static int start_io(int dev, int kind, DX_IOTT *iott, const DV_TPT *tpt, DV_DIGIT *digp, unsigned short mode,
                    const char *function, long dial_ms) {
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    device *d = voice(dev);
    if (d == NULL) {
        goto out;
    }
    if (injected(d, function)) {
        goto out;
    }
    vchan *v = &emu_vchan[d->vchan_ix];
    device *line;
    long code;
    emu_connected_call_on_vchan_locked(d->vchan_ix, &line);
    if (line != NULL && emu_consume_line_failure_locked(line->trunk, line->ts, &code)) {
        rc = dx_fail(d, code);
        goto out;
    }
    if (v->io != IO_NONE || v->fax_dev >= 0) {
        rc = dx_fail(d, EDX_BUSY);
        goto out;
    }
    if ((kind == IO_GETDIG && (tpt == NULL || digp == NULL))) {
        rc = dx_fail(d, tpt == NULL ? EDX_BADTPT : EDX_BADPARM);
        goto out;
    }
    long err = parse_tpt(v, tpt);
    if (err != 0) {
        rc = dx_fail(d, err);
        goto out;
    }
    long total = 0;
    if (kind == IO_DIAL) {
        total = dial_ms;
    } else if (kind != IO_GETDIG) {
        if (iott == NULL) {
            rc = dx_fail(d, EDX_BADIOTT);
            goto out;
        }
        err = iott_bytes(iott, &total);
        if (err != 0) {
            rc = dx_fail(d, err);
            goto out;
        }
    }
    long vix = d->vchan_ix;
    v->io = kind;
    v->io_dev = dev;
    v->io_seq = emu_next_seq_locked();
    v->io_sync = (mode & EV_ASYNC) == 0;
    v->io_start_ns = emu_now_ns();
    v->io_bytes_total = kind == IO_GETDIG || kind == IO_DIAL ? 0 : total;
    v->io_iott = iott;
    v->io_digp = digp;
    d->lasterr = EDX_NOERROR;
    unsigned long seq = v->io_seq;
    long digits = kind == IO_DIAL ? 0 : digit_termination(v);
    if (digits != 0) {
        complete_io(v, digits);
    } else if (kind == IO_DIAL) {
        emu_schedule_locked(total, on_eod_normal, vix, seq);
    } else {
        if (kind != IO_GETDIG) {
            emu_schedule_locked(total * 1000 / BYTES_PER_SECOND, on_eod, vix, seq);
        }
        if (v->tpt_maxtime_ms > 0) {
            emu_schedule_locked(v->tpt_maxtime_ms, on_maxtime, vix, seq);
        }
        if (kind == IO_GETDIG && v->ndigits > 0) {
            arm_iddtime(vix, v);
        }
    }
    if (mode & EV_ASYNC) {
        rc = 0;
        goto out;
    }
    while (v->io != IO_NONE && v->io_seq == seq) {
        pthread_cond_wait(&emu_io_cond, &emu_lock);
    }
    rc = 0;
out:
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_open(const char *namep, int oflags) {
    (void)oflags;
    pthread_mutex_lock(&emu_lock);
    long code;
    int vix = emu_vchan_index(namep);
    long h = -1;
    if (!emu_consume_failure_locked("dx_open", &code) && vix >= 0) {
        h = emu_new_handle_locked(DK_VOICE, emu_vchan[vix].name);
        if (h > 0) {
            emu_dev[h].vchan_ix = vix;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return (int)h;
}

int dx_close(int dev) {
    pthread_mutex_lock(&emu_lock);
    device *d = voice(dev);
    int rc = -1;
    if (d != NULL) {
        vchan *v = &emu_vchan[d->vchan_ix];
        if (v->io != IO_NONE && v->io_dev == dev) {
            v->io = IO_NONE;
            pthread_cond_broadcast(&emu_io_cond);
        }
        d->open = 0;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_play(int chdev, DX_IOTT *iottp, const DV_TPT *tptp, unsigned short mode) {
    return start_io(chdev, IO_PLAY, iottp, tptp, NULL, mode, "dx_play", 0);
}

int dx_rec(int chdev, DX_IOTT *iottp, const DV_TPT *tptp, unsigned short mode) {
    return start_io(chdev, IO_RECORD, iottp, tptp, NULL, mode, "dx_rec", 0);
}

int dx_getdig(int chdev, const DV_TPT *tptp, DV_DIGIT *digitp, unsigned short mode) {
    return start_io(chdev, IO_GETDIG, NULL, tptp, digitp, mode, "dx_getdig", 0);
}

int dx_dial(int chdev, const char *dialstrp, void *capp, unsigned short mode) {
    (void)capp;
    if (dialstrp == NULL) {
        return -1;
    }
    return start_io(chdev, IO_DIAL, NULL, NULL, NULL, mode, "dx_dial", 100L * (long)strlen(dialstrp));
}

int dx_setevtmsk(int chdev, unsigned int mask) {
    pthread_mutex_lock(&emu_lock);
    device *d = voice(chdev);
    int rc = -1;
    if (d != NULL && !injected(d, "dx_setevtmsk")) {
        emu_vchan[d->vchan_ix].cst_mask = mask;
        emu_vchan[d->vchan_ix].cst_dev = chdev;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_stopch(int chdev, unsigned short mode) {
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    device *d = voice(chdev);
    if (d != NULL && !injected(d, "dx_stopch")) {
        vchan *v = &emu_vchan[d->vchan_ix];
        if (v->io != IO_NONE) {
            complete_io(v, TM_USRSTOP);
        } else if (mode & EV_NOSTOP) {
            emu_queue_locked(emu_new_event(chdev, TDX_NOSTOP));
        }
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_clrdigbuf(int chdev) {
    pthread_mutex_lock(&emu_lock);
    int rc = -1;
    device *d = voice(chdev);
    if (d != NULL && !injected(d, "dx_clrdigbuf")) {
        vchan *v = &emu_vchan[d->vchan_ix];
        v->ndigits = 0;
        v->digits[0] = '\0';
        v->digtypes[0] = '\0';
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_setdigtyp(int chdev, unsigned short digmask) {
    pthread_mutex_lock(&emu_lock);
    device *d = voice(chdev);
    int rc = d == NULL ? -1 : (digmask & 0x1) == 0 ? dx_fail(d, EDX_BADPARM) : 0;
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dx_clrtpt(DV_TPT *tptp, int size) {
    if (tptp == NULL || size < 0) {
        return -1;
    }
    memset(tptp, 0, sizeof *tptp * (size_t)size);
    return 0;
}

static long attribute(int dev, int which) {
    pthread_mutex_lock(&emu_lock);
    device *d = voice(dev);
    long value = AT_FAILURE;
    if (d != NULL) {
        vchan *v = &emu_vchan[d->vchan_ix];
        switch (which) {
            case 0:
                value = d->termmsk;
                break;
            case 1:
                if (v->fax_dev >= 0) {
                    value = emu_dev[v->fax_dev].fax_send ? CS_SENDFAX : CS_RECVFAX;
                } else {
                    value = v->io == IO_PLAY     ? CS_PLAY
                            : v->io == IO_RECORD ? CS_RECD
                            : v->io == IO_GETDIG ? CS_GTDIG
                            : v->io == IO_DIAL   ? 4 /* CS_DIAL */
                                                 : CS_IDLE;
                }
                break;
            case 2:
                value = v->ndigits;
                break;
            default:
                value = d->trcount;
                break;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return value;
}

long ATDX_TERMMSK(int dev) {
    return attribute(dev, 0);
}

long ATDX_STATE(int dev) {
    return attribute(dev, 1);
}

long ATDX_BUFDIGS(int dev) {
    return attribute(dev, 2);
}

long ATDX_TRCOUNT(int dev) {
    return attribute(dev, 3);
}

/* Control API: DTMF digits arrive on a voice channel by name. Returns the count kept (max 31 buffered). */
int emu_inject_digits(const char *voice_name, const char *digits) {
    if (digits == NULL) {
        return -1;
    }
    for (const char *p = digits; *p != '\0'; p++) {
        if (digit_mask_bit(*p) == 0) {
            return -1;
        }
    }
    pthread_mutex_lock(&emu_lock);
    int vix = emu_vchan_index(voice_name);
    int kept = -1;
    if (vix >= 0) {
        vchan *v = &emu_vchan[vix];
        kept = 0;
        for (const char *p = digits; *p != '\0'; p++) {
            if ((v->cst_mask & DM_DIGITS) && emu_device_locked(v->cst_dev, DK_VOICE) != NULL) {
                emu_event *ev = emu_new_event(v->cst_dev, TDX_CST);
                unsigned short cst[2] = {DE_DIGITS, (unsigned short)(unsigned char)*p};
                memcpy(ev->data, cst, sizeof cst);
                ev->len = sizeof cst;
                emu_queue_locked(ev);
            }
            if (v->ndigits < LEN_DIGBUF) {
                v->digits[v->ndigits] = *p;
                v->digtypes[v->ndigits] = '0';
                v->ndigits++;
                kept++;
            }
        }
        v->digits[v->ndigits] = '\0';
        v->digtypes[v->ndigits] = '\0';
        if (v->io != IO_NONE) {
            long bits = digit_termination(v);
            if (bits != 0) {
                complete_io(v, bits);
            } else if (v->io == IO_GETDIG) {
                arm_iddtime(vix, v);
            }
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return kept;
}
