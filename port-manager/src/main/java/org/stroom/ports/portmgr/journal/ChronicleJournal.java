package org.stroom.ports.portmgr.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal in a Chronicle Queue directory. Each Chronicle document is a <em>batch</em>: a header naming the
 * index of its first entry and the number of entries, then that many {@link Journal} frames as raw bytes (no
 * Chronicle wire marshalling); see {@link EntryFormat}. {@link #appendAll} writes a whole ring batch of the
 * event core as one document (split only past {@value #MAX_BATCH_ENTRIES} entries or
 * {@value #MAX_BATCH_BYTES} bytes), so Chronicle's per-document cost (header, index maintenance) is paid once
 * per batch instead of once per input; {@link #append} writes a batch of one.
 *
 * <p>Indexes number the entries 0, 1, 2, ... across documents and files. A journal written by an earlier
 * release (one single-frame document per entry, indexed by its Chronicle index) still replays: such a
 * document's entry keeps its Chronicle index, and new entries continue after the last one, so indexes in
 * snapshots taken by that release stay valid. {@link #replay} finds the document holding the entry after a
 * snapshot by a binary search over the cycle files and the documents of one file, reading only their headers.
 *
 * <p>Durability: an appended entry is in a memory-mapped file when {@link #append} or {@link #appendAll}
 * returns, so it survives {@code kill -9} of this process; a crash of the operating system may lose what it had
 * not yet written back. A document torn by a process killed mid-append is never visible to Chronicle readers,
 * and the next append lands after the last whole document, so a batch is written whole or not at all; damage
 * inside a whole document is caught per entry by the frame's CRC (and the batch header's own CRC), and replay
 * stops at the first damaged entry.
 *
 * <p>Rolling: a new file every {@link Builder#rollCycle roll cycle} (default {@link RollCycles#FAST_DAILY}), by
 * the {@link Builder#clock clock} (default the system clock). Retention: with {@link Builder#retainCycles(int)
 * retainCycles(n)}, files other than the newest n are deleted once {@link #release(long)} says a snapshot
 * covers every entry in them; without a release nothing is ever deleted.
 *
 * <p>Thread-safety: see {@link Journal}: appends from one thread at a time; release from any thread.
 */
public final class ChronicleJournal implements Journal {
    /** Most entries in one document; a larger batch is split. */
    public static final int MAX_BATCH_ENTRIES = 1024;
    /** Most frame bytes in one document, unless a single entry is larger; a larger batch is split. */
    public static final int MAX_BATCH_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ChronicleJournal.class);
    private static final String SUFFIX = ".cq4";
    /** A header probe found no document there. */
    private static final long ABSENT = Long.MIN_VALUE;
    /** A header probe found a document whose first index cannot be read. */
    private static final long UNREADABLE = Long.MIN_VALUE + 1;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final int retainCycles;
    private final RollingResourcesCache fileNames;
    private final CRC32 crc = new CRC32();
    /** Scratch of header probes (replay positioning, retention), apart from the batch header being built. */
    private final CRC32 probeCrc = new CRC32();

    private final byte[] probeHeader = new byte[EntryFormat.BATCH_HEADER_BYTES];
    private final byte[] batchHeader = new byte[EntryFormat.BATCH_HEADER_BYTES];
    private final ByteBuffer batchHeaderView = ByteBuffer.wrap(batchHeader).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] single = new ByteBuffer[1];
    private final long[] singleIndex = new long[1];
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
        this.lastIndex = findLastIndex();
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
        single[0] = payload;
        try {
            appendAll(single, 1, singleIndex);
        } finally {
            single[0] = null;
        }
        return singleIndex[0];
    }

    @Override
    public void appendAll(ByteBuffer[] payloads, int count, long[] indexes) {
        int from = 0;
        while (from < count) {
            int n = 0;
            long bytes = 0;
            while (from + n < count && n < MAX_BATCH_ENTRIES) {
                long frame = EntryFormat.HEADER_BYTES + payloads[from + n].remaining();
                if (n > 0 && bytes + frame > MAX_BATCH_BYTES) {
                    break;
                }
                bytes += frame;
                n++;
            }
            writeBatch(EntryFormat.INPUT_V1, payloads, from, n);
            for (int k = 0; k < n; k++) {
                indexes[from + k] = lastIndex - n + 1 + k;
            }
            from += n;
        }
    }

    /** Writes {@code n} frames of {@code format} as one document; advances {@link #lastIndex}. */
    private void writeBatch(byte format, ByteBuffer[] payloads, int from, int n) {
        long first = lastIndex + 1;
        batchHeaderView.put(0, EntryFormat.BATCH_V1).putInt(1, n).putLong(5, first);
        batchHeaderView.putInt(13, EntryFormat.crc(crc, batchHeader, 0, 13));
        ExcerptAppender out = appender();
        try (DocumentContext dc = out.writingDocument()) {
            try {
                Bytes<?> bytes = dc.wire().bytes();
                bytes.write(batchHeader);
                for (int k = 0; k < n; k++) {
                    ByteBuffer payload = payloads[from + k];
                    int length = payload.remaining();
                    bytes.writeByte(format).writeInt(length).writeInt(EntryFormat.crc(crc, payload));
                    if (payload.hasArray()) {
                        bytes.write(payload.array(), payload.arrayOffset() + payload.position(), length);
                    } else {
                        bytes.writeSome(payload.duplicate());
                    }
                }
            } catch (RuntimeException | Error e) {
                // A batch is written whole or not at all; its indexes stay unused.
                dc.rollbackOnClose();
                throw e;
            }
        }
        lastIndex = first + n - 1;
        int cycle = out.cycle();
        if (cycle != appendCycle) {
            appendCycle = cycle;
            applyRetention(true);
        }
    }

    @Override
    public void endOfBatch() {
        applyRetention(false);
    }

    @Override
    public RecoveryReport replay(long afterIndex, EntryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ReplayLoop loop = new ReplayLoop(afterIndex, handler);
        byte[] doc = new byte[4096];
        CRC32 headerCrc = new CRC32();
        try (ExcerptTailer tailer = queue.createTailer()) {
            // Confined to this call: Chronicle's per-read owner-thread check would only cost time.
            tailer.singleThreadedCheckDisabled(true);
            long last = position(tailer, afterIndex);
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (!dc.isData()) {
                        continue;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    int length = (int) bytes.readRemaining();
                    if (length > doc.length) {
                        doc = new byte[Math.max(length, doc.length * 2)];
                    }
                    bytes.read(doc, 0, length);
                    last = offerDocument(dc.index(), doc, length, last, loop, headerCrc);
                }
            }
            lastIndex = Math.max(lastIndex, last);
        }
        return loop.finish();
    }

    /**
     * Offers every entry of one stored document to the replay loop.
     *
     * @param chronicleIndex the document's Chronicle index
     * @param last the index of the entry before this document
     * @return the index of the document's last entry
     */
    private static long offerDocument(
            long chronicleIndex, byte[] doc, int length, long last, ReplayLoop loop, CRC32 headerCrc) {
        if (length == 0 || doc[0] != EntryFormat.BATCH_V1) {
            // A single-frame document of an earlier release, indexed by its Chronicle index (or a damaged one).
            long index = length > 0 && (doc[0] == EntryFormat.INPUT_V1 || doc[0] == EntryFormat.RESUME_V1)
                    ? chronicleIndex
                    : last + 1;
            loop.offer(index, doc, 0, length);
            return index;
        }
        String damage = batchHeaderDamage(doc, length, headerCrc);
        if (damage != null) {
            loop.lost(last + 1, JournalProblem.Kind.CRC_MISMATCH, damage);
            return last + 1;
        }
        int count = EntryFormat.intAt(doc, 1);
        long first = EntryFormat.longAt(doc, 5);
        int offset = EntryFormat.BATCH_HEADER_BYTES;
        for (int k = 0; k < count; k++) {
            int stored = length - offset;
            int claimed = stored >= EntryFormat.HEADER_BYTES ? EntryFormat.intAt(doc, offset + 1) : -1;
            boolean whole = claimed >= 0 && claimed <= stored - EntryFormat.HEADER_BYTES;
            int frameLength = whole ? EntryFormat.HEADER_BYTES + claimed : stored;
            loop.offer(first + k, doc, offset, frameLength);
            if (!whole) {
                for (int j = k + 1; j < count; j++) {
                    loop.lost(
                            first + j,
                            JournalProblem.Kind.LENGTH_MISMATCH,
                            "behind a torn frame of the batch starting at index " + first);
                }
                break;
            }
            offset += frameLength;
        }
        return first + count - 1;
    }

    /** @return null when the batch header of the stored document is whole, else what is wrong with it */
    private static String batchHeaderDamage(byte[] doc, int length, CRC32 crc) {
        if (length < EntryFormat.BATCH_HEADER_BYTES) {
            return "batch document of " + length + " bytes, shorter than the " + EntryFormat.BATCH_HEADER_BYTES
                    + "-byte batch header";
        }
        int stored = EntryFormat.intAt(doc, 13);
        int computed = EntryFormat.crc(crc, doc, 0, 13);
        if (stored != computed || EntryFormat.intAt(doc, 1) < 0) {
            return "batch header CRC-32 is 0x" + Integer.toHexString(computed) + ", header says 0x"
                    + Integer.toHexString(stored);
        }
        return null;
    }

    /**
     * Moves the tailer to the document holding entry {@code afterIndex + 1} (or an earlier one: starting early is
     * always correct, replay skips the entries up to {@code afterIndex}).
     *
     * @return the index of the entry before the document the tailer is at, as far as known
     */
    private long position(ExcerptTailer tailer, long afterIndex) {
        tailer.toStart();
        if (afterIndex == NO_INDEX || queue.firstIndex() == Long.MAX_VALUE) {
            return NO_INDEX;
        }
        long target = afterIndex + 1;
        int cycle = Integer.MIN_VALUE;
        for (int c : cycles()) {
            long first = firstIndexAt(tailer, rollCycle.toIndex(c, 0));
            if (first == ABSENT || first == UNREADABLE) {
                continue;
            }
            if (first > target) {
                break;
            }
            cycle = c;
        }
        if (cycle == Integer.MIN_VALUE) {
            tailer.toStart();
            return NO_INDEX;
        }
        long lo = 0;
        long hi = rollCycle.maxMessagesPerCycle();
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            long first = firstIndexAt(tailer, rollCycle.toIndex(cycle, mid));
            if (first == ABSENT || first == UNREADABLE || first > target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        long first = firstIndexAt(tailer, rollCycle.toIndex(cycle, lo));
        if (first == ABSENT || first == UNREADABLE) {
            tailer.toStart();
            return NO_INDEX;
        }
        return first - 1;
    }

    /**
     * Reads the first entry index of the document at a Chronicle index and leaves the tailer before it.
     *
     * @return the index, {@link #ABSENT} if there is no document, {@link #UNREADABLE} if its header is damaged
     */
    private long firstIndexAt(ExcerptTailer tailer, long chronicleIndex) {
        if (!tailer.moveToIndex(chronicleIndex)) {
            return ABSENT;
        }
        long first;
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return ABSENT;
            }
            first = firstIndexOf(dc.wire().bytes(), chronicleIndex);
        }
        tailer.moveToIndex(chronicleIndex);
        return first;
    }

    /** @return the first entry index of the document being read, or {@link #UNREADABLE} */
    private long firstIndexOf(Bytes<?> bytes, long chronicleIndex) {
        long at = bytes.readPosition();
        int length = (int) bytes.readRemaining();
        if (length == 0) {
            return UNREADABLE;
        }
        byte format = bytes.readByte(at);
        if (format == EntryFormat.INPUT_V1 || format == EntryFormat.RESUME_V1) {
            return chronicleIndex;
        }
        if (format != EntryFormat.BATCH_V1 || length < EntryFormat.BATCH_HEADER_BYTES) {
            return UNREADABLE;
        }
        bytes.read(at, probeHeader, 0, EntryFormat.BATCH_HEADER_BYTES);
        return batchHeaderDamage(probeHeader, EntryFormat.BATCH_HEADER_BYTES, probeCrc) == null
                ? EntryFormat.longAt(probeHeader, 5)
                : UNREADABLE;
    }

    /**
     * The index of the last entry in the directory: the last document's last entry, plus one for each damaged
     * document after the last readable one (replay gives each of those one index).
     */
    private long findLastIndex() {
        if (queue.firstIndex() == Long.MAX_VALUE || queue.lastIndex() < 0) {
            return NO_INDEX;
        }
        long damaged = 0;
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return NO_INDEX + damaged;
                    }
                    if (!dc.isData()) {
                        continue;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    long first = firstIndexOf(bytes, dc.index());
                    if (first == UNREADABLE) {
                        damaged++;
                        continue;
                    }
                    long last = bytes.readByte(bytes.readPosition()) == EntryFormat.BATCH_V1
                            ? first + EntryFormat.intAt(probeHeader, 1) - 1
                            : first;
                    return last + damaged;
                }
            }
        }
    }

    @Override
    public void sealDamage(RecoveryReport report) {
        if (report.problem().isEmpty()) {
            return;
        }
        single[0] = EntryFormat.resumePayload(
                report.lastGoodIndex(), report.problem().get().index());
        try {
            writeBatch(EntryFormat.RESUME_V1, single, 0, 1);
        } finally {
            single[0] = null;
        }
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

    @Override
    public OptionalLong firstIndex() {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.singleThreadedCheckDisabled(true);
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return OptionalLong.empty();
                    }
                    if (!dc.isData()) {
                        continue;
                    }
                    Bytes<?> bytes = dc.wire().bytes();
                    if (bytes.readRemaining() == 0 || bytes.readByte(bytes.readPosition()) != EntryFormat.BATCH_V1) {
                        return OptionalLong.empty(); // an earlier release's format: entries keep Chronicle indexes
                    }
                    long first = firstIndexOf(bytes, dc.index());
                    return first == UNREADABLE ? OptionalLong.empty() : OptionalLong.of(first);
                }
            }
        }
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

    /** @return the cycles that have a file, oldest first */
    private List<Integer> cycles() {
        List<Integer> cycles = new ArrayList<>();
        for (long cycle : cycleFiles().keySet()) {
            cycles.add((int) cycle);
        }
        return cycles;
    }

    private void applyRetention(boolean rolled) {
        long covered = released;
        if (retainCycles == Integer.MAX_VALUE || covered == NO_INDEX || (!rolled && covered == retainedFor)) {
            return;
        }
        retainedFor = covered;
        TreeMap<Long, Path> files = cycleFiles();
        int deletable = files.size() - retainCycles;
        List<Long> cycles = new ArrayList<>(files.keySet());
        try (ExcerptTailer tailer = queue.createTailer()) {
            for (int i = 0; i + 1 < cycles.size() && deletable > 0; i++) {
                // A file is covered when the next file starts at or before the entry after the covered one.
                long nextFirst =
                        firstIndexAt(tailer, rollCycle.toIndex(cycles.get(i + 1).intValue(), 0));
                if (nextFirst == ABSENT || nextFirst == UNREADABLE || nextFirst > covered + 1) {
                    break;
                }
                Path file = files.get(cycles.get(i));
                try {
                    Files.deleteIfExists(file);
                    deletable--;
                    LOG.info(
                            "journal {}: retention deleted {} (cycle {}, covered by a snapshot at index {})",
                            dir,
                            file.getFileName(),
                            cycles.get(i),
                            covered);
                } catch (IOException e) {
                    LOG.warn("journal {}: retention could not delete {}: {}", dir, file, e.toString());
                }
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
