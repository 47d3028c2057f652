package org.stroom.ports.simui.sim;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.PortKind;
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
import org.stroom.ports.portmgr.capacity.check.ProtectedSystem;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.check.RedundancyReport;
import org.stroom.ports.portmgr.capacity.check.TakeoverAnalysis;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.portmgr.config.BoardCatalogue;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * The capacity model's view of the running simulation: each system as an {@link InventorySystem} built from the
 * live state (machines killed, boards failed, span status from the backends, locks, circuits where they are now,
 * free positions as spares), and its load as a {@link LoadProfile} from the description's modules with the
 * tester's current traffic settings. Used for takeover proofs and the capacity-planning report.
 *
 * <p>Conversions that the description does not fix: a pool that mixes loss and queued modules is split (its queued
 * modules go to {@code "<pool>:queued"}, since the capacity model needs one discipline per pool); traffic the tester gives a group without a described
 * module of that direction becomes a loss module in its own pool {@code "<group>:simulated"}; a pool answering
 * inbound modules is scoped to the DID ranges of its described circuits; a circuit pulled out keeps its position
 * (in RED) until another circuit is plugged in there; a moved circuit whose clock priority is taken on its new
 * board counts as priority 0, as the span-move planner assumes.
 *
 * <p>Thread-safety: not thread-safe; called on the simulation thread.
 */
final class CapacityView {
    private final SimEngine engine;
    private final RedundancyChecker checker = new RedundancyChecker();
    private final ProofSigner signer = ProofSigner.generate();

    CapacityView(SimEngine engine) {
        this.engine = engine;
    }

    TakeoverProof prove(String cause, SystemRuntime failed, SystemRuntime survivor, Instant now) {
        TakeoverProver prover = new TakeoverProver(checker, signer, InstantSource.fixed(now));
        return prover.prove(cause, inventory(failed), load(failed), inventory(survivor), survivorLoad(survivor));
    }

    private LoadProfile survivorLoad(SystemRuntime rt) {
        return rt.role == Layout.SystemRole.PASSIVE ? LoadProfile.empty(rt.name) : load(rt);
    }

    InventorySystem inventory(SystemRuntime rt) {
        List<InventoryMachine> machines = new ArrayList<>();
        Layout layout = engine.layout();
        for (Layout.SystemInfo s : layout.systems()) {
            if (!s.name().equals(rt.name)) {
                continue;
            }
            for (Layout.MachineInfo m : s.machines()) {
                boolean up = !rt.killed.contains(m.name());
                List<InventoryBoard> boards = new ArrayList<>();
                for (Layout.BoardInfo b : m.boards()) {
                    boards.add(board(rt, m, b));
                }
                machines.add(
                        new InventoryMachine(m.name(), m.server() ? MachineRole.SERVER : MachineRole.NODE, up, boards));
            }
        }
        return new InventorySystem(rt.name, machines);
    }

    private InventoryBoard board(SystemRuntime rt, Layout.MachineInfo m, Layout.BoardInfo b) {
        PortAbility ability = ability(
                BoardCatalogue.find(b.model()).map(BoardCatalogue::kinds).orElse(Set.of(PortKind.FAX, PortKind.VOICE)));
        BoardId id = new BoardId(m.name(), b.board());
        List<InventorySpan> spans = new ArrayList<>();
        List<SparePort> spares = new ArrayList<>();
        Set<Integer> priorities = new HashSet<>();
        for (int p : b.positions()) {
            SpanLocation at = engine.layout().positions().get(p).location();
            Circuit c = engine.occupant(p);
            if (c == null) {
                LineProfile profile = engine.provisioned(p);
                if (profile != null) {
                    spares.add(new SparePort(at, profile));
                }
                continue;
            }
            SpanConfig config = c.config();
            if (config.clockPriority() != 0 && !priorities.add(config.clockPriority())) {
                config = config.withClockPriority(0);
            }
            SpanStatus status;
            try {
                status = engine.backendOf(m.name()).span(at).status();
            } catch (HalException closed) {
                status = SpanStatus.healthy(config.signalling()).withInService(false);
            }
            Set<PortKind> kinds = EnumSet.copyOf(ability.kinds());
            if (!c.declared.isEmpty()) {
                kinds.retainAll(c.declared);
            }
            int bearers = config.layout().bearerCount();
            spans.add(new InventorySpan(
                    at, config, status, kinds.isEmpty() ? ability : ability(kinds), engine.lockedChannels(p, bearers)));
        }
        boolean up = !rt.faultedBoards.contains(id) && !rt.killed.contains(m.name());
        return InventoryBoard.of(id, b.positions().size(), ability, spans, spares)
                .withUp(up);
    }

