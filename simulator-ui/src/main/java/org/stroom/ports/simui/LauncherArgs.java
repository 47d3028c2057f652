package org.stroom.ports.simui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's command line: {@code [--file FILE] [--screenshot FILE.png] [--size WIDTHxHEIGHT]}.
 *
 * @param file a system description to open instead of the embedded default
 * @param screenshot where to write a PNG of the main window, rendered headless, instead of opening a window
 * @param width screenshot width in pixels
 * @param height screenshot height in pixels
 * @param help whether usage was asked for
 *     <p>Thread-safety: immutable.
 */
public record LauncherArgs(Optional<Path> file, Optional<Path> screenshot, int width, int height, boolean help) {
    /** Usage text. */
    public static final String USAGE = String.join(
            "\n",
            "usage: portman ui [--file FILE] [--screenshot FILE.png] [--size WIDTHxHEIGHT]",
            "  --file FILE          open this system description (default: the embedded Mode 2 pair)",
            "  --screenshot FILE    render the main window headless to a PNG after 10 simulated minutes of traffic",
            "                       and exit (needs org.testfx:openjfx-monocle on the class path, or a display)",
            "  --size WxH           screenshot size in pixels (default 1600x1000)");

    /** Checks for null and sizes. */
    public LauncherArgs {
        Objects.requireNonNull(file, "LauncherArgs.file");
        Objects.requireNonNull(screenshot, "LauncherArgs.screenshot");
        if (width < 400 || height < 300 || width > 8000 || height > 8000) {
            throw new IllegalArgumentException(
                    "--size " + width + "x" + height + " is outside 400x300..8000x8000 pixels");
        }
    }

    /**
     * @param args the command line
     * @return the parsed arguments
     * @throws IllegalArgumentException naming the argument that is wrong, with the usage
     */
    public static LauncherArgs parse(String... args) {
        Path file = null;
        Path shot = null;
        int w = 1600;
        int h = 1000;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--file" -> file = Path.of(value(args, ++i, a));
                case "--screenshot" -> shot = Path.of(value(args, ++i, a));
                case "--size" -> {
                    String v = value(args, ++i, a);
                    String[] p = v.toLowerCase(java.util.Locale.ROOT).split("x");
                    try {
                        if (p.length != 2) {
                            throw new NumberFormatException(v);
                        }
                        w = Integer.parseInt(p[0]);
                        h = Integer.parseInt(p[1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "--size '" + v + "' is not WIDTHxHEIGHT, e.g. 1600x1000\n" + USAGE);
                    }
                }
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'\n" + USAGE);
            }
        }
        return new LauncherArgs(Optional.ofNullable(file), Optional.ofNullable(shot), w, h, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
