package org.stroom.ports.hal.api.event;

/**
 * A listener's registration. Closing it stops delivery; events already queued for it are dropped.
 *
 * <p>Thread-safety: safe from any thread; close is idempotent.
 */
public interface Subscription extends AutoCloseable {
    /** Stops delivery. */
    @Override
    void close();

    /** @return events published but not yet delivered to this subscription */
    int backlog();
}
