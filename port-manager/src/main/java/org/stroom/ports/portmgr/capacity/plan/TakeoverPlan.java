package org.stroom.ports.portmgr.capacity.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.SpanConfig;

/**
 * How the survivor gets the failed system's circuits and numbers: span moves first, number rollovers for what
 * cannot be moved, and what is still missing.
 *
 * @param failedSystem name of the failed system
 * @param survivorSystem name of the survivor
 * @param moves span moves (copied)
 * @param rollover number rollovers
 * @param missing what the plan cannot provide, each item saying exactly what is missing (copied); empty when the
 *     plan covers the load
 *     <p>Thread-safety: immutable.
 */
public record TakeoverPlan(
        String failedSystem, String survivorSystem, List<SpanMove> moves, RolloverPlan rollover, List<String> missing) {
    /** Copies the lists. */
    public TakeoverPlan {
        Objects.requireNonNull(failedSystem, "takeover plan: failedSystem");
        Objects.requireNonNull(survivorSystem, "takeover plan: survivorSystem");
        moves = List.copyOf(moves);
        Objects.requireNonNull(rollover, "takeover plan: rollover");
        missing = List.copyOf(missing);
    }

    /** @return whether the plan covers the load */
    public boolean feasible() {
        return missing.isEmpty();
    }

    /**
     * The survivor as it will be once the plan is carried out: moved circuits plugged into their positions (in
     * service, no alarm, on the receiving board's channel abilities; clock priority 0 if theirs is taken on that
     * board) and rolled DID ranges delivered on their target circuits.
     *
     * @param survivor the survivor before the plan
     * @return the survivor after the plan
     * @throws IllegalArgumentException when a target position or circuit is not on the survivor
     */
    public InventorySystem applyTo(InventorySystem survivor) {
        Map<BoardId, List<SpanMove>> movesByBoard = new HashMap<>();
        for (SpanMove m : moves) {
            movesByBoard
                    .computeIfAbsent(new BoardId(m.to().machine(), m.to().board()), k -> new ArrayList<>())
                    .add(m);
        }
        Map<org.stroom.ports.t1.CircuitId, List<DidRange>> rolled = new HashMap<>();
        for (Rollover r : rollover.rollovers()) {
            rolled.computeIfAbsent(r.toCircuit(), k -> new ArrayList<>()).add(r.range());
        }
        Map<BoardId, InventoryBoard> replaced = new HashMap<>();
        for (InventoryBoard b : survivor.boards()) {
            List<SpanMove> incoming = movesByBoard.getOrDefault(b.id(), List.of());
            boolean touched = !incoming.isEmpty();
            List<InventorySpan> spans = new ArrayList<>();
            for (InventorySpan s : b.spans()) {
                List<DidRange> extra = rolled.remove(s.circuit());
                if (extra != null) {
                    touched = true;
                    spans.add(s.withConfig(withDids(s.config(), extra)));
                } else {
                    spans.add(s);
                }
            }
            List<SparePort> spares = new ArrayList<>(b.spares());
            for (SpanMove m : incoming) {
                boolean removed = spares.removeIf(p -> p.location().equals(m.to()));
                if (!removed) {
                    throw new IllegalArgumentException("takeover plan: " + m.to() + " is not a free position of "
                            + survivor.name() + "; the plan was made for another state");
                }
                List<DidRange> extra = rolled.remove(m.circuit());
                SpanConfig config = extra == null ? m.config() : withDids(m.config(), extra);
                int priority = config.clockPriority();
                if (priority != 0 && spans.stream().anyMatch(s -> s.config().clockPriority() == priority)) {
                    // Two spans of one board may not share a clock priority: the moved circuit stops being a
                    // timing source until an operator gives it a free priority.
                    config = config.withClockPriority(0);
                }
                spans.add(InventorySpan.healthy(m.to(), config, b.ability()));
            }
            if (touched) {
                replaced.put(b.id(), b.withSpans(spans, spares));
            }
        }
        if (!rolled.isEmpty()) {
            throw new IllegalArgumentException(
                    "takeover plan: rollover targets " + rolled.keySet() + " are not circuits of " + survivor.name());
        }
        return survivor.withBoards(replaced);
    }

    private static SpanConfig withDids(SpanConfig c, List<DidRange> extra) {
        List<DidRange> all = new ArrayList<>(c.didRanges());
        all.addAll(extra);
        return new SpanConfig(
                c.circuitId(),
                c.framing(),
                c.lineCoding(),
                c.signallingMode(),
                c.signalling(),
                c.priSwitch(),
                c.clockPriority(),
                c.lineBuildOut(),
                all,
                c.unprovisionedTimeslots());
    }

    /** @return readable lines: moves, rollovers, missing items */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (moves.isEmpty() && rollover.isEmpty()) {
            out.add("no span move or rollover needed");
        }
        moves.forEach(m -> out.add(m.describe()));
        rollover.rollovers().forEach(r -> out.add(r.describe()));
        missing.forEach(m -> out.add("MISSING: " + m));
        return out;
    }
}
