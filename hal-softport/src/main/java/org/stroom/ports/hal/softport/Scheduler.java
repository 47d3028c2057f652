package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.stroom.ports.t1.NanoClock;

/**
 * The simulator's one source of time and timers: a {@link NanoClock} that also runs actions at
 * given clock times. Every simulated board, far end, traffic source and alarm integrator reads
 * time and sets timers only through a scheduler, so the same code runs on {@link VirtualClock}
 * (tests, capacity runs: a busy hour in milliseconds, deterministic for a seed) and on {@link
 * RealTimeClock} (the JavaFX simulator: wall time scaled 1×..1000×).
 *
 * <p>Actions run one at a time, in time order; actions due at the same time run in the order they
 * were scheduled. An action scheduled for a time already past runs at the current time, after the
 * actions already due.
 *
 * <p>Thread-safety: implementations are safe from any thread. Actions run on the scheduler's own
 * thread: the thread calling {@link VirtualClock#advance} for virtual time, the timer thread for
 * real time; never concurrently with each other.
 */
public interface Scheduler extends NanoClock {
    /**
     * A scheduled action.
     *
     * <p>Thread-safety: safe from any thread.
     */
    interface Task {
        /** Prevents the action from running if it has not started; idempotent. */
        void cancel();

        /** @return the clock time the action is due at, in nanoseconds */
        long atNanos();

        /** @return whether {@link #cancel()} was called */
        boolean cancelled();
    }

    /**
     * Runs {@code action} when the clock reaches {@code atNanos}.
     *
     * @param atNanos clock time in nanoseconds; a past time means "now"
     * @param action what to run, on the scheduler's thread; never null
     * @return a handle that can cancel it
     */
    Task schedule(long atNanos, Runnable action);

    /**
     * Runs {@code action} after {@code delay} of clock time.
     *
     * @param delay non-negative clock time
     * @param action what to run, on the scheduler's thread; never null
     * @return a handle that can cancel it
     * @throws IllegalArgumentException when the delay is negative
     */
    default Task scheduleAfter(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("scheduleAfter: delay " + delay + " is negative");
        }
        return schedule(plus(nanos(), delay), action);
    }

    /**
     * An executor that runs each task on the scheduler's thread at the current clock time, after
     * the actions already due. Subscribe simulated applications with it ({@code
     * backend.subscribe(listener, clock.executor())}) so that their reactions run in clock order and,
     * on virtual time, deterministically.
     *
     * @return the executor
     */
    default Executor executor() {
        return task -> schedule(nanos(), task);
    }

    /**
     * Adds a duration to a clock time, saturating instead of overflowing.
     *
     * @param atNanos clock time
     * @param d duration to add
     * @return {@code atNanos + d} in nanoseconds, clamped to {@link Long#MAX_VALUE}
     */
    static long plus(long atNanos, Duration d) {
        long n;
        try {
            n = d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
        long r = atNanos + n;
        return ((atNanos ^ r) & (n ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
