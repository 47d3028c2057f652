package org.stroom.ports.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JMH JSON result file and prints the figures of docs/performance.md: the pipeline against its
 * baselines measured in the same run, the round-trip percentiles and the replay rate, each against its target.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.stroom.ports.benchmarks.Ratios target/jmh-result.json}.
 *
 * <p>Thread-safety: a main program.
 */
public final class Ratios {
    private static final String PACKAGE = "org.stroom.ports.benchmarks.";

    private final List<Object> results;

    private Ratios(List<Object> results) {
        this.results = results;
    }

    /**
     * @param args the JMH JSON result file
     * @throws IOException if it cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios <jmh-result.json>");
            System.exit(2);
        }
        print(Path.of(args[0]), System.out);
    }

    /**
     * @param resultFile JMH JSON result
     * @param out where the table goes
     * @throws IOException if the file cannot be read
     */
    @SuppressWarnings("unchecked")
    public static void print(Path resultFile, PrintStream out) throws IOException {
        Object parsed = Json.parse(Files.readString(resultFile));
        new Ratios((List<Object>) parsed).print(out, resultFile);
    }

    private void print(PrintStream out, Path file) {
        out.println();
        out.println("Ratios and targets, from " + file + " (all figures measured in this run)");
        Optional<Double> disruptor = score("RawDisruptorBenchmark.publishNoOp", Map.of());
        Optional<Double> chronicle = score("RawChronicleBenchmark.append", Map.of());
        line(out, "(1) raw Disruptor, 1 producer / 1 consumer, no-op", disruptor, "events/s");
        results("RawDisruptorBenchmark.publishNoOp").stream()
                .findFirst()
                .map(Ratios::forkSpread)
                .filter(f -> !f.isEmpty())
                .ifPresent(f -> out.printf(Locale.ROOT, "    %s%n", f.strip()));
        line(out, "(2) raw Chronicle append, " + Bench.journalEntryBytes() + "-byte records", chronicle, "appends/s");
        pipeline(out, "(3)", "chronicle", "(3)/(2)", chronicle, 0.50);
        pipeline(out, "(4)", "off", "(4)/(1)", disruptor, 0.20);
        latency(out);
        replay(out);
    }

    private void pipeline(
            PrintStream out, String number, String journal, String ratioName, Optional<Double> base, double target) {
        out.printf(Locale.ROOT, "%s allocate+release pipeline on 19,200 channels, journal %s%n", number, journal);
        double best = Double.NaN;
        String bestLayout = "";
        for (Map<String, Object> result : results("PipelineBenchmark.allocateRelease")) {
            Map<String, Object> params = params(result);
            if (!journal.equals(params.get("journal"))) {
                continue;
            }
            double score = number(primary(result).get("score"));
            String layout = params.get("topology") + ", " + params.get("machine");
            out.printf(
                    Locale.ROOT,
                    "    %-48s %,.2f M inputs/s%s%s%n",
                    layout,
                    score / 1e6,
                    base.map(b -> String.format(Locale.ROOT, "   %s = %.1f %%", ratioName, 100 * score / b))
                            .orElse(""),
                    forkSpread(result));
            if ("port-manager".equals(params.get("machine")) && !(score <= best)) {
                best = score;
                bestLayout = String.valueOf(params.get("topology"));
            }
        }
        if (Double.isNaN(best) || base.isEmpty()) {
            out.printf(Locale.ROOT, "    %-48s not in this run%n", "target " + ratioName);
            return;
        }
        verdict(
                out,
                ratioName + " >= " + Math.round(target * 100) + " % (port-manager, " + bestLayout + ")",
                best / base.get() >= target);
    }

