package org.stroom.ports.hal.api.event;

/**
 * Everything a backend reports: call progress, media results, span alarms and signalling, channel
 * service changes and board faults. Results of operations arrive as events, never as return values.
 *
 * <p>{@link #sequence()} increases strictly, by one, per backend, in the order events are delivered
 * to every subscriber. {@link #atNanos()} is read from the backend's injected clock.
 *
 * <p>Consumers dispatch with {@code instanceof} in one place and keep a test that walks
 * {@link Class#getPermittedSubclasses()} so a new event type cannot go unhandled.
 *
 * <p>Thread-safety: all events are immutable records.
 */
public sealed interface HalEvent permits ChannelEvent, SpanEvent, BoardEvent {
    /** @return per-backend sequence number, from 1, strictly increasing by one */
    long sequence();

    /** @return time from the backend's clock, in nanoseconds */
    long atNanos();
}
