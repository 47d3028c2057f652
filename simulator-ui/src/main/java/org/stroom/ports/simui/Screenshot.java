package org.stroom.ports.simui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.SimEngine;
import org.stroom.ports.simui.view.MainView;
import org.stroom.ports.simui.viewmodel.ChannelViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.stroom.ports.simui.viewmodel.SpanViewModel;

/**
 * Renders the main window to a PNG without a display: Monocle's headless glass platform and the software
 * renderer are selected before the toolkit starts (unless the caller already chose a platform), a manual engine
 * runs {@value #MINUTES} simulated minutes of the default traffic (with one cable pulled, so a red span shows),
 * then {@code Scene.snapshot} → {@code SwingFXUtils} → {@code ImageIO}.
 *
 * <p>The picture is deterministic for a description: fixed seed, fixed start instant, virtual time.
 *
 * <p>Thread-safety: call from any thread but the FX thread; it waits for the FX thread.
 */
public final class Screenshot {
    /** Simulated minutes of traffic before the picture. */
    public static final int MINUTES = 10;

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String MONOCLE = "com.sun.glass.ui.monocle.MonoclePlatformFactory";

    private Screenshot() {}

    /** @return whether Monocle's headless platform is on the class path */
    public static boolean monocleAvailable() {
        try {
            Class.forName(MONOCLE, false, Screenshot.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Starts the JavaFX toolkit headless (Monocle, software rendering, a 1920×1200 virtual screen) if it is not
     * running yet. Does nothing to a toolkit that already runs (e.g. started by TestFX).
     *
     * @throws IllegalStateException when Monocle is missing and there is no display
     */
    public static void startHeadlessToolkit() {
        startHeadlessToolkit(1920, 1200);
    }

    /**
     * Like {@link #startHeadlessToolkit()} with a virtual screen of at least the given size (a window larger than
     * Monocle's screen cannot be painted).
     *
     * @param width screen width in pixels
     * @param height screen height in pixels
     */
    public static void startHeadlessToolkit(int width, int height) {
        if (System.getProperty("glass.platform") == null) {
            if (monocleAvailable()) {
                System.setProperty("headless.geometry", Math.max(width, 1920) + "x" + Math.max(height, 1200) + "-32");
                System.setProperty("glass.platform", "Monocle");
                System.setProperty("monocle.platform", "Headless");
                System.setProperty("prism.order", "sw");
                System.setProperty("prism.text", "t2k");
                System.setProperty("java.awt.headless", "true");
            } else if (System.getenv("DISPLAY") == null) {
                throw new IllegalStateException("a headless screenshot needs org.testfx:openjfx-monocle on the class"
                        + " path, or a display (run under xvfb-run)");
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the JavaFX toolkit", e);
        }
    }

    /**
     * Renders the window and writes the PNG.
     *
     * @param out the PNG file (parent directories are created)
     * @param description a description file, or empty for the embedded default
     * @param width picture width in pixels
     * @param height picture height in pixels
     * @throws UncheckedIOException when the file cannot be written
     * @throws IllegalStateException when rendering fails or takes longer than two minutes
     */
    public static void render(Path out, Optional<Path> description, int width, int height) {
        startHeadlessToolkit(width, height);
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(snapshot(description, width, height));
            } catch (RuntimeException | Error e) {
                image.completeExceptionally(e);
            }
        });
        WritableImage img;
        try {
            img = image.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("rendering the simulator window failed: " + e.getMessage(), e);
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile())) {
                throw new IllegalStateException("no PNG writer available in ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + out, e);
        }
    }

    private static WritableImage snapshot(Optional<Path> description, int width, int height) {
        SimulatorViewModel vm =
                new SimulatorViewModel((d, title) -> SimEngine.open(d, title, SimEngine.Options.manual(42, START)));
        try {
            vm.openDefault();
            description.ifPresent(vm::open);
            SimEngine engine = vm.engine();
            vm.startTraffic();
            engine.setSpeed(100);
            engine.runPending();
            SpanViewModel pulled = vm.spans().get(vm.spans().size() / 2 - 1);
            for (int i = 0; i < MINUTES * 3; i++) {
                if (i == MINUTES * 3 - 2 && pulled.circuit().isPresent()) {
                    vm.pullCable(pulled);
                }
                engine.runFor(Duration.ofSeconds(20));
                vm.applyLatestFrame();
            }
            ChannelViewModel busy = vm.spans().stream()
                    .flatMap(s -> s.cells().stream())
                    .filter(c -> c.state() == CellState.FAX)
                    .findFirst()
                    .orElse(vm.spans().get(0).cells().get(0));
            vm.selectChannel(busy);
            engine.runPending();
            vm.applyLatestFrame();
            MainView view = new MainView(vm);
            view.showTab("Charts");
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), width, height);
            stage.setScene(scene);
            stage.show();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage img = scene.snapshot(null);
            stage.close();
            return img;
        } finally {
            vm.close();
        }
    }
}
