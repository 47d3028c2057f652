package org.stroom.ports.t1;

/**
 * Signalling protocol on a span.
 *
 * <p>Thread-safety: immutable.
 */
public enum Signalling {
    /** ISDN Primary Rate: 23 B-channels and the D-channel on timeslot 24. */
    ISDN_PRI(SignallingMode.CCS),
    /** Robbed-bit E&amp;M with wink start. */
    EM_WINK_START(SignallingMode.CAS),
    /** Robbed-bit E&amp;M with immediate start. */
    EM_IMMEDIATE(SignallingMode.CAS),
    /** Robbed-bit FXS/FXO loop start. */
    LOOP_START(SignallingMode.CAS),
    /** Robbed-bit FXS/FXO ground start. */
    GROUND_START(SignallingMode.CAS);

    private final SignallingMode mode;

    Signalling(SignallingMode mode) {
        this.mode = mode;
    }

    /** @return the signalling mode this protocol needs: CCS for PRI, CAS for the robbed-bit protocols */
    public SignallingMode mode() {
        return mode;
    }
}
