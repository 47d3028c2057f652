package org.stroom.ports.simui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The interactive application starts on the default installation, shows its window, and stops cleanly. */
@Timeout(60)
class SimulatorAppTest {
    @Test
    void startsTheWindowOnTheDefaultInstallationAndStops() throws Exception {
        FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(SimulatorApp.class);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                    .anyMatch(w -> w instanceof Stage s && "Stroom span/port simulator".equals(s.getTitle())));
            Stage stage = (Stage) Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && "Stroom span/port simulator".equals(s.getTitle()))
                    .findFirst()
                    .orElseThrow();
            assertThat(stage.getScene().lookup("#span-a-node1-b0-s1")).isNotNull();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(
                            () -> ((javafx.scene.control.Label) stage.getScene().lookup("#sim-time")).getText())
                    .get()
                    .equals("00:00:00.000"));
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
