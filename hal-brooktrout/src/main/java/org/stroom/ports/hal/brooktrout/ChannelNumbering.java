package org.stroom.ports.hal.brooktrout;

import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * The vendor's channel numbering (facts §16) for one module: logical channels 0 and 1 are
 * administrative, work channels start at 2 and run span by span, 24 per T1 port. Board numbers in
 * {@link SpanLocation} are the Bfv module numbers (the first module is 2).
 *
 * <p>Thread-safety: stateless.
 */
public final class ChannelNumbering {
    /** First work channel of a module. */
    public static final int FIRST_WORK_CHANNEL = 2;

    private ChannelNumbering() {}

    /**
     * @param port T1 port on the module, 1..4
     * @param ds0 timeslot, 1..24
     * @return the logical channel for {@code BfvSessionAttach(module, channel)}
     */
    public static int sessionChannel(int port, int ds0) {
        if (port < 1 || port > SpanLocation.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 1.." + SpanLocation.MAX_PORT);
        }
        Ds0Layout.checkTimeslot(ds0);
        return FIRST_WORK_CHANNEL + (port - 1) * Ds0Layout.TIMESLOTS + (ds0 - 1);
    }

    /**
     * @param channel a logical work channel, ≥ 2
     * @return the T1 port it belongs to
     */
    public static int portOf(int channel) {
        return (channel - FIRST_WORK_CHANNEL) / Ds0Layout.TIMESLOTS + 1;
    }

    /**
     * @param channel a logical work channel, ≥ 2
     * @return its timeslot on the port
     */
    public static int ds0Of(int channel) {
        return (channel - FIRST_WORK_CHANNEL) % Ds0Layout.TIMESLOTS + 1;
    }
}
