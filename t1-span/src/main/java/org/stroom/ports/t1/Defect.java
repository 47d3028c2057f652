package org.stroom.ports.t1;

/**
 * A raw DS1 receive defect, as the framer reports it before integration.
 *
 * <p>Thread-safety: immutable.
 */
public enum Defect {
    /** Loss of signal: no pulses on the receive pair (cable pulled). */
    LOS,
    /** Loss of frame alignment. */
    LOF,
    /** Alarm indication signal: all ones from upstream (the carrier lost the circuit). */
    AIS,
    /** Remote alarm indication: the far end reports it is not receiving us. */
    RAI
}
