package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.SnapshotStore;

@Timeout(60)
class SnapshotExtraTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LedgerCodec CODEC = new LedgerCodec();
    private static final LedgerSnapshotter SNAPSHOTTER = new LedgerSnapshotter();

    @TempDir
    Path dir;

    private final AtomicLong ticks = new AtomicLong();

    /** Writes "at <index>" and records, on read, the bytes, the index and how many inputs were applied before. */
    private static final class RecordingExtra implements SnapshotExtra {
        final List<Long> writtenAt = new ArrayList<>();
        final AtomicLong applied;
        String readBytes;
        long readIndex = Long.MIN_VALUE;
        long appliedBeforeRead = -1;
        boolean failOnRead;

        RecordingExtra(AtomicLong applied) {
            this.applied = applied;
        }

        @Override
        public byte[] write(long journalIndex) {
            writtenAt.add(journalIndex);
            return ("at " + journalIndex).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void read(ByteBuffer in, long journalIndex) {
            if (failOnRead) {
                throw new IllegalArgumentException("RecordingExtra: told to refuse");
            }
            byte[] bytes = new byte[in.remaining()];
            in.get(bytes);
            readBytes = new String(bytes, StandardCharsets.UTF_8);
            readIndex = journalIndex;
            appliedBeforeRead = applied.get();
        }
    }

    private EventCore<LedgerInput, Long> core(Ledger ledger, Journal journal, SnapshotStore store, SnapshotExtra x) {
        return EventCore.builder((StateMachine<LedgerInput, Long>) ledger)
                .name("snapshot-extra-test")
                .journal(journal, CODEC)
                .clock(() -> ticks.addAndGet(1_000))
                .snapshots(store, SNAPSHOTTER, ledger, 0, x)
                .overloadedResult(input -> -1L)
                .start();
    }

    private static void deposit(EventCore<LedgerInput, Long> core, long fromId, int count) {
        for (long id = fromId; id < fromId + count; id++) {
            core.submitSync(LedgerInput.deposit(id, id % 7 + 1), WAIT);
        }
    }

    /** Deposits 20 inputs (indexes 0 to 19), takes a snapshot with {@code extra}, deposits 5 more, closes the core. */
    private void depositSnapshotAtIndex19AndFiveMore(
            Ledger ledger, Journal journal, SnapshotStore store, SnapshotExtra extra) {
        EventCore<LedgerInput, Long> core = core(ledger, journal, store, extra);
        deposit(core, 0, 20);
        core.snapshot().join();
        deposit(core, 20, 5);
        core.close();
    }

    private static Function<Ledger, StateMachine<LedgerInput, ?>> counting(AtomicLong applied) {
        return state -> (input, atNanos) -> {
            applied.incrementAndGet();
            return state.apply(input, atNanos);
        };
    }

    @Test
    void extraBytesAsOfTheSnapshotIndexComeBackBeforeTheTailIsReplayed() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("s"), 2);
        AtomicLong applied = new AtomicLong();
        RecordingExtra live = new RecordingExtra(applied);
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = core(ledger, journal, store, live);
        deposit(core, 0, 50);
        core.snapshot().join();
        deposit(core, 50, 30);
        core.close();
        assertThat(live.writtenAt).containsExactly(49L);

        RecordingExtra restored = new RecordingExtra(applied);
        Recovered<Ledger> recovered =
                Recovery.recover(journal, CODEC, Ledger::new, counting(applied), store, SNAPSHOTTER, restored);

        assertThat(recovered.state()).isEqualTo(ledger);
        assertThat(recovered.report().snapshotIndex()).isEqualTo(49);
        assertThat(recovered.report().entriesReplayed()).isEqualTo(30);
        assertThat(restored.readBytes).isEqualTo("at 49");
        assertThat(restored.readIndex).isEqualTo(49);
        assertThat(restored.appliedBeforeRead)
                .as("no tail entry applied before the extra")
                .isZero();
        assertThat(applied.get()).isEqualTo(30);
    }

    @Test
    void aSnapshotWrittenWithoutAnExtraLoadsAndGivesTheExtraNoBytes() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("s"), 2);
        Ledger ledger = new Ledger();
        depositSnapshotAtIndex19AndFiveMore(ledger, journal, store, null);

        RecordingExtra restored = new RecordingExtra(new AtomicLong());
        Recovered<Ledger> recovered =
                Recovery.recover(journal, CODEC, Ledger::new, state -> state, store, SNAPSHOTTER, restored);

        assertThat(recovered.state()).isEqualTo(ledger);
        assertThat(recovered.report().snapshotIndex()).isEqualTo(19);
        assertThat(recovered.report().rejectedSnapshots()).isEmpty();
        assertThat(restored.readBytes).isEmpty();
        assertThat(restored.readIndex).isEqualTo(19);
    }

    @Test
    void aSnapshotWithAnExtraLoadsIntoARecoveryThatHasNone() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("s"), 2);
        Ledger ledger = new Ledger();
        depositSnapshotAtIndex19AndFiveMore(ledger, journal, store, new RecordingExtra(new AtomicLong()));

        Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, store, SNAPSHOTTER);

        assertThat(recovered.state()).isEqualTo(ledger);
        assertThat(recovered.report().snapshotIndex()).isEqualTo(19);
        assertThat(recovered.report().entriesReplayed()).isEqualTo(5);
    }

    @Test
    void anExtraThatRefusesItsBytesRejectsTheSnapshotAndRecoveryReplaysTheWholeJournal() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("s"), 2);
        Ledger ledger = new Ledger();
        depositSnapshotAtIndex19AndFiveMore(ledger, journal, store, new RecordingExtra(new AtomicLong()));

        RecordingExtra refusing = new RecordingExtra(new AtomicLong());
        refusing.failOnRead = true;
        Recovered<Ledger> recovered =
                Recovery.recover(journal, CODEC, Ledger::new, state -> state, store, SNAPSHOTTER, refusing);

        assertThat(recovered.state()).isEqualTo(ledger);
        assertThat(recovered.report().snapshotIndex()).isEqualTo(Journal.NO_INDEX);
        assertThat(recovered.report().entriesReplayed()).isEqualTo(25);
        assertThat(recovered.report().rejectedSnapshots())
                .singleElement()
                .asString()
                .contains("told to refuse");
    }

    @Test
    void envelopeDetectionLeavesAPayloadThatOnlyStartsWithTheMagicAlone() {
        ByteBuffer legacy = ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        // state length 3, then an extra length (7) that does not match the 16 bytes there are
        legacy.putInt(SnapshotEnvelope.MAGIC).put(SnapshotEnvelope.VERSION).putInt(3);
        legacy.putInt(12, 7).clear();

        SnapshotEnvelope.Parts parts = SnapshotEnvelope.unwrap(legacy);

        assertThat(parts.state().remaining()).isEqualTo(16);
        assertThat(parts.extra().remaining()).isZero();
    }

    @Test
    void aPortManagerGivesItsExtraTheSnapshotIndexAndGetsTheBytesBackOnOpen() {
        InMemoryJournal journal = new InMemoryJournal();
        AtomicLong unused = new AtomicLong();
        RecordingExtra live = new RecordingExtra(unused);
        long snapshotIndex;
        try (PortManager pm = PortManager.builder()
                .machine(Fixtures.SERVER)
                .journal(journal)
                .snapshots(dir.resolve("pm"), 2, 0)
                .snapshotExtra(live)
                .inventory(Fixtures.smallSystemInputs())
                .open()) {
            pm.snapshot().join();
            snapshotIndex = journal.lastIndex();
            pm.submitSync(new Input.MachineHeartbeat(0, Fixtures.node(1)), WAIT);
        }
        assertThat(live.writtenAt).containsExactly(snapshotIndex);

        RecordingExtra restored = new RecordingExtra(unused);
        try (PortManager pm = PortManager.builder()
                .machine(Fixtures.SERVER)
                .journal(journal)
                .snapshots(dir.resolve("pm"), 2, 0)
                .snapshotExtra(restored)
                .open()) {
            assertThat(pm.recoveryReport().snapshotIndex()).isEqualTo(snapshotIndex);
            assertThat(pm.recoveryReport().entriesReplayed()).isEqualTo(1);
        }
        assertThat(restored.readBytes).isEqualTo("at " + snapshotIndex);
    }
}
