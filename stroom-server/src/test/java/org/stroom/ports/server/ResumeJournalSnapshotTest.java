package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.InputCodec;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.SnapshotExtra;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.t1.SpanLocation;

/** The Node marks in the port manager's snapshots: exact as of the snapshot's index, restored at recovery. */
@Timeout(30)
class ResumeJournalSnapshotTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String NODE1 = Fixtures.node(1);
    static final String NODE2 = Fixtures.node(2);

    @TempDir
    Path dir;

    private final InputCodec codec = new InputCodec();

    private static ChannelId channel(String node) {
        return new ChannelId(new SpanLocation(node, 0, 1), 3);
    }

    /** Appends a marked entry as the core's journal stage would, returning its index. */
    private long appendMarked(ResumeJournal j, String node, long call, long sequence) {
        Input in = new Input.CallActive(0, channel(node), call, true);
        j.expect(node, in, new NodeMark(node, "J-" + node, sequence));
        return j.append(ByteBuffer.wrap(codec.encode(in)));
    }

    private long appendUnmarked(ResumeJournal j) {
        return j.append(ByteBuffer.wrap(codec.encode(new Input.Tick(0))));
    }

    @Test
    void marksAtAnIndexIgnoreEntriesAppendedAfterIt() {
        ResumeJournal j = new ResumeJournal(new InMemoryJournal());
        appendMarked(j, NODE1, 1, 1); // 0
        appendMarked(j, NODE2, 2, 1); // 1
        appendUnmarked(j); // 2
        long snapshotIndex = appendMarked(j, NODE1, 3, 2); // 3: the writer has applied up to here
        // the journal stage has already appended the rest of the ring batch
        appendMarked(j, NODE1, 4, 3); // 4
        appendMarked(j, NODE2, 5, 2); // 5
        appendMarked(j, NODE1, 6, 4); // 6

        assertThat(snapshotIndex).isEqualTo(3);
        assertThat(j.marksAt(snapshotIndex))
                .containsExactly(
                        Map.entry(NODE1, new NodeMark(NODE1, "J-" + NODE1, 2)),
                        Map.entry(NODE2, new NodeMark(NODE2, "J-" + NODE2, 1)));
        assertThat(j.marksAt(0)).containsOnlyKeys(NODE1);
        assertThat(j.marksAt(6).get(NODE1).sequence()).isEqualTo(4);
        assertThat(j.journaled(NODE1)).get().extracting(NodeMark::sequence).isEqualTo(4L);
    }

    @Test
    void theSnapshotExtraHoldsTheMarksAtItsIndexAndRestoresThemIntoAFreshJournal() {
        ResumeJournal j = new ResumeJournal(new InMemoryJournal());
        for (int i = 1; i <= 5; i++) {
            appendMarked(j, NODE1, i, i);
            appendMarked(j, NODE2, 100 + i, 10 + i);
        }
        // entries 0..9; the snapshot covers 5 (NODE1 seq 3 at index 4, NODE2 seq 13 at index 5)
        byte[] bytes = j.snapshotExtra().write(5);

        ResumeJournal fresh = new ResumeJournal(new InMemoryJournal());
        fresh.snapshotExtra().read(ByteBuffer.wrap(bytes), 5);

        assertThat(fresh.journaled())
                .containsOnly(
                        Map.entry(NODE1, new NodeMark(NODE1, "J-" + NODE1, 3)),
                        Map.entry(NODE2, new NodeMark(NODE2, "J-" + NODE2, 13)));
        assertThat(fresh.marksAt(5)).isEqualTo(j.marksAt(5));
    }

    @Test
    void aSnapshotPrunesWhatNoLaterSnapshotNeedsAndRefusesToAnswerBeforeIt() {
        ResumeJournal j = new ResumeJournal(new InMemoryJournal());
        for (int i = 1; i <= 10; i++) {
            appendMarked(j, NODE1, i, i);
        }
        j.snapshotExtra().write(6);

        assertThat(j.marksAt(6).get(NODE1).sequence()).isEqualTo(7);
        assertThat(j.marksAt(9).get(NODE1).sequence()).isEqualTo(10);
        assertThatThrownBy(() -> j.marksAt(5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("journal index 5 are no longer known");
    }

    @Test
    void marksMoreThanKeepBehindEntriesOldAreForgottenButTheLastOneOfANodeStays() {
        ResumeJournal j = new ResumeJournal(new InMemoryJournal(), 8);
        appendMarked(j, NODE2, 1, 1); // 0: NODE2's only mark
        for (int i = 1; i <= 40; i++) {
            appendMarked(j, NODE1, i + 1, i);
        }
        // newest index 40, so indexes from 32 on are exact
        assertThat(j.marksAt(33))
                .containsExactly(
                        Map.entry(NODE1, new NodeMark(NODE1, "J-" + NODE1, 33)),
                        Map.entry(NODE2, new NodeMark(NODE2, "J-" + NODE2, 1)));
        assertThatThrownBy(() -> j.marksAt(20)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void snapshotBytesWithoutMarksOrForAnotherIndexAreRefused() {
        SnapshotExtra extra = new ResumeJournal(new InMemoryJournal()).snapshotExtra();
        byte[] at7 = ResumeJournal.encodeMarks(7, Map.of(NODE1, new NodeMark(NODE1, "J", 2)));

        assertThatThrownBy(() -> extra.read(ByteBuffer.allocate(0), 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds no Node resume points");
        assertThatThrownBy(() -> extra.read(ByteBuffer.wrap(at7), 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("as of journal index 7");
        byte[] damaged = java.util.Arrays.copyOf(at7, at7.length - 3);
        assertThatThrownBy(() -> extra.read(ByteBuffer.wrap(damaged), 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
    }

    private PortManager open(Journal j, ResumeJournal marks, boolean withMarks) {
        PortManager.Builder b = PortManager.builder()
                .machine(Fixtures.SERVER)
                .journal(j)
                .snapshots(dir.resolve("snapshots"), 2, 0)
                .inventory(Fixtures.smallSystemInputs());
        if (withMarks) {
            b.snapshotExtra(marks.snapshotExtra());
        }
        return b.open();
    }

    private static void submit(PortManager pm, ResumeJournal j, String node, long call, long sequence) {
        Input in = new Input.CallActive(0, channel(node), call, true);
        j.expect(node, in, new NodeMark(node, "J-" + node, sequence));
        pm.submitSync(in, WAIT);
    }

    @Test
    void aRestartedPortManagerSeedsTheMarksFromItsSnapshotAndTheTailUpdatesThem() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        long snapshotIndex;
        try (PortManager pm = open(j, j, true)) {
            submit(pm, j, NODE1, 1, 5);
            submit(pm, j, NODE2, 2, 8);
            pm.snapshot().join();
            snapshotIndex = store.lastIndex();
            submit(pm, j, NODE1, 3, 6);
        }

        ResumeJournal reopened = new ResumeJournal(store);
        try (PortManager pm = open(reopened, reopened, true)) {
            assertThat(pm.recoveryReport().snapshotIndex()).isEqualTo(snapshotIndex);
            assertThat(pm.recoveryReport().entriesReplayed()).isEqualTo(1);
        }
        assertThat(reopened.journaled())
                .containsOnly(
                        Map.entry(NODE1, new NodeMark(NODE1, "J-" + NODE1, 6)),
                        Map.entry(NODE2, new NodeMark(NODE2, "J-" + NODE2, 8)));
    }

    @Test
    void aSnapshotWithoutMarksIsSkippedAndTheWholeJournalGivesThemBack() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        try (PortManager pm = open(j, j, false)) {
            submit(pm, j, NODE2, 2, 8);
            pm.snapshot().join();
            submit(pm, j, NODE1, 3, 6);
        }

        ResumeJournal reopened = new ResumeJournal(store);
        try (PortManager pm = open(reopened, reopened, true)) {
            assertThat(pm.recoveryReport().snapshotIndex()).isEqualTo(Journal.NO_INDEX);
            assertThat(pm.recoveryReport().rejectedSnapshots())
                    .singleElement()
                    .asString()
                    .contains("no Node resume points");
        }
        assertThat(reopened.journaled()).containsOnlyKeys(NODE1, NODE2);
        assertThat(reopened.journaled(NODE2))
                .get()
                .extracting(NodeMark::sequence)
                .isEqualTo(8L);
    }
}
