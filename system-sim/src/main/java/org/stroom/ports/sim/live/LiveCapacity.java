package org.stroom.ports.sim.live;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.CapacityInventory;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.MachineRole;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.portmgr.config.BoardCatalogue;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * The capacity model's view of a running {@link SimulatedSystem}, read from its live state rather
 * than from its description:
 *
 * <ul>
 *   <li><b>Where circuits are</b>: the cables plugged into each softport board now (so a span move
 *       shows up at once); every board port without a cable is a free position ({@link SparePort}).
 *   <li><b>Span status</b>: softport's {@link SpanStatus} of each plugged span — declared alarms,
 *       D-channel state, backend service state — so RED or BLUE spans and PRI spans with the D-channel
 *       down have no usable port ({@link SpanStatus#usableForTraffic()}).
 *   <li><b>Locked channels</b>: of a span that is otherwise usable, the bearer channels that cannot
 *       take a new call although nothing is on them: the larger of softport's count (channels
 *       {@code BLOCKED} for maintenance or {@code OUT_OF_SERVICE}, e.g. stuck or on a failed board)
 *       and the port manager's count of idle but unusable channels on the span (its maintenance
 *       {@code Lock}s and the out-of-service channels it was told about). The two overlap; the larger
 *       is a lower bound of their union.
 *   <li><b>Machines</b>: a machine whose backend is not {@link BackendState#IN_SERVICE} is down.
 * </ul>
 *
 * <p>What is not live: board models, port counts and channel abilities come from the {@link
 * BoardCatalogue} (as for the description, so a Dialogic JCT board counts as voice only); a span's
 * ability is that of its board, narrowed to the kinds its description gives when the circuit is
 * described in this system. A free position is provisioned like the first described circuit of its
 * board, else of its machine, else of its system (the rule the capacity report uses); with no
 * described circuit at all it has no line profile and is not a free position. A failed board is not
 * marked down (softport does not publish it); its channels are out of service and count as locked.
 * A moved-in circuit whose clock priority another span of the board already uses is entered with
 * priority 0 (it stops being a timing source), as {@code TakeoverPlan.applyTo} does.
 *
 * <p>Thread-safety: stateless. Call it on the thread that drives the simulation's clock, so that the
 * boards do not change while they are read; it waits for the port manager's metrics.
 */
public final class LiveCapacity {
    private LiveCapacity() {}

    /**
     * @param sim a running simulated system
     * @return its live inventory, named as its description
     * @throws IllegalArgumentException when a described board model is not in the {@link BoardCatalogue}
     */
    public static InventorySystem inventory(SimulatedSystem sim) {
        Objects.requireNonNull(sim, "LiveCapacity.inventory: sim");
        StroomSystem d = sim.inventory().system();
        Metrics metrics = sim.metrics();
        Map<String, Span> described = new HashMap<>();
        for (Machine m : d.machines()) {
            for (Board b : m.boards()) {
                for (Span s : b.spans()) {
                    described.put(s.config().circuitId().value(), s);
                }
            }
        }
        List<InventoryMachine> machines = new ArrayList<>();
        for (Machine m : d.machines()) {
            SoftBackend backend = sim.backends().get(m.name());
            boolean up = backend.state() == BackendState.IN_SERVICE;
            Map<SpanLocation, List<ChannelInfo>> channels = new HashMap<>();
            for (ChannelInfo c : backend.channels()) {
                channels.computeIfAbsent(c.id().span(), k -> new ArrayList<>()).add(c);
            }
            List<InventoryBoard> boards = new ArrayList<>();
            for (int b = 0; b < m.boards().size(); b++) {
                BoardCatalogue model = catalogue(m, b);
                PortAbility boardAbility = ability(model.kinds());
                List<InventorySpan> spans = new ArrayList<>();
                List<SparePort> spares = new ArrayList<>();
                Set<Integer> priorities = new HashSet<>();
                for (int port = 1; port <= model.spans(); port++) {
                    SpanLocation at = new SpanLocation(m.name(), b, port);
                    Optional<Cable> cable = backend.cable(at);
                    if (cable.isEmpty()) {
                        positionProfile(sim, at).ifPresent(p -> spares.add(new SparePort(at, p)));
                        continue;
                    }
                    SpanConfig config = cable.get().config();
                    if (config.clockPriority() != 0 && !priorities.add(config.clockPriority())) {
                        config = config.withClockPriority(0);
                    }
                    SpanStatus status = backend.span(at).status();
                    Span d0 = described.get(config.circuitId().value());
                    PortAbility a = d0 == null ? boardAbility : narrowed(boardAbility, d0.kinds());
                    int locked = lockedChannels(
                            config,
                            status,
                            channels.getOrDefault(at, List.of()),
                            metrics.bySpan().get(at));
                    spans.add(new InventorySpan(at, config, status, a, locked));
                }
                boards.add(new InventoryBoard(
                        new BoardId(m.name(), b),
                        model.spans(),
                        boardAbility,
                        model.spans() * Ds0Layout.TIMESLOTS,
                        true,
                        spans,
                        spares));
            }
            MachineRole role = m.role() == SystemDescription.Role.SERVER ? MachineRole.SERVER : MachineRole.NODE;
            machines.add(new InventoryMachine(m.name(), role, up, boards));
        }
        return new InventorySystem(d.name(), machines);
    }

    /**
     * @param sims running simulated systems with distinct names and machine names
     * @return their live inventories together
     * @throws IllegalArgumentException when names repeat
     */
    public static CapacityInventory inventory(List<SimulatedSystem> sims) {
        List<InventorySystem> systems = new ArrayList<>();
        for (SimulatedSystem s : sims) {
            systems.add(inventory(s));
        }
        return new CapacityInventory(systems);
    }

    /**
     * The line profile a board port of the system is provisioned for: that of the first described
     * circuit of its board, else of its machine, else of its system.
     *
     * @param sim a simulated system
     * @param at a board port of one of its machines
     * @return the profile, or empty when the port does not exist or nothing is described to copy from
     */
    public static Optional<LineProfile> positionProfile(SimulatedSystem sim, SpanLocation at) {
        StroomSystem d = sim.inventory().system();
        Optional<Machine> machine =
                d.machines().stream().filter(m -> m.name().equals(at.machine())).findFirst();
        if (machine.isEmpty() || at.board() >= machine.get().boards().size()) {
            return Optional.empty();
        }
        Optional<BoardCatalogue> model =
                BoardCatalogue.find(machine.get().boards().get(at.board()).model());
        if (model.isEmpty() || at.port() > model.get().spans()) {
            return Optional.empty();
        }
        Optional<SpanConfig> first = firstConfig(List.of(machine.get().boards().get(at.board())))
                .or(() -> firstConfig(machine.get().boards()))
                .or(() -> d.machines().stream()
                        .map(m -> firstConfig(m.boards()))
                        .flatMap(Optional::stream)
                        .findFirst());
        return first.map(LineProfile::of);
    }

    /**
     * The board model of a described board, from the {@link BoardCatalogue}.
     *
     * @param sim a simulated system
     * @param board one of its boards
     * @return the catalogue entry, or empty when the machine or board is not described or its model is
     *     not catalogued
     */
    public static Optional<BoardCatalogue> boardModel(SimulatedSystem sim, BoardId board) {
        return sim.inventory().system().machines().stream()
                .filter(m -> m.name().equals(board.machine()))
                .findFirst()
                .filter(m -> board.board() < m.boards().size())
                .flatMap(m -> BoardCatalogue.find(m.boards().get(board.board()).model()));
    }

    /**
     * Ports usable for new calls: per working board on a machine that is up, the usable ports of its
     * spans, at most the board's channel capacity.
     *
     * @param system an inventory system
     * @return usable ports of any kind
     */
    public static int usablePorts(InventorySystem system) {
        return usable(system, null);
    }

    /**
     * Like {@link #usablePorts(InventorySystem)}, counting only spans whose channels can do {@code
     * kind} (a channel able to do both kinds counts for each).
     *
     * @param system an inventory system
     * @param kind FAX or VOICE
     * @return usable ports of that kind
     */
    public static int usablePorts(InventorySystem system, PortKind kind) {
        return usable(system, Objects.requireNonNull(kind, "LiveCapacity.usablePorts: kind"));
    }

    private static int usable(InventorySystem system, PortKind kind) {
        int total = 0;
        for (InventoryMachine m : system.machines()) {
            if (!m.up()) {
                continue;
            }
            for (InventoryBoard b : m.boards()) {
                if (!b.up()) {
                    continue;
                }
                int sum = 0;
                for (InventorySpan s : b.spans()) {
                    if (kind == null || s.ability().supports(kind)) {
                        sum += s.usablePorts();
                    }
                }
                total += Math.min(sum, b.channelCapacity());
            }
        }
        return total;
    }

    private static int lockedChannels(
            SpanConfig config, SpanStatus status, List<ChannelInfo> channels, Metrics.Counts counts) {
        int bearers = config.layout().bearerCount();
        int soft = 0;
        for (ChannelInfo c : channels) {
            if (c.state() == ChannelState.BLOCKED || c.state() == ChannelState.OUT_OF_SERVICE) {
                soft++;
            }
        }
        // With the span out of traffic the port manager counts every idle channel as unusable; that is
        // the status speaking, not locks.
        int managed = status.usableForTraffic() && counts != null ? counts.unusable() : 0;
        return Math.min(bearers, Math.max(soft, managed));
    }

    private static BoardCatalogue catalogue(Machine m, int board) {
        String model = m.boards().get(board).model();
        return BoardCatalogue.find(model)
                .orElseThrow(() -> new IllegalArgumentException("machine " + m.name() + " board " + board
                        + ": model '" + model + "' is not in the board catalogue; use one of "
                        + List.of(BoardCatalogue.values())));
    }

    private static Optional<SpanConfig> firstConfig(List<Board> boards) {
        return boards.stream()
                .flatMap(b -> b.spans().stream())
                .map(Span::config)
                .findFirst();
    }

    private static PortAbility narrowed(PortAbility board, List<PortKind> kinds) {
        if (kinds.isEmpty()) {
            return board;
        }
        Set<PortKind> k = EnumSet.copyOf(kinds);
        k.retainAll(board.kinds());
        return k.isEmpty() ? board : ability(k);
    }

    /** @return the ability of channels that can do {@code kinds} (not empty) */
    static PortAbility ability(Set<PortKind> kinds) {
        if (kinds.contains(PortKind.FAX) && kinds.contains(PortKind.VOICE)) {
            return PortAbility.FAX_AND_VOICE;
        }
        return kinds.contains(PortKind.FAX) ? PortAbility.FAX : PortAbility.VOICE;
    }
}
