package org.stroom.ports.hal.softport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.stroom.ports.hal.api.spi.EventHub;

/**
 * Events a backend produced under its state lock, waiting to be published after the lock is
 * released, in the order they were produced. Whichever thread flushes first publishes everything
 * queued, so events keep the order of the state changes that caused them even when several
 * threads call the backend at once.
 *
 * <p>Thread-safety: safe from any thread; {@link #flush()} never blocks on another flusher.
 */
final class Outbox {
    private final EventHub hub;
    private final Queue<EventHub.EventFactory> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock publishing = new ReentrantLock();

    Outbox(EventHub hub) {
        this.hub = hub;
    }

    void add(EventHub.EventFactory event) {
        queue.add(event);
    }

    void flush() {
        do {
            if (!publishing.tryLock()) {
                return; // the thread holding it publishes our events too: it re-checks the queue after unlocking
            }
            try {
                EventHub.EventFactory f;
                while ((f = queue.poll()) != null) {
                    hub.publish(f);
                }
            } finally {
                publishing.unlock();
            }
        } while (!queue.isEmpty());
    }
}
