package org.stroom.ports.portmgr.core;

/**
 * Receives the reply to one submitted input: an alternative to a {@link java.util.concurrent.CompletableFuture}
 * that allocates nothing per input.
 *
 * <p>Called exactly once per input: with the result (failure null), or with the failure (result null) if the
 * core stopped before applying the input. Called on the core's reply thread, or on the submitting thread for
 * an overloaded result. An exception thrown here is a bug: the core stops fail-fast.
 *
 * <p>Thread-safety: must tolerate being called from the core's reply thread; keep it short and non-blocking.
 */
@FunctionalInterface
public interface ReplyHandler<R> {
    /**
     * @param result the result of the input, or null if {@code failure} is not null
     * @param failure null on success; otherwise an {@link EventCoreFailedException}
     */
    void onReply(R result, Throwable failure);
}
