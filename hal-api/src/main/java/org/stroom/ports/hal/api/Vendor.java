package org.stroom.ports.hal.api;

/**
 * Board manufacturer.
 *
 * <p>Thread-safety: immutable.
 */
public enum Vendor {
    /** Brooktrout (TR1034 family, TruFax). */
    BROOKTROUT,
    /** Dialogic (JCT family). */
    DIALOGIC
}
