package org.stroom.ports.hal.remote;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.NavigableSet;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.remote.proto.Event;

/**
 * A Node's event journal: every event its backend publishes, numbered 1, 2, 3 … without gaps,
 * written to a Chronicle Queue before it is sent to any Server, so that a Server can resume after
 * any sequence it acknowledged, across link failures and Node restarts ({@code kill -9} included: a
 * document torn by a killed process is invisible, and numbering continues after the last complete
 * one).
 *
 * <p>One document per event: a format byte, the sequence ({@code long}) and the {@link Event}
 * message bytes. Files roll every {@link RollCycle}; when a new cycle starts, all but the newest
 * {@code retainCycles} files are deleted. The directory also holds {@value #META}: the journal's
 * random id (new only when the journal is created) and the Node's incarnation (incremented on every
 * open), which tell a Server whether its resume point still refers to this journal and whether the
 * Node restarted.
 *
 * <pre>
 *   backend events ──▶ journal thread: append (seq n) ──▶ cycle file ──▶ cursor per Server stream
 * </pre>
 *
 * <p>Thread-safety: {@link #append} from one thread at a time (the Node's journal thread); {@link
 * #lastSequence()}, {@link #firstSequence()} and {@link #cursor(long)} from any thread; a {@link
 * Cursor} from the thread that created it.
 */
final class EventJournal implements AutoCloseable {
    /** Name of the file holding the journal id and the incarnation. */
    static final String META = "node-journal.properties";

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final byte FORMAT_V1 = 1;
    private static final String SUFFIX = ".cq4";

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final int retainCycles;
    private final InstantSource clock;
    private final String id;
    private final long incarnation;
    private ExcerptAppender appender;
    private int appendCycle = Integer.MIN_VALUE;
    private volatile long lastSequence;

    private EventJournal(Path dir, RollCycle rollCycle, int retainCycles, InstantSource clock) {
        this.dir = dir;
        this.rollCycle = rollCycle;
        this.retainCycles = retainCycles;
        this.clock = clock;
        this.queue = SingleChronicleQueueBuilder.binary(dir.toFile())
                .rollCycle(rollCycle)
                .timeProvider(clock::millis)
                .build();
        this.lastSequence = readLastSequence();
        Properties meta = readMeta(dir);
        String existing = meta.getProperty("journal.id");
        boolean fresh = existing == null || existing.isBlank();
        this.id = fresh ? UUID.randomUUID().toString() : existing;
        this.incarnation =
                fresh ? 1 : Long.parseLong(meta.getProperty("incarnation", "0").strip()) + 1;
        meta.setProperty("journal.id", id);
        meta.setProperty("incarnation", Long.toString(incarnation));
        meta.setProperty("opened", Instant.ofEpochMilli(clock.millis()).toString());
        writeMeta(dir, meta);
        LOG.info(
                "event journal {}: id {}, incarnation {}, sequences {}..{}",
                dir,
                id,
                incarnation,
                firstSequence(),
                lastSequence);
    }

    /**
     * Opens (creating if needed) the journal in {@code dir} and counts a new incarnation.
     *
     * @param dir the queue directory
     * @param rollCycle how often a new file starts
     * @param retainCycles how many files to keep, ≥ 1
     * @param clock wall time for file cycles and the Node's event times
     * @return the journal
     */
    static EventJournal open(Path dir, RollCycle rollCycle, int retainCycles, InstantSource clock) {
        if (retainCycles < 1) {
            throw new IllegalArgumentException("journal retainCycles " + retainCycles + " must be >= 1");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal directory " + dir + ": " + e.getMessage(), e);
        }
        return new EventJournal(dir, rollCycle, retainCycles, clock);
    }

    /** @return the random id given to this journal when it was created */
    String id() {
        return id;
    }

    /** @return how many times the journal has been opened, counting this time (1 for a new journal) */
    long incarnation() {
        return incarnation;
    }

    /** @return the sequence of the last event appended, 0 when none */
    long lastSequence() {
        return lastSequence;
    }

    /** @return the sequence of the oldest event still held, or {@code lastSequence() + 1} when none */
    long firstSequence() {
        try (ExcerptTailer t = queue.createTailer()) {
            t.toStart();
            long s = readSequence(t);
            return s > 0 ? s : lastSequence + 1;
        }
    }

    /** @return the queue directory */
    Path dir() {
        return dir;
    }

    /**
     * Numbers and writes one event. Call from the journal thread only.
     *
     * @param event the event body; its sequence and Node time are set here
     * @return the event as written
     */
    Event append(Event.Builder event) {
        long seq = lastSequence + 1;
        Instant now = clock.instant();
        Event e = event.setSequence(seq)
                .setNodeTimeMicros(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000)
                .build();
        byte[] body = e.toByteArray();
        if (appender == null) {
            appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().writeByte(FORMAT_V1).writeLong(seq).write(body);
        }
        lastSequence = seq;
        int cycle = rollCycle.toCycle(appender.lastIndexAppended());
        if (cycle != appendCycle) {
            if (appendCycle != Integer.MIN_VALUE) {
                applyRetention();
            }
            appendCycle = cycle;
        }
        return e;
    }

    /**
     * @param after the last sequence the reader already has (0: from the oldest retained)
     * @return a cursor whose {@link Cursor#next()} returns {@code after + 1}, {@code after + 2} …
     * @throws IllegalArgumentException when {@code after + 1} is older than the journal retains
     */
    Cursor cursor(long after) {
        return new Cursor(after);
    }

