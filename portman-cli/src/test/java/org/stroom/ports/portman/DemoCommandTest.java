package org.stroom.ports.portman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoRunsTrafficFailsTheActiveOverWithAProofAndWritesTheReport() {
        ErlangCommandTest.Run r = ErlangCommandTest.run("demo", "-o", dir.toString(), "--hours", "0.25", "--seed", "3");
        assertThat(r.rc()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("Carried traffic:")
                .contains("stroom-a stops answering")
                .contains("SUSPECT -> FAILURE: 15 consecutive missed heartbeats")
                .contains("PROMOTE stroom-b (proof PASS")
                .contains("signature verified");
        assertThat(dir.resolve("takeover-proof.json")).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("report").resolve("report.pdf")).isNotEmptyFile();
    }
}
