package org.stroom.ports.portmgr.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
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
