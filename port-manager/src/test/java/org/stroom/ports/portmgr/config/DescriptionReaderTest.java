package org.stroom.ports.portmgr.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stroom.ports.portmgr.config.SystemDescription.RedundancyMode;
import org.stroom.ports.t1.Signalling;

class DescriptionReaderTest {
    static final Path EXAMPLES = Path.of("..", "docs", "examples");
    static final Path BROKEN = Path.of("src", "test", "resources", "config", "broken");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleInTheDocsIsValid(Path example) {
        SystemDescription d = DescriptionReader.read(example);
        assertThat(d.systems()).isNotEmpty();
    }

    @Test
    void readsTheModeTwoExample() {
        SystemDescription d = DescriptionReader.read(EXAMPLES.resolve("mode2.yaml"));
        assertThat(d.mode()).isEqualTo(RedundancyMode.MODE_2);
        assertThat(d.systems())
                .extracting(SystemDescription.StroomSystem::name)
                .containsExactly("stroom-a", "stroom-b");
        assertThat(d.pairs()).singleElement().satisfies(b -> {
            assertThat(b.backup()).isEqualTo("stroom-b");
            assertThat(b.covers()).containsExactly("stroom-a");
        });
        SystemDescription.Span first =
                d.systems().get(0).machines().get(0).boards().get(0).spans().get(0);
        assertThat(first.config().signalling()).isEqualTo(Signalling.ISDN_PRI);
        assertThat(first.config().didRanges()).hasSize(1);
        assertThat(d.systems().get(0).modules()).hasSize(3);
    }

    static Stream<String> brokenFiles() throws IOException {
        try (Stream<Path> s = Files.list(BROKEN)) {
            return s
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5))
                    .sorted()
                    .collect(Collectors.toList())
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void everyBrokenFileGetsExactlyItsExpectedMessages(String name) throws IOException {
        Path yaml = BROKEN.resolve(name + ".yaml");
        List<String> expected = Files.readAllLines(BROKEN.resolve(name + ".expected")).stream()
                .filter(l -> !l.isBlank())
                .collect(Collectors.toList());
        String file = "broken/" + name + ".yaml";
        DescriptionException e = org.junit.jupiter.api.Assertions.assertThrows(
                DescriptionException.class, () -> DescriptionReader.parse(file, Files.readString(yaml)));
        List<String> actual = e.problems().stream().map(Problem::format).collect(Collectors.toList());
        if (Boolean.getBoolean("config.printActual")) {
            System.out.println("=== " + name + " unusable=" + e.unusable() + "\n" + String.join("\n", actual));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(e.unusable()).isEqualTo(name.equals("syntax"));
    }

    @Test
    void aMissingFileIsUnusableInputNotAStackTrace() {
        assertThatThrownBy(() -> DescriptionReader.read(Path.of("no-such-file.yaml")))
                .isInstanceOf(DescriptionException.class)
                .hasMessage("no-such-file.yaml:1:1: the file does not exist. Fix: check the path [io]")
                .matches(x -> ((DescriptionException) x).unusable());
    }

    @Test
    void suggestsTheNearestKnownField() {
        assertThat(DescriptionReader.nearest("framng", java.util.Set.of("framing", "coding")))
                .isEqualTo("framing");
        assertThat(DescriptionReader.nearest("zzzzzz", java.util.Set.of("framing", "coding")))
                .isNull();
    }
}
