package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * Standard Runtime Library structures (fact sheet section 3.3), default alignment.
 *
 * <p>Thread-safety: the structures are mutable native buffers; confine each instance to one thread.
 */
public final class SrlStructs {
    private SrlStructs() {}

    /**
     * Event block filled by dt_getevt: 48 bytes on LP64, 28 on ILP32.
     *
     * <p>Thread-safety: confine to one thread.
     */
    @FieldOrder({"ev_dev", "ev_event", "ev_len", "ev_data", "ev_datap", "ev_UserContextp"})
    public static class EV_EBLK extends Structure {
        public NativeLong ev_dev = new NativeLong();
        public NativeLong ev_event = new NativeLong();
        public NativeLong ev_len = new NativeLong();
        public byte[] ev_data = new byte[8];
        public Pointer ev_datap;
        public Pointer ev_UserContextp;
    }
}
