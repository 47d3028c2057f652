package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.SpanLocation;

/**
 * Components assumed to have failed in a what-if rehearsal: any combination of machines, boards and spans.
 *
 * @param machines names of failed machines (copied)
 * @param boards failed boards (copied)
 * @param spans failed spans, by location (copied)
 *     <p>Thread-safety: immutable.
 */
public record FailureSet(Set<String> machines, Set<BoardId> boards, Set<SpanLocation> spans) {
    private static final FailureSet NONE = new FailureSet(Set.of(), Set.of(), Set.of());

    /** Copies the sets; they must not hold null. */
    public FailureSet {
        machines = Set.copyOf(Objects.requireNonNull(machines, "failure set: machines"));
        boards = Set.copyOf(Objects.requireNonNull(boards, "failure set: boards"));
        spans = Set.copyOf(Objects.requireNonNull(spans, "failure set: spans"));
    }

    /** @return the empty set: nothing failed */
    public static FailureSet none() {
        return NONE;
    }

    /** @return a set where only {@code machine} failed */
    public static FailureSet machine(String machine) {
        return new FailureSet(Set.of(machine), Set.of(), Set.of());
    }

    /** @return a set where only {@code board} failed */
    public static FailureSet board(BoardId board) {
        return new FailureSet(Set.of(), Set.of(board), Set.of());
    }

    /** @return a set where only the span at {@code span} failed */
    public static FailureSet span(SpanLocation span) {
        return new FailureSet(Set.of(), Set.of(), Set.of(span));
    }

    /**
     * Every single failure of a system, in order: each machine, then each board, then each span.
     *
     * @param system the system
     * @return one failure set per component
     */
    public static List<FailureSet> singles(InventorySystem system) {
        List<FailureSet> out = new ArrayList<>();
        for (InventoryMachine m : system.machines()) {
            out.add(machine(m.name()));
        }
        for (InventoryBoard b : system.boards()) {
            out.add(board(b.id()));
        }
        for (InventorySpan s : system.spans()) {
            out.add(span(s.location()));
        }
        return out;
    }

    /** @return the union of this set and {@code other} */
    public FailureSet plus(FailureSet other) {
        return new FailureSet(union(machines, other.machines), union(boards, other.boards), union(spans, other.spans));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** @return whether nothing failed */
    public boolean isEmpty() {
        return machines.isEmpty() && boards.isEmpty() && spans.isEmpty();
    }

    /** @return whether the span at {@code location} is out, directly or through its board or machine */
    public boolean hits(SpanLocation location) {
        return spans.contains(location)
                || machines.contains(location.machine())
                || boards.contains(new BoardId(location.machine(), location.board()));
    }

    /** @return a short, sorted description, e.g. {@code "machine Node1, span Server/b0/s2"} or {@code "none"} */
    public String describe() {
        if (isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeSet<>(machines).forEach(m -> parts.add("machine " + m));
        new TreeSet<>(boards).forEach(b -> parts.add("board " + b));
        new TreeSet<>(spans).forEach(s -> parts.add("span " + s));
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return describe();
    }
}
