package org.stroom.ports.hal.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;

/** Collects events in delivery order and lets a test wait for one, without sleeping. */
final class EventLog implements HalEventListener {
    private final List<HalEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(HalEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<HalEvent> events() {
        return List.copyOf(events);
    }

    synchronized <T extends HalEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** @return the first event of {@code type} matching {@code test}, waiting up to {@code timeout} */
    <T extends HalEvent> T await(Class<T> type, Predicate<T> test, Duration timeout) {
        awaitCount(type, test, 1, timeout);
        synchronized (this) {
            return events.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .filter(test)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Waits until at least {@code n} events of {@code type} match {@code test}. */
    synchronized <T extends HalEvent> List<T> awaitCount(Class<T> type, Predicate<T> test, int n, Duration timeout) {
        List<T> found = waitFor(type, test, n, timeout);
        if (found.size() < n) {
            throw new AssertionError("waited " + timeout.toMillis() + " ms for " + n + " " + type.getSimpleName()
                    + " events, got " + found.size() + "; all events: " + events);
        }
        return found;
    }

    /** @return the matching events once there are {@code n}, or those there are after {@code timeout} */
    synchronized <T extends HalEvent> List<T> waitFor(Class<T> type, Predicate<T> test, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> found = new ArrayList<>();
            for (HalEvent e : events) {
                if (type.isInstance(e) && test.test(type.cast(e))) {
                    found.add(type.cast(e));
                }
            }
            long left = deadline - System.nanoTime();
            if (found.size() >= n || left <= 0) {
                return found;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
