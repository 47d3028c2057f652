package org.stroom.ports.hal.api;

import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * A span position and what is plugged into it.
 *
 * @param location where the span port is
 * @param config the provisioning of the circuit plugged in, empty when nothing is plugged in
 * @param status alarm, D-channel and service state
 * @param counters performance counters since the last reset
 *     <p>Thread-safety: immutable.
 */
public record SpanInfo(
        SpanLocation location, Optional<SpanConfig> config, SpanStatus status, PerformanceCounters counters) {
    /** Rejects nulls. */
    public SpanInfo {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counters, "counters");
    }

    /** @return whether new calls may use the span */
    public boolean usable() {
        return config.isPresent() && status.usableForTraffic();
    }
}
