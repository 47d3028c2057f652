package org.stroom.ports.portmgr.core;

/**
 * Puts the core's time stamp into an input, so that the state machine reads time from its inputs only and a
 * replay of the journal sees the very same times. Typically {@code (input, nanos) -> input.withTime(nanos)}
 * for inputs that are records with an {@code atNanos} component.
 *
 * <p>Thread-safety: must be stateless; called on the thread that submits the input, and again on the core's
 * journal thread for an input that must be stamped later than its clock reading (see {@link EventCore}).
 */
@FunctionalInterface
public interface Stamper<I> {
    /**
     * @param input the input as published, never null
     * @param nanos the time stamp, from the core's {@link org.stroom.ports.t1.NanoClock}, in nanoseconds; the
     *     stamp an input is journaled and applied with is never less than that of any earlier input in journal
     *     order
     * @return the stamped input (usually a copy), never null
     */
    I stamp(I input, long nanos);

    /**
     * @param <I> input type
     * @return the stamper that leaves inputs unchanged, for inputs that carry no time or are stamped by their
     *     creator; with it the core does not read its clock at all
     */
    static <I> Stamper<I> none() {
        @SuppressWarnings("unchecked")
        Stamper<I> none = (Stamper<I>) NoStamp.INSTANCE;
        return none;
    }
}
