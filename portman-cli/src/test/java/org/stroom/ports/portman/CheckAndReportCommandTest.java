package org.stroom.ports.portman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckAndReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkPassesTheExamplesAndExitsZero() {
        for (String f : new String[] {"mode0.yaml", "mode1.yaml", "mode2.yaml"}) {
            ErlangCommandTest.Run r = ErlangCommandTest.run("check", "../docs/examples/" + f);
            assertThat(r.rc()).as(f + "\n" + r.out() + r.err()).isZero();
            assertThat(r.out()).endsWith("PASS: no verdict fails");
        }
    }

    @Test
    void checkFailsATooSmallPassiveWithExitCodeOneAndTheReason() {
        ErlangCommandTest.Run r = ErlangCommandTest.run("check", "src/test/resources/mode2-small-passive.yaml");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAIL     Mode 2: stroom-a fails, stroom-b takes over")
                .endsWith("FAIL: at least one verdict fails");
        ErlangCommandTest.Run json =
                ErlangCommandTest.run("check", "--json", "src/test/resources/mode2-small-passive.yaml");
        assertThat(json.out()).contains("\"pass\":false").contains("\"grade\":\"FAIL\"");
    }

    @Test
    void checkRejectsAnInvalidFileWithItsProblems() {
        ErlangCommandTest.Run r =
                ErlangCommandTest.run("check", "../port-manager/src/test/resources/config/broken/pri-on-d4.yaml");
        assertThat(r.rc()).isEqualTo(1);
        assertThat(r.err()).contains("pri-needs-esf");
    }

    @Test
    void reportWritesHtmlJsonCsvAndPdf() throws Exception {
        ErlangCommandTest.Run r =
                ErlangCommandTest.run("report", "../docs/examples/mode2.yaml", "-o", dir.toString(), "--hours", "0.1");
        assertThat(r.rc()).as(r.err()).isZero();
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        assertThat(dir.resolve("report.json")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"verdicts\"");
        assertThat(new String(
                        Files.readAllBytes(dir.resolve("report.pdf")),
                        0,
                        5,
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".csv")).count())
                .isGreaterThanOrEqualTo(5);
    }
}
