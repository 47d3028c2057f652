package org.stroom.ports.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.portmgr.capacity.CapacityInventory;
import org.stroom.ports.portmgr.capacity.Discipline;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.MachineRole;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.capacity.TrafficSource;
import org.stroom.ports.portmgr.config.BoardCatalogue;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.ModuleType;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * Maps a {@link SystemDescription} onto the capacity model: one {@link InventorySystem} per described system and
 * one {@link LoadProfile} per system with its modules.
 *
 * <p>Inventory: every machine is up and every span healthy unless a {@link LiveState} (e.g. taken from a running
 * {@link SimulatedSystem}) says otherwise. Board number = index of the board on its machine (as in system-sim),
 * channel capacity 24 per span port of the catalogued model. A board port with no circuit is a free position for
 * span moves, provisioned like the first circuit of the same board (else of the machine, else of the system).
 *
 * <p>Load: each hunt group becomes one capacity pool per <em>role</em> of the modules that use it, where the role
 * is the direction (inbound: {@code INBOUND_FAX}, {@code IVR_VOICE}; outbound: {@code OUTBOUND_FAX},
 * {@code ALERT_FAX}, {@code ALERT_VOICE}), the discipline (loss for a blocking target, queue for a service-level
 * target) and the scope. A pool of inbound modules answers the DID ranges its member circuits deliver
 * ({@link PoolScope.Dids}); a pool of outbound modules may use any span of the system ({@link PoolScope#anySpan()})
 * because the capacity model has no "these circuits" scope — the closest it offers. A group name keeps its plain
 * name when it has only one role anywhere in the description; otherwise every pool of that name gets a suffix such
 * as {@code " (inbound)"} or {@code " (outbound, queued)"}, so that pools that merge on takeover are alike.
 *
 * <p>Fax holding time without a configured one: the project's T.30 page model ({@link FaxTiming#DEFAULT}, the one
 * the simulated boards and {@code HoldingTime.FaxPages} use) at the module's speed, {@code setup + pre-message +
 * pages × (page data + post-page) + post-message}, with the mean page count, at least 1
 * ({@link FaxTiming#sessionSeconds}: fractional counts interpolate linearly; whole counts give exactly
 * {@link FaxTiming#session}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class CapacityMapping {
    private static final Set<ModuleType> OUTBOUND =
            EnumSet.of(ModuleType.OUTBOUND_FAX, ModuleType.ALERT_FAX, ModuleType.ALERT_VOICE);

    private CapacityMapping() {}

    /**
     * Direction of a module's calls.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Direction {
        /** Callers dial our DIDs. */
        INBOUND,
        /** We place the calls. */
        OUTBOUND
    }

    /**
     * Live facts that override "everything healthy".
     *
     * @param spans status of span positions (absent: healthy)
     * @param machinesDown names of machines that are down
     *     <p>Thread-safety: immutable.
     */
    public record LiveState(Map<SpanLocation, SpanStatus> spans, Set<String> machinesDown) {
        /** Copies the collections. */
        public LiveState {
            spans = Map.copyOf(Objects.requireNonNull(spans, "live state: spans"));
            machinesDown = Set.copyOf(Objects.requireNonNull(machinesDown, "live state: machinesDown"));
        }

        /** @return every machine up, every span healthy */
        public static LiveState healthy() {
            return new LiveState(Map.of(), Set.of());
        }
    }

    /**
     * One capacity pool made from (part of) a hunt group.
     *
     * @param system system name
     * @param group hunt group name
     * @param pool capacity pool name
     * @param kind port kind
     * @param direction direction of its modules
     * @param discipline loss or queue
     * @param scope spans it may use in the capacity model
     * @param modules names of its modules, in description order
     *     <p>Thread-safety: immutable.
     */
    public record PoolMapping(
            String system,
            String group,
            String pool,
            PortKind kind,
            Direction direction,
            Discipline discipline,
            PoolScope scope,
            List<String> modules) {
        /** Copies the list. */
        public PoolMapping {
            modules = List.copyOf(modules);
        }
    }

    /**
     * The mapped installation.
     *
     * @param inventory every system's machines, boards, spans and free positions
     * @param loads load profile per system name, in description order (a system without modules has an empty one)
     * @param pools every capacity pool, in system, group and role order
     * @param approximations what the mapping had to approximate for this description, in words
     *     <p>Thread-safety: immutable.
     */
    public record Mapping(
            CapacityInventory inventory,
            Map<String, LoadProfile> loads,
            List<PoolMapping> pools,
            List<String> approximations) {
        /** Copies the collections, keeping order. */
        public Mapping {
            Objects.requireNonNull(inventory, "mapping: inventory");
            loads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(loads));
            pools = List.copyOf(pools);
            approximations = List.copyOf(approximations);
        }

        /**
         * @param system system name
         * @return its load profile
         * @throws IllegalArgumentException when there is no such system
         */
        public LoadProfile load(String system) {
            LoadProfile p = loads.get(system);
            if (p == null) {
                throw new IllegalArgumentException(
                        "mapping has no load for system '" + system + "'; systems: " + loads.keySet());
            }
            return p;
        }

        /** @return the pools made from one hunt group of one system */
        public List<PoolMapping> poolsOf(String system, String group) {
            return pools.stream()
                    .filter(p -> p.system().equals(system) && p.group().equals(group))
                    .toList();
        }
    }

    /**
     * Maps a description with every machine up and every span healthy.
     *
     * @param description a validated description
     * @return the mapping
     */
    public static Mapping map(SystemDescription description) {
        return map(description, LiveState.healthy());
    }

    /**
     * Maps a description with live span statuses and machine states.
     *
     * @param description a validated description
     * @param live live facts
     * @return the mapping
     * @throws IllegalArgumentException when a board model is not in the {@link BoardCatalogue}
     */
    public static Mapping map(SystemDescription description, LiveState live) {
        Objects.requireNonNull(description, "CapacityMapping.map: description");
        Objects.requireNonNull(live, "CapacityMapping.map: live");
        List<String> notes = new ArrayList<>();
        List<InventorySystem> systems = new ArrayList<>();
        for (StroomSystem s : description.systems()) {
            systems.add(inventory(s, live, notes));
        }
        CapacityInventory inventory = new CapacityInventory(systems);
        Map<String, Set<Role>> rolesByGroup = new HashMap<>();
        for (StroomSystem s : description.systems()) {
            InventorySystem is = inventory.system(s.name());
            for (SystemDescription.Module m : s.modules()) {
                HuntGroup g = group(s, m.pool());
                rolesByGroup
                        .computeIfAbsent(g.name(), k -> new LinkedHashSet<>())
                        .add(role(m, scope(s, is, g, direction(m.type())).isPresent()));
            }
        }
        Map<String, LoadProfile> loads = new LinkedHashMap<>();
        List<PoolMapping> pools = new ArrayList<>();
        for (StroomSystem s : description.systems()) {
            InventorySystem is = inventory.system(s.name());
            List<HuntPool> huntPools = new ArrayList<>();
            List<Module> modules = new ArrayList<>();
            for (HuntGroup g : s.huntGroups()) {
                Map<Role, List<SystemDescription.Module>> byRole = new LinkedHashMap<>();
                for (SystemDescription.Module m : s.modules()) {
                    if (m.pool().equals(g.name())) {
                        Optional<PoolScope> dids = scope(s, is, g, direction(m.type()));
                        byRole.computeIfAbsent(role(m, dids.isPresent()), k -> new ArrayList<>())
                                .add(m);
                    }
                }
                List<Role> ordered = new ArrayList<>(byRole.keySet());
                ordered.sort(null);
                boolean plain = rolesByGroup.getOrDefault(g.name(), Set.of()).size() <= 1;
                for (Role r : ordered) {
                    String name = plain ? g.name() : g.name() + " (" + r.label() + ")";
                    PoolScope scope = r.dids() ? scope(s, is, g, r.direction()).orElseThrow() : PoolScope.anySpan();
                    if (r.direction() == Direction.INBOUND && !r.dids()) {
                        notes.add(s.name() + ": hunt group " + g.name() + " takes inbound calls but none of its"
                                + " circuits delivers DIDs; its inbound pool is sized over any span of the system");
                    }
                    huntPools.add(new HuntPool(name, g.kind(), scope));
                    List<String> names = new ArrayList<>();
                    for (SystemDescription.Module m : byRole.get(r)) {
                        modules.add(module(s, m, name, notes));
                        names.add(m.name());
                    }
                    pools.add(new PoolMapping(
                            s.name(), g.name(), name, g.kind(), r.direction(), r.discipline(), scope, names));
                }
            }
            loads.put(s.name(), new LoadProfile(s.name(), huntPools, modules));
        }
        return new Mapping(inventory, loads, pools, notes);
    }

    /**
     * Reads the live state of a running simulation: each simulated span's status, and the machines whose backend
     * is not in service.
     *
     * @param sim a running simulated system (read on the calling thread, which must be the one driving its clock)
     * @return the live state of its machines and spans
     */
    public static LiveState live(SimulatedSystem sim) {
        Map<SpanLocation, SpanStatus> spans = new HashMap<>();
        Set<String> down = new LinkedHashSet<>();
        for (Map.Entry<String, SoftBackend> e : sim.backends().entrySet()) {
            if (e.getValue().state() != BackendState.IN_SERVICE) {
                down.add(e.getKey());
            }
            for (SpanLocation at : sim.inventory().locations().values()) {
                if (at.machine().equals(e.getKey())) {
                    spans.put(at, e.getValue().span(at).status());
                }
            }
        }
        return new LiveState(spans, down);
    }

    /** @return whether calls of this module type are placed by us */
    public static Direction direction(ModuleType type) {
        return OUTBOUND.contains(type) ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /**
     * Mean holding time of a described module: its configured one, else the fax page model.
     *
     * @param m a validated module
     * @return seconds, &gt; 0
     */
    public static double holdingSeconds(SystemDescription.Module m) {
        if (m.holdingSeconds().isPresent()) {
            return m.holdingSeconds().get();
        }
        FaxModulation mod = "V17".equals(m.faxSpeed()) ? FaxModulation.V17 : FaxModulation.V34;
        return FaxTiming.DEFAULT.sessionSeconds(mod, Math.max(1.0, m.pagesPerFax()));
    }

    private record Role(Direction direction, Discipline discipline, boolean dids) implements Comparable<Role> {
        String label() {
            StringBuilder b = new StringBuilder(direction == Direction.INBOUND ? "inbound" : "outbound");
            if (discipline == Discipline.QUEUE) {
                b.append(", queued");
            }
            if (direction == Direction.INBOUND && !dids) {
                b.append(", any span");
            }
            return b.toString();
        }

        @Override
        public int compareTo(Role o) {
            int c = direction.compareTo(o.direction);
            if (c == 0) {
                c = discipline.compareTo(o.discipline);
            }
            return c != 0 ? c : Boolean.compare(o.dids, dids);
        }
    }

    private static Role role(SystemDescription.Module m, boolean didsAvailable) {
        Direction d = direction(m.type());
        Discipline q = m.targetServiceLevel().isPresent() ? Discipline.QUEUE : Discipline.LOSS;
        return new Role(d, q, d == Direction.INBOUND && didsAvailable);
    }

    private static HuntGroup group(StroomSystem s, String name) {
        return s.huntGroups().stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("system " + s.name() + ": a module uses hunt group '"
                        + name + "', which is not described; validate the description first"));
    }

    /** The DID scope of an inbound pool: the DID ranges delivered by the group's member circuits of its kind. */
    private static Optional<PoolScope> scope(StroomSystem s, InventorySystem is, HuntGroup g, Direction d) {
        if (d != Direction.INBOUND) {
            return Optional.empty();
        }
        List<DidRange> ranges = new ArrayList<>();
        for (InventorySpan span : memberSpans(is, g)) {
            for (DidRange r : span.config().didRanges()) {
                if (!ranges.contains(r)) {
                    ranges.add(r);
                }
            }
        }
        return ranges.isEmpty() ? Optional.empty() : Optional.of(PoolScope.dids(ranges));
    }

    /**
     * The spans of a hunt group: its circuit members and every span of its machine members whose channels can do
     * the group's kind, in declaration order.
     *
     * @param system the inventory system
     * @param group a hunt group of that system
     * @return its spans
     */
    public static List<InventorySpan> memberSpans(InventorySystem system, HuntGroup group) {
        List<InventorySpan> out = new ArrayList<>();
        for (String member : group.members()) {
            for (InventorySpan span : system.spans()) {
                boolean isMember = span.circuit().value().equals(member)
                        || span.location().machine().equals(member);
                if (isMember && span.ability().supports(group.kind()) && !out.contains(span)) {
                    out.add(span);
                }
            }
        }
        return out;
    }

    private static Module module(StroomSystem s, SystemDescription.Module m, String pool, List<String> notes) {
        HoldingTime holding = HoldingTime.mean(holdingSeconds(m));
        ModuleKind kind = ModuleKind.valueOf(m.type().name());
        if (m.targetServiceLevel().isPresent()) {
            if (m.retryFraction() > 0) {
                notes.add(s.name() + ": module " + m.name() + " is queued (service level "
                        + m.targetServiceLevel().get() + " within " + m.withinSeconds()
                        + " s), so its retry fraction " + m.retryFraction()
                        + " is not used: waiting jobs are not blocked and retried");
            }
            return Module.queued(
                    m.name(),
                    kind,
                    pool,
                    m.busyHourAttempts(),
                    holding,
                    new Target.ServiceLevel(m.targetServiceLevel().get(), m.withinSeconds()));
        }
        double blocking = m.targetBlocking()
                .orElseThrow(() -> new IllegalArgumentException("system " + s.name() + ": module " + m.name()
                        + " has neither target.blocking nor target.serviceLevel; validate the description first"));
        return new Module(
                m.name(),
                kind,
                pool,
                m.busyHourAttempts(),
                holding,
                m.retryFraction(),
                0,
                Target.blocking(blocking),
                TrafficSource.CONFIGURED);
    }

    private static InventorySystem inventory(StroomSystem s, LiveState live, List<String> notes) {
        Optional<SpanConfig> systemFirst = s.machines().stream()
                .flatMap(m -> m.boards().stream())
                .flatMap(b -> b.spans().stream())
                .map(Span::config)
                .findFirst();
        List<InventoryMachine> machines = new ArrayList<>();
        for (Machine m : s.machines()) {
            Optional<SpanConfig> machineFirst = m.boards().stream()
                    .flatMap(b -> b.spans().stream())
                    .map(Span::config)
                    .findFirst();
            List<InventoryBoard> boards = new ArrayList<>();
            for (int b = 0; b < m.boards().size(); b++) {
                Board board = m.boards().get(b);
                BoardCatalogue model = BoardCatalogue.find(board.model())
                        .orElseThrow(() -> new IllegalArgumentException("machine " + m.name() + ": board model '"
                                + board.model() + "' is not in the board catalogue; use one of "
                                + List.of(BoardCatalogue.values())));
                PortAbility boardAbility = ability(model.kinds());
                List<InventorySpan> spans = new ArrayList<>();
                Set<Integer> used = new java.util.HashSet<>();
                for (Span span : board.spans()) {
                    SpanLocation at = new SpanLocation(m.name(), b, span.port());
                    used.add(span.port());
                    SpanStatus status = live.spans()
                            .getOrDefault(at, SpanStatus.healthy(span.config().signalling()));
                    PortAbility a = span.kinds().isEmpty() ? boardAbility : ability(Set.copyOf(span.kinds()));
                    spans.add(new InventorySpan(at, span.config(), status, a, 0));
                }
                Optional<SpanConfig> profile = board.spans().stream()
                        .map(Span::config)
                        .findFirst()
                        .or(() -> machineFirst)
                        .or(() -> systemFirst);
                List<SparePort> spares = new ArrayList<>();
                for (int port = 1; port <= model.spans(); port++) {
                    if (!used.contains(port) && profile.isPresent()) {
                        spares.add(new SparePort(new SpanLocation(m.name(), b, port), LineProfile.of(profile.get())));
                    }
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
            machines.add(
                    new InventoryMachine(m.name(), role, !live.machinesDown().contains(m.name()), boards));
        }
        if (systemFirst.isEmpty()) {
            notes.add(s.name() + ": no circuit is described, so its free board ports have no line profile and"
                    + " cannot receive span moves");
        }
        return new InventorySystem(s.name(), machines);
    }

    private static PortAbility ability(Set<PortKind> kinds) {
        if (kinds.contains(PortKind.FAX) && kinds.contains(PortKind.VOICE)) {
            return PortAbility.FAX_AND_VOICE;
        }
        return kinds.contains(PortKind.FAX) ? PortAbility.FAX : PortAbility.VOICE;
    }
}
