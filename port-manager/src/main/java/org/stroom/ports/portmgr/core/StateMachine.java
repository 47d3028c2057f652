package org.stroom.ports.portmgr.core;

/**
 * A deterministic state machine: the single owner of some state, changed only by {@link #apply(Object)}.
 *
 * <p>Determinism is the contract that makes journal replay rebuild identical state: the result of
 * {@code apply} and the state after it depend only on the state before it and on the input. An
 * implementation never reads a clock (time arrives inside the inputs, stamped by {@link EventCore}), never
 * uses unseeded randomness, never iterates a hash-ordered collection into its results, and never depends
 * on anything outside itself.
 *
 * <p>Expected outcomes (no capacity, unknown channel, wrong state) are returned as results. A thrown
 * exception means a bug: {@link EventCore} stops fail-fast and reports it, because the state may be half
 * changed.
 *
 * <p>Type parameters: {@code I} is the input type, usually a sealed interface of records; {@code R} is the
 * result type.
 *
 * <p>Thread-safety: not thread-safe; {@link EventCore} calls it from its single writer thread only.
 */
@FunctionalInterface
public interface StateMachine<I, R> {
    /**
     * Applies one input.
     *
     * @param input the input, never null, already stamped with its time
     * @return the result of the input; may be null only if the result type allows it
     */
    R apply(I input);
}
