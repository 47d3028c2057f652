package org.stroom.ports.hal.api;

/**
 * What a port is used for. A channel may be able to do both.
 *
 * <p>Thread-safety: immutable.
 */
public enum PortKind {
    /** T.30 fax. */
    FAX,
    /** Voice: play, record, DTMF. */
    VOICE
}
