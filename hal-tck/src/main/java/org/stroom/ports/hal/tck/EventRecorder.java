package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;

/**
 * Stores every event a backend delivers and lets a test wait for one.
 *
 * <p>{@link #attach} subscribes with a direct executor, so a backend running on virtual time
 * delivers during {@link TckHarness#advance} and {@link #await} finds the event at once; a
 * real-time backend delivers on its publishing thread and {@code await} blocks on a condition until
 * the event arrives or the timeout passes. No polling, no sleeping.
 *
 * <p>Thread-safety: safe from any thread; {@link #onEvent} never blocks for longer than a list append.
 */
public final class EventRecorder implements HalEventListener, AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<HalEvent> events = new ArrayList<>();
    private volatile Subscription subscription;

    /** Creates a recorder not yet subscribed to anything; subscribe it yourself or use {@link #attach}. */
    public EventRecorder() {}

    /**
     * @param backend the backend to record
     * @return a recorder subscribed to {@code backend} with a direct executor
     */
    public static EventRecorder attach(HalBackend backend) {
        EventRecorder r = new EventRecorder();
        r.subscription = backend.subscribe(r, Runnable::run);
        return r;
    }

    @Override
    public void onEvent(HalEvent event) {
        lock.lock();
        try {
            events.add(Objects.requireNonNull(event, "event"));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return every event recorded so far, in delivery order; a copy */
    public List<HalEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** @return the events of {@code type} recorded so far, in delivery order */
    public <T extends HalEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** @return how many events have been recorded; use as a mark for {@link #since} */
    public int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return the events recorded after {@code mark} (a value of {@link #size()}) */
    public List<HalEvent> since(int mark) {
        lock.lock();
        try {
            return List.copyOf(events.subList(Math.min(mark, events.size()), events.size()));
        } finally {
            lock.unlock();
        }
    }

    /** @return the first recorded event of {@code type} matching {@code filter}, if any */
    public <T extends HalEvent> Optional<T> first(Class<T> type, Predicate<? super T> filter) {
        return events(type).stream().filter(filter).findFirst();
    }

    /**
     * Waits for an event matching {@code filter}, looking at the events already recorded first.
     *
     * @param timeout real time to wait; zero looks only at what is recorded
     * @return the first matching event
     * @throws AssertionError when none arrived in time, listing what was recorded
     */
    public HalEvent await(Predicate<HalEvent> filter, Duration timeout) {
        return await(HalEvent.class, filter::test, timeout, "an event matching the filter");
    }

    /**
     * Waits for an event of {@code type} matching {@code filter}.
     *
     * @param what describes the expected event in the failure message
     * @return the first matching event
     * @throws AssertionError when none arrived within {@code timeout} of real time
     */
    public <T extends HalEvent> T await(Class<T> type, Predicate<? super T> filter, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int checked = 0;
            while (true) {
                for (; checked < events.size(); checked++) {
                    HalEvent e = events.get(checked);
                    if (type.isInstance(e) && filter.test(type.cast(e))) {
                        return type.cast(e);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "expected " + what + " (" + type.getSimpleName() + ") but it did not arrive" + " within "
                                    + timeout + " of real time; events recorded:" + describe(events));
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    /** @return the recorded events, one per line, for failure messages */
    public String describe() {
        return describe(events());
    }

    static String describe(List<HalEvent> list) {
        if (list.isEmpty()) {
            return " none";
        }
        StringBuilder b = new StringBuilder();
        for (HalEvent e : list) {
            b.append("\n  ").append(e);
        }
        return b.toString();
    }

    /** Stops recording (closes the subscription made by {@link #attach}); idempotent. */
    @Override
    public void close() {
        Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }
}
