package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * C callback type {@code void fn(BTLINE *lp, struct args_packet *args)} registered with {@code
 * LINE_SET_INCOMING_CMD_FUNC}. Implementations run on a native thread: they must only decode and
 * publish, never block, and never throw (see {@link IncomingCommandDispatcher}).
 *
 * <p>Thread-safety: called from a native thread of the library.
 */
public interface IncomingCmdFunc extends Callback {

    /**
     * @param lp the line the event belongs to
     * @param args the native {@code struct args_packet *}, valid only during this call
     */
    void invoke(BtLine lp, Pointer args);
}
