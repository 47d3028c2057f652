package org.stroom.ports.t1;

/**
 * How a span carries signalling: in a common channel (ISDN PRI D-channel) or robbed from the
 * bearer timeslots (CAS).
 *
 * <p>Thread-safety: immutable.
 */
public enum SignallingMode {
    /** Common-channel signalling: one timeslot carries signalling for the others. */
    CCS,
    /** Channel-associated (robbed-bit) signalling: every timeslot is a bearer. */
    CAS
}
