package org.stroom.ports.portmgr.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleJournalTest extends JournalContract {
    @TempDir
    Path dir;

    private int queues;

    @Override
    protected Journal newJournal() {
        return ChronicleJournal.open(dir.resolve("q" + queues++));
    }

    @Override
    protected Journal reopen(Journal journal) {
        journal.close();
        return track(ChronicleJournal.open(((ChronicleJournal) journal).dir()));
    }

    @Override
    protected void corruptPayload(Journal journal, long index, String tag) {
        // The tag starts the payload; flip a bit in its last byte.
        patch((ChronicleJournal) journal, tag, tag.length() - 1, b -> b ^ 0x40);
    }

    @Override
    protected void tearLength(Journal journal, long index, String tag) {
        // The frame's u32 length sits 8 bytes before the payload; claim 5 more bytes than were written.
        patch((ChronicleJournal) journal, tag, -8, b -> b + 5);
    }

    /** Closes the journal and changes one byte of its cycle file, at an offset from where {@code tag} starts. */
    private static void patch(ChronicleJournal journal, String tag, int offsetFromTag, IntUnaryOperator change) {
        journal.close();
        byte[] needle = tag.getBytes(StandardCharsets.US_ASCII);
        for (Path file : journal.files()) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
                map.order(ByteOrder.LITTLE_ENDIAN);
                int at = find(map, needle);
                if (at >= 0) {
                    int position = at + offsetFromTag;
                    map.put(position, (byte) change.applyAsInt(map.get(position)));
                    map.force();
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("tag " + tag + " not found in " + journal.files());
    }

    private static int find(MappedByteBuffer map, byte[] needle) {
        outer:
        for (int i = 0; i <= map.limit() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (map.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void rollsToANewFileEveryCycleAndReplaysAcrossFiles() {
        MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.builder(dir.resolve("roll"))
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .clock(clock)
                .open());
        for (int second = 0; second < 4; second++) {
            for (int i = 0; i < 3; i++) {
                journal.append(payload("s" + second + "-" + i));
            }
            clock.advanceSeconds(1);
        }

        assertThat(journal.files()).hasSize(4);
        List<Long> indexes = new ArrayList<>();
        assertThat(replayTexts(journal, Journal.NO_INDEX, indexes))
                .hasSize(12)
                .startsWith("s0-0", "s0-1")
                .endsWith("s3-2");
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void retentionDeletesOnlyFilesCoveredByASnapshotAndKeepsTheNewestCycles() {
        MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.builder(dir.resolve("retain"))
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .retainCycles(2)
                .clock(clock)
                .open());
        List<Long> firstOfCycle = new ArrayList<>();
        for (int second = 0; second < 5; second++) {
            firstOfCycle.add(journal.append(payload("s" + second + "-a")));
            journal.append(payload("s" + second + "-b"));
            clock.advanceSeconds(1);
        }
        journal.endOfBatch();
        assertThat(journal.files()).as("nothing released yet").hasSize(5);

        // A snapshot covers everything up to the first entry of cycle 3: cycles 0..2 are deletable.
        long covered = firstOfCycle.get(3);
        journal.release(covered);
        journal.endOfBatch();

        assertThat(journal.files()).hasSize(2);
        List<Long> indexes = new ArrayList<>();
        assertThat(replayTexts(journal, covered, indexes)).containsExactly("s3-b", "s4-a", "s4-b");
    }

    @Test
    void retentionNeverDeletesEntriesNotCoveredBySnapshot() {
        MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.builder(dir.resolve("uncovered"))
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .retainCycles(1)
                .clock(clock)
                .open());
        long first = journal.append(payload("c0"));
        clock.advanceSeconds(1);
        journal.append(payload("c1"));
        clock.advanceSeconds(1);
        journal.append(payload("c2"));

        journal.release(first);
        journal.endOfBatch();

        List<Long> indexes = new ArrayList<>();
        assertThat(replayTexts(journal, first, indexes)).containsExactly("c1", "c2");
    }

    @Test
    void recoveryRefusesAJournalWhoseDeletedEntriesNoUsableSnapshotCovers() {
        MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.builder(dir.resolve("gone"))
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .retainCycles(1)
                .clock(clock)
                .open());
        assertThat(journal.firstIndex()).as("empty").isEmpty();
        long first = journal.append(payload("c0"));
        assertThat(journal.firstIndex()).hasValue(first);
        clock.advanceSeconds(1);
        long second = journal.append(payload("c1"));
        clock.advanceSeconds(1);
        journal.append(payload("c2"));
        journal.release(second);
        journal.endOfBatch();
        assertThat(journal.firstIndex()).as("cycles 0 and 1 deleted").hasValue(second + 1);

        org.stroom.ports.portmgr.core.Codec<String> texts = new org.stroom.ports.portmgr.core.Codec<>() {
            @Override
            public int encode(String in, long atNanos, java.nio.ByteBuffer out) {
                byte[] b = in.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.put(b);
                return b.length;
            }

            @Override
            public String decode(java.nio.ByteBuffer in) {
                byte[] b = new byte[in.remaining()];
                in.get(b);
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public long atNanos(String decoded) {
                return 0;
            }
        };
        List<String> applied = new ArrayList<>();
        org.stroom.ports.portmgr.core.StateMachine<String, Boolean> machine = (text, atNanos) -> applied.add(text);

        // no snapshot: the state would need entries 0 and 1, which retention deleted
        assertThatThrownBy(() -> org.stroom.ports.portmgr.core.Recovery.recover(
                        journal, texts, () -> applied, s -> machine, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first stored entry is " + (second + 1))
                .hasMessageContaining("needs the entries from 0 (no usable snapshot)")
                .hasMessageContaining("Restore the snapshots");
        assertThat(applied).as("nothing applied from the incomplete journal").isEmpty();
    }

    @Test
    void aBatchIsWrittenAsOneChronicleDocumentHoldingEveryEntry() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        long[] indexes = appendBatch(journal, "a", "b", "c", "d");
        journal.append(payload("e"));

        assertThat(indexes).containsExactly(0, 1, 2, 3);
        assertThat(documents(journal.dir())).isEqualTo(2);
        assertThat(replayTexts(journal, Journal.NO_INDEX, new ArrayList<>())).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aBatchLargerThanOneDocumentIsSplitAndKeepsConsecutiveIndexes() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        String[] texts = new String[ChronicleJournal.MAX_BATCH_ENTRIES + 5];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "e" + i;
        }
        long[] indexes = appendBatch(journal, texts);

        assertThat(indexes[texts.length - 1] - indexes[0]).isEqualTo(texts.length - 1L);
        assertThat(documents(journal.dir())).isEqualTo(2);
        List<Long> replayed = new ArrayList<>();
        assertThat(replayTexts(reopen(journal), Journal.NO_INDEX, replayed)).containsExactly(texts);
        assertThat(replayed)
                .containsExactly(java.util.Arrays.stream(indexes).boxed().toArray(Long[]::new));
    }

    @Test
    void replayAfterAnyIndexStartsWithTheNextEntryInsideOrAfterItsBatch() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        List<String> all = new ArrayList<>();
        for (int batch = 0; batch < 700; batch++) {
            String[] texts = new String[1 + batch % 5];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = batch + "." + i;
                all.add(texts[i]);
            }
            appendBatch(journal, texts);
        }
        Journal restarted = reopen(journal);
        assertThat(restarted.lastIndex()).isEqualTo(all.size() - 1L);

        for (int after : new int[] {0, 1, 2, 3, 997, 1000, 1234, all.size() - 2, all.size() - 1}) {
            List<Long> indexes = new ArrayList<>();
            assertThat(replayTexts(restarted, after, indexes))
                    .as("replay after index %d", after)
                    .containsExactlyElementsOf(all.subList(after + 1, all.size()));
        }
    }

    @Test
    void replayAfterAnIndexFindsItsBatchAcrossRolledFiles() {
        MutableInstantSource clock = new MutableInstantSource(Instant.parse("2026-01-01T00:00:00Z"));
        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.builder(dir.resolve("roll-batches"))
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .clock(clock)
                .open());
        List<String> all = new ArrayList<>();
        for (int second = 0; second < 4; second++) {
            for (int batch = 0; batch < 30; batch++) {
                String[] texts = {second + "/" + batch + "a", second + "/" + batch + "b", second + "/" + batch + "c"};
                all.addAll(List.of(texts));
                appendBatch(journal, texts);
            }
            clock.advanceSeconds(1);
        }
        assertThat(journal.files()).hasSize(4);

        for (int after : new int[] {88, 89, 90, 91, 200, 270, 359}) {
            assertThat(replayTexts(journal, after, new ArrayList<>()))
                    .as("replay after index %d", after)
                    .containsExactlyElementsOf(all.subList(after + 1, all.size()));
        }
    }

    @Test
    void aCorruptEntryInsideABatchStopsReplayThereAndCountsTheEntriesAfterIt() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        long[] indexes = appendBatch(journal, "first", "MIDTAG-second", "third");
        journal.append(payload("fourth"));
        corruptPayload(journal, indexes[1], "MIDTAG");

        RecoveryReport report = reopen(journal).replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.entriesReplayed()).isEqualTo(1);
        assertThat(report.lastGoodIndex()).isEqualTo(indexes[0]);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.CRC_MISMATCH);
            assertThat(problem.index()).isEqualTo(indexes[1]);
            assertThat(problem.entriesAfter()).isEqualTo(2);
        });
    }

    @Test
    void aFrameInsideABatchClaimingMoreBytesThanTheBatchHoldsLosesTheRestOfTheBatch() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        long[] indexes = appendBatch(journal, "first", "BIGTAG-second", "third", "fourth");
        long later = journal.append(payload("later"));
        // The u32 length's high byte sits 5 bytes before the payload: claim 16 MiB more than stored.
        patch(journal, "BIGTAG", -5, b -> b + 1);

        RecoveryReport report = reopen(journal).replay(Journal.NO_INDEX, (i, p) -> {});

        assertThat(report.lastGoodIndex()).isEqualTo(indexes[0]);
        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.LENGTH_MISMATCH);
            assertThat(problem.index()).isEqualTo(indexes[1]);
            assertThat(problem.entriesAfter()).isEqualTo(3);
        });
        assertThat(reopen(journal).lastIndex()).isEqualTo(later);
    }

    @Test
    void aDamagedBatchHeaderIsReportedAndSealingItLetsAppendingAndLaterReplaysContinue() {
        ChronicleJournal journal = (ChronicleJournal) track(newJournal());
        long kept = journal.append(payload("kept"));
        appendBatch(journal, "HDRTAG-lost", "also-lost");
        // The batch header's first index starts 8 + 9 + 4 bytes before the first payload.
        patch(journal, "HDRTAG", -(4 + 9 + 8), b -> b ^ 0x10);

        Journal restarted = reopen(journal);
        RecoveryReport first = restarted.replay(Journal.NO_INDEX, (i, p) -> {});
        assertThat(first.lastGoodIndex()).isEqualTo(kept);
        assertThat(first.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(JournalProblem.Kind.CRC_MISMATCH);
            assertThat(problem.detail()).contains("batch header");
        });
        restarted.sealDamage(first);
        long after = restarted.append(payload("after"));

        Journal again = reopen(restarted);
        RecoveryReport second = again.replay(Journal.NO_INDEX, (i, p) -> {});
        assertThat(replayTexts(again, Journal.NO_INDEX, new ArrayList<>())).containsExactly("kept", "after");
        assertThat(second.isClean()).isTrue();
        assertThat(second.lastGoodIndex()).isEqualTo(after);
        assertThat(after).isGreaterThan(first.problem().get().index());
    }

    @Test
    void aJournalOfTheEarlierOneDocumentPerEntryFormatReplaysAndNewEntriesFollowIt() {
        Path legacy = dir.resolve("legacy");
        List<Long> legacyIndexes = new ArrayList<>();
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(legacy)
                        .rollCycle(RollCycles.FAST_DAILY)
                        .build();
                ExcerptAppender appender = queue.createAppender()) {
            for (String text : new String[] {"old-0", "old-1", "old-2"}) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(EntryFormat.frame(EntryFormat.INPUT_V1, payload(text), new CRC32()));
                }
                legacyIndexes.add(appender.lastIndexAppended());
            }
        }

        ChronicleJournal journal = (ChronicleJournal) track(ChronicleJournal.open(legacy));
        assertThat(journal.lastIndex()).isEqualTo(legacyIndexes.get(2));
        long[] indexes = appendBatch(journal, "new-0", "new-1");
        assertThat(indexes[0]).isEqualTo(legacyIndexes.get(2) + 1);

        Journal restarted = reopen(journal);
        List<Long> replayed = new ArrayList<>();
        assertThat(replayTexts(restarted, Journal.NO_INDEX, replayed))
                .containsExactly("old-0", "old-1", "old-2", "new-0", "new-1");
        assertThat(replayed.subList(0, 3)).isEqualTo(legacyIndexes);
        assertThat(replayTexts(restarted, legacyIndexes.get(1), new ArrayList<>()))
                .as("a snapshot taken by the earlier release names a Chronicle index")
                .containsExactly("old-2", "new-0", "new-1");
    }

    private static long[] appendBatch(Journal journal, String... texts) {
        ByteBuffer[] payloads = new ByteBuffer[texts.length];
        for (int i = 0; i < texts.length; i++) {
            payloads[i] = payload(texts[i]);
        }
        long[] indexes = new long[texts.length];
        journal.appendAll(payloads, texts.length, indexes);
        return indexes;
    }

    /** @return the number of data documents in the Chronicle queue at {@code queueDir} */
    private static int documents(Path queueDir) {
        int n = 0;
        try (SingleChronicleQueue queue =
                        SingleChronicleQueueBuilder.binary(queueDir).build();
                ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return n;
                    }
                    n += dc.isData() ? 1 : 0;
                }
            }
        }
    }

    @Test
    void rejectsUnknownRollCycleNamesNamingTheValidOnes() {
        assertThatThrownBy(() -> ChronicleJournal.builder(dir).rollCycle("HOURLYISH"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOURLYISH")
                .hasMessageContaining("FAST_HOURLY");
        assertThatThrownBy(() -> ChronicleJournal.builder(dir).retainCycles(0))
                .hasMessageContaining("retainCycles must be >= 1");
    }

    /** A wall clock moved by hand; drives Chronicle's rolling. */
    static final class MutableInstantSource implements InstantSource {
        private volatile Instant now;

        MutableInstantSource(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }
    }
}
