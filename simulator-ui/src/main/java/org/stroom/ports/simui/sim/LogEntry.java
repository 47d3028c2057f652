package org.stroom.ports.simui.sim;

import java.util.Objects;

/**
 * One line of the event log.
 *
 * @param simNanos simulation time of the event, nanoseconds since the simulation started
 * @param category what kind of entry it is
 * @param source the machine or system it concerns, or {@code "simulator"}
 * @param text what happened, in words
 *     <p>Thread-safety: immutable.
 */
public record LogEntry(long simNanos, LogCategory category, String source, String text) {
    /** Checks for null. */
    public LogEntry {
        Objects.requireNonNull(category, "LogEntry.category");
        Objects.requireNonNull(source, "LogEntry.source");
        Objects.requireNonNull(text, "LogEntry.text");
    }

    /** @return e.g. {@code "00:01:02.345 SPAN a-node1: RED alarm raised on a-node1/b0/s1"} */
    public String line() {
        return SimTime.format(simNanos) + " " + category + " " + source + ": " + text;
    }
}
