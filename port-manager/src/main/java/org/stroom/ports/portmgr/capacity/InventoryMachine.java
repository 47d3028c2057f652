package org.stroom.ports.portmgr.capacity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A machine of a Stroom System (the Server or a Node) with its boards.
 *
 * @param name machine name, non-blank; the {@code machine} of every board and span location on it
 * @param role SERVER or NODE; non-null
 * @param up whether the machine is running; a machine that is down contributes no port
 * @param boards its boards (copied), distinct board numbers
 *     <p>Thread-safety: immutable.
 */
public record InventoryMachine(String name, MachineRole role, boolean up, List<InventoryBoard> boards) {
    /**
     * @throws IllegalArgumentException naming the machine and the broken rule
     */
    public InventoryMachine {
        Objects.requireNonNull(name, "inventory machine: name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("inventory machine: name is blank");
        }
        Objects.requireNonNull(role, "inventory machine " + name + ": role");
        boards = List.copyOf(Objects.requireNonNull(boards, "inventory machine " + name + ": boards"));
        Set<Integer> numbers = new HashSet<>();
        for (InventoryBoard b : boards) {
            if (!b.id().machine().equals(name)) {
                throw new IllegalArgumentException(
                        "inventory machine " + name + ": board " + b.id() + " belongs to another machine");
            }
            if (!numbers.add(b.id().board())) {
                throw new IllegalArgumentException(
                        "inventory machine " + name + ": board number " + b.id().board() + " is used twice");
            }
        }
    }

    /** @return a copy with another up/down state */
    public InventoryMachine withUp(boolean isUp) {
        return new InventoryMachine(name, role, isUp, boards);
    }

    /** @return a copy with other boards */
    public InventoryMachine withBoards(List<InventoryBoard> newBoards) {
        return new InventoryMachine(name, role, up, newBoards);
    }
}
