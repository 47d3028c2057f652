package org.stroom.ports.hal.api;

/**
 * Outcome of a fax session.
 *
 * <p>Thread-safety: immutable.
 */
public enum FaxResult {
    /** All pages transferred and confirmed (MCF). */
    SUCCESS,
    /** The far end is not a fax machine (no CED/DIS within T1). */
    NO_FAX_DEVICE,
    /** Training failed at every rate. */
    TRAINING_FAILED,
    /** The call was cleared before all pages were confirmed. */
    HANG_UP,
    /** A T.30 protocol error or timer expiry. */
    PROTOCOL_ERROR,
    /** The application stopped the session. */
    STOPPED
}
