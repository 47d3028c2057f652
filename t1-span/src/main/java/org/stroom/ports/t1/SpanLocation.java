package org.stroom.ports.t1;

import java.util.Objects;

/**
 * Where a span is physically plugged in: a machine of the Stroom System, a board in it and a
 * span port on that board. Separate from the circuit's identity ({@link CircuitId}).
 *
 * @param machine machine name (the Server or a Node), non-blank
 * @param board board number within the machine, 0 or more
 * @param port span port on the board, 1..{@value #MAX_PORT}
 *     <p>Thread-safety: immutable.
 */
public record SpanLocation(String machine, int board, int port) implements Comparable<SpanLocation> {
    /** Highest span port number on any supported board (Brooktrout TR1034 has four). */
    public static final int MAX_PORT = 4;

    /**
     * @throws IllegalArgumentException when a component is out of range
     */
    public SpanLocation {
        Objects.requireNonNull(machine, "machine");
        if (machine.isBlank()) {
            throw new IllegalArgumentException("span location: machine name is blank");
        }
        if (board < 0) {
            throw new IllegalArgumentException("span location " + machine + ": board " + board + " is negative");
        }
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException(
                    "span location " + machine + "/board " + board + ": port " + port + " is outside 1.." + MAX_PORT);
        }
    }

    @Override
    public int compareTo(SpanLocation o) {
        int c = machine.compareTo(o.machine);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(board, o.board);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return machine + "/b" + board + "/s" + port;
    }
}
