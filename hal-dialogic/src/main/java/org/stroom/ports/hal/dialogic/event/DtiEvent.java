package org.stroom.ports.hal.dialogic.event;

import java.util.Objects;
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
