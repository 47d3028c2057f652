package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.config.Problem;

/** The journal's snapshot keys: defaults, the examples, and bad values named by key. */
class ServerConfigSnapshotTest {
    @TempDir
    Path dir;

    private ServerConfig parse(String journal) {
        return ServerConfig.parse(
                dir.resolve("s.yaml"), "server: {name: s1, system: site.yaml}\ntls: {dir: tls}\n" + journal);
    }

    @Test
    void snapshotsAreOnByDefaultEveryMillionInputsKeepingTwoInTheJournalDirectory() {
        ServerConfig c = parse("journal: {dir: j}\n");

        assertThat(c.snapshotEvery()).isEqualTo(1_000_000);
        assertThat(c.snapshotsKept()).isEqualTo(2);
        assertThat(c.snapshotDir()).isEqualTo(dir.resolve("j").resolve("snapshots"));
    }

    @Test
    void theKeysAreReadAndZeroTurnsSnapshotsOff() {
        ServerConfig c = parse("journal: {snapshotEvery: 0, snapshotsKept: 5}\n");

        assertThat(c.snapshotEvery()).isZero();
        assertThat(c.snapshotsKept()).isEqualTo(5);
    }

    @Test
    void theExampleActiveServerListsTheSnapshotKeys() {
        ServerConfig a = ServerConfig.load(ServerConfigTest.EXAMPLES.resolve("server-a.yaml"));

        assertThat(a.snapshotEvery()).isEqualTo(ServerConfig.DEFAULT_SNAPSHOT_EVERY);
        assertThat(a.snapshotsKept()).isEqualTo(ServerConfig.DEFAULT_SNAPSHOTS_KEPT);
    }

    @Test
    void badSnapshotValuesAreReportedNamingTheKey() {
        assertThatThrownBy(() -> parse("journal: {snapshotEvery: -5, snapshotsKept: 0}\n"))
                .isInstanceOf(ServerConfigException.class)
                .satisfies(e -> assertThat(((ServerConfigException) e).problems())
                        .extracting(Problem::field)
                        .containsExactlyInAnyOrder("journal.snapshotEvery", "journal.snapshotsKept"))
                .hasMessageContaining("-5 is outside 0..")
                .hasMessageContaining("0 is outside 1..100");
        assertThatThrownBy(() -> parse("journal: {snapshotEvery: often}\n"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageContaining("journal.snapshotEvery")
                .hasMessageContaining("'often' is not a whole number");
    }
}