    private static PortAbility ability(Set<PortKind> kinds) {
        if (kinds.contains(PortKind.FAX) && kinds.contains(PortKind.VOICE)) {
            return PortAbility.FAX_AND_VOICE;
        }
        return kinds.contains(PortKind.FAX) ? PortAbility.FAX : PortAbility.VOICE;
    }

    LoadProfile load(SystemRuntime rt) {
        Map<String, List<Module>> byPool = new LinkedHashMap<>();
        Set<String> inboundPools = new HashSet<>();
        Set<String> described = new HashSet<>();
        Map<String, Set<Boolean>> disciplines = new HashMap<>();
        for (SystemDescription.Module md : rt.description.modules()) {
            disciplines
                    .computeIfAbsent(md.pool(), k -> new HashSet<>())
                    .add(md.targetServiceLevel().isPresent());
        }
        for (SystemDescription.Module md : rt.description.modules()) {
            boolean outbound = SimEngine.isOutbound(md.type());
            GroupTraffic t = traffic(rt, md.pool(), outbound);
            described.add(md.pool() + (outbound ? ">out" : ">in"));
            double attempts = md.busyHourAttempts();
            boolean fax = md.type().kind() == PortKind.FAX;
            double pages = Math.max(1, md.pagesPerFax());
            double holding = md.holdingSeconds().orElse(180.0);
            if (t != null) {
                double base = t.initial.callsPerHour();
                attempts = base > 0 ? attempts * t.settings().callsPerHour() / base : 0;
                pages = t.settings().pagesPerFax();
                holding = t.settings().holdingSeconds();
            }
            HoldingTime h = fax && md.holdingSeconds().isEmpty()
                    ? HoldingTime.FaxPages.typical(
                            pages, "V17".equals(md.faxSpeed()) ? FaxModulation.V17 : FaxModulation.V34)
                    : HoldingTime.mean(holding);
            Target target = md.targetServiceLevel().isPresent()
                    ? new Target.ServiceLevel(md.targetServiceLevel().get(), md.withinSeconds())
                    : Target.blocking(md.targetBlocking().orElse(0.01));
            double retry = target.queued() ? 0 : Math.max(0, Math.min(0.99, md.retryFraction()));
            boolean mixed = disciplines.get(md.pool()).size() > 1;
            String pool = target.queued() && mixed ? md.pool() + ":queued" : md.pool();
            if (!outbound) {
                inboundPools.add(pool);
            }
            byPool.computeIfAbsent(pool, k -> new ArrayList<>())
                    .add(new Module(
                            md.name(),
                            ModuleKind.valueOf(md.type().name()),
                            pool,
                            attempts,
                            h,
                            retry,
                            0,
                            target,
                            TrafficSource.CONFIGURED));
        }
        for (GroupTraffic t : rt.traffic) {
            if (described.contains(t.group + (t.outbound ? ">out" : ">in"))
                    || t.settings().callsPerHour() <= 0) {
                continue;
            }
            double share = t.outbound
                    ? 1
                    : t.kind == PortKind.FAX
                            ? t.settings().faxShare()
                            : 1 - t.settings().faxShare();
            if (share <= 0) {
                continue;
            }
            ModuleKind kind = t.kind == PortKind.FAX
                    ? (t.outbound ? ModuleKind.OUTBOUND_FAX : ModuleKind.INBOUND_FAX)
                    : (t.outbound ? ModuleKind.ALERT_VOICE : ModuleKind.IVR_VOICE);
            // the mean the simulation carries (the traffic table's offered erlangs use the same figure)
            HoldingTime h = HoldingTime.mean(SimEngine.meanHoldingSeconds(
                    rt.sim.backends().values().iterator().next().faxTiming(), t.settings(), t.kind, t.outbound));
            // a pool of its own: the group's described modules may be queued, and a pool has one discipline
            String pool = t.group + ":simulated";
            if (!t.outbound) {
                inboundPools.add(pool);
            }
            byPool.computeIfAbsent(pool, k -> new ArrayList<>())
                    .add(Module.loss(
                            "simulated-" + t.group + (t.outbound ? "-out" : "-in"),
                            kind,
                            pool,
                            t.settings().callsPerHour() * share,
                            h,
                            0.01));
        }
        List<HuntPool> pools = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        for (Map.Entry<String, List<Module>> e : byPool.entrySet()) {
            String pool = e.getKey();
            String group = pool.contains(":") ? pool.substring(0, pool.indexOf(':')) : pool;
            PortKind kind = e.getValue().get(0).portKind();
            PoolScope scope = PoolScope.anySpan();
            if (inboundPools.contains(pool)) {
                List<DidRange> dids = dids(rt, group);
                if (!dids.isEmpty()) {
                    scope = PoolScope.dids(dids);
                }
            }
            pools.add(new HuntPool(pool, kind, scope));
            modules.addAll(e.getValue());
        }
        return new LoadProfile(rt.name, pools, modules);
    }

