package org.stroom.ports.portmgr.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal in a Chronicle Queue directory: one document per entry, holding the {@link Journal} frame as raw
 * bytes (no Chronicle wire marshalling). Indexes are Chronicle indexes (roll cycle in the high bits).
 *
 * <p>Durability: an appended entry is in a memory-mapped file when {@link #append} returns, so it survives
 * {@code kill -9} of this process; a crash of the operating system may lose what it had not yet written back.
 * A document torn by a process killed mid-append is never visible to Chronicle readers, and the next append
 * lands after the last whole document; damage inside a whole document is caught by the frame's CRC.
 *
 * <p>Rolling: a new file every {@link Builder#rollCycle roll cycle} (default {@link RollCycles#FAST_DAILY}), by
 * the {@link Builder#clock clock} (default the system clock). Retention: with {@link Builder#retainCycles(int)
 * retainCycles(n)}, files other than the newest n are deleted once {@link #release(long)} says a snapshot
 * covers every entry in them; without a release nothing is ever deleted.
 *
 * <p>Thread-safety: see {@link Journal}: appends from one thread at a time; release from any thread.
 */
public final class ChronicleJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(ChronicleJournal.class);
    private static final String SUFFIX = ".cq4";

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final int retainCycles;
    private final RollingResourcesCache fileNames;
    private final CRC32 crc = new CRC32();
    private ExcerptAppender appender;
    private int appendCycle = Integer.MIN_VALUE;
    private volatile long released = NO_INDEX;
    private long retainedFor = NO_INDEX;
    private long lastIndex;

    private ChronicleJournal(Builder builder) {
        this.dir = builder.dir;
        this.rollCycle = builder.rollCycle;
        this.retainCycles = builder.retainCycles;
        InstantSource clock = builder.clock;
        SingleChronicleQueueBuilder queueBuilder =
                SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).timeProvider(clock::millis);
        this.queue = queueBuilder.build();
        this.fileNames = new RollingResourcesCache(
                rollCycle, queueBuilder.epoch(), name -> new File(dir.toFile(), name + SUFFIX), file -> file.getName()
                        .substring(0, file.getName().length() - SUFFIX.length()));
        long last = queue.lastIndex();
        this.lastIndex = last < 0 || queue.firstIndex() == Long.MAX_VALUE ? NO_INDEX : last;
    }

    /**
     * @param dir the queue directory; created if missing
     * @return a builder with the defaults: {@link RollCycles#FAST_DAILY}, keep every file, system clock
     */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /**
     * @param dir the queue directory; created if missing
     * @return a journal with the defaults of {@link #builder(Path)}
     */
    public static ChronicleJournal open(Path dir) {
        return builder(dir).open();
    }

    @Override
    public long append(ByteBuffer payload) {
        int length = payload.remaining();
        int checksum = EntryFormat.crc(crc, payload);
        ExcerptAppender out = appender();
        try (DocumentContext dc = out.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeByte(EntryFormat.INPUT_V1).writeInt(length).writeInt(checksum);
            if (payload.hasArray()) {
                bytes.write(payload.array(), payload.arrayOffset() + payload.position(), length);
            } else {
                bytes.writeSome(payload.duplicate());
            }
        }
        long index = out.lastIndexAppended();
        lastIndex = index;
        int cycle = rollCycle.toCycle(index);
        if (cycle != appendCycle) {
            appendCycle = cycle;
            applyRetention(true);
        }
        return index;
    }

    @Override
    public void endOfBatch() {
        applyRetention(false);
    }

    @Override
    public RecoveryReport replay(long afterIndex, EntryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ReplayLoop loop = new ReplayLoop(afterIndex, handler);
        try (ExcerptTailer tailer = queue.createTailer()) {
            if (afterIndex == NO_INDEX || !tailer.moveToIndex(afterIndex)) {
                tailer.toStart();
            }
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (!dc.isData()) {
                        continue;
                    }
                    long index = dc.index();
                    Bytes<?> bytes = dc.wire().bytes();
                    int length = (int) bytes.readRemaining();
                    bytes.read(loop.buffer(length), 0, length);
                    loop.offer(index, length);
                    lastIndex = Math.max(lastIndex, index);
                }
            }
        }
        return loop.finish();
    }

    @Override
    public void sealDamage(RecoveryReport report) {
        if (report.problem().isEmpty()) {
            return;
        }
        ByteBuffer marker = EntryFormat.resumePayload(
                report.lastGoodIndex(), report.problem().get().index());
        int checksum = EntryFormat.crc(crc, marker);
        ExcerptAppender out = appender();
        try (DocumentContext dc = out.writingDocument()) {
            dc.wire()
                    .bytes()
                    .writeByte(EntryFormat.RESUME_V1)
                    .writeInt(EntryFormat.RESUME_PAYLOAD_BYTES)
                    .writeInt(checksum)
                    .writeLong(marker.getLong(0))
                    .writeLong(marker.getLong(8));
        }
        lastIndex = out.lastIndexAppended();
        LOG.warn(
                "journal {}: sealed damage after index {} with a resume marker at index {}: {}",
                dir,
                report.lastGoodIndex(),
                lastIndex,
                report.problem().get());
    }

    @Override
    public void release(long coveredIndex) {
        released = Math.max(released, coveredIndex);
    }

    @Override
    public long lastIndex() {
        return lastIndex;
    }

    /** @return the queue directory */
    public Path dir() {
        return dir;
    }

    /** @return the queue's cycle files, oldest first */
    public List<Path> files() {
        return new ArrayList<>(cycleFiles().values());
    }

    @Override
    public void close() {
        queue.close();
    }

    private ExcerptAppender appender() {
        if (appender == null) {
            appender = queue.createAppender();
            // The journal guarantees one appending thread at a time, not always the same one (recovery seals
            // damage on the caller's thread before the core's journal thread starts).
            appender.singleThreadedCheckDisabled(true);
        }
        return appender;
    }

    private void applyRetention(boolean rolled) {
        long covered = released;
        if (retainCycles == Integer.MAX_VALUE || covered == NO_INDEX || (!rolled && covered == retainedFor)) {
            return;
        }
        retainedFor = covered;
        int coveredCycle = rollCycle.toCycle(covered);
        TreeMap<Long, Path> files = cycleFiles();
        int deletable = files.size() - retainCycles;
        for (var file : files.entrySet()) {
            if (deletable <= 0 || file.getKey() >= coveredCycle) {
                break;
            }
            try {
                Files.deleteIfExists(file.getValue());
                deletable--;
                LOG.info(
                        "journal {}: retention deleted {} (cycle {}, covered by a snapshot at index {})",
                        dir,
                        file.getValue().getFileName(),
                        file.getKey(),
                        covered);
            } catch (IOException e) {
                LOG.warn("journal {}: retention could not delete {}: {}", dir, file.getValue(), e.toString());
            }
        }
        queue.refreshDirectoryListing();
    }

    private TreeMap<Long, Path> cycleFiles() {
        TreeMap<Long, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .forEach(p -> files.put(fileNames.toLong(p.toFile()), p));
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot list cycle files", e);
        }
        return files;
    }

    /**
     * Options of a {@link ChronicleJournal}.
     *
     * <p>Thread-safety: not thread-safe; configure on one thread, then {@link #open()}.
     */
    public static final class Builder {
        private final Path dir;
        private RollCycle rollCycle = RollCycles.FAST_DAILY;
        private int retainCycles = Integer.MAX_VALUE;
        private InstantSource clock = InstantSource.system();

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /**
         * @param cycle how often a new file starts, e.g. {@link RollCycles#FAST_HOURLY}
         * @return this builder
         */
        public Builder rollCycle(RollCycle cycle) {
            this.rollCycle = Objects.requireNonNull(cycle, "rollCycle");
            return this;
        }

        /**
         * @param name the name of a {@link RollCycles} constant, e.g. {@code "FAST_HOURLY"}, for configuration files
         * @return this builder
         * @throws IllegalArgumentException naming the valid names if there is no such constant
         */
        public Builder rollCycle(String name) {
            try {
                return rollCycle(RollCycles.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "ChronicleJournal rollCycle '" + name + "' is not one of "
                                + java.util.Arrays.toString(RollCycles.values()),
                        e);
            }
        }

        /**
         * @param cycles number of newest cycle files always kept, at least 1; older files are deleted once a
         *     snapshot covers them ({@link Journal#release})
         * @return this builder
         * @throws IllegalArgumentException if cycles &lt; 1
         */
        public Builder retainCycles(int cycles) {
            if (cycles < 1) {
                throw new IllegalArgumentException("ChronicleJournal retainCycles must be >= 1, was " + cycles);
            }
            this.retainCycles = cycles;
            return this;
        }

        /**
         * @param clock wall clock that decides when files roll (not used for input time stamps)
         * @return this builder
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the open journal; {@link #lastIndex()} is the last entry already in the directory
         * @throws UncheckedIOException if the directory cannot be created
         */
        public ChronicleJournal open() {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("ChronicleJournal: cannot create queue directory " + dir, e);
            }
            return new ChronicleJournal(this);
        }
    }
}
