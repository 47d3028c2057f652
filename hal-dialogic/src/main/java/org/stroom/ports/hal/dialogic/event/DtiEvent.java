package org.stroom.ports.hal.dialogic.event;

import java.util.Objects;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.DtiDevice;

/**
 * Digital trunk interface events of one trunk or timeslot handle.
 *
 * <p>Thread-safety: all implementations are immutable records.
 */
public sealed interface DtiEvent extends DialogicEvent {
    /** @return the trunk or timeslot handle that reported the event; never null */
    DtiDevice device();

    /**
     * DTEV_T1ERRC: an enabled alarm started or cleared. Thread-safety: immutable.
     *
     * @param device the trunk
     * @param alarmCode DTT1_* code without the recovery offset
     * @param recovered true if the alarm cleared
     */
    record TrunkAlarm(DtiDevice device, int alarmCode, boolean recovered) implements DtiEvent {
        /** @throws NullPointerException if device is null */
        public TrunkAlarm {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * DTEV_OUTSERVICE: the board carrying the trunk failed, or works again. The event data is one
     * unsigned short, an EDT_* code: EDT_SUCC when the board is back in service, the error (EDT_FWERR
     * in the emulator) when it failed (modelled meaning and layout; the fact sheet gives only the
     * event's name and value). Thread-safety: immutable.
     *
     * @param device the trunk
     * @param error EDT_* code; EDT_SUCC (0) means in service again
     */
    record ServiceChange(DtiDevice device, int error) implements DtiEvent {
        /** @throws NullPointerException if device is null */
        public ServiceChange {
            Objects.requireNonNull(device, "device");
        }

        /** @return whether the trunk's board works again */
        public boolean inService() {
            return error == DtConstants.EDT_SUCC;
        }
    }

    /**
     * Any other DTI event. Thread-safety: immutable.
     *
     * @param device the trunk or timeslot
     * @param type DTEV_* value
     */
    record Other(DtiDevice device, int type) implements DtiEvent {
        /** @throws NullPointerException if device is null */
        public Other {
            Objects.requireNonNull(device, "device");
        }
    }
}
