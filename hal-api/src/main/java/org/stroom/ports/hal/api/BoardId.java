package org.stroom.ports.hal.api;

import java.util.Objects;

/**
 * A board: a machine of the Stroom System and the board's number in it.
 *
 * @param machine machine name (the Server or a Node), non-blank
 * @param board board number in the machine, ≥ 0
 *     <p>Thread-safety: immutable.
 */
public record BoardId(String machine, int board) implements Comparable<BoardId> {
    /**
     * @throws IllegalArgumentException on a blank machine or a negative board number
     */
    public BoardId {
        Objects.requireNonNull(machine, "machine");
        if (machine.isBlank()) {
            throw new IllegalArgumentException("board id: machine name is blank");
        }
        if (board < 0) {
            throw new IllegalArgumentException("board id " + machine + ": board number " + board + " is negative");
        }
    }

    @Override
    public int compareTo(BoardId o) {
        int c = machine.compareTo(o.machine);
        return c != 0 ? c : Integer.compare(board, o.board);
    }

    @Override
    public String toString() {
        return machine + "/b" + board;
    }
}
