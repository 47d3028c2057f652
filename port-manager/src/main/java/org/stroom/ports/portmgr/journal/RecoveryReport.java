package org.stroom.ports.portmgr.journal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recovery did: which snapshot it started from, how many journal entries it replayed, where it
 * stopped and why.
 *
 * @param snapshotIndex journal index covered by the snapshot recovery started from, or {@link Journal#NO_INDEX}
 *     if it started from the initial state
 * @param rejectedSnapshots one line per snapshot file that was skipped because it is invalid (file and
 *     reason), newest first; never null
 * @param entriesReplayed number of input entries applied after the snapshot
 * @param lastGoodIndex index of the last whole entry replayed, or {@code snapshotIndex} if none was; the
 *     state recovered is exactly the state after this entry
 * @param voidedEntries entries skipped because an earlier recovery sealed them as damaged
 * @param problem the first damaged entry found, if any; replay stopped there
 *     <p>Thread-safety: immutable.
 */
public record RecoveryReport(
        long snapshotIndex,
        List<String> rejectedSnapshots,
        long entriesReplayed,
        long lastGoodIndex,
        long voidedEntries,
        Optional<JournalProblem> problem) {

    /** Validates and copies the fields. */
    public RecoveryReport {
        rejectedSnapshots = List.copyOf(Objects.requireNonNull(rejectedSnapshots, "rejectedSnapshots"));
        Objects.requireNonNull(problem, "problem");
        if (entriesReplayed < 0 || voidedEntries < 0) {
            throw new IllegalArgumentException("RecoveryReport counts must be >= 0, were entriesReplayed = "
                    + entriesReplayed + ", voidedEntries = " + voidedEntries);
        }
    }

    /**
     * A report of a replay that found no damage.
     *
     * @param entriesReplayed entries applied
     * @param lastGoodIndex index of the last one, or the index replay started after
     * @return the report, with no snapshot
     */
    public static RecoveryReport clean(long entriesReplayed, long lastGoodIndex) {
        return new RecoveryReport(Journal.NO_INDEX, List.of(), entriesReplayed, lastGoodIndex, 0, Optional.empty());
    }

    /**
     * @param index journal index the snapshot covers
     * @param rejected invalid snapshot files skipped on the way to it
     * @return a copy of this report that names the snapshot recovery started from
     */
    public RecoveryReport withSnapshot(long index, List<String> rejected) {
        return new RecoveryReport(index, rejected, entriesReplayed, lastGoodIndex, voidedEntries, problem);
    }

    /** @return true if replay found no damaged entry */
    public boolean isClean() {
        return problem.isEmpty();
    }

    @Override
    public String toString() {
        return "recovered from "
                + (snapshotIndex == Journal.NO_INDEX ? "the initial state" : "snapshot at index " + snapshotIndex)
                + (rejectedSnapshots.isEmpty() ? "" : " (rejected " + rejectedSnapshots + ")")
                + ", replayed " + entriesReplayed + " entries up to index " + lastGoodIndex
                + (voidedEntries == 0 ? "" : ", skipped " + voidedEntries + " entries sealed as damaged earlier")
                + problem.map(p -> "; stopped at " + p).orElse("; journal intact");
    }
}
