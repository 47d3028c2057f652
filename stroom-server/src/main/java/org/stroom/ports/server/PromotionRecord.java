package org.stroom.ports.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a passive Server must remember across a restart about having taken over: whether it is promoted, from
 * which peer, on which proof, and when it promoted (the promotions still inside the failback lock-out window). A
 * promoted passive that restarts (a crash, {@code kill -9}, a reboot) comes back promoted, so a restart never hands
 * the service back to a peer that may still be down; only a failback does.
 *
 * <p>The file is {@code promotion.txt} in the journal directory, written whole on every change (to a temporary
 * file, forced to disk, then renamed over the old one, and the directory forced), so a crash leaves the old or the
 * new record, never a mix:
 *
 * <pre>
 *  # Stroom Server promotion record; written by the server, do not edit
 *  promoted: true
 *  peer: a-server
 *  proof: /var/lib/stroom/proofs/proof-20261122T051000.000Z-PASS-promoted.json
 *  promotion: 2026-11-22T05:10:00Z
 * </pre>
 *
 * One {@code promotion} line per promotion in the window, oldest first. A failback writes {@code promoted: false}
 * and keeps the promotion lines, which still count for the lock-out if the Server promotes again.
 *
 * <p>Thread-safety: immutable; {@link #write} and {@link #read} may run on any thread, one writer at a time per
 * file.
 */
public record PromotionRecord(boolean promoted, String peer, String proof, List<Instant> promotions) {
    /** The record's file name in the journal directory. */
    public static final String FILE = "promotion.txt";

    private static final String HEADER = "# Stroom Server promotion record; written by the server, do not edit";

    /**
     * @param promoted whether this Server serves in its peer's place
     * @param peer the peer it took over from (or last took over from); not blank
     * @param proof the takeover proof file of the last promotion, or empty
     * @param promotions when it promoted, oldest first
     */
    public PromotionRecord {
        Objects.requireNonNull(peer, "PromotionRecord: peer");
        Objects.requireNonNull(proof, "PromotionRecord: proof");
        if (peer.isBlank()) {
            throw new IllegalArgumentException("PromotionRecord: peer is blank");
        }
        promotions = List.copyOf(promotions);
    }

    /**
     * @param at when this promotion happened
     * @param peerName the peer taken over from
     * @param proofFile its takeover proof
     * @param window the failback lock-out window: older promotions are dropped
     * @return this record promoted once more (a first record when {@code previous} is empty)
     */
    static PromotionRecord promoted(
            Optional<PromotionRecord> previous, Instant at, String peerName, Path proofFile, Duration window) {
        List<Instant> kept = new ArrayList<>();
        for (Instant p : previous.map(PromotionRecord::promotions).orElse(List.of())) {
            if (Duration.between(p, at).compareTo(window) < 0) {
                kept.add(p);
            }
        }
        kept.add(at);
        return new PromotionRecord(true, peerName, proofFile.toString(), kept);
    }

    /** @return the record after a failback: not promoted, the promotions kept for the lock-out */
    PromotionRecord failedBack() {
        return new PromotionRecord(false, peer, proof, promotions);
    }

    /**
     * @param now the current time
     * @return how long ago each promotion happened (zero for one stamped in the future by a clock step)
     */
    List<Duration> ages(Instant now) {
        List<Duration> out = new ArrayList<>();
        for (Instant p : promotions) {
            Duration age = Duration.between(p, now);
            out.add(age.isNegative() ? Duration.ZERO : age);
        }
        return out;
    }

    /**
     * Writes the record into {@code dir} atomically and durably.
     *
     * @param dir the journal directory
     * @throws UncheckedIOException if it cannot be written; the previous record is then unchanged
     */
    void write(Path dir) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("promoted: ").append(promoted).append('\n');
        text.append("peer: ").append(peer).append('\n');
        text.append("proof: ").append(proof).append('\n');
        for (Instant p : promotions) {
            text.append("promotion: ").append(p).append('\n');
        }
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Some file systems cannot force a directory; the rename is then as durable as they make it.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the promotion record " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param dir the journal directory
     * @return the record, or empty when there is none
     * @throws IllegalArgumentException if the file is not a promotion record; the message names the file and line
     * @throws UncheckedIOException if it cannot be read
     */
    static Optional<PromotionRecord> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the promotion record " + file + ": " + e.getMessage(), e);
        }
        Boolean promoted = null;
        String peer = null;
        String proof = null;
        List<Instant> promotions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = file + " line " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": '" + line + "' is not 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "promoted" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException(
                                where + ": promoted must be true or false, was '" + value + "'");
                    }
                    promoted = Boolean.valueOf(value);
                }
                case "peer" -> peer = value;
                case "proof" -> proof = value;
                case "promotion" -> {
                    try {
                        promotions.add(Instant.parse(value));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(
                                where + ": promotion must be an ISO-8601 instant such as 2026-11-22T05:10:00Z, was '"
                                        + value + "'",
                                e);
                    }
                }
                default ->
                    throw new IllegalArgumentException(where + ": unknown key '" + key
                            + "'; a promotion record has promoted, peer, proof and promotion lines");
            }
        }
        if (promoted == null || peer == null || peer.isBlank()) {
            throw new IllegalArgumentException(file + ": a promotion record needs a 'promoted' and a 'peer' line");
        }
        return Optional.of(new PromotionRecord(promoted, peer, proof == null ? "" : proof, promotions));
    }
}
