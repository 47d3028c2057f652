package org.stroom.ports.portmgr.core;

/**
 * {@link EventCore#submitSync} waited longer than its timeout. The input was published and may still be
 * applied; its result is then lost to the caller.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ReplyTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplyTimeoutException(String message) {
        super(message);
    }
}
