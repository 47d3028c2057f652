package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test class path with the Chronicle flags of this JVM, its output in a
 * log file: a Node or a Server process for the integration tests, killable with SIGKILL. Shared with the
 * stroom-server tests through this module's test-jar.
 *
 * <p>Thread-safety: confined to the test thread.
 */
public final class ChildJvm {
    private final String name;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code main --config config} with its working directory and log file ({@code name.log}) in {@code dir}.
     *
     * @param dir working directory and where the log goes
     * @param name the process's name in messages and its log file's name
     * @param main a class with {@code main(String[])} on the test class path
     * @param config its configuration file
     * @return the running process
     */
    public static ChildJvm start(Path dir, String name, Class<?> main, Path config) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle")) {
                cmd.add(arg);
            }
        }
        // short-lived children on a shared machine: no C2 compiler threads, one GC thread
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(main.getName());
        cmd.add("--config");
        cmd.add(config.toString());
        Path log = dir.resolve(name + ".log");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ChildJvm(name, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** @return the process's name */
    public String name() {
        return name;
    }

    /** @return everything the process printed so far */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** @return whether the process is running */
    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Waits for {@code text} in the log, failing early if the process ends without printing it.
     *
     * @param text what to wait for
     * @param timeout longest wait
     * @throws AssertionError with the log when the text did not come
     */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new AssertionError("'" + text + "' not in the log of " + name + " (process "
                        + (process.isAlive() ? "running" : "exited " + process.exitValue()) + "):\n" + log());
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for '" + text + "' from " + name, e);
            }
        }
    }

    /**
     * SIGKILL, as a power cut to the process.
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then SIGKILL if it does not stop within 15 s.
     *
     * @throws InterruptedException if interrupted while waiting for it to end
     */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