    @Override
    public void close() {
        if (appender != null) {
            appender.close();
        }
        queue.close();
    }

    /**
     * Reads events in sequence order, waiting for none: {@link #next()} returns null when the
     * journal has nothing newer yet.
     *
     * <p>Thread-safety: confined to the thread that created it.
     */
    final class Cursor implements AutoCloseable {
        private final ExcerptTailer tailer;
        private long next;

        private Cursor(long after) {
            this.tailer = queue.createTailer();
            this.next = after + 1;
            position();
        }

        /** @return the sequence {@link #next()} returns next */
        long nextSequence() {
            return next;
        }

        /**
         * @return the next event, or null when it has not been written yet
         * @throws IllegalStateException when the journal holds something other than the expected
         *     sequence there (a damaged or foreign directory)
         */
        Event next() {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return null;
                }
                Bytes<?> bytes = dc.wire().bytes();
                byte format = bytes.readByte();
                long seq = bytes.readLong();
                if (format != FORMAT_V1 || seq != next) {
                    throw new IllegalStateException("event journal " + dir + ": expected event " + next + ", found "
                            + (format != FORMAT_V1 ? "format " + format : "event " + seq) + " at index "
                            + Long.toHexString(dc.index()) + "; the journal is damaged");
                }
                byte[] body = new byte[(int) bytes.readRemaining()];
                bytes.read(body);
                next++;
                return Event.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(
                        "event journal " + dir + ": event " + next + " is unreadable: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            tailer.close();
        }

        private void position() {
            // Read once: the journal thread may append while this runs, so "the end" moves.
            long last = lastSequence;
            long first = firstSequence();
            if (next < first && next <= last) {
                tailer.close();
                throw new IllegalArgumentException("event journal " + dir + ": event " + next
                        + " is no longer retained (oldest is " + first + ")");
            }
            if (next > last + 1) {
                tailer.toEnd();
                return;
            }
            if (next == last + 1) {
                // Not toEnd(): an event appended since 'last' was read would be skipped. Stand just
                // after event 'last' (or at the start of a journal that had none), which stays put.
                if (last == 0 || last < first) {
                    tailer.toStart();
                    return;
                }
                positionAt(last);
                skip();
                return;
            }
            positionAt(next);
        }

        /** Puts the tailer on event {@code seq}, which the journal holds. */
        private void positionAt(long seq) {
            // Within a cycle, data indexes are dense and hold consecutive sequences: jump straight there.
            NavigableSet<Long> cycles = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
            for (Long c : cycles.descendingSet()) {
                int cycle = c.intValue();
                if (!tailer.moveToIndex(rollCycle.toIndex(cycle, 0))) {
                    continue;
                }
                long s = peekSequence();
                if (s > 0 && s <= seq && tailer.moveToIndex(rollCycle.toIndex(cycle, seq - s))) {
                    if (peekSequence() == seq) {
                        return;
                    }
                    break;
                }
            }
            LOG.warn("event journal {}: no direct index for event {}; scanning from the start", dir, seq);
            tailer.toStart();
            while (true) {
                long at = tailer.index();
                long s = peekSequence();
                if (s <= 0) {
                    throw new IllegalStateException("event journal " + dir + ": event " + seq + " not found");
                }
                if (s == seq) {
                    tailer.moveToIndex(at);
                    return;
                }
                skip();
            }
        }

        /** Reads the sequence at the tailer's position without moving past it. */
        private long peekSequence() {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return -1;
                }
                dc.rollbackOnClose();
                Bytes<?> bytes = dc.wire().bytes();
                bytes.readByte();
                return bytes.readLong();
            }
        }

        private void skip() {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    throw new IllegalStateException(
                            "event journal " + dir + ": ran out of events scanning for " + next);
                }
            }
        }
    }

    private long readLastSequence() {
        try (ExcerptTailer t = queue.createTailer()) {
            t.direction(TailerDirection.BACKWARD).toEnd();
            long s = readSequence(t);
            return Math.max(s, 0);
        }
    }

    private static long readSequence(ExcerptTailer t) {
        try (DocumentContext dc = t.readingDocument()) {
            if (!dc.isPresent()) {
                return -1;
            }
            Bytes<?> bytes = dc.wire().bytes();
            bytes.readByte();
            return bytes.readLong();
        }
    }

    private void applyRetention() {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("event journal {}: cannot list cycle files for retention: {}", dir, e.toString());
            return;
        }
        // cycle file names are timestamps of one format, so name order is time order
        for (int i = 0; i < files.size() - retainCycles; i++) {
            try {
                Files.deleteIfExists(files.get(i));
                LOG.info(
                        "event journal {}: retention deleted {}",
                        dir,
                        files.get(i).getFileName());
            } catch (IOException e) {
                LOG.warn("event journal {}: cannot delete {}: {}", dir, files.get(i), e.toString());
            }
        }
        queue.refreshDirectoryListing();
    }

    private static Properties readMeta(Path dir) {
        Properties p = new Properties();
        Path file = dir.resolve(META);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read journal metadata " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static void writeMeta(Path dir, Properties p) {
        Path file = dir.resolve(META);
        Path tmp = dir.resolve(META + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Node event journal: do not edit; delete the whole directory to start a new journal");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal metadata " + file + ": " + e.getMessage(), e);
        }
    }
}
