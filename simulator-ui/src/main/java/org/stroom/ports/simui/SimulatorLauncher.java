package org.stroom.ports.simui;

import javafx.application.Application;
import javafx.application.Platform;

/**
 * Entry point of the simulator from a plain class path (not an {@code Application} subclass, so JavaFX on the
 * class path is enough): {@code portman ui [--file FILE] [--screenshot FILE.png] [--size WxH]}. With {@code
 * --screenshot} it renders the main window headless to a PNG ({@link Screenshot}) and returns; otherwise it opens
 * the window and returns when it is closed.
 *
 * <p>Thread-safety: call {@link #main} or {@link #run} once per JVM (JavaFX launches one application per JVM).
 */
public final class SimulatorLauncher {
    private SimulatorLauncher() {}

    /**
     * Runs the simulator; exits the JVM with status 2 on a usage error and 1 when the screenshot fails.
     *
     * @param args see {@link LauncherArgs#USAGE}
     */
    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the simulator without exiting the JVM.
     *
     * @param args see {@link LauncherArgs#USAGE}
     * @return 0 when done, 1 when the screenshot failed, 2 on a usage error
     */
    public static int run(String... args) {
        LauncherArgs a;
        try {
            a = LauncherArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (a.help()) {
            System.out.println(LauncherArgs.USAGE);
            return 0;
        }
        if (a.screenshot().isPresent()) {
            try {
                Screenshot.render(a.screenshot().get(), a.file(), a.width(), a.height());
                System.out.println("wrote " + a.screenshot().get().toAbsolutePath());
                return 0;
            } catch (RuntimeException e) {
                System.err.println("screenshot failed: " + e.getMessage());
                return 1;
            } finally {
                Platform.exit();
            }
        }
        Application.launch(SimulatorApp.class, args);
        return 0;
    }
}
