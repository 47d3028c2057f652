package org.stroom.ports.portmgr.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link Journal} must show; subclasses supply the journal and a way to damage its last entry. */
abstract class JournalContract {
    private final List<Journal> opened = new ArrayList<>();

    /** @return a new, empty journal */
    protected abstract Journal newJournal();

    /** @return the same journal after a restart (may be the same object for an in-memory journal) */
    protected abstract Journal reopen(Journal journal);

    /** Flips one payload byte of the entry whose payload contains {@code tag}. */
    protected abstract void corruptPayload(Journal journal, long index, String tag);

    /** Makes the header of the entry whose payload contains {@code tag} claim more bytes than are stored. */
    protected abstract void tearLength(Journal journal, long index, String tag);

    @AfterEach
    void closeAll() {
        opened.forEach(Journal::close);
    }

    protected Journal track(Journal journal) {
        opened.add(journal);
        return journal;
    }

    static ByteBuffer payload(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> replayTexts(Journal journal, long afterIndex, List<Long> indexes) {
        List<String> texts = new ArrayList<>();
        journal.replay(afterIndex, (index, payload) -> {
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            texts.add(new String(bytes, StandardCharsets.UTF_8));
            indexes.add(index);
        });
        return texts;
    }

    @Test
    void replaysAppendedEntriesInOrderWithIncreasingIndexes() {
        Journal journal = track(newJournal());
        long a = journal.append(payload("alpha"));
        long b = journal.append(payload("bravo"));
        long c = journal.append(payload("charlie"));
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(journal.lastIndex()).isEqualTo(c);

        Journal restarted = reopen(journal);
        List<Long> indexes = new ArrayList<>();
        assertThat(replayTexts(restarted, Journal.NO_INDEX, indexes)).containsExactly("alpha", "bravo", "charlie");
        assertThat(indexes).containsExactly(a, b, c);
        assertThat(restarted.lastIndex()).isEqualTo(c);
    }

    @Test
    void appendAllGivesEachEntryAnIncreasingIndexAndReplaysThemInOrderWithTheSingleAppends() {
        Journal journal = track(newJournal());
        long before = journal.append(payload("before"));
        ByteBuffer[] batch = {payload("b0"), payload("b1"), payload("b2")};
        long[] indexes = new long[3];
        journal.appendAll(batch, 3, indexes);
        long after = journal.append(payload("after"));

        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        assertThat(indexes[0]).isGreaterThan(before);
        assertThat(after).isGreaterThan(indexes[2]);
        assertThat(batch[1].position()).isZero();
        assertThat(batch[1].remaining()).isEqualTo(2);
        Journal restarted = reopen(journal);
        List<Long> replayed = new ArrayList<>();
        assertThat(replayTexts(restarted, Journal.NO_INDEX, replayed))
                .containsExactly("before", "b0", "b1", "b2", "after");
        assertThat(replayed).containsExactly(before, indexes[0], indexes[1], indexes[2], after);
        assertThat(replayTexts(restarted, indexes[0], new ArrayList<>())).containsExactly("b1", "b2", "after");
        assertThat(restarted.lastIndex()).isEqualTo(after);
    }

    @Test
    void appendLeavesThePayloadBufferUnchanged() {
        Journal journal = track(newJournal());
        ByteBuffer payload = ByteBuffer.allocate(16).put(payload("0123456789")).flip();
        journal.append(payload);
        assertThat(payload.position()).isZero();
        assertThat(payload.limit()).isEqualTo(10);
    }

    @Test
    void replayAfterAnIndexSkipsTheEntriesUpToIt() {
        Journal journal = track(newJournal());
        journal.append(payload("one"));
        long two = journal.append(payload("two"));
        journal.append(payload("three"));

        Journal restarted = reopen(journal);
        RecoveryReport report = restarted.replay(two, (i, p) -> {});
        List<Long> indexes = new ArrayList<>();
        assertThat(replayTexts(restarted, two, indexes)).containsExactly("three");
        assertThat(report.entriesReplayed()).isEqualTo(1);
    }

    @Test
    void emptyJournalReplaysNothingCleanly() {
        Journal journal = track(newJournal());
        RecoveryReport report = journal.replay(Journal.NO_INDEX, (i, p) -> {
            throw new AssertionError("no entry expected");
        });
        assertThat(report.isClean()).isTrue();
        assertThat(report.entriesReplayed()).isZero();
        assertThat(report.lastGoodIndex()).isEqualTo(Journal.NO_INDEX);
        assertThat(journal.lastIndex()).isEqualTo(Journal.NO_INDEX);
    }

    @Test
    void detectsACorruptTailReportsItAndStopsAtTheLastWholeEntry() {
        Journal journal = track(newJournal());
        journal.append(payload("first-entry"));
        long good = journal.append(payload("second-entry"));
        long bad = journal.append(payload("TAILTAG-third-entry"));
        corruptPayload(journal, bad, "TAILTAG");

        Journal restarted = reopen(journal);
        List<Long> indexes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        RecoveryReport report = restarted.replay(Journal.NO_INDEX, (index, p) -> {
            texts.add(StandardCharsets.UTF_8.decode(p).toString());
            indexes.add(index);
        });

        assertThat(texts).containsExactly("first-entry", "second-entry");
        assertThat(report.entriesReplayed()).isEqualTo(2);
        assertThat(report.lastGoodIndex()).isEqualTo(good);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.CRC_MISMATCH);
            assertThat(problem.index()).isEqualTo(bad);
            assertThat(problem.entriesAfter()).isZero();
        });
    }

    @Test
    void detectsATornEntryWhoseHeaderClaimsMoreBytesThanStored() {
        Journal journal = track(newJournal());
        long good = journal.append(payload("whole"));
        long torn = journal.append(payload("TORNTAG-torn-entry"));
        tearLength(journal, torn, "TORNTAG");

        RecoveryReport report = reopen(journal).replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.lastGoodIndex()).isEqualTo(good);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.LENGTH_MISMATCH);
            assertThat(problem.index()).isEqualTo(torn);
            assertThat(problem.detail()).contains("payload bytes");
        });
    }

    @Test
    void appendingContinuesAfterSealedDamageAndLaterReplaysSkipTheDamagedEntry() {
        Journal journal = track(newJournal());
        journal.append(payload("kept"));
        long bad = journal.append(payload("SEALTAG-damaged"));
        corruptPayload(journal, bad, "SEALTAG");
        Journal restarted = reopen(journal);
        RecoveryReport first = restarted.replay(Journal.NO_INDEX, (i, p) -> {});
        restarted.sealDamage(first);

        long after = restarted.append(payload("after-recovery"));
        assertThat(after).isGreaterThan(bad);

        Journal again = reopen(restarted);
        List<Long> indexes = new ArrayList<>();
        List<String> texts = replayTexts(again, Journal.NO_INDEX, indexes);
        RecoveryReport second = again.replay(Journal.NO_INDEX, (i, p) -> {});
        assertThat(texts).containsExactly("kept", "after-recovery");
        assertThat(second.isClean()).isTrue();
        assertThat(second.voidedEntries()).isEqualTo(1);
        assertThat(second.lastGoodIndex()).isEqualTo(after);
    }

    @Test
    void anEntryTheHandlerCannotDecodeIsReportedAsUndecodable() {
        Journal journal = track(newJournal());
        long good = journal.append(payload("ok"));
        long odd = journal.append(payload("not-decodable"));
        journal.append(payload("ok-but-after"));

        RecoveryReport report = journal.replay(Journal.NO_INDEX, (index, p) -> {
            if (index == odd) {
                throw new UndecodableEntryException("version 9 unknown", null);
            }
        });

        assertThat(report.lastGoodIndex()).isEqualTo(good);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.UNDECODABLE);
            assertThat(problem.detail()).isEqualTo("version 9 unknown");
            assertThat(problem.entriesAfter()).isEqualTo(1);
        });
    }

    @Test
    void otherHandlerExceptionsPropagateOutOfReplay() {
        Journal journal = track(newJournal());
        journal.append(payload("x"));
        assertThatThrownBy(() -> journal.replay(Journal.NO_INDEX, (i, p) -> {
                    throw new IllegalStateException("state machine bug");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("state machine bug");
    }
}
