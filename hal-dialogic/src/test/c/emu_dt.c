/*
 * Dialogic R4 emulator: digital trunk interface (dt_*).
 *
 * DTEV_T1ERRC goes to every open trunk handle (dtiBn) whose DTG_T1ERREVT mask has the alarm's
 * DTEC_* bit set; its data is one unsigned short alarm code (modelled, fact sheet 7.2), the
 * recovery code being alarm + 0x10. The default mask is empty.
 *
 * A board fault and its recovery reach the same trunk handles as DTEV_OUTSERVICE, whatever the mask,
 * with one unsigned short: EMU_BOARD_FAULT_CODE when the board fails, EMU_BOARD_OK_CODE when it works
 * again (modelled, see emu.h).
 */
#include <stdio.h>
#include <string.h>

#include "emu.h"

#define DTG_SIGEVT 2

/* DTEC_* enable bit for each DTT1_* code 0x00..0x0B. */
static const unsigned short dtec_bit[16] = {
    0x8000, 0x0100, 0x0200, 0x0080, 0x0040, 0x0020, 0x0010, 0x0008, 0x0004, 0x0002, 0x0001, 0x0400, 0, 0, 0, 0,
};

static device *dti(int dev) {
    device *d = emu_device_locked(dev, DK_FREE);
    return d != NULL && (d->kind == DK_DTI_BOARD || d->kind == DK_DTI_TS) ? d : NULL;
}

static int injected(device *d, const char *function) {
    long code;
    if (emu_consume_failure_locked(function, &code)) {
        d->lasterr = code;
        return 1;
    }
    return 0;
}

int dt_open(const char *name, int oflags) {
    (void)oflags;
    int b = 0, t = 0;
    char tail;
    int kind;
    if (name == NULL) {
        return -1;
    }
    int n = sscanf(name, "dtiB%dT%d%c", &b, &t, &tail);
    if (n == 1) {
        kind = DK_DTI_BOARD;
    } else if (n == 2) {
        kind = DK_DTI_TS;
    } else {
        return -1;
    }
    pthread_mutex_lock(&emu_lock);
    long code;
    long h = -1;
    if (!emu_consume_failure_locked("dt_open", &code) && b >= 1 && b <= emu_trunks
        && (kind == DK_DTI_BOARD || (t >= 1 && t <= emu_timeslots))) {
        char clean[32];
        if (kind == DK_DTI_BOARD) {
            snprintf(clean, sizeof clean, "dtiB%d", b);
        } else {
            snprintf(clean, sizeof clean, "dtiB%dT%d", b, t);
        }
        h = emu_new_handle_locked(kind, clean);
        if (h > 0) {
            emu_dev[h].trunk = b;
            emu_dev[h].ts = t;
        }
    }
    pthread_mutex_unlock(&emu_lock);
    return (int)h;
}

int dt_close(int dev) {
    pthread_mutex_lock(&emu_lock);
    device *d = dti(dev);
    int rc = -1;
    if (d != NULL) {
        d->open = 0;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dt_setevtmsk(int dev, int event, unsigned short bitmask, int action) {
    pthread_mutex_lock(&emu_lock);
    device *d = dti(dev);
    int rc = -1;
    if (d == NULL || injected(d, "dt_setevtmsk")) {
    } else if (!((event == DTG_T1ERREVT && d->kind == DK_DTI_BOARD) || (event == DTG_SIGEVT && d->kind == DK_DTI_TS))
               || action < DTA_SETMSK || action > DTA_SUBMSK) {
        d->lasterr = EDT_PARAMERR;
    } else {
        if (event == DTG_T1ERREVT) {
            d->t1mask = action == DTA_SETMSK   ? bitmask
                        : action == DTA_ADDMSK ? (unsigned short)(d->t1mask | bitmask)
                                               : (unsigned short)(d->t1mask & ~bitmask);
        }
        d->lasterr = EDT_SUCC;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dt_getevtmsk(int dev, int event, unsigned short *bitmaskp) {
    pthread_mutex_lock(&emu_lock);
    device *d = dti(dev);
    int rc = -1;
    if (d == NULL) {
    } else if (bitmaskp == NULL || event != DTG_T1ERREVT || d->kind != DK_DTI_BOARD) {
        d->lasterr = EDT_PARAMERR;
    } else {
        *bitmaskp = d->t1mask;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

int dt_setalrm(int dev, unsigned int mode) {
    pthread_mutex_lock(&emu_lock);
    device *d = dti(dev);
    int rc = -1;
    if (d == NULL || injected(d, "dt_setalrm")) {
    } else if (mode > 2 || d->kind != DK_DTI_BOARD) {
        d->lasterr = EDT_PARAMERR;
    } else {
        d->alrm_mode = (int)mode;
        rc = 0;
    }
    pthread_mutex_unlock(&emu_lock);
    return rc;
}

void emu_dt_trunk_alarm_locked(int trunk_no, int code) {
    unsigned short bit = dtec_bit[code & 0x0F];
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *d = &emu_dev[h];
        if (d->open && d->kind == DK_DTI_BOARD && d->trunk == trunk_no && (d->t1mask & bit) != 0) {
            emu_event *ev = emu_new_event(h, DTEV_T1ERRC);
            unsigned short data = (unsigned short)code;
            memcpy(ev->data, &data, sizeof data);
            ev->len = sizeof data;
            emu_queue_locked(ev);
        }
    }
}

void emu_dt_trunk_service_locked(int trunk_no, int code) {
    for (long h = EMU_FIRST_HANDLE; h < EMU_MAX_DEVICES; h++) {
        device *d = &emu_dev[h];
        if (d->open && d->kind == DK_DTI_BOARD && d->trunk == trunk_no) {
            emu_event *ev = emu_new_event(h, DTEV_OUTSERVICE);
            unsigned short data = (unsigned short)code;
            memcpy(ev->data, &data, sizeof data);
            ev->len = sizeof data;
            emu_queue_locked(ev);
        }
    }
}
