package org.stroom.ports.portman;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroom.ports.simui.SimulatorLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portman ui}: starts the JavaFX span/port simulator, or renders its main window headless to
 * a PNG with {@code --screenshot}.
 *
 * <p>Thread-safety: a command runs on the calling thread; the simulator runs on the FX thread.
 */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Start the JavaFX span/port simulator on the embedded default installation or a description file.",
            "With --screenshot FILE.png the main window is rendered headless (no display needed) and saved."
        })
final class UiCommand implements Callable<Integer> {
    @Option(names = "--file", description = "system description to open (default: the embedded installation)")
    String file;

    @Option(names = "--screenshot", description = "render the main window headless to this PNG and exit")
    String screenshot;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (file != null) {
            args.add("--file");
            args.add(file);
        }
        if (screenshot != null) {
            args.add("--screenshot");
            args.add(screenshot);
        }
        return SimulatorLauncher.run(args.toArray(new String[0]));
    }
}
