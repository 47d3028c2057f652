package org.stroom.ports.simui;

import java.time.Instant;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stroom.ports.simui.sim.SimEngine;
import org.stroom.ports.simui.view.FramePump;
import org.stroom.ports.simui.view.MainView;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * The interactive simulator: the embedded default installation (or {@code --file FILE}) on a threaded engine at
 * 1×, frames applied once per pulse. Start it through {@link SimulatorLauncher}, which works from a plain class
 * path.
 *
 * <p>Thread-safety: JavaFX calls it on the FX thread.
 */
public final class SimulatorApp extends Application {
    private SimulatorViewModel vm;
    private FramePump pump;

    /** Called by JavaFX. */
    public SimulatorApp() {}

    @Override
    public void start(Stage stage) {
        LauncherArgs args = LauncherArgs.parse(getParameters().getRaw().toArray(new String[0]));
        vm = new SimulatorViewModel(
                (d, title) -> SimEngine.open(d, title, SimEngine.Options.interactive(Instant.now())));
        vm.openDefault();
        args.file().ifPresent(vm::open);
        MainView view = new MainView(vm);
        pump = new FramePump(vm);
        pump.start();
        stage.setTitle("Stroom span/port simulator");
        stage.setScene(new Scene(view.root(), 1500, 920));
        stage.show();
    }

    @Override
    public void stop() {
        if (pump != null) {
            pump.stop();
        }
        if (vm != null) {
            vm.close();
        }
    }
}
