package org.stroom.ports.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of {@code benchmarks.jar}: runs JMH with the usual command-line options, gives every forked JVM
 * the Chronicle Queue flags of the parent pom (property {@code jvm.flags.chronicle}, copied into the jar at
 * build time), writes the JSON result (default {@code benchmarks/target/jmh-result.json}) and prints
 * {@link Ratios}.
 *
 * <p>Thread-safety: a main program.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {}

    /**
     * @param args JMH options, e.g. a benchmark regex, {@code -f 1}, {@code -rff file}
     * @throws RunnerException if JMH fails
     * @throws IOException if the result cannot be read back
     */
    public static void main(String[] args) throws RunnerException, IOException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (cli.shouldHelp()
                || cli.shouldList()
                || cli.shouldListWithParams()
                || cli.shouldListProfilers()
                || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        List<String> jvmArgs = new ArrayList<>(chronicleFlags());
        if (cli.getJvmArgsAppend().hasValue()) {
            jvmArgs.addAll(cli.getJvmArgsAppend().get());
        }
        Path result = Path.of(cli.getResult().orElse("benchmarks/target/jmh-result.json"));
        Files.createDirectories(result.toAbsolutePath().getParent());
        Options options = new OptionsBuilder()
                .parent(cli)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .resultFormat(cli.getResultFormat().orElse(ResultFormatType.JSON))
                .result(result.toString())
                .build();
        new Runner(options).run();
        if (options.getResultFormat().orElse(ResultFormatType.JSON) == ResultFormatType.JSON) {
            Ratios.print(result, System.out);
        }
    }

    private static List<String> chronicleFlags() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("/jvm.flags.properties")) {
            if (in == null) {
                throw new IllegalStateException("jvm.flags.properties missing from the classpath; build with Maven");
            }
            properties.load(in);
        }
        String flags = properties.getProperty("chronicle", "");
        if (flags.isBlank() || flags.contains("${")) {
            throw new IllegalStateException("jvm.flags.properties holds no Chronicle flags ('" + flags
                    + "'); build the jar with Maven so that resource filtering fills in jvm.flags.chronicle");
        }
        return Arrays.asList(flags.trim().split("\\s+"));
    }
}
