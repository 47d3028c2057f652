package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.stroom.ports.hal.dialogic.jna.FxStructs.DF_IOTT;

/**
 * Raw mapping of the fax library (Linux name not captured: {@code libfaxx} is the default guess). C names
 * are kept; functions return 0 or a handle, -1 on error, and never throw; the reason is
 * {@code ATDV_LASTERR(dev)}, and for protocol failures {@code ATFX_ESTAT(dev)}.
 *
 * <p>Thread-safety: as the native library.
 */
public interface FxLibrary extends Library {
    int fx_open(String name, int oflags);

    int fx_close(int dev);

    int fx_initstat(int dev, int state);

    int fx_sendfax(int dev, DF_IOTT iotp, NativeLong sndflag);

    int fx_rcvfax(int dev, String faxname, NativeLong rcvflag);

    int fx_stopch(int dev, int mode);

    void fx_setiott(DF_IOTT iotp, int fhandle, short dtype, short cont);

    int fx_setparm(int dev, NativeLong parm, Pointer valuep);

    int fx_getparm(int dev, NativeLong parm, Pointer valuep);

    NativeLong ATFX_ESTAT(int dev);

    NativeLong ATFX_PGXFER(int dev);

    NativeLong ATFX_TERMMSK(int dev);

    NativeLong ATFX_SPEED(int dev);
}
