package org.stroom.ports.hal.api.event;

/**
 * Receives a backend's events, one at a time, in sequence order.
 *
 * <p>Thread-safety: called on the subscription's executor, never under a backend lock, never
 * concurrently with itself for the same subscription.
 */
@FunctionalInterface
public interface HalEventListener {
    /**
     * @param event the next event; never null
     */
    void onEvent(HalEvent event);
}
