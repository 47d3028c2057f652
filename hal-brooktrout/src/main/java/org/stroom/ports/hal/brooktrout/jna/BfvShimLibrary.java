package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Library;

/**
 * Exported equivalents of the vendor's accessor macros {@code LINE_STATE(lp)}, {@code
 * LINE_UNIT_NUM(lp)} and {@code LINE_SET_INCOMING_CMD_FUNC(lp, fn)} (facts §12). Macros are not
 * exported symbols, so on a host with the real SDK these come from a small C shim compiled against the
 * vendor header (see docs/backends/brooktrout.md); the emulator exports them directly. Non-vendor names.
 *
 * <p>Thread-safety: as the native library.
 */
public interface BfvShimLibrary extends Library {

    /** @return the line-state code, or {@code BT_ERR_BAD_HANDLE} for a detached handle */
    int BfvShimLineState(BtLine lp);

    /** @return the system unit number, or {@code BT_ERR_BAD_HANDLE} for a detached handle */
    int BfvShimLineUnitNum(BtLine lp);

    /**
     * Registers (or with null removes) the per-line incoming-command callback. The caller must keep
     * {@code fn} strongly reachable while it is registered.
     */
    int BfvShimSetIncomingCmdFunc(BtLine lp, IncomingCmdFunc fn);
}
