package org.stroom.ports.simui.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * The fixed shape of a simulated installation: systems, their machines, boards and every span position (a
 * board's span port, whatever is plugged into it). Circuits move between positions; positions never change.
 * Each position has 24 cells; cell {@code position × 24 + (ds0 − 1)} is the channel index used by {@link
 * Frame}'s arrays.
 *
 * <p>Thread-safety: immutable.
 */
public final class Layout {
    /**
     * What a system does in its redundancy pair.
     *
     * <p>Thread-safety: immutable.
     */
    public enum SystemRole {
        /** Carries load (Mode 0, either system of Mode 1, the active of Mode 2, an N+1 active). */
        ACTIVE,
        /** Stands by to take over (the passive of Mode 2, the N+1 spare). */
        PASSIVE
    }

    /**
     * A system.
     *
     * @param name system name
     * @param role active or passive
     * @param machines its machines, the Server first
     *     <p>Thread-safety: immutable.
     */
    public record SystemInfo(String name, SystemRole role, List<MachineInfo> machines) {
        /** Copies the list. */
        public SystemInfo {
            Objects.requireNonNull(name, "SystemInfo.name");
            Objects.requireNonNull(role, "SystemInfo.role");
            machines = List.copyOf(machines);
        }
    }

    /**
     * A machine.
     *
     * @param system its system's name
     * @param name machine name
     * @param server whether it is the Server (else a Node)
     * @param boards its boards in board-number order
     *     <p>Thread-safety: immutable.
     */
    public record MachineInfo(String system, String name, boolean server, List<BoardInfo> boards) {
        /** Copies the list. */
        public MachineInfo {
            boards = List.copyOf(boards);
        }
    }

    /**
     * A board.
     *
     * @param machine its machine
     * @param board board number on the machine, from 0
     * @param model the vendor's model name, e.g. {@code "TR1034-4T1"}
     * @param positions the indexes of its span positions, port 1 first
     *     <p>Thread-safety: immutable.
     */
    public record BoardInfo(String machine, int board, String model, List<Integer> positions) {
        /** Copies the list. */
        public BoardInfo {
            positions = List.copyOf(positions);
        }
    }

    /**
     * A span position.
     *
     * @param index position index, from 0, in system, machine, board, port order
     * @param system the system whose machine holds it
     * @param location machine, board and port
     *     <p>Thread-safety: immutable.
     */
    public record PositionInfo(int index, String system, SpanLocation location) {
        /** Checks for null. */
        public PositionInfo {
            Objects.requireNonNull(system, "PositionInfo.system");
            Objects.requireNonNull(location, "PositionInfo.location");
        }

        /** @return e.g. {@code "a-node1/b0/s2"} */
        public String key() {
            return location.toString();
        }
    }

    private final List<SystemInfo> systems;
    private final List<PositionInfo> positions;
    private final Map<SpanLocation, Integer> index = new HashMap<>();

    /**
     * @param systems the systems, whose boards' positions index into {@code positions}
     * @param positions every position, indexed from 0 in order
     * @throws IllegalArgumentException when a position's index is not its place in the list, or a location repeats
     */
    public Layout(List<SystemInfo> systems, List<PositionInfo> positions) {
        this.systems = List.copyOf(systems);
        this.positions = List.copyOf(positions);
        for (int i = 0; i < this.positions.size(); i++) {
            PositionInfo p = this.positions.get(i);
            if (p.index() != i) {
                throw new IllegalArgumentException("Layout: position " + p.key() + " has index " + p.index()
                        + " but is at place " + i + " of the list");
            }
            if (index.put(p.location(), i) != null) {
                throw new IllegalArgumentException("Layout: position " + p.key() + " is listed twice");
            }
        }
    }

    /** @return the systems in description order */
    public List<SystemInfo> systems() {
        return systems;
    }

    /** @return every position in index order */
    public List<PositionInfo> positions() {
        return positions;
    }

    /** @return the number of cells: 24 per position */
    public int cellCount() {
        return positions.size() * Ds0Layout.TIMESLOTS;
    }

    /**
     * @param location a span position
     * @return its index
     * @throws IllegalArgumentException when the installation has no such position
     */
    public int positionIndex(SpanLocation location) {
        Integer i = index.get(location);
        if (i == null) {
            throw new IllegalArgumentException("no span position " + location + " in this installation");
        }
        return i;
    }

    /** @return whether the installation has this position */
    public boolean hasPosition(SpanLocation location) {
        return index.containsKey(location);
    }

    /**
     * @param position position index
     * @param ds0 timeslot 1..24
     * @return the cell index
     */
    public static int cell(int position, int ds0) {
        return position * Ds0Layout.TIMESLOTS + ds0 - 1;
    }

    /** @return every machine of every system */
    public List<MachineInfo> machines() {
        List<MachineInfo> out = new ArrayList<>();
        systems.forEach(s -> out.addAll(s.machines()));
        return Collections.unmodifiableList(out);
    }

    /**
     * @param name a machine name
     * @return the machine
     * @throws IllegalArgumentException when there is none
     */
    public MachineInfo machine(String name) {
        return machines().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no machine '" + name + "' in this installation"));
    }
}
