package org.stroom.ports.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.core.EventCore;
import org.stroom.ports.portmgr.core.Topology;

/**
 * Which thread limits the journal-off pipeline. Runs the loop of {@link PipelineBenchmark} ({@code journal=off},
 * {@code SINGLE_THREAD}, allocate + release on {@link Fixtures#largeSystem()}) outside JMH and reports, for each
 * interval, the rate and each thread's CPU time per input: the submitting thread's and the core's. The slower
 * thread sets the rate. A thread whose CPU time per input is well below the interval's wall time per input is
 * waiting for the other one: the core spins or yields on an empty ring, the submitter parks on a full one. The
 * share of samples with the ring nearly full (under 1/16 free) says the same from the ring's side.
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar org.stroom.ports.benchmarks.PipelineProbe [seconds] [port-manager|no-op]
 * </pre>
 *
 * <p>Thread-safety: a main program; {@link #run} drives one core from the calling thread.
 */
public final class PipelineProbe {
    /** Submissions between two looks at the ring's fill. */
    private static final int CHUNK = 2_000;

    private PipelineProbe() {}

    /**
     * One interval.
     *
     * @param inputsPerSecond inputs submitted per second of wall time
     * @param coreNanosPerInput the core thread's CPU time per input applied
     * @param submitterNanosPerInput the submitting thread's CPU time per input submitted
     * @param ringFullPercent share of the interval's samples that found the ring nearly full
     */
    record Interval(
            double inputsPerSecond, double coreNanosPerInput, double submitterNanosPerInput, int ringFullPercent) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%6.2f M inputs/s   core %5.0f ns/input   submitter %5.0f ns/input   ring nearly full %3d %%",
                    inputsPerSecond / 1e6,
                    coreNanosPerInput,
                    submitterNanosPerInput,
                    ringFullPercent);
        }
    }

    /**
     * Runs the pipeline and measures it.
     *
     * @param machine {@code port-manager} or {@code no-op}, as the benchmark's parameter
     * @param length how long to measure, after one interval of warm-up that is not reported
     * @param interval length of one reported interval
     * @return the intervals, in order
     * @throws IllegalStateException if any request was refused (the run did not do the full work)
     */
    static List<Interval> run(String machine, Duration length, Duration interval) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("PipelineProbe: this JVM does not measure thread CPU time");
        }
        PortManagerState state = Fixtures.largeSystem();
        long nextLease = state.nextLeaseId();
        PipelineBenchmark.CountingReplies replies = new PipelineBenchmark.CountingReplies();
        EventCore<Input, Result> core = Bench.pipeline(Bench.machine(machine, state), Topology.SINGLE_THREAD, "probe")
                .start();
        List<Interval> out = new ArrayList<>();
        long submitted = 0;
        try {
            long coreThread = thread("probe-core");
            long me = Thread.currentThread().getId();
            long requestId = 0;
            long intervalNanos = interval.toNanos();
            long end = System.nanoTime() + intervalNanos + length.toNanos();
            long start = System.nanoTime();
            long startSubmitted = 0;
            long startApplied = 0;
            long startCore = threads.getThreadCpuTime(coreThread);
            long startMine = threads.getThreadCpuTime(me);
            int samples = 0;
            int full = 0;
            boolean warm = false;
            while (true) {
                for (int k = 0; k < CHUNK; k += 2) {
                    core.submit(Bench.allocate(++requestId), replies);
                    core.submit(Bench.release(++requestId, nextLease++), replies);
                }
                submitted += CHUNK;
                samples++;
                if (core.metrics().ringFree() < Bench.RING_SIZE / 16) {
                    full++;
                }
                long now = System.nanoTime();
                if (now - start < intervalNanos) {
                    continue;
                }
                long applied = core.metrics().applied();
                long coreCpu = threads.getThreadCpuTime(coreThread);
                long myCpu = threads.getThreadCpuTime(me);
                if (warm) {
                    out.add(new Interval(
                            (submitted - startSubmitted) * 1e9 / (now - start),
                            (coreCpu - startCore) / (double) Math.max(1, applied - startApplied),
                            (myCpu - startMine) / (double) (submitted - startSubmitted),
                            100 * full / samples));
                }
                warm = true;
                if (now >= end) {
                    break;
                }
                start = now;
                startSubmitted = submitted;
                startApplied = applied;
                startCore = coreCpu;
                startMine = myCpu;
                samples = 0;
                full = 0;
            }
        } finally {
            core.close();
        }
        if (replies.refused != 0 || replies.replied != submitted) {
            throw new IllegalStateException("PipelineProbe invalid: " + replies.refused + " of " + replies.replied
                    + " replies refused, " + submitted + " submitted");
        }
        return out;
    }

    private static long thread(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("PipelineProbe: no thread named " + name))
                .getId();
    }

    /**
     * @param args optional: seconds to measure (default 10), then the machine (default {@code port-manager})
     */
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String machine = args.length > 1 ? args[1] : "port-manager";
        System.out.println("journal-off pipeline, SINGLE_THREAD, " + machine + ", one line per second:");
        for (Interval i : run(machine, Duration.ofSeconds(seconds), Duration.ofSeconds(1))) {
            System.out.println(i);
        }
    }
}
