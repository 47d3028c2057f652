package org.stroom.ports.simui.sim;

/**
 * What one DS0 cell of a span row shows. Derived on the simulation thread from the backend's channel
 * state, the port manager locks the simulator placed, and the fax events seen on the channel.
 *
 * <p>Thread-safety: immutable.
 */
public enum CellState {
    /** No bearer here: nothing plugged in, or a timeslot the circuit does not deliver. */
    NONE(false),
    /** Free. */
    IDLE(false),
    /** An inbound call is offered or ringing, or an outbound call rings at the far end. */
    RINGING(true),
    /** An outbound call is being set up. */
    DIALLING(true),
    /** A connected voice call. */
    VOICE(true),
    /** A connected fax call (pages counted on the cell). */
    FAX(true),
    /** A call being cleared. */
    CLEARING(true),
    /** Administratively blocked on the board (HAL BLOCKED) without a port manager lock. */
    BLOCKED(false),
    /** Out of service: alarm, board fault, D-channel down, stuck or machine killed. */
    OUT_OF_SERVICE(false),
    /** Locked for maintenance through the port manager (no new grants; the board blocks it when idle). */
    LOCKED(false),
    /** The PRI D-channel (timeslot 24), up. */
    D_UP(false),
    /** The PRI D-channel (timeslot 24), down. */
    D_DOWN(false);

    private static final CellState[] VALUES = values();

    private final boolean busy;

    CellState(boolean busy) {
        this.busy = busy;
    }

    /** @return whether a call occupies the channel */
    public boolean busy() {
        return busy;
    }

    /**
     * @param ordinal an {@link #ordinal()}
     * @return the state with that ordinal
     * @throws ArrayIndexOutOfBoundsException when there is none
     */
    public static CellState of(int ordinal) {
        return VALUES[ordinal];
    }
}
