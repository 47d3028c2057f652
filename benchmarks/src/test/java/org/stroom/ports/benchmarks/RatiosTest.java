package org.stroom.ports.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatiosTest {
    @TempDir
    Path dir;

    private static String result(String benchmark, String params, double score, String rawData) {
        return "{\"benchmark\":\"org.stroom.ports.benchmarks." + benchmark + "\",\"params\":{" + params
                + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreUnit\":\"ops/s\",\"rawData\":" + rawData + "}}";
    }

    private String print(String... results) throws IOException {
        Path file = dir.resolve("jmh-result.json");
        Files.writeString(file, "[" + String.join(",", results) + "]");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Ratios.print(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void journalOffRatioIsJudgedAgainstTheRawDisruptorOfTheSameRunAndShowsTheSpreadBetweenForks() throws IOException {
        String pipeline = "\"journal\":\"off\",\"machine\":\"port-manager\",\"topology\":\"JOURNAL_AND_WRITER\"";

        String out = print(
                result("RawDisruptorBenchmark.publishNoOp", "", 40e6, "[[30e6,30e6],[50e6,50e6]]"),
                result("PipelineBenchmark.allocateRelease", pipeline, 9e6, "[[6e6,6e6],[12e6,12e6]]"));

        assertThat(out)
                .contains("(1) raw Disruptor, 1 producer / 1 consumer, no-op    40.00 M events/s")
                .contains("forks 30.0 to 50.0 M")
                .contains("JOURNAL_AND_WRITER, port-manager                 9.00 M inputs/s   (4)/(1) = 22.5 %"
                        + "  forks 6.0 to 12.0 M")
                .contains("target (4)/(1) >= 20 % (port-manager, JOURNAL_AND_WRITER) MET");
    }

    @Test
    void aRatioBelowTheTargetIsNotMetAndOneForkShowsNoSpread() throws IOException {
        String pipeline = "\"journal\":\"off\",\"machine\":\"port-manager\",\"topology\":\"SINGLE_THREAD\"";

        String out = print(
                result("RawDisruptorBenchmark.publishNoOp", "", 50e6, "[[50e6]]"),
                result("PipelineBenchmark.allocateRelease", pipeline, 5e6, "[[5e6]]"));

        assertThat(out)
                .contains("(4)/(1) = 10.0 %")
                .contains("target (4)/(1) >= 20 % (port-manager, SINGLE_THREAD) NOT MET")
                .doesNotContain("forks");
    }
}
