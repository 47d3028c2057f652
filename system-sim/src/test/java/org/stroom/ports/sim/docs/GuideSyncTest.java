package org.stroom.ports.sim.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/embedding.md} and {@link EmbeddingGuideTest} identical: the guide's fenced Java blocks, in
 * order, are the test's {@code // [guide:NAME]} regions, in order, each with its common indentation removed. Edit
 * an example in the test (where it is compiled and run), then paste it into the guide.
 */
class GuideSyncTest {
    static final Path GUIDE = Path.of("../docs/embedding.md");
    static final Path SOURCE = Path.of("src/test/java/org/stroom/ports/sim/docs/EmbeddingGuideTest.java");

    @Test
    void everyJavaBlockOfTheEmbeddingGuideIsAnExampleOfTheTestInTheSameOrder() {
        List<String> blocks = fencedBlocks(read(GUIDE), "java");
        List<String> regions = regions(read(SOURCE));

        assertThat(regions).as("guide regions in %s", SOURCE).hasSizeGreaterThanOrEqualTo(10);
        assertThat(blocks)
                .as("fenced java blocks of %s, against the // [guide:...] regions of %s", GUIDE, SOURCE)
                .containsExactlyElementsOf(regions);
    }

    @Test
    void regionsAreDedentedAndMarkersStripped() {
        String source = String.join(
                "\n",
                "class X {",
                "    void m() {",
                "        // [guide:a]",
                "        int x = 1;",
                "        if (x > 0) {",
                "            x++;",
                "        }",
                "        // [/guide:a]",
                "    }",
                "}");

        assertThat(regions(source)).containsExactly("int x = 1;\nif (x > 0) {\n    x++;\n}");
        assertThat(fencedBlocks("text\n```java\nint x = 1;\n```\n```text\nno\n```\n", "java"))
                .containsExactly("int x = 1;");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + file.toAbsolutePath() + "; run the test from system-sim", e);
        }
    }

    /** @return the contents of every fenced block of the language, in order */
    static List<String> fencedBlocks(String markdown, String language) {
        List<String> out = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (current == null && line.strip().equals("```" + language)) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                out.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    /** @return the lines between each {@code // [guide:NAME]} and {@code // [/guide:NAME]}, dedented, in order */
    static List<String> regions(String source) {
        List<String> out = new ArrayList<>();
        List<String> current = null;
        for (String line : source.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("// [guide:")) {
                current = new ArrayList<>();
            } else if (s.startsWith("// [/guide:")) {
                out.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return String.join("\n", out).strip();
    }
}
