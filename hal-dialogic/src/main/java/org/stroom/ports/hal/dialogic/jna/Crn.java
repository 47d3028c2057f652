package org.stroom.ports.hal.dialogic.jna;

/**
 * A GlobalCall call reference number (C type CRN, a long); 0 means no call and is rejected.
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the native handle value
 */
public record Crn(long value) {
    /** @throws IllegalArgumentException if {@code value} is not a valid handle */
    public Crn {
        if (value == 0) {
            throw new IllegalArgumentException("Crn value must satisfy value != 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "Crn[0x" + Long.toHexString(value) + "]";
    }
}
