package org.stroom.ports.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;

/**
 * Runs a {@link SimulatedSystem} for a stretch of virtual time in equal batches and compares each
 * module's measured blocking with Erlang B for its pool, with a batch-means confidence interval.
 *
 * @param length simulated time
 * @param modules per module: measured and predicted
 * @param metrics the port manager's metrics at the end
 * @param carriedErlangs time-averaged carried traffic over the run, from the port manager
 *     <p>Thread-safety: immutable.
 */
public record SimulationRun(Duration length, List<ModuleResult> modules, Metrics metrics, double carriedErlangs) {

    /**
     * One module's outcome.
     *
     * @param stats counts over the whole run
     * @param poolPorts ports in the module's hunt group
     * @param poolOfferedErlangs traffic offered to the pool by all its modules
     * @param predictedBlocking Erlang B for the pool (blocked calls cleared)
     * @param ciLow lower end of the 95 % confidence interval of the measured blocking (batch means)
     * @param ciHigh upper end
     */
    public record ModuleResult(
            ModuleStats stats,
            int poolPorts,
            double poolOfferedErlangs,
            double predictedBlocking,
            double ciLow,
            double ciHigh) {
        /** @return whether the prediction lies inside the interval */
        public boolean agrees() {
            return predictedBlocking >= ciLow && predictedBlocking <= ciHigh;
        }
    }

    /** Progress of a run: simulated time done and total, the port manager's busy ports now. */
    public record Progress(Duration done, Duration total, int busyPorts) {}

    /** Student-t 97.5 % quantiles for 1..30 degrees of freedom. */
    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    /**
     * Starts traffic, runs {@code length} in {@code batches} batches (the first batch is a warm-up
     * and is excluded from the interval), stops traffic and lets calls drain for ten minutes.
     *
     * @param progress called after each step of at most one simulated minute
     */
    public static SimulationRun run(SimulatedSystem sys, Duration length, int batches, Consumer<Progress> progress) {
        if (batches < 3) {
            throw new IllegalArgumentException(
                    "batches " + batches + " < 3: a confidence interval needs at least 2 measured batches");
        }
        sys.startTraffic();
        long start = sys.clock().nanos();
        double erlangSecondsAtStart = sys.metrics().activity().carriedErlangSeconds();
        long batchNanos = length.toNanos() / batches;
        long step = Math.min(batchNanos, Duration.ofMinutes(1).toNanos());
        Map<String, List<double[]>> perBatch = new HashMap<>();
        Map<String, ModuleStats> before = index(sys.moduleStats());
        for (int b = 0; b < batches; b++) {
            long batchEnd = start + (b + 1) * batchNanos;
            while (sys.clock().nanos() < batchEnd) {
                sys.clock().advanceTo(Math.min(batchEnd, sys.clock().nanos() + step));
                progress.accept(new Progress(Duration.ofNanos(sys.clock().nanos() - start), length, busy(sys)));
            }
            Map<String, ModuleStats> now = index(sys.moduleStats());
            if (b > 0) {
                for (ModuleStats s : now.values()) {
                    ModuleStats p = before.get(s.module());
                    long offered = s.offered() - (p == null ? 0 : p.offered());
                    long blocked = s.blocked() - (p == null ? 0 : p.blocked());
                    perBatch.computeIfAbsent(s.module(), k -> new ArrayList<>()).add(new double[] {offered, blocked});
                }
            }
            before = now;
        }
        double erlangSeconds = sys.metrics().activity().carriedErlangSeconds() - erlangSecondsAtStart;
        sys.stopTraffic();
        sys.clock().advance(Duration.ofMinutes(10));
        Metrics m = sys.metrics();
        // inbound modules compete on the circuits the carrier delivers them to, outbound ones in their pool
        Map<String, Double> poolErlangs = new HashMap<>();
        for (ModuleStats s : sys.moduleStats()) {
            poolErlangs.merge(key(s), s.offeredErlangs(), Double::sum);
        }
        List<ModuleResult> out = new ArrayList<>();
        for (ModuleStats s : sys.moduleStats()) {
            int ports = s.outbound()
                    ? (m.byGroup().containsKey(s.pool())
                            ? m.byGroup().get(s.pool()).total()
                            : 0)
                    : s.reachablePorts();
            double a = poolErlangs.get(key(s));
            double predicted = ErlangB.blocking(ports, a);
            double[] ci = interval(perBatch.getOrDefault(s.module(), List.of()));
            out.add(new ModuleResult(s, ports, a, predicted, ci[0], ci[1]));
        }
        return new SimulationRun(length, out, m, erlangSeconds / (length.toNanos() / 1e9));
    }

    private static String key(ModuleStats s) {
        return s.outbound() ? "out:" + s.pool() : "in:" + s.trunks();
    }

    private static int busy(SimulatedSystem sys) {
        return sys.backends().values().stream()
                .flatMap(b -> b.channels().stream())
                .mapToInt(c -> c.state().inCall() ? 1 : 0)
                .sum();
    }

    private static Map<String, ModuleStats> index(List<ModuleStats> stats) {
        Map<String, ModuleStats> m = new HashMap<>();
        stats.forEach(s -> m.put(s.module(), s));
        return m;
    }

    /**
     * 95 % interval of the per-batch blocking ratios (batch means). When no attempt was blocked the
     * batches cannot show spread, so the upper end is the rule-of-three bound 3 / attempts.
     */
    static double[] interval(List<double[]> batches) {
        List<Double> ratios = new ArrayList<>();
        double attempts = 0;
        double blocked = 0;
        for (double[] b : batches) {
            attempts += b[0];
            blocked += b[1];
            if (b[0] > 0) {
                ratios.add(b[1] / b[0]);
            }
        }
        int n = ratios.size();
        if (n < 2) {
            return new double[] {0, 1};
        }
        if (blocked == 0) {
            return new double[] {0, Math.min(1, 3 / attempts)};
        }
        double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = ratios.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (n - 1);
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        double half = t * Math.sqrt(var / n);
        return new double[] {Math.max(0, mean - half), Math.min(1, mean + half)};
    }
}
