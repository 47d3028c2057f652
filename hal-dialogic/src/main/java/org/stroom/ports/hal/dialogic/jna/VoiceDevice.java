package org.stroom.ports.hal.dialogic.jna;

/**
 * A voice channel handle from dx_open or gc_GetResourceH(GC_VOICEDEVICE).
 *
 * <p>Thread-safety: immutable.
 *
 * @param value the native handle value
 */
public record VoiceDevice(int value) {
    /** @throws IllegalArgumentException if {@code value} is not a valid handle */
    public VoiceDevice {
        if (value < 0) {
            throw new IllegalArgumentException("VoiceDevice value must satisfy value >= 0, got " + value);
        }
    }

    @Override
    public String toString() {
        return "VoiceDevice[" + value + "]";
    }
}
