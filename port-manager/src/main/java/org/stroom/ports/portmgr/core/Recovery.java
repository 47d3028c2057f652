package org.stroom.ports.portmgr.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.journal.EntryHandler;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.Snapshot;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.portmgr.journal.UndecodableEntryException;

/**
 * Rebuilds a state machine after a restart: the newest valid snapshot (or the initial state), then every
 * whole journal entry after it, applied in order. The result is exactly the state after the last whole entry.
 *
 * <p>A damaged journal tail is reported in the {@link RecoveryReport}, logged, and sealed (see
 * {@link Journal#sealDamage}) so that the journal can be appended to again. A snapshot that fails its CRC or
 * cannot be decoded (its state, or its {@link SnapshotExtra} bytes when one is given) is skipped in favour of an
 * older one. An exception from the state machine during replay
 * propagates: it is the same bug that stopped the core, and needs a fix before the state can be rebuilt.
 *
 * <p>Thread-safety: stateless; each call runs on the calling thread and must finish before a core appends to
 * the journal.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {}

    /**
     * Recovers from snapshots and the journal.
     *
     * @param journal the journal to replay (and seal if damaged)
     * @param codec decodes its entries
     * @param initial makes the initial state when no snapshot is usable
     * @param snapshots the snapshot store, or null to replay the whole journal
     * @param snapshotter decodes snapshots; may be null only if {@code snapshots} is null
     * @param <I> input type
     * @param <S> state machine type
     * @return the recovered state and the report
     */
    public static <I, S extends StateMachine<I, ?>> Recovered<S> recover(
            Journal journal, Codec<I> codec, Supplier<S> initial, SnapshotStore snapshots, Snapshotter<S> snapshotter) {
        return recover(journal, codec, initial, state -> state, snapshots, snapshotter);
    }

    /**
     * Recovers a state whose type is not itself a {@link StateMachine}, through an adapter.
     *
     * @param journal the journal to replay (and seal if damaged)
     * @param codec decodes its entries
     * @param initial makes the initial state when no snapshot is usable
     * @param machine the state machine that applies inputs to a given state, e.g. {@code s -> s::apply}
     * @param snapshots the snapshot store, or null to replay the whole journal
     * @param snapshotter decodes snapshots; may be null only if {@code snapshots} is null
     * @param <I> input type
     * @param <S> state type
     * @return the recovered state and the report
     */
    public static <I, S> Recovered<S> recover(
            Journal journal,
            Codec<I> codec,
            Supplier<S> initial,
            Function<? super S, ? extends StateMachine<I, ?>> machine,
            SnapshotStore snapshots,
            Snapshotter<S> snapshotter) {
        return recover(journal, codec, initial, machine, snapshots, snapshotter, null);
    }

    /**
     * Recovers a state and the {@link SnapshotExtra} stored with it: the extra is given the bytes of the snapshot
     * recovery starts from (empty if that snapshot was written without an extra) before the entries after it
     * are replayed. It is not called when no snapshot is usable and the whole journal is replayed.
     *
     * @param journal the journal to replay (and seal if damaged)
     * @param codec decodes its entries
     * @param initial makes the initial state when no snapshot is usable
     * @param machine the state machine that applies inputs to a given state, e.g. {@code s -> s::apply}
     * @param snapshots the snapshot store, or null to replay the whole journal
     * @param snapshotter decodes snapshots; may be null only if {@code snapshots} is null
     * @param extra restores the extra state of the snapshot used; null for none (an extra in a snapshot is
     *     then ignored)
     * @param <I> input type
     * @param <S> state type
     * @return the recovered state and the report
     */
    public static <I, S> Recovered<S> recover(
            Journal journal,
            Codec<I> codec,
            Supplier<S> initial,
            Function<? super S, ? extends StateMachine<I, ?>> machine,
            SnapshotStore snapshots,
            Snapshotter<S> snapshotter,
            SnapshotExtra extra) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(initial, "initial");
        if (snapshots != null) {
            Objects.requireNonNull(snapshotter, "snapshotter (required with a snapshot store)");
        }
        List<String> rejected = new ArrayList<>();
        S state = null;
        long snapshotIndex = Journal.NO_INDEX;
        if (snapshots != null) {
            for (Path file : snapshots.files()) {
                try {
                    Snapshot snapshot = snapshots.read(file);
                    SnapshotEnvelope.Parts parts = SnapshotEnvelope.unwrap(snapshot.payload());
                    S read = Objects.requireNonNull(snapshotter.read(parts.state()), "Snapshotter.read returned null");
                    if (extra != null) {
                        extra.read(parts.extra(), snapshot.journalIndex());
                    }
                    state = read;
                    snapshotIndex = snapshot.journalIndex();
                    break;
                } catch (RuntimeException e) {
                    String reason = file.getFileName() + ": " + e.getMessage();
                    LOG.warn("recovery: snapshot rejected: {}", reason);
                    rejected.add(reason);
                }
            }
        }
        if (state == null) {
            state = Objects.requireNonNull(initial.get(), "initial state supplier returned null");
        }
        OptionalLong first = journal.firstIndex();
        if (first.isPresent() && first.getAsLong() > snapshotIndex + 1) {
            throw new IllegalStateException("recovery: the journal's first stored entry is " + first.getAsLong()
                    + ", but the state needs the entries from " + (snapshotIndex + 1)
                    + (snapshotIndex == Journal.NO_INDEX
                            ? " (no usable snapshot" + (rejected.isEmpty() ? "" : "; rejected: " + rejected) + ")"
                            : " (snapshot at index " + snapshotIndex + ")")
                    + ". The entries in between were deleted by journal retention once a snapshot covered them;"
                    + " rebuilding without them would give a wrong state. Restore the snapshots, or start with a new"
                    + " journal directory");
        }
        RecoveryReport report = journal.replay(snapshotIndex, applier(codec, machine.apply(state)))
                .withSnapshot(snapshotIndex, rejected);
        if (report.isClean()) {
            LOG.info("recovery: {}", report);
        } else {
            LOG.error("recovery: {}", report);
            journal.sealDamage(report);
        }
        return new Recovered<>(state, report);
    }

    /**
     * Replays the whole journal into a fresh state, ignoring snapshots; for checks that snapshot plus tail
     * equals a full replay. Does not seal damage.
     *
     * @param journal the journal
     * @param codec decodes its entries
     * @param initial makes the initial state
     * @param <I> input type
     * @param <S> state machine type
     * @return the state and the report
     */
    public static <I, S extends StateMachine<I, ?>> Recovered<S> replayAll(
            Journal journal, Codec<I> codec, Supplier<S> initial) {
        return replayAll(journal, codec, initial, state -> state);
    }

    /**
     * Replays the whole journal into a fresh state whose type is not itself a {@link StateMachine}.
     *
     * @param journal the journal
     * @param codec decodes its entries
     * @param initial makes the initial state
     * @param machine the state machine that applies inputs to a given state
     * @param <I> input type
     * @param <S> state type
     * @return the state and the report
     */
    public static <I, S> Recovered<S> replayAll(
            Journal journal,
            Codec<I> codec,
            Supplier<S> initial,
            Function<? super S, ? extends StateMachine<I, ?>> machine) {
        S state = Objects.requireNonNull(initial.get(), "initial state supplier returned null");
        return new Recovered<>(state, journal.replay(Journal.NO_INDEX, applier(codec, machine.apply(state))));
    }

    private static <I> EntryHandler applier(Codec<I> codec, StateMachine<I, ?> state) {
        return (index, payload) -> {
            I input;
            try {
                input = codec.decode(payload);
            } catch (RuntimeException e) {
                throw new UndecodableEntryException("codec cannot decode entry " + index + ": " + e, e);
            }
            state.apply(input, codec.atNanos(input));
        };
    }
}
