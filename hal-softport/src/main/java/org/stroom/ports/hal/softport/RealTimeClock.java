package org.stroom.ports.hal.softport;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wall time, scaled: simulated time runs {@link #speed()} times faster than {@link
 * System#nanoTime()} (1× to 1000×), can be paused, single-stepped while paused, and sped up or
 * slowed down while running. Scheduled actions run on one daemon timer thread, {@code
 * softport-clock}, when simulated time reaches them. This is the clock of the interactive JavaFX
 * simulator; tests use {@link VirtualClock}, which runs the same simulator code without waiting.
 *
 * <pre>
 *   simulated now = base + (System.nanoTime() − realBase) × speed      (running)
 *                 = base                                              (paused)
 *   timer thread: wait until the head action is due, run it, repeat
 * </pre>
 *
 * <p>An action that throws is reported to the platform logger and the clock keeps running.
 * Simulated time starts at {@code System.nanoTime()} so that at 1× it reads like the system clock.
 *
 * <p>Thread-safety: every method is safe from any thread; actions run on the timer thread, one at a
 * time. {@link #close()} stops the thread; actions still pending are dropped.
 */
public final class RealTimeClock implements Scheduler, AutoCloseable {
    /** Slowest speed factor accepted. */
    public static final double MIN_SPEED = 1.0;
    /** Fastest speed factor accepted. */
    public static final double MAX_SPEED = 1000.0;

    private static final System.Logger LOG = System.getLogger(RealTimeClock.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<ScheduledEntry> queue = new PriorityQueue<>();
    private final ArrayDeque<CompletableFuture<OptionalLong>> steps = new ArrayDeque<>();
    private final Thread thread;
    private long order;
    private double speed;
    private boolean paused;
    private long baseSim;
    private long baseReal;
    private long lastRead;
    private boolean closed;

    /** A running clock at 1×. */
    public RealTimeClock() {
        this(1.0);
    }

    /**
     * Starts a running clock and its timer thread.
     *
     * @param speed simulated seconds per real second, {@value #MIN_SPEED}..{@value #MAX_SPEED}
     * @throws IllegalArgumentException when the speed is out of range
     */
    public RealTimeClock(double speed) {
        this.speed = checkSpeed(speed);
        this.baseReal = System.nanoTime();
        this.baseSim = baseReal;
        this.lastRead = baseSim;
        this.thread = new Thread(this::loop, "softport-clock");
        thread.setDaemon(true);
        thread.start();
    }

    private static double checkSpeed(double s) {
        if (!(s >= MIN_SPEED && s <= MAX_SPEED)) {
            throw new IllegalArgumentException("clock speed " + s + " is outside " + MIN_SPEED + ".." + MAX_SPEED
                    + " (simulated seconds per second)");
        }
        return s;
    }

    /** @return true: this clock runs with the system's */
    @Override
    public boolean realTime() {
        return true;
    }

    @Override
    public long nanos() {
        lock.lock();
        try {
            return readLocked();
        } finally {
            lock.unlock();
        }
    }

    private long readLocked() {
        long t = paused ? baseSim : baseSim + (long) ((System.nanoTime() - baseReal) * speed);
        lastRead = Math.max(lastRead, t);
        return lastRead;
    }

    @Override
    public Task schedule(long atNanos, Runnable action) {
        Objects.requireNonNull(action, "action");
        lock.lock();
        try {
            ScheduledEntry e = new ScheduledEntry(atNanos, order++, action);
            if (!closed) {
                queue.add(e);
                changed.signalAll();
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** @return the speed factor: simulated seconds per real second */
    public double speed() {
        lock.lock();
        try {
            return speed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the speed from now on; simulated time does not jump.
     *
     * @param newSpeed {@value #MIN_SPEED}..{@value #MAX_SPEED}
     * @throws IllegalArgumentException when out of range
     */
    public void setSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        lock.lock();
        try {
            baseSim = readLocked();
            baseReal = System.nanoTime();
            speed = newSpeed;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Freezes simulated time; scheduled actions wait. Idempotent. */
    public void pause() {
        lock.lock();
        try {
            if (!paused) {
                baseSim = readLocked();
                paused = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets simulated time run again from where it was paused. Idempotent. */
    public void resume() {
        lock.lock();
        try {
            if (paused) {
                baseReal = System.nanoTime();
                paused = false;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return whether simulated time is paused */
    public boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /**
     * While paused, jumps simulated time to the next scheduled action and runs it on the timer
     * thread.
     *
     * @return completes with the action's time once it has run, or empty when nothing was scheduled
     * @throws IllegalStateException when the clock is running or closed
     */
    public CompletableFuture<OptionalLong> step() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("step: the clock is closed");
            }
            if (!paused) {
                throw new IllegalStateException("step: the clock is running; pause() it first");
            }
            CompletableFuture<OptionalLong> f = new CompletableFuture<>();
            steps.add(f);
            changed.signalAll();
            return f;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the timer thread and drops pending actions; idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            for (CompletableFuture<OptionalLong> f : steps) {
                f.complete(OptionalLong.empty());
            }
            steps.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            ScheduledEntry run = null;
            CompletableFuture<OptionalLong> stepDone = null;
            lock.lock();
            try {
                while (run == null) {
                    if (closed) {
                        return;
                    }
                    while (!queue.isEmpty() && queue.peek().cancelled()) {
                        queue.poll();
                    }
                    ScheduledEntry head = queue.peek();
                    if (paused) {
                        CompletableFuture<OptionalLong> f = steps.poll();
                        if (f == null) {
                            changed.await();
                        } else if (head == null) {
                            f.complete(OptionalLong.empty());
                        } else {
                            baseSim = Math.max(readLocked(), head.at);
                            run = queue.poll();
                            stepDone = f;
                        }
                        continue;
                    }
                    if (head == null) {
                        changed.await();
                        continue;
                    }
                    long now = readLocked();
                    if (head.at <= now) {
                        run = queue.poll();
                    } else {
                        changed.awaitNanos(Math.max(1L, (long) Math.ceil((head.at - now) / speed)));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                run.action.run();
            } catch (Throwable t) { // one failing action must not stop the simulation
                LOG.log(System.Logger.Level.ERROR, "softport clock: scheduled action threw", t);
            }
            if (stepDone != null) {
                stepDone.complete(OptionalLong.of(run.at));
            }
        }
    }
}
