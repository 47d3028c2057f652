package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_DIGIT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_TPT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;

/**
 * Raw mapping of the voice library (libdxxx). C names are kept; functions return 0 or a handle, -1 on
 * error, and never throw; the reason is {@code ATDV_LASTERR(dev)} in {@link SrlLibrary}. {@code mode} is
 * an {@code unsigned short} ({@code EV_SYNC}/{@code EV_ASYNC} plus mode bits) and maps to {@code short}.
 *
 * <p>Thread-safety: as the native library.
 */
public interface DxLibrary extends Library {
    int dx_open(String namep, int oflags);

    int dx_close(int dev);

    int dx_play(int chdev, DX_IOTT iottp, DV_TPT tptp, short mode);

    int dx_rec(int chdev, DX_IOTT iottp, DV_TPT tptp, short mode);

    int dx_getdig(int chdev, DV_TPT tptp, DV_DIGIT digitp, short mode);

    int dx_stopch(int chdev, short mode);

    int dx_clrdigbuf(int chdev);

    int dx_setdigtyp(int chdev, short digmask);

    int dx_clrtpt(DV_TPT tptp, int size);

    /** @param capp call-analysis parameters (DX_CAP, layout not captured): pass null */
    int dx_dial(int chdev, String dialstrp, Pointer capp, short mode);

    int dx_setevtmsk(int chdev, int mask);

    NativeLong ATDX_TERMMSK(int dev);

    NativeLong ATDX_STATE(int dev);

    NativeLong ATDX_BUFDIGS(int dev);

    NativeLong ATDX_TRCOUNT(int dev);
}
