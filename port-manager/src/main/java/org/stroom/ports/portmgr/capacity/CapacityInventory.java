package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;

/**
 * Everything the capacity model knows about an installation: its Stroom Systems, their machines (up or down),
 * boards, spans and free positions. Built from plain records so that an adapter over the allocator's state or a
 * YAML system description can feed it.
 *
 * @param systems the systems (copied); distinct system names and machine names, circuit ids and DID ranges
 *     unique across the whole installation
 *     <p>Thread-safety: immutable.
 */
public record CapacityInventory(List<InventorySystem> systems) {
    /**
     * @throws IllegalArgumentException when a system or machine name repeats
     * @throws org.stroom.ports.t1.InvalidConfigurationException when circuit ids repeat or DID ranges overlap
     *     across systems
     */
    public CapacityInventory {
        systems = List.copyOf(Objects.requireNonNull(systems, "capacity inventory: systems"));
        Set<String> systemNames = new HashSet<>();
        Set<String> machineNames = new HashSet<>();
        List<SpanConfig> configs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (InventorySystem s : systems) {
            if (!systemNames.add(s.name())) {
                throw new IllegalArgumentException("capacity inventory: system name " + s.name() + " is used twice");
            }
            for (InventoryMachine m : s.machines()) {
                if (!machineNames.add(m.name())) {
                    throw new IllegalArgumentException("capacity inventory: machine name " + m.name()
                            + " is used in two systems; machine names locate spans and must be unique");
                }
            }
            for (InventorySpan span : s.spans()) {
                configs.add(span.config());
                paths.add(s.name() + ":" + span.location());
            }
        }
        SpanConfigValidator.validateAcrossSpans(configs, paths).throwIfInvalid();
    }

    /**
     * @param name system name
     * @return the system
     * @throws IllegalArgumentException when there is no such system, listing the known ones
     */
    public InventorySystem system(String name) {
        return systems.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("capacity inventory has no system '" + name
                        + "'; known systems: "
                        + systems.stream().map(InventorySystem::name).toList()));
    }

    /** @return the inventory with the failures applied to every system */
    public CapacityInventory withFailures(FailureSet failures) {
        return new CapacityInventory(
                systems.stream().map(s -> s.withFailures(failures)).toList());
    }
}
