package org.stroom.ports.hal.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound call to place.
 *
 * @param number the called number
 * @param callerId the calling number presented, empty for the line default
 * @param timeout how long to wait for an answer before giving up with cause 19 (no answer);
 *     1 s .. 10 min
 *     <p>Thread-safety: immutable.
 */
public record OutboundCall(DialString number, Optional<DialString> callerId, Duration timeout) {
    /**
     * @throws HalException when the timeout is outside 1 s .. 10 min
     */
    public OutboundCall {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new HalException("outbound call timeout " + timeout + " is outside 1 s .. 10 min");
        }
    }

    /** @return a call to {@code number} with the default caller id and a 60 s answer timeout */
    public static OutboundCall to(String number) {
        return new OutboundCall(new DialString(number), Optional.empty(), Duration.ofSeconds(60));
    }
}