    private void latency(PrintStream out) {
        List<Map<String, Object>> rows = results("LatencyBenchmark.allocateRoundTrip");
        if (rows.isEmpty()) {
            out.printf(Locale.ROOT, "%-52s not in this run%n", "(5) allocation round trip");
            return;
        }
        for (Map<String, Object> result : rows) {
            Map<String, Object> metric = primary(result);
            @SuppressWarnings("unchecked")
            Map<String, Object> percentiles = (Map<String, Object>) metric.get("scorePercentiles");
            String unit = String.valueOf(metric.get("scoreUnit")).replace("/op", "");
            double scale = unit.startsWith("us") ? 1 : unit.startsWith("ns") ? 1e-3 : unit.startsWith("ms") ? 1e3 : 1e6;
            double p50 = number(percentiles.get("50.0")) * scale;
            double p99 = number(percentiles.get("99.0")) * scale;
            double p999 = number(percentiles.get("99.9")) * scale;
            out.printf(
                    Locale.ROOT,
                    "%-52s p50 %.1f us, p99 %.1f us, p99.9 %.1f us%n",
                    "(5) allocation round trip, journal " + params(result).get("journal"),
                    p50,
                    p99,
                    p999);
            verdict(out, "p99 <= 20 us", p99 <= 20.0);
        }
    }

    private void replay(PrintStream out) {
        List<Map<String, Object>> rows = results("ReplayBenchmark.recover");
        if (rows.isEmpty()) {
            out.printf(Locale.ROOT, "%-52s not in this run%n", "(6) replay");
            return;
        }
        for (Map<String, Object> result : rows) {
            Map<String, Object> params = params(result);
            double seconds = number(primary(result).get("score"));
            double inputs = number(params.get("inputs"));
            String machine = String.valueOf(params.get("machine"));
            Object batch = params.get("batch");
            out.printf(
                    Locale.ROOT,
                    "%-52s %,.2f M inputs/s; %,.0f inputs in %.2f s%n",
                    "(6) replay, " + machine + (batch == null ? "" : ", " + batch + " entries/document"),
                    inputs / seconds / 1e6,
                    inputs,
                    seconds);
            if ("port-manager".equals(machine)) {
                verdict(out, "replay >= 5 M inputs/s", inputs / seconds >= 5e6);
            }
        }
    }

    private static void line(PrintStream out, String label, Optional<Double> score, String unit) {
        if (score.isPresent()) {
            out.printf(Locale.ROOT, "%-52s %,.2f M %s%n", label, score.get() / 1e6, unit);
        } else {
            out.printf(Locale.ROOT, "%-52s not in this run%n", label);
        }
    }

    private static void verdict(PrintStream out, String target, boolean met) {
        out.printf(Locale.ROOT, "    %-48s %s%n", "target " + target, met ? "MET" : "NOT MET");
    }

    private Optional<Double> score(String benchmark, Map<String, String> params) {
        for (Map<String, Object> result : results(benchmark)) {
            Map<String, Object> actual = params(result);
            if (params.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())))) {
                return Optional.of(number(primary(result).get("score")));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> results(String benchmark) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Object o : results) {
            Map<String, Object> result = (Map<String, Object>) o;
            if ((PACKAGE + benchmark).equals(result.get("benchmark"))) {
                matching.add(result);
            }
        }
        return matching;
    }

    /**
     * @return {@code "  forks a to b M"}: the lowest and highest mean of one fork, in millions per second, when the
     *     benchmark ran in several forks (JVMs); the spread between forks is the noise the mean hides
     */
    @SuppressWarnings("unchecked")
    private static String forkSpread(Map<String, Object> result) {
        Object raw = primary(result).get("rawData");
        if (!(raw instanceof List<?> forks) || forks.size() < 2) {
            return "";
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Object fork : forks) {
            List<Object> iterations = (List<Object>) fork;
            double sum = 0;
            for (Object v : iterations) {
                sum += number(v);
            }
            double mean = sum / iterations.size();
            low = Math.min(low, mean);
            high = Math.max(high, mean);
        }
        return String.format(Locale.ROOT, "  forks %.1f to %.1f M", low / 1e6, high / 1e6);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> primary(Map<String, Object> result) {
        return (Map<String, Object>) result.get("primaryMetric");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params(Map<String, Object> result) {
        return (Map<String, Object>) result.getOrDefault("params", Map.of());
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.parseDouble(String.valueOf(value));
    }
}
