package org.stroom.ports.simui.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * Whether a circuit may be moved into a span position, checked before any cable is touched. The rules are the
 * span-move planner's ({@code SpanMovePlanner}: same line profile, a board that can do the kinds the circuit is
 * used for, enough free channel resources on that board), applied to one move; the planner itself only plans a
 * whole takeover and exposes no single-move check.
 *
 * <ol>
 *   <li>the position is free (nothing plugged in);
 *   <li>it is on another machine, and that machine runs;
 *   <li>its provisioned line profile (framing, line coding, signalling, PRI switch variant) is the circuit's;
 *   <li>the board can do every kind the circuit is used for on each of its bearers;
 *   <li>the board has free channel resources (and free fax resources when the circuit carries fax) for its bearers.
 * </ol>
 *
 * A clock priority already used on the target board is not a refusal: the circuit is then no timing source
 * until an operator gives it a free priority, which the result notes.
 *
 * <p>Thread-safety: stateless.
 */
public final class SpanMoveCheck {
    /**
     * The target position as the simulator knows it.
     *
     * @param location the position
     * @param board the model of its board
     * @param provisioned the line profile the position is provisioned for, empty when any profile is accepted
     * @param occupant the circuit plugged in there now, or empty
     * @param machineAlive whether the target machine runs
     * @param othersOnBoard the circuits plugged into the board's other ports, with the kinds each is used for
     *     <p>Thread-safety: immutable.
     */
    public record Target(
            SpanLocation location,
            BoardModel board,
            Optional<LineProfile> provisioned,
            Optional<String> occupant,
            boolean machineAlive,
            List<Neighbour> othersOnBoard) {
        /** Copies the list. */
        public Target {
            Objects.requireNonNull(location, "Target.location");
            Objects.requireNonNull(board, "Target.board");
            Objects.requireNonNull(provisioned, "Target.provisioned");
            Objects.requireNonNull(occupant, "Target.occupant");
            othersOnBoard = List.copyOf(othersOnBoard);
        }
    }

    /**
     * A circuit already on the target board.
     *
     * @param config its provisioning
     * @param kinds the kinds it is used for
     *     <p>Thread-safety: immutable.
     */
    public record Neighbour(SpanConfig config, Set<PortKind> kinds) {
        /** Copies the set. */
        public Neighbour {
            Objects.requireNonNull(config, "Neighbour.config");
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }
    }

    /**
     * The result.
     *
     * @param refusal why the move is refused, empty when it may go ahead
     * @param notes remarks that do not stop the move
     *     <p>Thread-safety: immutable.
     */
    public record Result(Optional<String> refusal, List<String> notes) {
        /** Copies the list. */
        public Result {
            Objects.requireNonNull(refusal, "Result.refusal");
            notes = List.copyOf(notes);
        }

        /** @return whether the move may go ahead */
        public boolean allowed() {
            return refusal.isEmpty();
        }
    }

    private SpanMoveCheck() {}

    /**
     * @param circuit the circuit's provisioning
     * @param kinds what the circuit's channels are used for (the kinds of its hunt groups); empty when unused
     * @param from where the circuit is (or was last plugged in)
     * @param target the position it should go to
     * @return the verdict, naming the first broken rule
     */
    public static Result check(SpanConfig circuit, Set<PortKind> kinds, SpanLocation from, Target target) {
        Objects.requireNonNull(circuit, "check: circuit");
        Objects.requireNonNull(kinds, "check: kinds");
        Objects.requireNonNull(from, "check: from");
        Objects.requireNonNull(target, "check: target");
        String c = "circuit " + circuit.circuitId();
        SpanLocation to = target.location();
        if (target.occupant().isPresent()) {
            return refuse("position " + to + " holds circuit "
                    + target.occupant().get() + "; pull that cable first or choose a free position");
        }
        if (to.machine().equals(from.machine())) {
            return refuse("a span move goes to another machine; " + c + " is already on " + from.machine());
        }
        if (!target.machineAlive()) {
            return refuse("machine " + to.machine() + " is down; revive it before moving " + c + " there");
        }
        LineProfile needed = LineProfile.of(circuit);
        if (target.provisioned().isPresent() && !target.provisioned().get().equals(needed)) {
            return refuse("position " + to + " is provisioned for "
                    + target.provisioned().get() + " but " + c + " needs " + needed + " ("
                    + differences(target.provisioned().get(), needed) + ")");
        }
        BoardModel model = target.board();
        int[] bearers = circuit.layout().bearerTimeslots();
        for (PortKind k : kinds) {
            List<Integer> cannot = new ArrayList<>();
            for (int ds0 : bearers) {
                if (!model.kinds(ds0).contains(k)) {
                    cannot.add(ds0);
                }
            }
            if (!cannot.isEmpty()) {
                return refuse("board " + model.modelName() + " at " + to.machine() + "/b" + to.board() + " cannot do "
                        + k + " on timeslots " + ranges(cannot) + ", but " + c + " carries " + k
                        + " on all its " + bearers.length + " bearers");
            }
        }
        int used = 0;
        int faxUsed = 0;
        List<String> notes = new ArrayList<>();
        for (Neighbour n : target.othersOnBoard()) {
            int b = n.config().layout().bearerCount();
            used += b;
            if (n.kinds().contains(PortKind.FAX)) {
                faxUsed += b;
            }
            if (circuit.clockPriority() != 0 && n.config().clockPriority() == circuit.clockPriority()) {
                notes.add("clock priority " + circuit.clockPriority() + " is already used by circuit "
                        + n.config().circuitId() + " on " + model.modelName() + "; " + c
                        + " is no timing source until it gets a free priority");
            }
        }
        int free = model.channels() - used;
        if (free < bearers.length) {
            return refuse("board " + model.modelName() + " at " + to.machine() + "/b" + to.board() + " has " + free
                    + " free channel resources, " + c + " needs " + bearers.length);
        }
        if (kinds.contains(PortKind.FAX)) {
            int faxFree = model.spans() * model.faxChannelsPerSpan() - faxUsed;
            if (faxFree < bearers.length) {
                return refuse("board " + model.modelName() + " at " + to.machine() + "/b" + to.board() + " has "
                        + faxFree + " free fax resources, " + c + " needs " + bearers.length);
            }
        }
        return new Result(Optional.empty(), notes);
    }

    private static Result refuse(String why) {
        return new Result(Optional.of(why), List.of());
    }

    private static String differences(LineProfile have, LineProfile need) {
        List<String> d = new ArrayList<>();
        if (have.framing() != need.framing()) {
            d.add("framing " + have.framing() + " vs " + need.framing());
        }
        if (have.lineCoding() != need.lineCoding()) {
            d.add("line coding " + have.lineCoding() + " vs " + need.lineCoding());
        }
        if (have.signalling() != need.signalling()) {
            d.add("signalling " + have.signalling() + " vs " + need.signalling());
        }
        if (!Objects.equals(have.priSwitch(), need.priSwitch())) {
            d.add("switch variant " + (have.priSwitch() == null ? "none" : have.priSwitch()) + " vs "
                    + (need.priSwitch() == null ? "none" : need.priSwitch()));
        }
        return String.join(", ", d);
    }

    private static String ranges(List<Integer> ts) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < ts.size()) {
            int j = i;
            while (j + 1 < ts.size() && ts.get(j + 1) == ts.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(ts.get(i));
            if (j > i) {
                b.append("..").append(ts.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