    private static List<DidRange> dids(SystemRuntime rt, String group) {
        List<DidRange> out = new ArrayList<>();
        for (HuntGroup g : rt.description.huntGroups()) {
            if (g.name().equals(group)) {
                for (String c : rt.sim.inventory().circuitsOf(g)) {
                    rt.description.machines().stream()
                            .flatMap(m -> m.boards().stream())
                            .flatMap(b -> b.spans().stream())
                            .filter(s -> s.config().circuitId().value().equals(c))
                            .forEach(s -> out.addAll(s.config().didRanges()));
                }
            }
        }
        return out;
    }

    private static GroupTraffic traffic(SystemRuntime rt, String group, boolean outbound) {
        for (GroupTraffic t : rt.traffic) {
            if (t.group.equals(group) && t.outbound == outbound) {
                return t;
            }
        }
        return null;
    }

    /** @return the redundancy check of the installation in its described mode, on the live state */
    RedundancyReport report() {
        SystemDescription d = engine.description();
        List<SystemRuntime> rts = engine.systems();
        Optional<SystemDescription.Backup> pair = d.pairs().stream().findFirst();
        switch (d.mode()) {
            case MODE_1:
                if (pair.isPresent() && !pair.get().covers().isEmpty()) {
                    SystemRuntime a = engine.runtime(pair.get().covers().get(0));
                    SystemRuntime b = engine.runtime(pair.get().backup());
                    return checker.mode1(inventory(a), load(a), inventory(b), load(b));
                }
                break;
            case MODE_2:
                if (pair.isPresent() && !pair.get().covers().isEmpty()) {
                    SystemRuntime a = engine.runtime(pair.get().covers().get(0));
                    SystemRuntime p = engine.runtime(pair.get().backup());
                    return checker.mode2(inventory(a), load(a), inventory(p));
                }
                break;
            case N_PLUS_1:
                if (pair.isPresent()) {
                    List<ProtectedSystem> actives = new ArrayList<>();
                    for (String c : pair.get().covers()) {
                        SystemRuntime a = engine.runtime(c);
                        actives.add(new ProtectedSystem(inventory(a), load(a)));
                    }
                    return checker.nPlusOne(
                            actives, inventory(engine.runtime(pair.get().backup())));
                }
                break;
            default:
                break;
        }
        return checker.mode0(inventory(rts.get(0)), load(rts.get(0)));
    }

    String reportText(String title, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append("Capacity-planning report: ").append(title).append('\n');
        b.append("Generated ")
                .append(now)
                .append(" (simulation time ")
                .append(SimTime.format(engine.simNanos()))
                .append(")\n\n");
        b.append("State\n");
        for (SystemRuntime rt : engine.systems()) {
            b.append("  ")
                    .append(rt.name)
                    .append(" (")
                    .append(rt.role.name().toLowerCase(java.util.Locale.ROOT))
                    .append(")");
            if (!rt.killed.isEmpty()) {
                b.append(", machines down: ").append(rt.killed);
            }
            if (!rt.faultedBoards.isEmpty()) {
                b.append(", failed boards: ").append(rt.faultedBoards);
            }
            b.append('\n');
            for (GroupTraffic t : rt.traffic) {
                TrafficSettings s = t.settings();
                b.append("    traffic ")
                        .append(t.group)
                        .append(t.outbound ? " out: " : " in: ")
                        .append(SimEngine.fmt(s.callsPerHour()))
                        .append(" calls/h, fax ")
                        .append(Math.round(s.faxShare() * 100))
                        .append(" %, voice ")
                        .append(SimEngine.fmt(s.holdingSeconds()))
                        .append(" s, ")
                        .append(SimEngine.fmt(s.pagesPerFax()))
                        .append(" pages/fax\n");
            }
        }
        try {
            RedundancyReport r = report();
            b.append('\n').append(r.describe());
            for (TakeoverAnalysis t : r.takeovers()) {
                b.append("\nTakeover plan, ")
                        .append(t.survivor().name())
                        .append(" takes over ")
                        .append(t.failed().name())
                        .append(":\n");
                t.plan().describe().forEach(l -> b.append("  ").append(l).append('\n'));
            }
        } catch (RuntimeException e) {
            b.append("\nThe capacity check could not run on this state: ")
                    .append(e.getMessage())
                    .append('\n');
        }
        return b.toString();
    }
}
