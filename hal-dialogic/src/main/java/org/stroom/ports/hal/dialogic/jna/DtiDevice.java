package org.stroom.ports.hal.dialogic.jna;

/**
 * A digital trunk or timeslot handle from dt_open or gc_GetResourceH(GC_NETWORKDEVICE).
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the native handle value
 */
public record DtiDevice(int value) {
    /** @throws IllegalArgumentException if {@code value} is not a valid handle */
    public DtiDevice {
        if (value < 0) {
            throw new IllegalArgumentException("DtiDevice value must satisfy value >= 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "DtiDevice[" + value + "]";
    }
}
