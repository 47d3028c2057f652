package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;

/**
 * The opaque {@code BTLINE *} channel handle returned by {@code BfvLineAttach} and {@code
 * BfvSessionAttach}. Never dereferenced on the Java side; invalid after detach.
 *
 * <p>Thread-safety: immutable once created; whether the native library tolerates one handle being used
 * from several threads is not documented, so callers should serialise calls per line.
 */
public final class BtLine extends PointerType {

    /** For JNA, which creates handles returned by native functions. */
    public BtLine() {
        super();
    }

    /**
     * @param address the native handle; may be null
     */
    public BtLine(Pointer address) {
        super(address);
    }
}
