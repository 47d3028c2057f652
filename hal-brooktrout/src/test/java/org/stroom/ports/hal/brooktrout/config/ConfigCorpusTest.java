package org.stroom.ports.hal.brooktrout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stroom.ports.hal.brooktrout.config.SpanImport.ImportedSpan;
import org.stroom.ports.t1.SpanConfig;

/**
 * Runs every case of {@code src/test/resources/config}: a directory holding {@code btcall.cfg} or {@code
 * callctrl.cfg} and {@code expected.txt}. For valid cases the expected text lists the settings
 * (btcall.cfg) or the imported spans (call-control file); for broken cases it is the exact error message.
 */
class ConfigCorpusTest {

    static Stream<Path> validCases() throws IOException, URISyntaxException {
        return cases("valid");
    }

    static Stream<Path> brokenCases() throws IOException, URISyntaxException {
        return cases("broken");
    }

    private static Stream<Path> cases(String kind) throws IOException, URISyntaxException {
        Path root =
                Paths.get(ConfigCorpusTest.class.getResource("/config/" + kind).toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void corpusIsLargeEnoughThatTheParameterisedTestsCannotPassVacuously() throws Exception {
        assertThat(validCases().count()).isGreaterThanOrEqualTo(4);
        assertThat(brokenCases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void validFileImportsAsExpectedAndRoundTripsThroughText(Path dir) throws IOException {
        String expected = read(dir.resolve("expected.txt")).strip();
        if (Files.exists(dir.resolve("btcall.cfg"))) {
            BtcallConfig cfg = BrooktroutConfigParser.parseBtcall("btcall.cfg", read(dir.resolve("btcall.cfg")));
            assertThat(pairs(cfg.settings())).isEqualTo(expected);
            BtcallConfig again = BrooktroutConfigParser.parseBtcall("btcall.cfg", cfg.toText());
            assertThat(pairs(again.settings())).isEqualTo(expected);
            assertThat(again.toText()).isEqualTo(cfg.toText());
        } else {
            CallControlConfig cfg =
                    BrooktroutConfigParser.parseCallControl("callctrl.cfg", read(dir.resolve("callctrl.cfg")));
            List<ImportedSpan> spans = SpanImport.toSpans(cfg);
            assertThat(summary(spans)).isEqualTo(expected);

            CallControlConfig reparsed = BrooktroutConfigParser.parseCallControl("callctrl.cfg", cfg.toText());
            assertThat(reparsed.toText()).isEqualTo(cfg.toText());
            assertThat(SpanImport.toSpans(reparsed)).isEqualTo(spans);

            String exported = SpanImport.toCallControl("out.cfg", spans).toText();
            assertThat(SpanImport.toSpans(BrooktroutConfigParser.parseCallControl("out.cfg", exported)))
                    .isEqualTo(spans);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void brokenFileIsRejectedWithItsLineNumberedMessage(Path dir) throws IOException {
        String expected = read(dir.resolve("expected.txt")).strip();
        assertThatThrownBy(() -> {
                    if (Files.exists(dir.resolve("btcall.cfg"))) {
                        BrooktroutConfigParser.parseBtcall("btcall.cfg", read(dir.resolve("btcall.cfg")));
                    } else {
                        SpanImport.toSpans(BrooktroutConfigParser.parseCallControl(
                                "callctrl.cfg", read(dir.resolve("callctrl.cfg"))));
                    }
                })
                .isInstanceOfSatisfying(ConfigImportException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(expected);
                    assertThat(e.problems())
                            .allSatisfy(p -> assertThat(p.line()).isPositive());
                });
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String pairs(List<Setting> settings) {
        return settings.stream().map(s -> s.keyword() + "=" + s.value()).collect(Collectors.joining("\n"));
    }

    static String summary(List<ImportedSpan> spans) {
        return spans.stream()
                .map(s -> {
                    SpanConfig c = s.config();
                    return s.port().text() + " " + c.circuitId() + " " + c.signalling() + " " + c.framing() + " "
                            + c.lineCoding() + " " + (c.priSwitch() == null ? "-" : c.priSwitch()) + " "
                            + c.lineBuildOut() + " clock=" + c.clockPriority() + " unprovisioned="
                            + c.unprovisionedTimeslots();
                })
                .collect(Collectors.joining("\n"));
    }
}
