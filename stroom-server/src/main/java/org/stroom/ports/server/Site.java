package org.stroom.ports.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Role;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.sim.Inventory;

/**
 * A Server's place in its system description: its own system (whose port manager it runs), its Nodes, and in a
 * Mode 2 pair the peer's system. Checked against the Server configuration at start, with messages that name both
 * files.
 *
 * @param description the whole description
 * @param own the system this Server is the server machine of
 * @param peer the system of the configured peer Server, if any
 *     <p>Thread-safety: immutable.
 */
record Site(SystemDescription description, StroomSystem own, Optional<StroomSystem> peer) {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);

    Site {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(peer, "peer");
    }

    /**
     * Reads the description a configuration names and checks that they agree.
     *
     * @throws IllegalArgumentException naming the configuration key and the description's content
     */
    static Site of(ServerConfig config) {
        SystemDescription d;
        try {
            d = DescriptionReader.read(config.system());
        } catch (DescriptionException e) {
            throw new IllegalArgumentException(
                    config.file() + ": server.system " + config.system() + " is not a usable description:\n"
                            + e.getMessage(),
                    e);
        }
        StroomSystem own = serverOf(d, config.name())
                .orElseThrow(() -> new IllegalArgumentException(config.file() + ": server.name " + config.name()
                        + " is not the server machine of any system in " + config.system() + " (server machines: "
                        + serverNames(d) + "); name this Server as the description does"));
        Set<String> nodesOfSystem = new TreeSet<>();
        for (Machine m : own.machines()) {
            if (m.role() == Role.NODE) {
                nodesOfSystem.add(m.name().toLowerCase(Locale.ROOT));
            }
        }
        Set<String> configured = new TreeSet<>();
        for (ServerConfig.NodeAddress n : config.nodes()) {
            if (!nodesOfSystem.contains(n.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(config.file() + ": nodes: " + n.name() + " is not a node machine of "
                        + own.name() + " in " + config.system() + " (its nodes: " + nodesOfSystem
                        + "); list only this system's Nodes");
            }
            configured.add(n.name().toLowerCase(Locale.ROOT));
        }
        for (String n : nodesOfSystem) {
            if (!configured.contains(n)) {
                LOG.warn(
                        "{}: node {} of {} is not in 'nodes'; its boards stay unusable until it is configured",
                        config.file(),
                        n,
                        own.name());
            }
        }
        Optional<StroomSystem> peer = Optional.empty();
        if (config.peer().isPresent()) {
            String p = config.peer().get().name();
            StroomSystem ps = serverOf(d, p)
                    .orElseThrow(() -> new IllegalArgumentException(config.file() + ": peer.name " + p
                            + " is not the server machine of any system in " + config.system() + " (server machines: "
                            + serverNames(d) + ")"));
            if (ps.name().equals(own.name())) {
                throw new IllegalArgumentException(config.file() + ": peer.name " + p + " is a machine of this Server's"
                        + " own system " + own.name() + "; the peer is the server of the other system of the pair");
            }
            String backup = config.role() == ServerConfig.Role.PASSIVE ? own.name() : ps.name();
            String covered = config.role() == ServerConfig.Role.PASSIVE ? ps.name() : own.name();
            boolean paired = d.pairs().stream()
                    .anyMatch(b -> b.backup().equals(backup) && b.covers().contains(covered));
            if (!paired) {
                throw new IllegalArgumentException(config.file() + ": server.role " + config.role() + " with peer " + p
                        + " needs " + config.system() + " to make " + backup + " the backup of " + covered
                        + " (redundancy.backups: - {backup: " + backup + ", covers: [" + covered + "]})");
            }
            peer = Optional.of(ps);
        }
        Machine self = machine(own, config.name());
        if (!self.boards().isEmpty() && config.local().isEmpty()) {
            LOG.warn(
                    "{}: {} has boards in {} but 'local' is not configured; they stay unusable",
                    config.file(),
                    config.name(),
                    config.system());
        }
        return new Site(d, own, peer);
    }

    /**
     * The port manager's inventory of the own system, with every machine supervised by heartbeats.
     *
     * @param machineTimeout how long a machine may go without a heartbeat
     * @return inputs for a fresh port manager
     */
    List<Input> portManagerInputs(Duration machineTimeout) {
        List<Input> out = new ArrayList<>();
        for (Input in : new Inventory(own).portManagerInputs()) {
            if (in instanceof Input.MachineAdded m) {
                out.add(new Input.MachineAdded(0, m.machine(), m.role(), machineTimeout.toNanos()));
            } else {
                out.add(in);
            }
        }
        return out;
    }

    /**
     * @param configured a machine name as configured (certificate names compare ignoring case)
     * @return the own system's spelling of it, which the port manager uses
     */
    String machineName(String configured) {
        return own.machines().stream()
                .map(Machine::name)
                .filter(n -> n.equalsIgnoreCase(configured))
                .findFirst()
                .orElse(configured);
    }

    /** @return the number of spans described for the own system */
    int configuredSpans() {
        int n = 0;
        for (Machine m : own.machines()) {
            for (SystemDescription.Board b : m.boards()) {
                n += b.spans().size();
            }
        }
        return n;
    }

    private static Optional<StroomSystem> serverOf(SystemDescription d, String name) {
        for (StroomSystem s : d.systems()) {
            for (Machine m : s.machines()) {
                if (m.role() == Role.SERVER && m.name().equalsIgnoreCase(name)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private static Machine machine(StroomSystem s, String name) {
        return s.machines().stream()
                .filter(m -> m.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> serverNames(SystemDescription d) {
        List<String> out = new ArrayList<>();
        for (StroomSystem s : d.systems()) {
            for (Machine m : s.machines()) {
                if (m.role() == Role.SERVER) {
                    out.add(m.name());
                }
            }
        }
        return out;
    }
}
