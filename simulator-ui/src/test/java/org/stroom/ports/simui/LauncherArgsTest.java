package org.stroom.ports.simui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherArgsTest {
    @Test
    void readsTheFileTheScreenshotAndTheSize() {
        LauncherArgs a = LauncherArgs.parse("--file", "x.yaml", "--screenshot", "out.png", "--size", "1200x800");
        assertThat(a.file()).contains(Path.of("x.yaml"));
        assertThat(a.screenshot()).contains(Path.of("out.png"));
        assertThat(a.width()).isEqualTo(1200);
        assertThat(a.height()).isEqualTo(800);
    }

    @Test
    void defaultsToTheEmbeddedSystemInAWindow() {
        LauncherArgs a = LauncherArgs.parse();
        assertThat(a.file()).isEmpty();
        assertThat(a.screenshot()).isEmpty();
        assertThat(a.width()).isEqualTo(1600);
    }

    @Test
    void refusesUnknownArgumentsMissingValuesAndBadSizesWithTheUsage() {
        assertThatThrownBy(() -> LauncherArgs.parse("--fast"))
                .hasMessageContaining("unknown argument '--fast'")
                .hasMessageContaining("usage: portman ui");
        assertThatThrownBy(() -> LauncherArgs.parse("--screenshot")).hasMessageContaining("--screenshot needs a value");
        assertThatThrownBy(() -> LauncherArgs.parse("--size", "big")).hasMessageContaining("is not WIDTHxHEIGHT");
        assertThatThrownBy(() -> LauncherArgs.parse("--size", "10x10")).hasMessageContaining("outside 400x300");
    }

    @Test
    void aUsageErrorReturnsTwoWithoutStartingJavaFx() {
        assertThat(SimulatorLauncher.run("--nope")).isEqualTo(2);
        assertThat(SimulatorLauncher.run("--help")).isZero();
    }
}
