package org.stroom.ports.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.config.SystemDescription.Module;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.report.CapacityMapping;

/**
 * The active Server's measured load, for its passive's takeover proof: the busy channels of each hunt group,
 * sampled from the port manager's metrics and averaged over a sliding window, shared out to the group's modules.
 *
 * <pre>
 *   group erlangs   = time average over the window of the group's busy channels (left sums of the samples)
 *   module erlangs  = group erlangs × module's configured erlangs ÷ Σ configured erlangs of the group's modules
 *   measurement     = (module, attempts/h = module erlangs × 3600 ÷ holding, holding = the configured one)
 * </pre>
 *
 * <p>The Server does not see which application a call belongs to, so the split between modules of one group and
 * the holding times are the configured ones; the measured part is the level of traffic. Busy counts leases and
 * calls alike. No measurement is given until the samples cover a whole window.
 *
 * <p>Thread-safety: not thread-safe; sample and read on one thread (the Server's tick thread).
 */
final class LoadMeter {
    private record Sample(long atNanos, Map<String, Integer> busy) {}

    private final Duration window;
    private final List<Module> modules;
    private final Map<String, Double> configured = new HashMap<>();
    private final Map<String, Double> holding = new HashMap<>();
    private final Deque<Sample> samples = new ArrayDeque<>();

    LoadMeter(StroomSystem own, Duration window) {
        this.window = window;
        this.modules = List.copyOf(own.modules());
        for (Module m : modules) {
            double h = CapacityMapping.holdingSeconds(m);
            holding.put(m.name(), h);
            configured.put(m.name(), m.busyHourAttempts() * h / 3600.0);
        }
    }

    /**
     * @param metrics the port manager's metrics now
     * @param nowNanos a monotonic time
     */
    void sample(Metrics metrics, long nowNanos) {
        Map<String, Integer> busy = new HashMap<>();
        metrics.byGroup().forEach((g, c) -> busy.put(g, c.busy()));
        samples.addLast(new Sample(nowNanos, busy));
        long keepFrom = nowNanos - window.toNanos();
        // keep one sample at or before the window's start, so the window is covered from its start
        while (samples.size() > 2) {
            Sample first = samples.pollFirst();
            if (samples.peekFirst().atNanos > keepFrom) {
                samples.addFirst(first);
                break;
            }
        }
    }

    /** @return the measurements, or empty until a whole window has been sampled */
    Optional<List<Measurement>> measurements() {
        if (samples.size() < 2) {
            return Optional.empty();
        }
        long end = samples.peekLast().atNanos;
        long start = end - window.toNanos();
        if (samples.peekFirst().atNanos > start) {
            return Optional.empty();
        }
        Map<String, Double> erlangSeconds = new HashMap<>();
        Sample prev = null;
        for (Sample s : samples) {
            if (prev != null) {
                long from = Math.max(prev.atNanos, start);
                double dt = Math.max(0, s.atNanos - from) / 1e9;
                prev.busy.forEach((g, b) -> erlangSeconds.merge(g, b * dt, Double::sum));
            }
            prev = s;
        }
        double seconds = window.toNanos() / 1e9;
        Map<String, Double> poolConfigured = new HashMap<>();
        Map<String, Integer> poolModules = new HashMap<>();
        for (Module m : modules) {
            poolConfigured.merge(m.pool(), configured.get(m.name()), Double::sum);
            poolModules.merge(m.pool(), 1, Integer::sum);
        }
        List<Measurement> out = new ArrayList<>();
        for (Module m : modules) {
            double group = erlangSeconds.getOrDefault(m.pool(), 0.0) / seconds;
            double total = poolConfigured.get(m.pool());
            double share = total > 0 ? configured.get(m.name()) / total : 1.0 / poolModules.get(m.pool());
            double h = holding.get(m.name());
            out.add(new Measurement(m.name(), group * share * 3600.0 / h, h));
        }
        return Optional.of(out);
    }
}
