package org.stroom.ports.simui.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.ApplicationBehaviour;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.portmgr.alloc.HuntStrategy;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.SpanLocation;

/**
 * One simulated Stroom System at run time: its description (with the load modules the simulator drives itself),
 * the {@link SimulatedSystem} (softport machines and the port manager), hunt group membership as the port manager
 * has it now, killed machines and failed boards.
 *
 * <p>Thread-safety: not thread-safe; owned by the simulation thread.
 */
final class SystemRuntime {
    /** A hunt group as defined in the port manager now. */
    static final class Group {
        final String name;
        final PortKind kind;
        final HuntStrategy strategy;
        final List<SpanLocation> members;

        Group(String name, PortKind kind, HuntStrategy strategy, List<SpanLocation> members) {
            this.name = name;
            this.kind = kind;
            this.strategy = strategy;
            this.members = new ArrayList<>(members);
        }
    }

    final String name;
    final Layout.SystemRole role;
    final StroomSystem description;
    final SimulatedSystem sim;
    final Map<String, Group> groups = new LinkedHashMap<>();
    final List<ApplicationBehaviour> apps = new ArrayList<>();
    final Set<String> killed = new HashSet<>();
    final Set<BoardId> faultedBoards = new HashSet<>();
    final List<GroupTraffic> traffic = new ArrayList<>();
    Metrics metrics;

    SystemRuntime(String name, Layout.SystemRole role, StroomSystem description, SimulatedSystem sim) {
        this.name = name;
        this.role = role;
        this.description = description;
        this.sim = sim;
    }

    PortManager pm() {
        return sim.portManager();
    }

    SoftBackend backend(String machine) {
        SoftBackend b = sim.backends().get(machine);
        if (b == null) {
            throw new IllegalArgumentException("system " + name + " has no machine '" + machine + "'");
        }
        return b;
    }

    String serverName() {
        return description.machines().stream()
                .filter(m -> m.role() == org.stroom.ports.portmgr.config.SystemDescription.Role.SERVER)
                .findFirst()
                .orElseThrow()
                .name();
    }

    /** @return the groups whose members include the position */
    List<Group> groupsWith(SpanLocation location) {
        List<Group> out = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.members.contains(location)) {
                out.add(g);
            }
        }
        return out;
    }
}
