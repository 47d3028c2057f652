package org.stroom.ports.simui.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.simui.Screenshot;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.SimEngine;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The four flows of the issue through the real window, headless (Monocle). The engine is manual: this test
 * thread is the simulation thread and moves simulated time; the window's frame pump applies the frames.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class SimulatorWindowTest {
    private SimulatorViewModel vm;
    private FramePump pump;

    @Start
    void start(Stage stage) {
        vm = new SimulatorViewModel(
                (d, t) -> SimEngine.open(d, t, SimEngine.Options.manual(42, Instant.parse("2026-01-05T09:00:00Z"))));
        vm.openDefault();
        MainView view = new MainView(vm);
        pump = new FramePump(vm);
        pump.start();
        stage.setScene(new Scene(view.root(), 1800, 1100));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            pump.stop();
            return null;
        });
        vm.close();
    }

    @Test
    void startingTrafficTurnsCellsBusy(FxRobot robot) throws Exception {
        assertThat(fx(() -> robot.lookup("#systems .cell-strip").queryAll().size()))
                .isEqualTo(16);
        assertThat(busyCells(robot)).isZero();
        robot.clickOn("#start-traffic");
        runCommands();
        advance(Duration.ofMinutes(1));
        assertThat(busyCells(robot)).isGreaterThan(5);
        assertThat(fx(() -> robot.lookup("#start-traffic").query().isDisabled()))
                .isTrue();
    }

    @Test
    void aPulledCableTurnsTheSpanRedOnlyAfterTheAlarmIntegrationTime(FxRobot robot) throws Exception {
        robot.rightClickOn("#handle-a-node1-b0-s1").clickOn("Pull cable");
        runCommands();
        advance(Duration.ofMillis(2400));
        assertThat(fx(() -> strip(robot, "a-node1/b0/s1").painted(7))).isEqualTo(CellState.IDLE);
        Node badge = robot.lookup("#alarm-a-node1-b0-s1").query();
        assertThat(fx(() -> badge.getStyleClass())).contains("alarm-none").doesNotContain("alarm-red");
        advance(Duration.ofMillis(200));
        assertThat(fx(() -> badge.getStyleClass())).contains("alarm-red");
        assertThat(fx(() -> ((Label) badge).getText())).isEqualTo("RED");
        CellStrip cells = strip(robot, "a-node1/b0/s1");
        assertThat(fx(() -> cells.painted(7))).isEqualTo(CellState.OUT_OF_SERVICE);
        assertThat(pixel(cells, 7)).isEqualTo(Palette.fill(CellState.OUT_OF_SERVICE));
    }

    @Test
    void draggingASpanOntoAFreePositionMovesIt(FxRobot robot) throws Exception {
        robot.rightClickOn("#handle-b-node2-b0-s2").clickOn("Pull cable");
        runCommands();
        advance(Duration.ofSeconds(3));
        robot.drag("#handle-a-node1-b0-s3", MouseButton.PRIMARY).dropTo("#span-b-node2-b0-s2");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            vm.engine().runPending();
            return fx(() -> vm.statusProperty().get()).startsWith("moved circuit DHEC.100105..SW");
        });
        advance(Duration.ofSeconds(11));
        Label circuit = robot.lookup("#handle-b-node2-b0-s2 .span-circuit").queryAs(Label.class);
        assertThat(fx(circuit::getText)).isEqualTo("DHEC.100105..SW");
        assertThat(fx(() -> robot.lookup("#alarm-b-node2-b0-s2").query().getStyleClass()))
                .contains("alarm-none");
        assertThat(fx(() -> robot.lookup("#handle-a-node1-b0-s3 .span-circuit")
                        .queryAs(Label.class)
                        .getText()))
                .isEqualTo("— free —");
    }

    @Test
    void killingTheActiveServerMakesTheTakeoverProofAppear(FxRobot robot) throws Exception {
        advance(Duration.ofSeconds(5));
        robot.clickOn("Failover");
        Label grade = robot.lookup("#proof-grade").queryAs(Label.class);
        assertThat(fx(grade::getText)).isEqualTo("no takeover proof yet");
        robot.clickOn("#kill-active");
        runCommands();
        assertThat(fx(() -> vm.statusProperty().get())).startsWith("killed Server a-server");
        for (int i = 0; i < 9; i++) {
            advance(Duration.ofSeconds(5));
        }
        assertThat(fx(grade::getText)).matches("proof: (PASS|DEGRADED|FAIL)");
        assertThat(fx(() -> robot.lookup("#monitor-state").queryAs(Label.class).getText()))
                .isEqualTo("monitor: FAILURE");
        assertThat(fx(() -> robot.lookup("#proof-plan").queryListView().getItems()))
                .isNotEmpty();
        assertThat(fx(() -> robot.lookup("#proof-decision").queryAs(Label.class).getText()))
                .containsAnyOf("promoted", "not promoted");
    }

    @Test
    void theScreenshotIsAPngOfTheMainWindowAtTheAskedSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("shot.png");
        Screenshot.render(png, Optional.empty(), 1200, 800);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        assertThat(img.getHeight()).isEqualTo(800);
        long colours = java.util.stream.IntStream.range(0, 200)
                .map(i -> img.getRGB(i * 6 % 1200, i * 4 % 800))
                .distinct()
                .count();
        assertThat(colours).as("a rendered window, not a blank image").isGreaterThan(3);
    }

    private long busyCells(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup("#systems .cell-strip").queryAllAs(CellStrip.class).stream()
                .mapToLong(strip -> java.util.stream.IntStream.rangeClosed(1, 24)
                        .filter(ds0 -> strip.painted(ds0).busy())
                        .count())
                .sum());
    }

    private static CellStrip strip(FxRobot robot, String key) {
        return robot.lookup("#" + Ids.cells(key)).queryAs(CellStrip.class);
    }

    /** @return the colour painted in the middle of a cell */
    private static Color pixel(CellStrip strip, int ds0) throws Exception {
        return fx(() -> strip.snapshot(null, null).getPixelReader().getColor((int) ((ds0 - 0.5) * CellStrip.CELL), (int)
                (CellStrip.HEIGHT / 2)));
    }

    /** Runs the commands the window posted (this thread is the simulation thread) and waits for the frame. */
    private void runCommands() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        vm.engine().runPending();
        awaitFrame();
    }

    private void advance(Duration d) throws Exception {
        vm.engine().runFor(d);
        awaitFrame();
    }

    private void awaitFrame() throws Exception {
        long want = vm.engine().latestFrame().sequence();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> fx(() -> vm.frameSequenceProperty().get()) >= want);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
