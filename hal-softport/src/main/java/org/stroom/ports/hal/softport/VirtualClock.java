package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Discrete-event virtual time: the clock stands still until {@link #advance} or {@link #advanceTo}
 * moves it, and then jumps from one scheduled action to the next, running each at its exact time.
 * A simulated busy hour of a 96-channel board runs in well under a second, and a run is
 * reproducible: with the same seeds and the same calls, the same events happen at the same times.
 *
 * <pre>
 *   schedule(t, a) ──▶ [ queue ordered by (time, order scheduled) ]
 *                                  │
 *   advanceTo(T): while head.time ≤ T: now = head.time; run head   (on the caller's thread)
 *                 now = T
 * </pre>
 *
 * <p>Exceptions thrown by an action propagate out of {@code advance}, so that a simulator bug
 * fails the test that drove it; the action is removed first, so the clock stays usable.
 *
 * <p>Thread-safety: {@link #nanos()} and {@link #schedule} are safe from any thread. Actions run on
 * the thread that calls {@code advance}, {@code advanceTo} or {@code runUntilIdle}; only one
 * thread may advance at a time, and an action must not advance the clock itself.
 */
public final class VirtualClock implements Scheduler {
    private final Object lock = new Object();
    private final PriorityQueue<ScheduledEntry> queue = new PriorityQueue<>();
    private volatile long now;
    private long order;
    private Thread runner;

    /** A clock at time 0. */
    public VirtualClock() {
        this(0);
    }

    /**
     * @param startNanos the initial clock time in nanoseconds
     */
    public VirtualClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public Task schedule(long atNanos, Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (lock) {
            ScheduledEntry e = new ScheduledEntry(Math.max(atNanos, now), order++, action);
            queue.add(e);
            return e;
        }
    }

    /**
     * Lets {@code d} of virtual time pass, running every action due up to the new time.
     *
     * @param d non-negative duration
     * @throws IllegalArgumentException when {@code d} is negative
     * @throws IllegalStateException when called from a scheduled action or while another thread
     *     advances
     */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("advance: duration " + d + " is negative; virtual time only moves on");
        }
        advanceTo(Scheduler.plus(now, d));
    }

    /**
     * Moves the clock to {@code targetNanos}, running every action due up to then, in time order.
     *
     * @param targetNanos clock time, not before {@link #nanos()}
     * @throws IllegalArgumentException when the target is in the past
     * @throws IllegalStateException when called from a scheduled action or while another thread
     *     advances
     */
    public void advanceTo(long targetNanos) {
        if (targetNanos < now) {
            throw new IllegalArgumentException(
                    "advanceTo: target " + targetNanos + " ns is before the current time " + now + " ns");
        }
        enter("advanceTo");
        try {
            ScheduledEntry e;
            while ((e = next(targetNanos)) != null) {
                e.action.run();
            }
            synchronized (lock) {
                now = targetNanos;
            }
        } finally {
            exit();
        }
    }

    /**
     * Runs scheduled actions, jumping the clock from one to the next, until none is left.
     *
     * @param maxActions upper bound on actions to run, ≥ 1; guards against sources that schedule
     *     forever (a running {@link TrafficSource} never lets the clock become idle)
     * @return the number of actions run
     * @throws IllegalStateException when actions are still pending after {@code maxActions}
     */
    public long runUntilIdle(long maxActions) {
        if (maxActions < 1) {
            throw new IllegalArgumentException("runUntilIdle: maxActions " + maxActions + " must be ≥ 1");
        }
        enter("runUntilIdle");
        long ran = 0;
        try {
            while (true) {
                if (ran == maxActions) {
                    int pending = pendingActions();
                    if (pending > 0) {
                        throw new IllegalStateException("runUntilIdle: still " + pending + " action(s) pending after "
                                + maxActions + "; a recurring source (e.g. a TrafficSource) keeps scheduling:"
                                + " stop it or use advance()");
                    }
                    return ran;
                }
                ScheduledEntry e = next(Long.MAX_VALUE);
                if (e == null) {
                    return ran;
                }
                ran++;
                e.action.run();
            }
        } finally {
            exit();
        }
    }

    /** @return the number of scheduled actions not yet run nor cancelled */
    public int pendingActions() {
        synchronized (lock) {
            int n = 0;
            for (ScheduledEntry e : queue) {
                if (!e.cancelled()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** @return the due time of the next action not cancelled, or empty when none is scheduled */
    public OptionalLong nextDueNanos() {
        synchronized (lock) {
            dropCancelledHead();
            ScheduledEntry e = queue.peek();
            return e == null ? OptionalLong.empty() : OptionalLong.of(e.at);
        }
    }

    private ScheduledEntry next(long limit) {
        synchronized (lock) {
            dropCancelledHead();
            ScheduledEntry e = queue.peek();
            if (e == null || e.at > limit) {
                return null;
            }
            queue.poll();
            now = Math.max(now, e.at);
            return e;
        }
    }

    private void dropCancelledHead() {
        while (!queue.isEmpty() && queue.peek().cancelled()) {
            queue.poll();
        }
    }

    private void enter(String what) {
        synchronized (lock) {
            if (runner != null) {
                throw new IllegalStateException(what + ": the clock is already being advanced by "
                        + (runner == Thread.currentThread() ? "this thread (from inside a scheduled action)" : runner)
                        + "; schedule a follow-up action instead");
            }
            runner = Thread.currentThread();
        }
    }

    private void exit() {
        synchronized (lock) {
            runner = null;
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + Duration.ofNanos(now) + "]";
    }
}
