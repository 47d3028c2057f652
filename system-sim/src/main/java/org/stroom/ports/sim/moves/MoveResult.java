package org.stroom.ports.sim.moves;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;

/**
 * The outcome of one span move: {@link Done}, {@link Refused} before anything changed, or {@link
 * Failed} part-way (and put back as far as possible). The {@link AuditTrail} has every step.
 *
 * <p>Thread-safety: all results are immutable records.
 */
public sealed interface MoveResult {
    /** @return the move */
    SpanMove move();

    /** @return whether the circuit is now at the move's target */
    default boolean done() {
        return this instanceof Done;
    }

    /**
     * The circuit was re-plugged and the port managers told. The span carries traffic only once the
     * target's alarms clear (RED clears after the backend's clear time, 10 s by default).
     *
     * @param move the move
     * @param pluggedAtNanos when the cable went into the target port, on the simulation clock
     * @param inputs the port-manager inputs submitted, in order (inventory, live state, hunt groups)
     * @param huntGroups names of the target's hunt groups the circuit now belongs to
     *     <p>Thread-safety: immutable.
     */
    record Done(SpanMove move, long pluggedAtNanos, List<Input> inputs, List<String> huntGroups) implements MoveResult {
        /** Copies the lists. */
        public Done {
            Objects.requireNonNull(move, "done: move");
            inputs = List.copyOf(inputs);
            huntGroups = List.copyOf(huntGroups);
        }
    }

    /**
     * The move breaks a rule; nothing was changed.
     *
     * @param move the move
     * @param refusals every broken rule, not empty
     *     <p>Thread-safety: immutable.
     */
    record Refused(SpanMove move, List<Refusal> refusals) implements MoveResult {
        /**
         * @throws IllegalArgumentException when there is no refusal
         */
        public Refused {
            Objects.requireNonNull(move, "refused: move");
            refusals = List.copyOf(refusals);
            if (refusals.isEmpty()) {
                throw new IllegalArgumentException("refused move " + move.describe() + " without a refusal");
            }
        }

        /** @return whether one of the refusals has this reason */
        public boolean has(Refusal.Reason reason) {
            return refusals.stream().anyMatch(r -> r.reason() == reason);
        }
    }

    /**
     * A step failed after the checks passed (e.g. the target backend closed meanwhile); the cable was
     * put back where it was when possible.
     *
     * @param move the move
     * @param step the step that failed
     * @param detail what went wrong
     *     <p>Thread-safety: immutable.
     */
    record Failed(SpanMove move, String step, String detail) implements MoveResult {
        /** Checks for null. */
        public Failed {
            Objects.requireNonNull(move, "failed: move");
            Objects.requireNonNull(step, "failed: step");
            Objects.requireNonNull(detail, "failed: detail");
        }
    }
}
