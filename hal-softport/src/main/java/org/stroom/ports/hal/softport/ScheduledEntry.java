package org.stroom.ports.hal.softport;

/**
 * One scheduled action of a softport clock, ordered by due time and then by the order it was
 * scheduled in, so actions due at the same instant run first-scheduled first on either clock.
 *
 * <p>Thread-safety: the fields are immutable except {@code cancelled}, which is volatile; the
 * owning clock guards its queue.
 */
final class ScheduledEntry implements Scheduler.Task, Comparable<ScheduledEntry> {
    final long at;
    final long order;
    final Runnable action;
    private volatile boolean cancelled;

    ScheduledEntry(long at, long order, Runnable action) {
        this.at = at;
        this.order = order;
        this.action = action;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public long atNanos() {
        return at;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(ScheduledEntry o) {
        int c = Long.compare(at, o.at);
        return c != 0 ? c : Long.compare(order, o.order);
    }
}
