package org.stroom.ports.t1;

/**
 * DS1 framing format.
 *
 * <p>Thread-safety: immutable.
 */
public enum Framing {
    /** Superframe (SF/D4): 12 frames, no CRC, no facility data link. */
    D4,
    /** Extended superframe: 24 frames, CRC-6 and a 4 kbit/s facility data link. Required for ISDN PRI. */
    ESF
}
