package org.stroom.ports.hal.api;

/**
 * Lifecycle of a backend.
 *
 * <p>Thread-safety: immutable.
 */
public enum BackendState {
    /** Channels carry calls. */
    IN_SERVICE,
    /** Administratively out of service: no new calls, existing calls continue until cleared. */
    OUT_OF_SERVICE,
    /** Closed: every resource released; every operation fails. */
    SHUT_DOWN
}
