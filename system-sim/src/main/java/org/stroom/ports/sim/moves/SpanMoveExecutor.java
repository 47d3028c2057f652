package org.stroom.ports.sim.moves;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.SpanEvent;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.GroupMember;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.TimeslotSet;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;
import org.stroom.ports.portmgr.capacity.plan.TakeoverPlan;
import org.stroom.ports.portmgr.config.BoardCatalogue;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.sim.Inventory;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.sim.live.LiveCapacity;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * Carries out capacity {@link SpanMove}s (one, a list, or a {@link TakeoverPlan}'s) on running
 * {@link SimulatedSystem}s, between two systems or within one, and records every step in an {@link
 * AuditTrail}.
 *
 * <pre>
 *   execute(move)
 *     │ checks ──── broken rule ──▶ Refused: one REFUSED entry, nothing changed
 *     ▼
 *   cable.unplug()                        source port: loss of signal (RED after 2.5 s)
 *   cable.plugInto(target, to)            target port: signal, but RED until 10 s of clean signal
 *   source manager: SpanRemoved(from)   ┐ or, within one manager with the same channel kinds,
 *   target manager: SpanAdded(to, ...)  ┘   SpanMoved(from, to)
 *   target manager: the span's live state (alarms, D-channel, out-of-service channels)
 *   target manager: HuntGroupDefined ...  the circuit joins the target's groups of the same names
 *     │
 *     ▼  clock advances: RED clears ─▶ softport events ─▶ the manager puts the channels in service
 *   "in service" entry; the port manager grants ports on the span from then on
 * </pre>
 *
 * <p><b>Checks</b> ({@link Refusal.Reason}): both positions exist; the circuit is plugged in at the
 * source; the target position is free on the board and in the target's port manager; the target
 * machine is in service; the target position is provisioned ({@link LiveCapacity#positionProfile})
 * for the circuit's framing, line coding, signalling and PRI switch variant; the target board's
 * catalogued kinds include every kind of the source hunt groups the circuit serves, the board model
 * gives at least one of its bearer timeslots each such kind, and the board has free channel
 * resources for all its bearers.
 *
 * <p><b>Port-manager inputs.</b> {@code SpanAdded} carries the circuit's bearer timeslots and the
 * fax and voice timeslots the target board model can run ({@link BoardModel#kinds(int)}), narrowed
 * to the kinds its description gives, exactly as {@link org.stroom.ports.sim.Inventory} provisions
 * described circuits. A fresh span is healthy to the port manager, while the board still has it in
 * RED (an empty port powers up in RED without an event), so the executor tells the manager the
 * span's live state right after; later changes reach it through the board's events as usual.
 *
 * <p><b>Hunt groups</b> name span positions, so they do not follow a circuit. Within one system,
 * every group naming the source position is redefined with the target position in its place (same
 * timeslots, same order). Between systems, the circuit joins each target group named like a source
 * group that named it (appended last), or a new group of that name with the source group's strategy
 * and kind; a target group of another kind is not joined (a FAILED entry says so). Redefinition
 * resets the group's hunt position. The executor knows the groups from each system's description
 * and from its own redefinitions; groups redefined by other means are not seen.
 *
 * <p>A source port manager that cannot be reached (a failed system) gets a FAILED entry and the move
 * goes on: the survivor is what matters. Number rollovers in a takeover plan are the carrier's work
 * and are only noted.
 *
 * <p>Thread-safety: call it on the thread that drives the simulations' clock; its methods are
 * synchronized, and it waits for the port managers' answers (at most {@link #REPLY_TIMEOUT} each).
 */
public final class SpanMoveExecutor implements AutoCloseable {
    /** Longest wait for a port manager's answer to one input. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final AuditTrail trail;
    private final List<SimulatedSystem> systems;
    private final Map<String, SimulatedSystem> byMachine = new LinkedHashMap<>();
    private final Map<SimulatedSystem, LinkedHashMap<String, Input.HuntGroupDefined>> groups = new IdentityHashMap<>();
    private final Map<SoftBackend, Subscription> subscriptions = new IdentityHashMap<>();
    private final Map<SpanLocation, Awaiting> awaiting = new HashMap<>();
    private boolean closed;

    /** A moved-in span waiting for its alarms to clear. */
    private record Awaiting(SimulatedSystem system, SoftBackend backend, SpanMove move, String actor, long plugged) {}

    /** A move that passed the checks, with what carrying it out needs. */
    private record Prepared(
            SpanMove move,
            SimulatedSystem source,
            SimulatedSystem target,
            SoftBackend sourceBackend,
            SoftBackend targetBackend,
            Cable cable,
            BoardModel targetModel,
            TimeslotSet bearers,
            TimeslotSet fax,
            TimeslotSet voice,
            boolean sameKinds,
            List<Input.HuntGroupDefined> sourceGroups) {}

    /**
     * @param trail where every step is recorded
     * @param systems the running systems moves may involve; distinct system and machine names
     * @throws IllegalArgumentException when two systems share a name or a machine name
     */
    public SpanMoveExecutor(AuditTrail trail, List<SimulatedSystem> systems) {
        this.trail = Objects.requireNonNull(trail, "SpanMoveExecutor: trail");
        this.systems = List.copyOf(systems);
        Set<String> names = new HashSet<>();
        for (SimulatedSystem s : this.systems) {
            if (!names.add(name(s))) {
                throw new IllegalArgumentException(
                        "SpanMoveExecutor: system name '" + name(s) + "' is given twice; give each system once");
            }
            for (String m : s.backends().keySet()) {
                SimulatedSystem other = byMachine.putIfAbsent(m, s);
                if (other != null) {
                    throw new IllegalArgumentException("SpanMoveExecutor: machine '" + m + "' is in systems '"
                            + name(other) + "' and '" + name(s) + "'; machine names locate spans and must be unique");
                }
            }
            LinkedHashMap<String, Input.HuntGroupDefined> defs = new LinkedHashMap<>();
            for (Input in : s.inventory().portManagerInputs()) {
                if (in instanceof Input.HuntGroupDefined g) {
                    defs.put(g.name(), g);
                }
            }
            groups.put(s, defs);
        }
    }

    /** @return the audit trail */
    public AuditTrail trail() {
        return trail;
    }

    /**
     * Checks a move without doing it and without recording anything.
     *
     * @param move the move
     * @return every broken rule; empty when the move can be carried out now
     */
    public synchronized List<Refusal> check(SpanMove move) {
        Objects.requireNonNull(move, "SpanMoveExecutor.check: move");
        List<Refusal> refusals = new ArrayList<>();
        prepare(move, refusals);
        return refusals;
    }

    /**
     * Checks and carries out one move.
     *
     * @param move the move
     * @param actor who asks for it (an operator's name, {@code "takeover"}), non-blank
     * @return the outcome; a refused move changed nothing
     * @throws IllegalStateException when the executor is closed
     */
    public synchronized MoveResult execute(SpanMove move, String actor) {
        Objects.requireNonNull(move, "SpanMoveExecutor.execute: move");
        requireActor(actor);
        if (closed) {
            throw new IllegalStateException("SpanMoveExecutor is closed; create a new one");
        }
        List<Refusal> refusals = new ArrayList<>();
        Prepared p = prepare(move, refusals);
        if (!refusals.isEmpty()) {
            trail.append(
                    actor,
                    move.describe(),
                    AuditTrail.Outcome.REFUSED,
                    String.join("; ", refusals.stream().map(Refusal::toString).toList()));
            return new MoveResult.Refused(move, refusals);
        }
        return carryOut(p, actor);
    }

    /**
     * Carries out moves one after the other; each is checked just before it runs, so a refused move
     * does not stop the others (and sees the effect of those before it).
     *
     * @param moves the moves, in order
     * @param actor who asks for them, non-blank
     * @return one outcome per move, in order
     */
    public synchronized List<MoveResult> execute(List<SpanMove> moves, String actor) {
        requireActor(actor);
        List<MoveResult> out = new ArrayList<>();
        for (SpanMove m : moves) {
            out.add(execute(m, actor));
        }
        return out;
    }

    /**
     * Carries out the span moves of a takeover plan ({@link #execute(List, String)}); its number
     * rollovers are noted in the trail, not executed.
     *
     * @param plan the plan
     * @param actor who asks for it, non-blank
     * @return one outcome per span move, in plan order
     */
    public synchronized List<MoveResult> execute(TakeoverPlan plan, String actor) {
        Objects.requireNonNull(plan, "SpanMoveExecutor.execute: plan");
        requireActor(actor);
        StringBuilder note = new StringBuilder();
        if (!plan.rollover().isEmpty()) {
            note.append(plan.rollover().rollovers().size())
                    .append(" number rollover(s) are the carrier's to do and are not executed here");
        }
        if (!plan.feasible()) {
            note.append(note.length() == 0 ? "" : "; ")
                    .append("the plan does not cover the load: ")
                    .append(String.join("; ", plan.missing()));
        }
        trail.append(
                actor,
                "carry out the takeover plan " + plan.failedSystem() + " -> " + plan.survivorSystem() + ": "
                        + plan.moves().size() + " span move(s)",
                AuditTrail.Outcome.DONE,
                note.toString());
        return execute(plan.moves(), actor);
    }

    /**
     * The hunt groups of a system as the executor knows them: its description's, with the
     * executor's redefinitions.
     *
     * @param system a system name
     * @return its group definitions in definition order
     * @throws IllegalArgumentException when the system is not one of the executor's
     */
    public synchronized List<Input.HuntGroupDefined> huntGroups(String system) {
        for (SimulatedSystem s : systems) {
            if (name(s).equals(system)) {
                return List.copyOf(groups.get(s).values());
            }
        }
        throw new IllegalArgumentException("SpanMoveExecutor: no system '" + system + "'; systems: "
                + systems.stream().map(SpanMoveExecutor::name).toList());
    }

    /** Stops watching the boards for moved spans coming up; the trail stays readable. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
        awaiting.clear();
    }

    // ------------------------------------------------------------------ checks

    private Prepared prepare(SpanMove move, List<Refusal> out) {
        SpanLocation from = move.from();
        SpanLocation to = move.to();
        SimulatedSystem src = byMachine.get(from.machine());
        SimulatedSystem dst = byMachine.get(to.machine());
        if (src == null) {
            out.add(new Refusal(
                    Refusal.Reason.UNKNOWN_POSITION,
                    "source " + from + ": no simulated system has a machine '" + from.machine() + "'; machines: "
                            + byMachine.keySet()));
        }
        if (dst == null) {
            out.add(new Refusal(
                    Refusal.Reason.UNKNOWN_POSITION,
                    "target " + to + ": no simulated system has a machine '" + to.machine() + "'; machines: "
                            + byMachine.keySet()));
        }
        if (src == null || dst == null) {
            return null;
        }
        SoftBackend sb = src.backends().get(from.machine());
        SoftBackend tb = dst.backends().get(to.machine());
        Cable cable = sourceCable(move, sb, out);
        if (!targetFree(move, dst, tb, out)) {
            return null;
        }
        SpanConfig config = cable != null ? cable.config() : move.config();
        checkProfile(move, dst, config, out);

        BoardId targetBoard = new BoardId(to.machine(), to.board());
        BoardModel model = tb.boardModel(targetBoard);
        Set<PortKind> wanted = describedKinds(config);
        int[] masks = Inventory.kindMasks(model, config.layout(), wanted);
        List<Input.HuntGroupDefined> sourceGroups = naming(groups.get(src).values(), from);
        Set<PortKind> needed = EnumSet.noneOf(PortKind.class);
        sourceGroups.forEach(g -> needed.add(g.kind()));
        Optional<BoardCatalogue> catalogued = LiveCapacity.boardModel(dst, targetBoard);
        String boardName = "board " + targetBoard + " (" + model.modelName() + ") of " + name(dst);
        for (PortKind k : needed) {
            String groupNames = String.join(
                    ", ",
                    sourceGroups.stream()
                            .filter(g -> g.kind() == k)
                            .map(Input.HuntGroupDefined::name)
                            .toList());
            if (catalogued.isPresent() && !catalogued.get().kinds().contains(k)) {
                out.add(new Refusal(
                        Refusal.Reason.NO_CHANNELS,
                        boardName + " has no " + k + " channel resources (its channels do "
                                + catalogued.get().kinds() + "), but circuit " + move.circuit() + " serves " + k
                                + " hunt group(s) " + groupNames + "; choose a position on a board that does " + k));
            } else if ((k == PortKind.FAX ? masks[0] : masks[1]) == 0) {
                out.add(new Refusal(
                        Refusal.Reason.NO_CHANNELS,
                        boardName + " runs " + k + " on none of circuit " + move.circuit()
                                + "'s bearer timeslots, but it serves " + k + " hunt group(s) " + groupNames
                                + "; choose a position on a board that does " + k));
            }
        }
        int bearers = config.layout().bearerCount();
        int terminated = 0;
        for (Cable c : tb.cables()) {
            SpanLocation at = c.location().orElse(null);
            if (at != null && at.board() == to.board() && c != cable) {
                terminated += c.config().layout().bearerCount();
            }
        }
        int free = model.channels() - terminated;
        if (free < bearers) {
            out.add(new Refusal(
                    Refusal.Reason.NO_CHANNELS,
                    boardName + " has " + free + " free channel resources; circuit " + move.circuit() + " needs "
                            + bearers + " for its bearers"));
        }
        if (!out.isEmpty()) {
            return null;
        }
        BoardModel sourceModel = sb.boardModel(new BoardId(from.machine(), from.board()));
        int[] sourceMasks = Inventory.kindMasks(sourceModel, config.layout(), wanted);
        return new Prepared(
                move,
                src,
                dst,
                sb,
                tb,
                cable,
                model,
                TimeslotSet.of(config.layout()),
                new TimeslotSet(masks[0]),
                new TimeslotSet(masks[1]),
                masks[0] == sourceMasks[0] && masks[1] == sourceMasks[1],
                sourceGroups);
    }

    private Cable sourceCable(SpanMove move, SoftBackend sb, List<Refusal> out) {
        try {
            Optional<Cable> c = sb.cable(move.from());
            if (c.isEmpty()) {
                out.add(new Refusal(
                        Refusal.Reason.NOT_AT_SOURCE,
                        "nothing is plugged in at " + move.from() + "; circuit " + move.circuit() + " is "
                                + whereIs(move.circuit().value())));
                return null;
            }
            if (!c.get().circuitId().equals(move.circuit())) {
                out.add(new Refusal(
                        Refusal.Reason.NOT_AT_SOURCE,
                        move.from() + " holds circuit " + c.get().circuitId() + ", not " + move.circuit() + "; circuit "
                                + move.circuit() + " is "
                                + whereIs(move.circuit().value())));
                return null;
            }
            return c.get();
        } catch (IllegalArgumentException e) {
            out.add(new Refusal(Refusal.Reason.UNKNOWN_POSITION, "source: " + e.getMessage()));
        } catch (HalException e) {
            out.add(new Refusal(
                    Refusal.Reason.NOT_AT_SOURCE,
                    "the boards of machine " + move.from().machine() + " cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /** @return whether the target position exists (further checks make sense) */
    private boolean targetFree(SpanMove move, SimulatedSystem dst, SoftBackend tb, List<Refusal> out) {
        SpanLocation to = move.to();
        if (move.from().equals(to)) {
            out.add(new Refusal(
                    Refusal.Reason.OCCUPIED,
                    "circuit " + move.circuit() + " would move onto its own position " + to
                            + "; give another position"));
            return true;
        }
        try {
            Optional<Cable> there = tb.cable(to);
            if (there.isPresent()) {
                out.add(new Refusal(
                        Refusal.Reason.OCCUPIED,
                        to + " holds circuit " + there.get().circuitId()
                                + "; unplug it first or choose a free position"));
            } else {
                Metrics.Counts c = dst.metrics().bySpan().get(to);
                if (c != null && c.total() > 0) {
                    out.add(new Refusal(
                            Refusal.Reason.OCCUPIED,
                            "the port manager of " + name(dst) + " still has a circuit at " + to + " (" + c.total()
                                    + " channels) although none is plugged in; submit SpanRemoved for it first"));
                }
            }
        } catch (IllegalArgumentException e) {
            out.add(new Refusal(Refusal.Reason.UNKNOWN_POSITION, "target: " + e.getMessage()));
            return false;
        } catch (HalException e) {
            out.add(new Refusal(
                    Refusal.Reason.TARGET_DOWN,
                    "the boards of machine " + to.machine() + " cannot be used: " + e.getMessage()));
            return false;
        }
        BackendState state = tb.state();
        if (state != BackendState.IN_SERVICE) {
            out.add(new Refusal(
                    Refusal.Reason.TARGET_DOWN,
                    "machine " + to.machine() + " of " + name(dst) + " is " + state
                            + "; bring it back in service first"));
        }
        return true;
    }

    private static void checkProfile(SpanMove move, SimulatedSystem dst, SpanConfig config, List<Refusal> out) {
        SpanLocation to = move.to();
        Optional<LineProfile> provisioned = LiveCapacity.positionProfile(dst, to);
        if (provisioned.isEmpty()) {
            out.add(new Refusal(
                    Refusal.Reason.UNPROVISIONED,
                    to + " has no line profile: " + name(dst)
                            + " describes no circuit on its board, machine or system to provision it like"));
            return;
        }
        LineProfile p = provisioned.get();
        String c = "circuit " + move.circuit() + " is ";
        String at = ", but " + to + " is provisioned for ";
        if (p.framing() != config.framing()) {
            out.add(new Refusal(Refusal.Reason.FRAMING, c + config.framing() + at + p.framing()));
        }
        if (p.lineCoding() != config.lineCoding()) {
            out.add(new Refusal(Refusal.Reason.LINE_CODING, c + config.lineCoding() + at + p.lineCoding()));
        }
        if (p.signalling() != config.signalling()) {
            out.add(new Refusal(Refusal.Reason.SIGNALLING, c + config.signalling() + at + p.signalling()));
        } else if (config.signalling() == Signalling.ISDN_PRI && p.priSwitch() != config.priSwitch()) {
            out.add(new Refusal(
                    Refusal.Reason.SWITCH,
                    c + "a PRI to a " + config.priSwitch() + " switch" + at + "the " + p.priSwitch() + " variant"));
        }
    }

    /** @return the kinds the circuit's description allows (all when it is not described or says none) */
    private Set<PortKind> describedKinds(SpanConfig config) {
        for (SimulatedSystem s : systems) {
            for (Machine m : s.inventory().system().machines()) {
                for (Board b : m.boards()) {
                    for (Span span : b.spans()) {
                        if (span.config().circuitId().equals(config.circuitId())
                                && !span.kinds().isEmpty()) {
                            return EnumSet.copyOf(span.kinds());
                        }
                    }
                }
            }
        }
        return EnumSet.allOf(PortKind.class);
    }

    private String whereIs(String circuit) {
        for (SimulatedSystem s : systems) {
            for (SoftBackend b : s.backends().values()) {
                try {
                    for (Cable c : b.cables()) {
                        if (c.circuitId().value().equals(circuit)) {
                            return "at " + c.location().map(Object::toString).orElse("?") + " (" + name(s) + ")";
                        }
                    }
                } catch (HalException closedBackend) {
                    // a closed backend holds no cable we could move
                }
            }
        }
        return "not plugged into any simulated board";
    }

    // ------------------------------------------------------------------ carrying out

    private MoveResult carryOut(Prepared p, String actor) {
        SpanMove mv = p.move();
        SpanLocation from = mv.from();
        SpanLocation to = mv.to();
        trail.append(
                actor,
                "check " + mv.describe(),
                AuditTrail.Outcome.DONE,
                "compatible: " + LineProfile.of(p.cable().config()) + " position on a "
                        + p.targetModel().modelName() + " board; bearers " + p.bearers() + ", fax " + p.fax()
                        + ", voice " + p.voice());
        p.cable().unplug();
        trail.append(
                actor,
                "unplug circuit " + mv.circuit() + " from " + from + " (" + name(p.source()) + ")",
                AuditTrail.Outcome.DONE,
                "loss of signal at " + from);
        try {
            p.cable().plugInto(p.targetBackend(), to);
        } catch (RuntimeException e) {
            String back = putBack(p);
            trail.append(
                    actor,
                    "plug circuit " + mv.circuit() + " into " + to + " (" + name(p.target()) + ")",
                    AuditTrail.Outcome.FAILED,
                    e.getMessage() + "; " + back);
            return new MoveResult.Failed(mv, "plug into " + to, e.getMessage() + "; " + back);
        }
        long plugged = p.target().clock().nanos();
        SpanStatus status = p.targetBackend().span(to).status();
        trail.append(
                actor,
                "plug circuit " + mv.circuit() + " into " + to + " (" + name(p.target()) + ")",
                AuditTrail.Outcome.DONE,
                "signal present; span " + describe(status) + "; alarms clear after "
                        + seconds(p.targetBackend().alarmTimings().clearNanos()) + " of clean signal");
        List<Input> inputs = new ArrayList<>();
        if (p.source() == p.target() && p.sameKinds()) {
            submit(p.target(), new Input.SpanMoved(0, from, to), actor, inputs);
        } else {
            submit(p.source(), new Input.SpanRemoved(0, from), actor, inputs);
            submit(
                    p.target(),
                    new Input.SpanAdded(
                            0,
                            to,
                            mv.circuit(),
                            p.cable().config().signalling(),
                            p.bearers(),
                            p.fax(),
                            p.voice(),
                            EnumSet.allOf(Direction.class)),
                    actor,
                    inputs);
        }
        syncLiveState(p, actor, inputs);
        List<String> joined = joinGroups(p, actor, inputs);
        awaitUp(p, actor, plugged);
        return new MoveResult.Done(mv, plugged, inputs, joined);
    }

    private String putBack(Prepared p) {
        try {
            p.cable().plugInto(p.sourceBackend(), p.move().from());
            return "the cable was put back into " + p.move().from();
        } catch (RuntimeException e) {
            return "the cable could not be put back into " + p.move().from() + ": " + e.getMessage();
        }
    }

    private Result submit(SimulatedSystem sim, Input input, String actor, List<Input> inputs) {
        String action = "port manager of " + name(sim) + ": " + describe(input);
        try {
            Result r = sim.portManager().submitSync(input, REPLY_TIMEOUT);
            inputs.add(input);
            trail.append(
                    actor,
                    action,
                    r instanceof Result.Ignored ? AuditTrail.Outcome.FAILED : AuditTrail.Outcome.DONE,
                    describe(r));
            return r;
        } catch (RuntimeException e) {
            trail.append(actor, action, AuditTrail.Outcome.FAILED, "not delivered: " + e);
            return new Result.Ignored("not delivered: " + e);
        }
    }

    /** Tells the target manager what the board says about the fresh span now. */
    private void syncLiveState(Prepared p, String actor, List<Input> inputs) {
        SpanLocation to = p.move().to();
        SpanStatus status = p.targetBackend().span(to).status();
        List<Input> live = new ArrayList<>();
        for (Alarm a : status.alarms()) {
            live.add(new Input.SpanAlarmChanged(0, to, a, true));
        }
        if (status.dChannel() == DChannelState.DOWN) {
            live.add(new Input.DChannelChanged(0, to, false));
        }
        int outOfService = 0;
        for (ChannelInfo c : p.targetBackend().channels()) {
            if (c.id().span().equals(to)
                    && (c.state() == ChannelState.OUT_OF_SERVICE || c.state() == ChannelState.BLOCKED)) {
                live.add(new Input.ChannelServiceChanged(0, c.id(), false));
                outOfService++;
            }
        }
        String action = "port manager of " + name(p.target()) + ": live state of " + to;
        if (live.isEmpty()) {
            trail.append(actor, action, AuditTrail.Outcome.DONE, "healthy, nothing to tell");
            return;
        }
        List<CompletableFuture<Result>> replies = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try {
            for (Input in : live) {
                replies.add(p.target().portManager().submit(in));
            }
            for (CompletableFuture<Result> f : replies) {
                Result r = f.orTimeout(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .join();
                if (r instanceof Result.Ignored i) {
                    ignored.add(i.detail());
                }
            }
        } catch (RuntimeException e) {
            ignored.add("not delivered: " + e);
        }
        inputs.addAll(live);
        StringBuilder told = new StringBuilder();
        status.alarms().stream().sorted().forEach(a -> told.append(a).append(" raised; "));
        if (status.dChannel() == DChannelState.DOWN) {
            told.append("D-channel down; ");
        }
        told.append(outOfService).append(" channel(s) out of service");
        if (!ignored.isEmpty()) {
            told.append("; not applied: ").append(String.join("; ", ignored));
        }
        trail.append(
                actor,
                action,
                ignored.isEmpty() ? AuditTrail.Outcome.DONE : AuditTrail.Outcome.FAILED,
                told.toString());
    }

    private List<String> joinGroups(Prepared p, String actor, List<Input> inputs) {
        SpanLocation from = p.move().from();
        SpanLocation to = p.move().to();
        LinkedHashMap<String, Input.HuntGroupDefined> target = groups.get(p.target());
        List<String> joined = new ArrayList<>();
        if (p.source() == p.target()) {
            for (Input.HuntGroupDefined g : p.sourceGroups()) {
                List<GroupMember> members = new ArrayList<>();
                for (GroupMember m : g.members()) {
                    members.add(m.span().equals(from) ? new GroupMember(to, m.timeslots()) : m);
                }
                define(p, new Input.HuntGroupDefined(0, g.name(), g.strategy(), g.kind(), members), actor, inputs)
                        .ifPresent(joined::add);
            }
            return joined;
        }
        for (Input.HuntGroupDefined g : p.sourceGroups()) {
            GroupMember was = g.members().stream()
                    .filter(m -> m.span().equals(from))
                    .findFirst()
                    .orElseThrow();
            GroupMember now = new GroupMember(to, was.timeslots());
            Input.HuntGroupDefined existing = target.get(g.name());
            if (existing == null) {
                define(p, new Input.HuntGroupDefined(0, g.name(), g.strategy(), g.kind(), List.of(now)), actor, inputs)
                        .ifPresent(joined::add);
            } else if (existing.kind() != g.kind()) {
                trail.append(
                        actor,
                        "add circuit " + p.move().circuit() + " at " + to + " to hunt group " + g.name() + " of "
                                + name(p.target()),
                        AuditTrail.Outcome.FAILED,
                        "not joined: that group serves " + existing.kind() + ", the circuit served " + g.kind() + " in "
                                + name(p.source()) + "; redefine the group by hand if it should");
            } else if (existing.members().stream().anyMatch(m -> m.span().equals(to))) {
                joined.add(g.name());
            } else {
                List<GroupMember> members = new ArrayList<>(existing.members());
                members.add(now);
                define(
                                p,
                                new Input.HuntGroupDefined(
                                        0, existing.name(), existing.strategy(), existing.kind(), members),
                                actor,
                                inputs)
                        .ifPresent(joined::add);
            }
        }
        return joined;
    }

    private Optional<String> define(Prepared p, Input.HuntGroupDefined g, String actor, List<Input> inputs) {
        Result r = submit(p.target(), g, actor, inputs);
        if (r instanceof Result.Ignored) {
            return Optional.empty();
        }
        groups.get(p.target()).put(g.name(), g);
        return Optional.of(g.name());
    }

    private void awaitUp(Prepared p, String actor, long plugged) {
        SoftBackend tb = p.targetBackend();
        subscriptions.computeIfAbsent(tb, b -> b.subscribe(this::onBoardEvent, Runnable::run));
        awaiting.put(p.move().to(), new Awaiting(p.target(), tb, p.move(), actor, plugged));
        checkUp(p.move().to());
    }

    private void onBoardEvent(HalEvent e) {
        if (e instanceof SpanEvent s) {
            checkUpLater(s.span());
        } else if (e instanceof ChannelInService c) {
            checkUpLater(c.channel().span());
        }
    }

    private void checkUpLater(SpanLocation at) {
        synchronized (this) {
            if (!closed && awaiting.containsKey(at)) {
                checkUp(at);
            }
        }
    }

    private void checkUp(SpanLocation at) {
        Awaiting a = awaiting.get(at);
        if (a == null) {
            return;
        }
        SpanInfo info;
        try {
            info = a.backend().span(at);
        } catch (HalException closedMeanwhile) {
            awaiting.remove(at);
            return;
        }
        if (info.config().isEmpty()
                || !info.config().get().circuitId().equals(a.move().circuit())) {
            awaiting.remove(at); // moved away again before it came up
            return;
        }
        if (info.usable()) {
            awaiting.remove(at);
            trail.append(
                    a.actor(),
                    "span " + at + " with circuit " + a.move().circuit() + " (" + name(a.system()) + ") in service",
                    AuditTrail.Outcome.DONE,
                    "alarms cleared " + seconds(a.system().clock().nanos() - a.plugged())
                            + " after the plug; the port manager takes the channels into service from the board's"
                            + " events");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<Input.HuntGroupDefined> naming(Collection<Input.HuntGroupDefined> defs, SpanLocation at) {
        List<Input.HuntGroupDefined> out = new ArrayList<>();
        for (Input.HuntGroupDefined g : defs) {
            if (g.members().stream().anyMatch(m -> m.span().equals(at))) {
                out.add(g);
            }
        }
        return out;
    }

    private static String name(SimulatedSystem s) {
        return s.inventory().system().name();
    }

    private static void requireActor(String actor) {
        Objects.requireNonNull(actor, "actor");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("actor is blank; say who asks for the move (e.g. an operator's name)");
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String describe(SpanStatus s) {
        return s.usableForTraffic() ? "usable" : "not usable (" + s.unusableReason() + ")";
    }

    private static String describe(Result r) {
        if (r instanceof Result.Applied a) {
            return a.endedLeases().isEmpty()
                    ? "applied"
                    : "applied; " + a.endedLeases().size() + " lease(s) ended";
        }
        if (r instanceof Result.Ignored i) {
            return "ignored: " + i.detail();
        }
        return r.toString();
    }

    private static String describe(Input in) {
        if (in instanceof Input.SpanRemoved r) {
            return "SpanRemoved " + r.span();
        }
        if (in instanceof Input.SpanAdded a) {
            return "SpanAdded " + a.span() + " circuit " + a.circuit() + " " + a.signalling() + ", bearers "
                    + a.bearers() + ", fax " + a.fax() + ", voice " + a.voice();
        }
        if (in instanceof Input.SpanMoved m) {
            return "SpanMoved " + m.from() + " -> " + m.to();
        }
        if (in instanceof Input.HuntGroupDefined g) {
            return "HuntGroupDefined " + g.name() + " (" + g.kind() + ", " + g.strategy() + ") members "
                    + g.members().stream().map(m -> m.span().toString()).toList();
        }
        return in.toString();
    }
}
