package org.stroom.ports.portmgr.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshot files in one directory, each holding the state after a given journal entry, so recovery replays
 * only the entries after it.
 *
 * <p>File {@code snapshot-<index>.snap}: {@code [u32 magic "STSN"][u8 version 1][u64 journal index]
 * [u32 length][u32 crc32][payload]}, little-endian. A file is written under a temporary name, forced to disk and
 * renamed atomically, so a reader sees either the whole file or none. The newest {@code keep} files are kept.
 *
 * <p>Thread-safety: {@link #write} from one thread at a time; {@link #latest} and the queries from any thread.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final int MAGIC = 0x4E535453; // "STSN" read as little-endian bytes
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 4 + 1 + 8 + 4 + 4;
    private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.snap");

    private final Path dir;
    private final int keep;

    private SnapshotStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /**
     * @param dir directory of the snapshot files; created if missing
     * @param keep number of newest snapshots kept, at least 1 (2 or more lets recovery fall back past a
     *     damaged newest file)
     * @return the store
     * @throws IllegalArgumentException if keep &lt; 1
     * @throws UncheckedIOException if the directory cannot be created
     */
    public static SnapshotStore open(Path dir, int keep) {
        Objects.requireNonNull(dir, "dir");
        if (keep < 1) {
            throw new IllegalArgumentException("SnapshotStore keep must be >= 1, was " + keep);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("SnapshotStore: cannot create directory " + dir, e);
        }
        return new SnapshotStore(dir, keep);
    }

    /**
     * Writes a snapshot durably, then deletes snapshots beyond the newest {@code keep}.
     *
     * @param journalIndex journal index of the last entry whose effect {@code payload} contains (&ge; -1)
     * @param payload the state's bytes, from position to limit
     * @return the file written
     * @throws UncheckedIOException if writing fails; no partial file is left under the final name
     */
    public Path write(long journalIndex, ByteBuffer payload) {
        if (journalIndex < Journal.NO_INDEX) {
            throw new IllegalArgumentException("SnapshotStore.write journalIndex must be >= -1, was " + journalIndex);
        }
        int length = payload.remaining();
        CRC32 crc = new CRC32();
        crc.update(payload.duplicate());
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC)
                .put(VERSION)
                .putLong(journalIndex)
                .putInt(length)
                .putInt((int) crc.getValue())
                .flip();
        Path target = dir.resolve(fileName(journalIndex));
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer body = payload.duplicate();
                while (header.hasRemaining() || body.hasRemaining()) {
                    channel.write(new ByteBuffer[] {header, body});
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new UncheckedIOException(
                        "SnapshotStore: " + dir + " does not support atomic rename; use a local file system", e);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("SnapshotStore: cannot write " + target, e);
        }
        prune();
        return target;
    }

    /**
     * Reads the newest valid snapshot, skipping damaged files.
     *
     * @param rejected receives one line per skipped file (name and reason), newest first
     * @return the newest valid snapshot, or empty if there is none
     */
    public Optional<Snapshot> latest(List<String> rejected) {
        for (Path file : files()) {
            try {
                return Optional.of(read(file));
            } catch (IllegalStateException | UncheckedIOException e) {
                String reason = file.getFileName() + ": " + e.getMessage();
                LOG.warn("snapshot rejected: {}", reason);
                rejected.add(reason);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the journal index of the oldest snapshot file kept, which is what the journal may release up
     *     to; empty if there is none
     */
    public OptionalLong oldestIndex() {
        List<Path> files = files();
        return files.isEmpty() ? OptionalLong.empty() : OptionalLong.of(indexOf(files.get(files.size() - 1)));
    }

    /** @return the snapshot files, newest first */
    public List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("SnapshotStore: cannot list " + dir, e);
        }
    }

    /** @return the directory of the snapshot files */
    public Path dir() {
        return dir;
    }

    /**
     * Reads and checks one snapshot file.
     *
     * @param file one of {@link #files()}
     * @return the snapshot
     * @throws IllegalStateException naming what is wrong if the file is damaged
     * @throws UncheckedIOException if it cannot be read
     */
    public Snapshot read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("SnapshotStore: cannot read " + file, e);
        }
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalStateException("file of " + bytes.length + " bytes is shorter than the header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt();
        byte version = in.get();
        long index = in.getLong();
        int length = in.getInt();
        int stored = in.getInt();
        if (magic != MAGIC || version != VERSION) {
            throw new IllegalStateException("magic 0x" + Integer.toHexString(magic) + " version " + version
                    + " is not a version-" + VERSION + " snapshot");
        }
        if (index != indexOf(file)) {
            throw new IllegalStateException("header index " + index + " does not match the file name");
        }
        if (length != bytes.length - HEADER_BYTES) {
            throw new IllegalStateException(
                    "header says " + length + " payload bytes, file holds " + (bytes.length - HEADER_BYTES));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, length);
        if ((int) crc.getValue() != stored) {
            throw new IllegalStateException("payload CRC-32 is 0x" + Long.toHexString(crc.getValue())
                    + ", header says 0x" + Integer.toHexString(stored));
        }
        return new Snapshot(index, ByteBuffer.wrap(bytes, HEADER_BYTES, length).slice(), file);
    }

    private void prune() {
        List<Path> files = files();
        for (Path old : files.subList(Math.min(keep, files.size()), files.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                LOG.warn("SnapshotStore: cannot delete old snapshot {}: {}", old, e.toString());
            }
        }
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for reading; the rename is still atomic there.
            LOG.debug("SnapshotStore: cannot force directory {}: {}", dir, e.toString());
        }
    }

    private static String fileName(long journalIndex) {
        // Offset by one so that NO_INDEX (-1) gets a non-negative, sortable name.
        return String.format("snapshot-%020d.snap", journalIndex + 1);
    }

    private static long indexOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a snapshot file name: " + file.getFileName());
        }
        return Long.parseLong(m.group(1)) - 1;
    }
}
