package org.stroom.ports.hal.dialogic.jna;

/**
 * A GlobalCall line device (C type LINEDEV, a long), as written by gc_OpenEx.
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the native handle value
 */
public record LineDevice(long value) {
    /** @throws IllegalArgumentException if {@code value} is not a valid handle */
    public LineDevice {
        if (value <= 0) {
            throw new IllegalArgumentException("LineDevice value must satisfy value > 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "LineDevice[" + value + "]";
    }
}
