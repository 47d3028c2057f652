package org.stroom.ports.hal.softport;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.CallId;

/**
 * One call on a simulated channel, from offer or placeCall until CallDisconnected.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class SoftCall {
    final CallId id;
    final boolean inbound;
    /** The circuit the call came over; null when placed on a span with nothing plugged in. */
    final Cable cable;

    final long startNanos;
    final Party party;
    /** Outbound: the network has acknowledged our SETUP, so glare is no longer possible. */
    boolean acknowledged;
    /** Far-end digits already queued up to this clock time. */
    long farDigitsUntil;

    private final List<Scheduler.Task> timers = new ArrayList<>(2);

    SoftCall(CallId id, boolean inbound, Cable cable, long startNanos, Party party) {
        this.id = id;
        this.inbound = inbound;
        this.cable = cable;
        this.startNanos = startNanos;
        this.party = party;
        this.farDigitsUntil = startNanos;
    }

    /** Keeps {@code t} to cancel when the call ends; forgets timers already run or cancelled. */
    void timer(Scheduler.Task t, long now) {
        timers.removeIf(x -> x.cancelled() || x.atNanos() < now);
        timers.add(t);
    }

    void cancelTimers() {
        for (Scheduler.Task t : timers) {
            t.cancel();
        }
        timers.clear();
    }
}
