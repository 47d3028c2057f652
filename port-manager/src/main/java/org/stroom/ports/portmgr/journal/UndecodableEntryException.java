package org.stroom.ports.portmgr.journal;

/**
 * Thrown by an {@link EntryHandler} for a journal entry whose frame is intact but whose payload cannot be
 * decoded (unknown codec version, invalid field). Replay reports it as {@link JournalProblem.Kind#UNDECODABLE}.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class UndecodableEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the payload
     * @param cause the decoder's exception, or null
     */
    public UndecodableEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
