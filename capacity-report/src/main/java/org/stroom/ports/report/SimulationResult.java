package org.stroom.ports.report;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.t1.SpanLocation;

/**
 * What a run of one system on simulated boards measured: per-span utilisation and per-module blocking, plus the
 * span statuses at the end of the run. Produced by {@link ReportBuilder#simulate}.
 *
 * @param system name of the simulated system
 * @param hours simulated (virtual) hours measured, after the warm-up, &gt; 0
 * @param warmUpHours simulated hours run before measuring began, &ge; 0
 * @param seed the seed of every random choice of the run
 * @param samples how many busy-count samples each span's utilisation averages
 * @param spans per-span utilisation, in machine, board, port order (copied)
 * @param modules per-module counts over the measured hours, in the simulator's order (copied)
 * @param live span statuses and machines down at the end of the run
 *     <p>Thread-safety: immutable.
 */
public record SimulationResult(
        String system,
        double hours,
        double warmUpHours,
        long seed,
        int samples,
        List<SpanUse> spans,
        List<ModuleUse> modules,
        CapacityMapping.LiveState live) {
    /** Checks ranges and copies the lists. */
    public SimulationResult {
        Objects.requireNonNull(system, "simulation result: system");
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw new IllegalArgumentException("simulation result: hours = " + hours + " must be finite and > 0");
        }
        spans = List.copyOf(spans);
        modules = List.copyOf(modules);
        Objects.requireNonNull(live, "simulation result: live");
    }

    /**
     * Busy channels of one span, sampled at equal intervals of virtual time.
     *
     * @param location where the span is
     * @param circuit its circuit id
     * @param bearerChannels its bearer channels
     * @param meanBusy mean busy channels over the samples
     * @param peakBusy most busy channels in one sample
     *     <p>Thread-safety: immutable.
     */
    public record SpanUse(SpanLocation location, String circuit, int bearerChannels, double meanBusy, int peakBusy) {
        /** Checks for null. */
        public SpanUse {
            Objects.requireNonNull(location, "span use: location");
            Objects.requireNonNull(circuit, "span use: circuit");
        }

        /** @return mean busy channels / bearer channels, 0 for a span without bearers */
        public double utilisation() {
            return bearerChannels == 0 ? 0.0 : meanBusy / bearerChannels;
        }
    }

    /**
     * Call attempts of one module.
     *
     * @param module module name
     * @param pool hunt group it uses
     * @param outbound whether we placed its calls
     * @param offered attempts
     * @param carried attempts that got a port
     * @param blocked attempts that found none
     *     <p>Thread-safety: immutable.
     */
    public record ModuleUse(String module, String pool, boolean outbound, long offered, long carried, long blocked) {
        /** Checks for null. */
        public ModuleUse {
            Objects.requireNonNull(module, "module use: module");
            Objects.requireNonNull(pool, "module use: pool");
        }

        /** @return blocked / offered, 0 when nothing was offered */
        public double blocking() {
            return offered == 0 ? 0.0 : (double) blocked / offered;
        }
    }
}
