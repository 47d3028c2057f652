package org.stroom.ports.sim.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stroom.ports.hal.softport.Scheduler;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.config.SystemDescription.Module;
import org.stroom.ports.sim.ModuleStats;
import org.stroom.ports.sim.SimulatedSystem;

/**
 * Busy-hour traffic measured on a running {@link SimulatedSystem}, as capacity {@link
 * Measurement}s that replace the configured figures ({@link LoadProfile#withMeasurements}).
 *
 * <pre>
 *   attempts per hour  = module's offered attempts in the window (moduleStats) ÷ window hours
 *   pool erlang-seconds = Σ busy channels of the hunt group × sample interval   (port manager metrics)
 *   module share        = pool erlang-seconds × carried_m·h_m ÷ Σ carried·h over the pool's modules
 *   mean holding        = module share ÷ module's carried calls in the window
 * </pre>
 *
 * <p>A {@link Recorder} samples the port manager's {@link Metrics#byGroup()} busy counts on the
 * virtual clock (left sums of a piecewise-constant count, so the estimate of the carried erlangs is
 * unbiased; {@link Recorder#carriedErlangs()} gives the manager's exact integral over all channels
 * to compare). Busy includes everything that occupies a port — ringing and answer delays, dialling,
 * the fax session, release — so a fax module's measured holding is longer than its configured
 * T.30 session time. Holding times follow from Little's law over the window, so start the recorder
 * after a warm-up. Where several modules share a hunt group, the group's carried traffic is split in
 * proportion to each module's carried calls times its configured holding: their measured holdings
 * keep the configured ratio. Hunt groups that share spans each count the shared channels. A module
 * that carried no call keeps its configured holding ({@link ModuleTraffic#holdingMeasured()} false).
 *
 * <p>ITU-T E.500 dimensions on the mean of several days' busy hours: record each busy hour and
 * combine them with {@link #mean(List)}.
 *
 * <p>Thread-safety: the recorder is used on the thread that drives the simulation's clock (its
 * samples run there); {@link #mean(List)} is stateless.
 */
public final class MeasuredLoad {
    private MeasuredLoad() {}

    /**
     * Starts measuring now: takes the modules' counters and a first sample, then samples every
     * {@code sampleEvery} of virtual time until {@link Recorder#close()}.
     *
     * @param sim a simulated system, normally with traffic running for a while
     * @param sampleEvery sampling interval of the port manager's busy counts, positive; a few seconds
     *     (much shorter than the holding times) keeps the sampling error small
     * @return the recorder
     * @throws IllegalArgumentException when {@code sampleEvery} is not positive
     */
    public static Recorder record(SimulatedSystem sim, Duration sampleEvery) {
        Objects.requireNonNull(sim, "MeasuredLoad.record: sim");
        Objects.requireNonNull(sampleEvery, "MeasuredLoad.record: sampleEvery");
        if (sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException(
                    "MeasuredLoad.record: sampleEvery = " + sampleEvery + " must be positive, e.g. PT5S");
        }
        Recorder r = new Recorder(sim, sampleEvery.toNanos());
        r.sample();
        r.scheduleNext();
        return r;
    }

