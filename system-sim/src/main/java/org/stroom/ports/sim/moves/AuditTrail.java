package org.stroom.ports.sim.moves;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.stroom.ports.t1.NanoClock;

/**
 * An append-only record of what was done to a running installation: who did what, when (on the
 * injected clock, normally the simulation's virtual clock) and with what result. Entries are never
 * changed or removed; their sequence numbers start at 1 and have no gaps.
 *
 * <p>Thread-safety: safe from any thread; appends are serialised, and readers get copies.
 */
public final class AuditTrail {
    /**
     * How a step ended.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Outcome {
        /** The step took effect. */
        DONE,
        /** The step was refused before anything changed. */
        REFUSED,
        /** The step was attempted and did not take effect (or took effect only in part). */
        FAILED
    }

    /**
     * One step.
     *
     * @param sequence position in the trail, from 1
     * @param atNanos when, on the trail's clock (nanoseconds from its origin)
     * @param actor who: an operator, a program ({@code "takeover"}), never blank
     * @param action what, in words naming the circuit, positions and systems, never blank
     * @param outcome how it ended
     * @param result what came of it: the port manager's answer, the reason for a refusal; may be empty
     *     <p>Thread-safety: immutable.
     */
    public record Entry(long sequence, long atNanos, String actor, String action, Outcome outcome, String result) {
        /**
         * @throws IllegalArgumentException when the sequence is not positive, or actor or action is blank
         */
        public Entry {
            if (sequence < 1) {
                throw new IllegalArgumentException("audit entry: sequence " + sequence + " must be ≥ 1");
            }
            requireText(actor, "actor");
            requireText(action, "action");
            Objects.requireNonNull(outcome, "audit entry: outcome");
            Objects.requireNonNull(result, "audit entry: result");
        }

        /** @return e.g. {@code "#3 t=12.000 s operator: plug C1 into b/b0/s2 -> DONE (DChannel down)"} */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "#%d t=%.3f s %s: %s -> %s%s",
                    sequence,
                    atNanos / 1e9,
                    actor,
                    action,
                    outcome,
                    result.isEmpty() ? "" : " (" + result + ")");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private final NanoClock clock;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * @param clock stamps the entries; use the simulation's virtual clock
     */
    public AuditTrail(NanoClock clock) {
        this.clock = Objects.requireNonNull(clock, "AuditTrail: clock");
    }

    /**
     * Appends an entry stamped with the clock's time now.
     *
     * @param actor who, non-blank
     * @param action what, non-blank
     * @param outcome how it ended
     * @param result what came of it, non-null (may be empty)
     * @return the entry appended
     * @throws IllegalArgumentException when actor or action is blank
     */
    public synchronized Entry append(String actor, String action, Outcome outcome, String result) {
        Entry e = new Entry(entries.size() + 1L, clock.nanos(), actor, action, outcome, result);
        entries.add(e);
        return e;
    }

    /** @return every entry so far, oldest first (a copy) */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * @param sequence a sequence number already handed out, or 0
     * @return the entries after {@code sequence}, oldest first (a copy)
     */
    public synchronized List<Entry> since(long sequence) {
        int from = (int) Math.max(0, Math.min(sequence, entries.size()));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    /** @return number of entries */
    public synchronized int size() {
        return entries.size();
    }

    private static void requireText(String s, String field) {
        Objects.requireNonNull(s, "audit entry: " + field);
        if (s.isBlank()) {
            throw new IllegalArgumentException("audit entry: " + field + " is blank; say who or what");
        }
    }
}
