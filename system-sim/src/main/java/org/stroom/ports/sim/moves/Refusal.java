package org.stroom.ports.sim.moves;

import java.util.Objects;

/**
 * Why a span move cannot be carried out.
 *
 * @param reason the broken rule
 * @param detail what exactly, naming the circuit, positions, profiles or board, and what to do
 *     <p>Thread-safety: immutable.
 */
public record Refusal(Reason reason, String detail) {
    /**
     * The rules a span move must satisfy.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Reason {
        /** A position's machine, board or port does not exist in the simulated systems. */
        UNKNOWN_POSITION,
        /** The circuit is not plugged in where the move says it is. */
        NOT_AT_SOURCE,
        /** The target position already holds a circuit (on the board or in the port manager). */
        OCCUPIED,
        /** The target position is not provisioned for any line profile. */
        UNPROVISIONED,
        /** The target position is provisioned for another framing (D4 / ESF). */
        FRAMING,
        /** The target position is provisioned for another line coding (AMI / B8ZS). */
        LINE_CODING,
        /** The target position is provisioned for another signalling protocol. */
        SIGNALLING,
        /** The target position is provisioned for another PRI switch variant. */
        SWITCH,
        /** The target board has no (or too few) channel resources of the kinds the circuit serves. */
        NO_CHANNELS,
        /** The target machine's boards are out of service or shut down. */
        TARGET_DOWN
    }

    /** Checks for null. */
    public Refusal {
        Objects.requireNonNull(reason, "refusal: reason");
        Objects.requireNonNull(detail, "refusal: detail");
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
