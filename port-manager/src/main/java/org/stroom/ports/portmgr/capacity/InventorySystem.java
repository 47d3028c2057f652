package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;

/**
 * A Stroom System: one Server and zero or more Nodes, with their boards and spans.
 *
 * @param name system name, non-blank (e.g. {@code "Active"}, {@code "Passive"})
 * @param machines the machines (copied): exactly one {@link MachineRole#SERVER}, distinct names; circuit ids and
 *     DID ranges unique across the system
 *     <p>Thread-safety: immutable.
 */
public record InventorySystem(String name, List<InventoryMachine> machines) {
    /**
     * @throws IllegalArgumentException naming the system and the broken rule
     * @throws org.stroom.ports.t1.InvalidConfigurationException when circuit ids repeat or DID ranges overlap
     */
    public InventorySystem {
        Objects.requireNonNull(name, "inventory system: name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("inventory system: name is blank");
        }
        machines = List.copyOf(Objects.requireNonNull(machines, "inventory system " + name + ": machines"));
        long servers =
                machines.stream().filter(m -> m.role() == MachineRole.SERVER).count();
        if (servers != 1) {
            throw new IllegalArgumentException("inventory system " + name + " has " + servers
                    + " SERVER machines; a Stroom System has exactly one Server (the other machines are Nodes)");
        }
        Set<String> names = new HashSet<>();
        List<SpanConfig> configs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (InventoryMachine m : machines) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException(
                        "inventory system " + name + ": machine name " + m.name() + " is used twice");
            }
            for (InventoryBoard b : m.boards()) {
                for (InventorySpan s : b.spans()) {
                    configs.add(s.config());
                    paths.add(s.location().toString());
                }
            }
        }
        SpanConfigValidator.validateAcrossSpans(configs, paths).throwIfInvalid();
    }

    /** @return every span of the system in machine, board, port order of declaration */
    public List<InventorySpan> spans() {
        List<InventorySpan> all = new ArrayList<>();
        for (InventoryMachine m : machines) {
            for (InventoryBoard b : m.boards()) {
                all.addAll(b.spans());
            }
        }
        return all;
    }

    /** @return every board of the system */
    public List<InventoryBoard> boards() {
        List<InventoryBoard> all = new ArrayList<>();
        for (InventoryMachine m : machines) {
            all.addAll(m.boards());
        }
        return all;
    }

    /** @return the machine with this name, if any */
    public Optional<InventoryMachine> machine(String machineName) {
        return machines.stream().filter(m -> m.name().equals(machineName)).findFirst();
    }

    /** @return the span carrying this circuit, if any */
    public Optional<InventorySpan> span(CircuitId circuit) {
        return spans().stream().filter(s -> s.circuit().equals(circuit)).findFirst();
    }

    /** @return the number of bearer channels of all spans, usable or not */
    public int bearerChannels() {
        return spans().stream().mapToInt(InventorySpan::bearerChannels).sum();
    }

    /**
     * The system as it would be after the failures: failed machines down, failed boards down, failed spans out
     * of service. Components of the set that are not in this system are ignored.
     *
     * @param failures what fails
     * @return the degraded system
     */
    public InventorySystem withFailures(FailureSet failures) {
        if (failures.isEmpty()) {
            return this;
        }
        List<InventoryMachine> ms = new ArrayList<>();
        for (InventoryMachine m : machines) {
            List<InventoryBoard> bs = new ArrayList<>();
            for (InventoryBoard b : m.boards()) {
                List<InventorySpan> ss = new ArrayList<>();
                for (InventorySpan s : b.spans()) {
                    ss.add(
                            failures.spans().contains(s.location())
                                    ? s.withStatus(s.status().withInService(false))
                                    : s);
                }
                boolean boardUp = b.up() && !failures.boards().contains(b.id());
                bs.add(b.withSpans(ss, b.spares()).withUp(boardUp));
            }
            ms.add(m.withBoards(bs).withUp(m.up() && !failures.machines().contains(m.name())));
        }
        return new InventorySystem(name, ms);
    }

    /**
     * @param board a board of this system
     * @param replacement the new board (same id)
     * @return a copy with the board replaced
     * @throws IllegalArgumentException when the board is not in this system
     */
    public InventorySystem withBoard(BoardId board, InventoryBoard replacement) {
        return withBoards(java.util.Map.of(board, replacement));
    }

    /**
     * Replaces several boards at once (one validation of the result).
     *
     * @param replacements new boards by the id of the board they replace
     * @return a copy with the boards replaced
     * @throws IllegalArgumentException when a board is not in this system
     */
    public InventorySystem withBoards(java.util.Map<BoardId, InventoryBoard> replacements) {
        if (replacements.isEmpty()) {
            return this;
        }
        Set<BoardId> found = new HashSet<>();
        List<InventoryMachine> ms = new ArrayList<>();
        for (InventoryMachine m : machines) {
            List<InventoryBoard> bs = new ArrayList<>();
            boolean touched = false;
            for (InventoryBoard b : m.boards()) {
                InventoryBoard r = replacements.get(b.id());
                if (r != null) {
                    found.add(b.id());
                    touched = true;
                }
                bs.add(r != null ? r : b);
            }
            ms.add(touched ? m.withBoards(bs) : m);
        }
        if (found.size() != replacements.size()) {
            Set<BoardId> unknown = new HashSet<>(replacements.keySet());
            unknown.removeAll(found);
            throw new IllegalArgumentException("system " + name + " has no board " + unknown);
        }
        return new InventorySystem(name, ms);
    }
}
