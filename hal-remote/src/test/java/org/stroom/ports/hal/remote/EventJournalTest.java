package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.remote.proto.Event;

class EventJournalTest {
    @TempDir
    Path dir;

    /** A wall clock the test moves by hand. */
    static final class ManualInstant implements InstantSource {
        final AtomicLong millis =
                new AtomicLong(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        void plusMinutes(long m) {
            millis.addAndGet(m * 60_000);
        }
    }

    static Event.Builder event(int ds0) {
        return EventCodec.encode(new ChannelInService(0, 0, LinkFixture.ch(ds0)), x -> x);
    }

    static List<Long> read(EventJournal j, long after) {
        List<Long> out = new ArrayList<>();
        try (EventJournal.Cursor c = j.cursor(after)) {
            Event e;
            while ((e = c.next()) != null) {
                out.add(e.getSequence());
            }
        }
        return out;
    }

    @Test
    void numbersEventsFromOneAndAReaderResumesAfterAnySequence() {
        try (EventJournal j = EventJournal.open(dir, RollCycles.FAST_DAILY, 10, InstantSource.system())) {
            for (int i = 1; i <= 50; i++) {
                assertThat(j.append(event(1 + i % 23)).getSequence()).isEqualTo(i);
            }
            assertThat(j.firstSequence()).isEqualTo(1);
            assertThat(j.lastSequence()).isEqualTo(50);
            assertThat(read(j, 0)).hasSize(50).startsWith(1L, 2L);
            assertThat(read(j, 37)).containsExactly(38L, 39L, 40L, 41L, 42L, 43L, 44L, 45L, 46L, 47L, 48L, 49L, 50L);
            assertThat(read(j, 50)).isEmpty();
        }
    }

    @Test
    void aCursorAtTheEndSeesEventsAppendedLater() {
        try (EventJournal j = EventJournal.open(dir, RollCycles.FAST_DAILY, 10, InstantSource.system());
                EventJournal.Cursor c = j.cursor(0)) {
            assertThat(c.next()).isNull();
            j.append(event(1));
            j.append(event(2));
            assertThat(c.next().getSequence()).isEqualTo(1);
            assertThat(c.next().getSequence()).isEqualTo(2);
            assertThat(c.next()).isNull();
        }
    }

    @Test
    @Timeout(60)
    void aCursorOpenedAtTheEndWhileEventsAreAppendedStartsWithTheNextOne() throws Exception {
        try (EventJournal j = EventJournal.open(dir, RollCycles.FAST_DAILY, 10, InstantSource.system())) {
            int total = 5_000;
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Void> appending = CompletableFuture.runAsync(() -> {
                started.countDown();
                for (int i = 1; i <= total; i++) {
                    j.append(event(1 + i % 23));
                }
            });
            started.await();
            int cursors = 0;
            while (!appending.isDone() || j.lastSequence() < total) {
                long after = j.lastSequence(); // what a Node's hello promises: events after this follow
                if (after == total) {
                    break;
                }
                try (EventJournal.Cursor c = j.cursor(after)) {
                    Event first;
                    while ((first = c.next()) == null) {
                        assertThat(appending.isCompletedExceptionally()).isFalse();
                    }
                    assertThat(first.getSequence())
                            .as("first event of a cursor opened after %d", after)
                            .isEqualTo(after + 1);
                }
                cursors++;
            }
            appending.get();
            assertThat(cursors).isPositive();
        }
    }

    @Test
    void reopeningContinuesTheNumberingKeepsTheIdAndCountsAnIncarnation() {
        String id;
        try (EventJournal j = EventJournal.open(dir, RollCycles.FAST_DAILY, 10, InstantSource.system())) {
            j.append(event(1));
            j.append(event(2));
            id = j.id();
            assertThat(j.incarnation()).isEqualTo(1);
        }
        try (EventJournal j = EventJournal.open(dir, RollCycles.FAST_DAILY, 10, InstantSource.system())) {
            assertThat(j.id()).isEqualTo(id);
            assertThat(j.incarnation()).isEqualTo(2);
            assertThat(j.lastSequence()).isEqualTo(2);
            assertThat(j.append(event(3)).getSequence()).isEqualTo(3);
            assertThat(read(j, 1)).containsExactly(2L, 3L);
        }
    }

    @Test
    void aReaderFindsSequencesAcrossRolledFilesAndRetentionDropsTheOldest() {
        ManualInstant clock = new ManualInstant();
        try (EventJournal j = EventJournal.open(dir, RollCycles.FIVE_MINUTELY, 2, clock)) {
            for (int cycle = 0; cycle < 4; cycle++) {
                for (int i = 0; i < 10; i++) {
                    j.append(event(1 + i));
                }
                clock.plusMinutes(5);
            }
            // four cycles of ten were written; only the newest two files are kept
            assertThat(j.lastSequence()).isEqualTo(40);
            assertThat(j.firstSequence()).isEqualTo(21);
            assertThat(read(j, 24)).hasSize(16).first().isEqualTo(25L);
            assertThat(read(j, 30)).hasSize(10).first().isEqualTo(31L);
            assertThatThrownBy(() -> j.cursor(5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("event 6 is no longer retained (oldest is 21)");
        }
    }
}
