package org.stroom.ports.portmgr.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Snapshot snapshot) {
        return StandardCharsets.UTF_8.decode(snapshot.payload().duplicate()).toString();
    }

    @Test
    void latestReturnsTheNewestSnapshotWithItsJournalIndex() {
        SnapshotStore store = SnapshotStore.open(dir, 3);
        store.write(10, bytes("ten"));
        store.write(200, bytes("two hundred"));

        List<String> rejected = new ArrayList<>();
        Snapshot latest = store.latest(rejected).orElseThrow();

        assertThat(latest.journalIndex()).isEqualTo(200);
        assertThat(text(latest)).isEqualTo("two hundred");
        assertThat(rejected).isEmpty();
    }

    @Test
    void aSnapshotOfTheInitialStateUsesNoIndex() {
        SnapshotStore store = SnapshotStore.open(dir, 1);
        store.write(Journal.NO_INDEX, bytes("empty"));
        assertThat(store.latest(new ArrayList<>()).orElseThrow().journalIndex()).isEqualTo(Journal.NO_INDEX);
    }

    @Test
    void aCorruptNewestSnapshotIsRejectedWithItsReasonAndTheOlderOneIsUsed() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir, 2);
        store.write(5, bytes("older"));
        Path newest = store.write(9, bytes("newer"));
        byte[] raw = Files.readAllBytes(newest);
        raw[raw.length - 1] ^= 1;
        Files.write(newest, raw);

        List<String> rejected = new ArrayList<>();
        Snapshot latest = store.latest(rejected).orElseThrow();

        assertThat(latest.journalIndex()).isEqualTo(5);
        assertThat(rejected)
                .singleElement()
                .asString()
                .contains(newest.getFileName().toString())
                .contains("CRC-32");
    }

    @Test
    void aTruncatedSnapshotIsRejected() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir, 2);
        Path file = store.write(7, bytes("some state bytes"));
        byte[] raw = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(raw, raw.length - 4));

        assertThatThrownBy(() -> store.read(file)).hasMessageContaining("payload bytes");
        assertThat(store.latest(new ArrayList<>())).isEmpty();
    }

    @Test
    void keepsOnlyTheNewestSnapshotsAndReportsTheOldestKeptIndex() {
        SnapshotStore store = SnapshotStore.open(dir, 2);
        store.write(1, bytes("a"));
        store.write(2, bytes("b"));
        store.write(3, bytes("c"));

        assertThat(store.files()).hasSize(2);
        assertThat(store.oldestIndex()).hasValue(2);
    }

    @Test
    void leftoverTemporaryFilesAreIgnored() throws IOException {
        SnapshotStore store = SnapshotStore.open(dir, 2);
        store.write(4, bytes("whole"));
        Files.write(dir.resolve("snapshot-00000000000000000099.snap.tmp"), new byte[] {1, 2, 3});

        assertThat(store.latest(new ArrayList<>()).orElseThrow().journalIndex()).isEqualTo(4);
    }

    @Test
    void rejectsKeepBelowOne() {
        assertThatThrownBy(() -> SnapshotStore.open(dir, 0)).hasMessageContaining("keep must be >= 1");
    }
}
