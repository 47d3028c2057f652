package org.stroom.ports.hal.dialogic.jna;

/**
 * A fax channel handle from fx_open; distinct from the voice handle on the same channel name.
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the native handle value
 */
public record FaxDevice(int value) {
    /** @throws IllegalArgumentException if {@code value} is not a valid handle */
    public FaxDevice {
        if (value < 0) {
            throw new IllegalArgumentException("FaxDevice value must satisfy value >= 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "FaxDevice[" + value + "]";
    }
}
