package org.stroom.ports.portmgr.capacity;

import java.util.Objects;

/**
 * Busy-hour traffic of one module as measured by the port manager (ITU-T E.500: the mean of the busy hours of
 * several days). Replaces the configured figures of the module with the same name.
 *
 * @param module module name, non-blank
 * @param busyHourAttempts measured attempts per busy hour, finite and &ge; 0
 * @param meanHoldingSeconds measured mean holding time in seconds, finite and &gt; 0
 *     <p>Thread-safety: immutable.
 */
public record Measurement(String module, double busyHourAttempts, double meanHoldingSeconds) {
    /**
     * @throws IllegalArgumentException naming the field out of range
     */
    public Measurement {
        Objects.requireNonNull(module, "measurement: module");
        if (module.isBlank()) {
            throw new IllegalArgumentException("measurement: module name is blank");
        }
        if (!(busyHourAttempts >= 0.0) || Double.isInfinite(busyHourAttempts)) {
            throw new IllegalArgumentException("measurement of " + module + ": busyHourAttempts = " + busyHourAttempts
                    + " must be finite and >= 0");
        }
        if (!(meanHoldingSeconds > 0.0) || Double.isInfinite(meanHoldingSeconds)) {
            throw new IllegalArgumentException("measurement of " + module + ": meanHoldingSeconds = "
                    + meanHoldingSeconds + " must be finite and > 0");
        }
    }

    /** @return measured traffic in erlangs */
    public double erlangs() {
        return busyHourAttempts * meanHoldingSeconds / 3600.0;
    }
}
