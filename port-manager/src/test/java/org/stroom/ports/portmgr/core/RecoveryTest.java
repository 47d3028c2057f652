package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.JournalProblem;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.SnapshotStore;

@Timeout(60)
class RecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final LedgerCodec CODEC = new LedgerCodec();
    private static final LedgerSnapshotter SNAPSHOTTER = new LedgerSnapshotter();

    @TempDir
    Path dir;

    private final AtomicLong ticks = new AtomicLong();

    private EventCore<LedgerInput, Long> core(Ledger ledger, Journal journal, SnapshotStore store, long initialIndex) {
        EventCore.Builder<LedgerInput, Long> builder = EventCore.builder((StateMachine<LedgerInput, Long>) ledger)
                .name("recovery-test")
                .journal(journal, CODEC)
                .clock(() -> ticks.addAndGet(1_000))
                .initialIndex(initialIndex)
                .overloadedResult(input -> -1L);
        if (store != null) {
            builder.snapshots(store, SNAPSHOTTER, ledger, 0);
        }
        return builder.start();
    }

    private static void deposit(EventCore<LedgerInput, Long> core, long fromId, int count) {
        for (long id = fromId; id < fromId + count; id++) {
            core.submit(LedgerInput.deposit(id, id % 7 + 1));
        }
    }

    @Test
    void aRestartFromSnapshotAndChronicleJournalRebuildsExactlyTheStateBeforeIt() {
        Ledger live = new Ledger();
        SnapshotStore store = SnapshotStore.open(dir.resolve("snapshots"), 2);
        long snapshotIndex;
        try (ChronicleJournal journal = ChronicleJournal.open(dir.resolve("journal"))) {
            EventCore<LedgerInput, Long> core = core(live, journal, store, Journal.NO_INDEX);
            deposit(core, 0, 500);
            core.snapshot().join();
            snapshotIndex =
                    store.latest(new java.util.ArrayList<>()).orElseThrow().journalIndex();
            deposit(core, 500, 300);
            core.submitSync(LedgerInput.deposit(800, 1), WAIT);
            core.close();
        }

        try (ChronicleJournal journal = ChronicleJournal.open(dir.resolve("journal"))) {
            Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, store, SNAPSHOTTER);

            assertThat(recovered.state()).isEqualTo(live);
            RecoveryReport report = recovered.report();
            assertThat(report.isClean()).isTrue();
            assertThat(report.snapshotIndex()).isEqualTo(snapshotIndex);
            assertThat(report.entriesReplayed()).isEqualTo(301);
            assertThat(report.lastGoodIndex()).isEqualTo(journal.lastIndex());
            assertThat(Recovery.replayAll(journal, CODEC, Ledger::new).state())
                    .as("snapshot + tail equals a full replay")
                    .isEqualTo(live);
        }
    }

    @Test
    void aRecoveredCoreContinuesAndASecondRestartStillMatches() {
        InMemoryJournal journal = new InMemoryJournal();
        Ledger first = new Ledger();
        EventCore<LedgerInput, Long> core = core(first, journal, null, Journal.NO_INDEX);
        deposit(core, 0, 100);
        core.close();

        Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, null, null);
        assertThat(recovered.state()).isEqualTo(first);
        EventCore<LedgerInput, Long> second =
                core(recovered.state(), journal, null, recovered.report().lastGoodIndex());
        deposit(second, 100, 50);
        assertThat(second.metrics().lastAppliedIndex()).isGreaterThanOrEqualTo(99);
        second.close();

        Ledger again = Recovery.recover(journal, CODEC, Ledger::new, null, null).state();
        assertThat(again).isEqualTo(recovered.state());
        assertThat(again.count).isEqualTo(150);
    }

    @Test
    void aTornTailIsReportedRecoveryStopsAtTheLastWholeEntryAndAppendingContinuesAfterIt() {
        InMemoryJournal journal = new InMemoryJournal();
        Ledger live = new Ledger();
        EventCore<LedgerInput, Long> core = core(live, journal, null, Journal.NO_INDEX);
        deposit(core, 0, 10);
        core.close();
        byte[] whole = journal.frame(9);
        long torn = journal.appendRaw(java.util.Arrays.copyOf(whole, whole.length - 5));

        Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, null, null);

        assertThat(recovered.state()).isEqualTo(live);
        assertThat(recovered.report().lastGoodIndex()).isEqualTo(9);
        assertThat(recovered.report().problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.LENGTH_MISMATCH);
            assertThat(problem.index()).isEqualTo(torn);
        });

        EventCore<LedgerInput, Long> next = core(recovered.state(), journal, null, 9);
        next.submitSync(LedgerInput.deposit(10, 1), WAIT);
        next.close();
        Recovered<Ledger> after = Recovery.recover(journal, CODEC, Ledger::new, null, null);
        assertThat(after.report().isClean()).isTrue();
        assertThat(after.report().voidedEntries()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(recovered.state());
        assertThat(after.state().count).isEqualTo(11);
    }

    @Test
    void anUndecodableEntryIsReportedWithTheCodecMessage() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append(ByteBuffer.wrap(new byte[] {9, 0, 0}));

        Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, null, null);

        assertThat(recovered.report().problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.UNDECODABLE);
            assertThat(problem.detail()).contains("codec cannot decode entry 0").contains("version 9");
        });
        assertThat(recovered.state().count).isZero();
    }

    @Test
    void aSnapshotTheSnapshotterRejectsIsSkippedForAnOlderOne() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("s"), 3);
        Ledger live = new Ledger();
        EventCore<LedgerInput, Long> core = core(live, journal, store, Journal.NO_INDEX);
        deposit(core, 0, 20);
        core.snapshot().join();
        deposit(core, 20, 20);
        core.close();
        store.write(39, ByteBuffer.wrap(new byte[] {42, 42}));

        Recovered<Ledger> recovered = Recovery.recover(journal, CODEC, Ledger::new, store, SNAPSHOTTER);

        assertThat(recovered.state()).isEqualTo(live);
        assertThat(recovered.report().snapshotIndex()).isEqualTo(19);
        assertThat(recovered.report().rejectedSnapshots())
                .singleElement()
                .asString()
                .contains("unknown version");
    }

    @Test
    void periodicSnapshotsAreWrittenAndReleaseTheJournal() {
        InMemoryJournal journal = new InMemoryJournal();
        SnapshotStore store = SnapshotStore.open(dir.resolve("p"), 2);
        Ledger live = new Ledger();
        EventCore<LedgerInput, Long> core = EventCore.builder((StateMachine<LedgerInput, Long>) live)
                .journal(journal, CODEC)
                .snapshots(store, SNAPSHOTTER, live, 100)
                .overloadedResult(input -> -1L)
                .start();
        deposit(core, 0, 1000);
        core.close();

        assertThat(store.files()).hasSize(2);
        assertThat(store.oldestIndex()).hasValue(899);
        assertThat(journal.releasedIndex()).isEqualTo(899);
        assertThat(Recovery.recover(journal, CODEC, Ledger::new, store, SNAPSHOTTER)
                        .state())
                .isEqualTo(live);
    }

    @Test
    void aStateMachineBugMetAgainInReplayPropagatesInsteadOfBeingReportedAsDamage() {
        InMemoryJournal journal = new InMemoryJournal();
        EventCore<LedgerInput, Long> core = core(new Ledger(), journal, null, Journal.NO_INDEX);
        core.submit(new LedgerInput(1, LedgerInput.POISON, 0));
        core.close();

        assertThatThrownBy(() -> Recovery.recover(journal, CODEC, Ledger::new, null, null))
                .hasMessage("poison input 1");
    }
}
