package org.stroom.ports.hal.api;

/**
 * Root of every exception thrown by the hardware API. Expected telephony outcomes (busy, no answer,
 * alarm, fax failure) are events, never exceptions; a {@code HalException} means the caller asked for
 * something that cannot be done (wrong state, bad argument, closed backend) or the board failed.
 *
 * <p>Thread-safety: immutable.
 */
public class HalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do about it; never null
     */
    public HalException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it; never null
     * @param cause the underlying failure, may be null
     */
    public HalException(String message, Throwable cause) {
        super(message, cause);
    }
}
