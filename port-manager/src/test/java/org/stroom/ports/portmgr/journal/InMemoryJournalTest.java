package org.stroom.ports.portmgr.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InMemoryJournalTest extends JournalContract {
    @Override
    protected Journal newJournal() {
        return new InMemoryJournal();
    }

    @Override
    protected Journal reopen(Journal journal) {
        return journal;
    }

    @Override
    protected void corruptPayload(Journal journal, long index, String tag) {
        InMemoryJournal memory = (InMemoryJournal) journal;
        byte[] frame = memory.frame(index);
        frame[frame.length - 1] ^= 0x40;
        memory.overwrite(index, frame);
    }

    @Override
    protected void tearLength(Journal journal, long index, String tag) {
        InMemoryJournal memory = (InMemoryJournal) journal;
        byte[] frame = memory.frame(index);
        memory.overwrite(index, Arrays.copyOf(frame, frame.length - 3));
    }

    @Test
    void aHalfWrittenHeaderIsReportedAsTruncated() {
        InMemoryJournal journal = new InMemoryJournal();
        long good = journal.append(payload("good"));
        long half = journal.appendRaw(new byte[] {1, 7, 0});

        RecoveryReport report = journal.replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.lastGoodIndex()).isEqualTo(good);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.TRUNCATED_HEADER);
            assertThat(problem.index()).isEqualTo(half);
        });
    }

    @Test
    void anUnknownFormatByteIsReported() {
        InMemoryJournal journal = new InMemoryJournal();
        long index = journal.append(payload("future"));
        byte[] frame = journal.frame(index);
        frame[0] = 9;
        journal.overwrite(index, frame);

        RecoveryReport report = journal.replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.UNKNOWN_FORMAT);
            assertThat(problem.detail()).contains("format byte 9");
        });
    }

    @Test
    void damageInTheMiddleCountsTheEntriesAfterIt() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.append(payload("a"));
        long bad = journal.append(payload("b"));
        journal.append(payload("c"));
        journal.append(payload("d"));
        corruptPayload(journal, bad, "b");

        RecoveryReport report = journal.replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.entriesReplayed()).isEqualTo(1);
        assertThat(report.problem())
                .hasValueSatisfying(p -> assertThat(p.entriesAfter()).isEqualTo(2));
        assertThat(report.toString()).contains("CRC_MISMATCH at index 1").contains("2 later entries not replayed");
    }

    @Test
    void anInjectedAppendFailureIsThrownOnce() {
        InMemoryJournal journal = new InMemoryJournal();
        journal.failNextAppend(new IllegalStateException("disk full"));
        assertThatThrownBy(() -> journal.append(payload("x"))).hasMessage("disk full");
        assertThat(journal.append(payload("y"))).isZero();
    }

    @Test
    void disabledJournalCountsAppendsAndReplaysNothing() {
        Journal off = Journal.disabled();
        assertThat(off.isEnabled()).isFalse();
        assertThat(off.append(payload("x"))).isZero();
        assertThat(off.append(payload("y"))).isEqualTo(1);
        assertThat(off.lastIndex()).isEqualTo(1);
        assertThat(off.replay(Journal.NO_INDEX, (i, p) -> {
                            throw new AssertionError();
                        })
                        .entriesReplayed())
                .isZero();
    }
}