    /**
     * The ITU-T E.500 busy-hour mean of several measured busy hours: per module the mean attempts per
     * hour, and the mean holding weighted by attempts (so that the mean erlangs are the mean of the
     * erlangs). A module missing from some hours counts as 0 attempts there.
     *
     * @param busyHours one list of measurements per busy hour, not empty
     * @return one measurement per module, in order of first appearance
     * @throws IllegalArgumentException when no busy hour is given
     */
    public static List<Measurement> mean(List<List<Measurement>> busyHours) {
        Objects.requireNonNull(busyHours, "MeasuredLoad.mean: busyHours");
        if (busyHours.isEmpty()) {
            throw new IllegalArgumentException("MeasuredLoad.mean: no busy hour given; record at least one");
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (List<Measurement> hour : busyHours) {
            for (Measurement m : hour) {
                double[] s = sums.computeIfAbsent(m.module(), k -> new double[3]);
                s[0] += m.busyHourAttempts();
                s[1] += m.busyHourAttempts() * m.meanHoldingSeconds();
                s[2] += m.meanHoldingSeconds();
            }
        }
        List<Measurement> out = new ArrayList<>();
        int n = busyHours.size();
        sums.forEach((module, s) -> {
            double holding = s[0] > 0 ? s[1] / s[0] : s[2] / n;
            out.add(new Measurement(module, s[0] / n, holding));
        });
        return out;
    }

    /**
     * What one module did in the window.
     *
     * @param module module name (as described)
     * @param pool its hunt group
     * @param attempts offered attempts in the window
     * @param carried attempts that got a port
     * @param busyHourAttempts attempts per hour
     * @param meanHoldingSeconds measured mean holding, seconds (configured one when nothing was carried)
     * @param holdingMeasured false when the holding is the configured one
     * @param configuredErlangs the module's configured offered traffic
     *     <p>Thread-safety: immutable.
     */
    public record ModuleTraffic(
            String module,
            String pool,
            long attempts,
            long carried,
            double busyHourAttempts,
            double meanHoldingSeconds,
            boolean holdingMeasured,
            double configuredErlangs) {
        /** @return measured offered traffic in erlangs: attempts per hour × mean holding ÷ 3600 */
        public double measuredErlangs() {
            return busyHourAttempts * meanHoldingSeconds / 3600.0;
        }

        /** @return the capacity measurement */
        public Measurement measurement() {
            return new Measurement(module, busyHourAttempts, meanHoldingSeconds);
        }
    }

    /**
     * Samples a simulated system's traffic over a window that starts when it is created. Close it
     * before the system: its samples read the port manager.
     *
     * <p>Thread-safety: confined to the thread that drives the simulation's clock.
     */
    public static final class Recorder implements AutoCloseable {
        private final SimulatedSystem sim;
        private final long everyNanos;
        private final long startNanos;
        private final double startErlangSeconds;
        private final Map<String, ModuleStats> before = new HashMap<>();
        private final Map<String, Double> groupErlangSeconds = new LinkedHashMap<>();
        private Map<String, Integer> lastBusy = Map.of();
        private long lastSampleNanos;
        private Scheduler.Task next;
        private List<ModuleStats> atClose = List.of();
        private boolean closed;

        private Recorder(SimulatedSystem sim, long everyNanos) {
            this.sim = sim;
            this.everyNanos = everyNanos;
            VirtualClock clock = sim.clock();
            this.startNanos = clock.nanos();
            this.lastSampleNanos = startNanos;
            for (ModuleStats s : sim.moduleStats()) {
                before.put(s.module(), s);
            }
            this.startErlangSeconds = sim.metrics().activity().carriedErlangSeconds();
        }

        private void scheduleNext() {
            next = sim.clock().schedule(sim.clock().nanos() + everyNanos, () -> {
                if (!closed) {
                    sample();
                    scheduleNext();
                }
            });
        }

        private void sample() {
            long now = sim.clock().nanos();
            double dt = (now - lastSampleNanos) / 1e9;
            lastBusy.forEach((g, busy) -> groupErlangSeconds.merge(g, busy * dt, Double::sum));
            Map<String, Integer> busy = new LinkedHashMap<>();
            sim.metrics().byGroup().forEach((g, c) -> busy.put(g, c.busy()));
            busy.keySet().forEach(g -> groupErlangSeconds.putIfAbsent(g, 0.0));
            lastBusy = busy;
            lastSampleNanos = now;
        }

        /** @return virtual time since the recorder started */
        public Duration elapsed() {
            return Duration.ofNanos(sim.clock().nanos() - startNanos);
        }

        /**
         * @return time-averaged busy channels per hunt group since the start (sampled, up to now)
         */
        public Map<String, Double> groupErlangs() {
            if (!closed) {
                sample();
            }
            double seconds = Math.max(1e-9, (lastSampleNanos - startNanos) / 1e9);
            Map<String, Double> out = new LinkedHashMap<>();
            groupErlangSeconds.forEach((g, es) -> out.put(g, es / seconds));
            return out;
        }

        /**
         * @return carried traffic of all channels from the start to now, in erlangs (the port manager's
         *     exact integral); 0 when no time has passed
         */
        public double carriedErlangs() {
            double seconds = (sim.clock().nanos() - startNanos) / 1e9;
            if (seconds <= 0) {
                return 0;
            }
            return (sim.metrics().activity().carriedErlangSeconds() - startErlangSeconds) / seconds;
        }

        /**
         * @return per module, its traffic in the window from the start to now, or to {@link #close()} once
         *     closed
         * @throws IllegalStateException when no virtual time has passed since the start
         */
        public List<ModuleTraffic> modules() {
            Map<String, Double> erlangs = groupErlangs();
            double seconds = (lastSampleNanos - startNanos) / 1e9;
            if (seconds <= 0) {
                throw new IllegalStateException("MeasuredLoad: no virtual time has passed since the recorder started;"
                        + " advance the clock over the busy hour first");
            }
            Map<String, Module> described = new HashMap<>();
            for (Module m : sim.inventory().system().modules()) {
                described.put(m.name(), m);
            }
            List<ModuleStats> now = closed ? atClose : sim.moduleStats();
            Map<String, Double> poolWeight = new HashMap<>();
            for (ModuleStats s : now) {
                long carried = s.carried() - carriedBefore(s.module());
                poolWeight.merge(s.pool(), carried * sim.meanHoldingSeconds(described.get(s.module())), Double::sum);
            }
            List<ModuleTraffic> out = new ArrayList<>();
            for (ModuleStats s : now) {
                Module m = described.get(s.module());
                ModuleStats b = before.get(s.module());
                long attempts = s.offered() - (b == null ? 0 : b.offered());
                long carried = s.carried() - carriedBefore(s.module());
                double configuredHolding = sim.meanHoldingSeconds(m);
                double poolSeconds = erlangs.getOrDefault(s.pool(), 0.0) * seconds;
                double weight = poolWeight.getOrDefault(s.pool(), 0.0);
                boolean measured = carried > 0 && weight > 0 && poolSeconds > 0;
                double holding = measured ? poolSeconds * configuredHolding / weight : configuredHolding;
                out.add(new ModuleTraffic(
                        s.module(),
                        s.pool(),
                        attempts,
                        carried,
                        attempts * 3600.0 / seconds,
                        holding,
                        measured,
                        s.offeredErlangs()));
            }
            return out;
        }

        /** @return {@link #modules()} as capacity measurements */
        public List<Measurement> measurements() {
            return modules().stream().map(ModuleTraffic::measurement).toList();
        }

        private long carriedBefore(String module) {
            ModuleStats b = before.get(module);
            return b == null ? 0 : b.carried();
        }

        /** Takes a last sample and stops sampling; the window ends now. Idempotent. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            sample();
            atClose = sim.moduleStats();
            closed = true;
            if (next != null) {
                next.cancel();
            }
        }
    }
}
