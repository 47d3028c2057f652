package org.stroom.ports.portmgr.core;

/**
 * A deterministic state machine: the single owner of some state, changed only by {@link #apply(Object, long)}.
 *
 * <p>Determinism is the contract that makes journal replay rebuild identical state: the result of
 * {@code apply} and the state after it depend only on the state before it, on the input and on its time. An
 * implementation never reads a clock (time arrives beside each input, stamped by {@link EventCore} and
 * journaled with it), never uses unseeded randomness, never iterates a hash-ordered collection into its
 * results, and never depends on anything outside itself.
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
     * @param input the input, never null
     * @param atNanos the input's time: the core's stamp, live, or the stamp the journal holds for it, in replay
     *     ({@link Codec#atNanos}); never less than the time of the input before it
     * @return the result of the input; may be null only if the result type allows it
     */
    R apply(I input, long atNanos);
}
