package org.stroom.ports.hal.brooktrout;

import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.brooktrout.jna.BfvLineState;

/**
 * The vendor line-state table mapped onto the hal-api channel states. The adapter drives its
 * {@link org.stroom.ports.hal.api.ChannelStateMachine} from events; this table says which line states
 * are consistent with which channel state, and gives a channel's state when a line is attached.
 *
 * <pre>
 *  IDLE                                   → IDLE
 *  RINGING                                → OFFERED (or ALERTING after accept)
 *  OFF_HOOK                               → DIALLING
 *  CONNECTED, AWAIT_TRAINING, FAX_MODE,
 *  TURNAROUND, HOLDUP, RCV_INFO, RETAIN   → CONNECTED   (fax phases and undocumented call states)
 *  RESETTING                              → DISCONNECTING
 *  NOLOOP                                 → OUT_OF_SERVICE
 * </pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class LineStateMapping {
    private LineStateMapping() {}

    /**
     * @param line a vendor line state; never null
     * @return the channel state it corresponds to
     */
    public static ChannelState channelState(BfvLineState line) {
        switch (line) {
            case IDLE:
                return ChannelState.IDLE;
            case RINGING:
                return ChannelState.OFFERED;
            case OFF_HOOK:
                return ChannelState.DIALLING;
            case RESETTING:
                return ChannelState.DISCONNECTING;
            case NOLOOP:
                return ChannelState.OUT_OF_SERVICE;
            default:
                return ChannelState.CONNECTED;
        }
    }
}
