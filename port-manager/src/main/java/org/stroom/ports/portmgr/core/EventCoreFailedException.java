package org.stroom.ports.portmgr.core;

/**
 * The event core stopped because a stage threw: given to the replies of inputs it did not apply, and thrown by
 * later submits. {@link #getCause()} is the original exception.
 *
 * <p>An input answered with this exception may still have been journaled, and then recovery applies it: its
 * outcome is unknown until the core is recovered.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class EventCoreFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    EventCoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
