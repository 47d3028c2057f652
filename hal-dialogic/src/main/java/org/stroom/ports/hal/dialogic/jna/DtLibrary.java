package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.ptr.ShortByReference;

/**
 * Raw mapping of the digital trunk interface library (libdti). C names are kept; functions return 0 or a
 * handle, -1 on error, and never throw; the reason is {@code ATDV_LASTERR(dev)}.
 *
 * <p>Thread-safety: as the native library.
 */
public interface DtLibrary extends Library {
    int dt_open(String name, int oflags);

    int dt_close(int dev);

    int dt_setevtmsk(int dev, int event, short bitmask, int action);

    int dt_getevtmsk(int dev, int event, ShortByReference bitmaskp);

    int dt_setalrm(int dev, int mode);
}
