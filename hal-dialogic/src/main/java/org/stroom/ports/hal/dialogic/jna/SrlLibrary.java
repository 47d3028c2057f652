package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * Raw mapping of the Standard Runtime Library (libsrl). C names are kept; every function returns the
 * native code and never throws (except JNA's own {@code UnsatisfiedLinkError} for a missing symbol).
 * C {@code long} and {@code unsigned long} map to {@link NativeLong}.
 *
 * <p>The event accessors take an event handle: pass the one sr_waitevtEx returned, or 0 for the current
 * event after sr_waitevt (extra cdecl arguments are ignored by Linux builds that declare them without
 * one). The current event belongs to the SRL's event-wait context: wait and read on one thread.
 *
 * <p>Thread-safety: as the native library; wait functions and accessors from one event thread only.
 */
public interface SrlLibrary extends Library {
    /**
     * Handler registered with sr_enbhdlr; returns 1 to keep the event, 0 to release it.
     *
     * <p>Thread-safety: called on the thread that waits, inside the wait function.
     */
    interface SrlHandler extends Callback {
        NativeLong invoke(NativeLong evt_handle);
    }

    NativeLong sr_waitevt(NativeLong tmout);

    NativeLong sr_waitevtEx(NativeLong[] handlep, int count, NativeLong tmout, NativeLongByReference evthp);

    NativeLong sr_getevtdev(NativeLong evt_handle);

    NativeLong sr_getevttype(NativeLong evt_handle);

    NativeLong sr_getevtlen(NativeLong evt_handle);

    Pointer sr_getevtdatap(NativeLong evt_handle);

    NativeLong sr_enbhdlr(NativeLong ddd, NativeLong event_type, SrlHandler hdlr);

    NativeLong sr_dishdlr(NativeLong ddd, NativeLong event_type, SrlHandler hdlr);

    NativeLong sr_setparm(NativeLong ddd, NativeLong parmid, Pointer valuep);

    NativeLong sr_getparm(NativeLong ddd, NativeLong parmid, Pointer valuep);

    NativeLong sr_putevt(NativeLong dev, NativeLong evt, NativeLong len, Pointer datap, NativeLong err);

    NativeLong ATDV_LASTERR(NativeLong ddd);

    Pointer ATDV_ERRMSGP(NativeLong ddd);

    Pointer ATDV_NAMEP(NativeLong ddd);

    NativeLong ATDV_SUBDEVS(NativeLong ddd);
}
