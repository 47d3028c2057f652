package org.stroom.ports.hal.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.t1.NanoClock;

/**
 * Numbers, stamps and fans out a backend's events. Every backend uses one.
 *
 * <p>{@link #publish} assigns the next sequence number and the clock time and appends the event to
 * every subscription's queue under one short lock, so all subscribers see the same order. Delivery
 * happens outside the lock: each subscription drains its own queue on its own executor, one event
 * at a time, so a slow listener delays only itself (its backlog grows) and never the backend.
 *
 * <pre>
 *  backend threads ──publish──▶ [seq, stamp, append to each queue]  (lock held only here)
 *                                    │            │
 *                                 queue A       queue B
 *                                    │            │
 *                           executor A drains  executor B drains  (listeners run here, no lock)
 * </pre>
 *
 * <p>A listener that throws is reported to the platform logger and keeps receiving later events.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class EventHub implements AutoCloseable {
    /** Builds an event once its sequence number and timestamp are known. */
    @FunctionalInterface
    public interface EventFactory {
        /**
         * @param sequence the event's sequence number
         * @param atNanos the clock time
         * @return the event, carrying exactly these two values
         */
        HalEvent create(long sequence, long atNanos);
    }

    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());

    private final String backendId;
    private final NanoClock clock;
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private long sequence;
    private volatile boolean closed;

    /**
     * @param backendId used in thread names and log messages
     * @param clock stamps events
     */
    public EventHub(String backendId, NanoClock clock) {
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Publishes one event to every subscription.
     *
     * @return the event as published
     */
    public HalEvent publish(EventFactory factory) {
        HalEvent e;
        synchronized (lock) {
            long seq = ++sequence;
            e = factory.create(seq, clock.nanos());
            if (e.sequence() != seq) {
                throw new IllegalStateException("event factory ignored its sequence number: " + e);
            }
            for (Sub s : subs) {
                s.queue.add(e);
                s.pending.incrementAndGet();
            }
        }
        for (Sub s : subs) {
            s.schedule();
        }
        return e;
    }

    /** @return the sequence number of the last published event, 0 before the first */
    public long lastSequence() {
        synchronized (lock) {
            return sequence;
        }
    }

    /** Subscribes with a dedicated daemon delivery thread. */
    public Subscription subscribe(HalEventListener listener) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, backendId + "-events");
            t.setDaemon(true);
            return t;
        });
        return subscribe(listener, ex, ex);
    }

    /** Subscribes with delivery on {@code executor}. */
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        return subscribe(listener, executor, null);
    }

    private Subscription subscribe(HalEventListener listener, Executor executor, ExecutorService owned) {
        if (closed) {
            throw new org.stroom.ports.hal.api.HalException("backend " + backendId + " is closed; cannot subscribe");
        }
        Sub s = new Sub(
                Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(executor, "executor"), owned);
        subs.add(s);
        return s;
    }

    /** Stops every subscription. */
    @Override
    public void close() {
        closed = true;
        for (Sub s : subs) {
            s.close();
        }
    }

    private final class Sub implements Subscription, Runnable {
        final HalEventListener listener;
        final Executor executor;
        final ExecutorService owned;
        final Queue<HalEvent> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicBoolean scheduled = new AtomicBoolean();
        volatile boolean open = true;

        Sub(HalEventListener listener, Executor executor, ExecutorService owned) {
            this.listener = listener;
            this.executor = executor;
            this.owned = owned;
        }

        void schedule() {
            if (open && !queue.isEmpty() && scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this);
                } catch (RuntimeException rejected) {
                    scheduled.set(false);
                    LOG.log(System.Logger.Level.WARNING, backendId + ": event executor refused delivery", rejected);
                }
            }
        }

        @Override
        public void run() {
            do {
                HalEvent e;
                while (open && (e = queue.poll()) != null) {
                    pending.decrementAndGet();
                    try {
                        listener.onEvent(e);
                    } catch (Throwable t) { // a faulty listener must not stop delivery to itself or others
                        LOG.log(System.Logger.Level.ERROR, backendId + ": event listener threw on " + e, t);
                    }
                }
                scheduled.set(false);
                // an event appended after the last poll but before the flag was cleared would otherwise wait
            } while (open && !queue.isEmpty() && scheduled.compareAndSet(false, true));
        }

        @Override
        public int backlog() {
            return pending.get();
        }

        @Override
        public void close() {
            open = false;
            subs.remove(this);
            queue.clear();
            if (owned != null) {
                owned.shutdown();
            }
        }
    }
}
