package org.stroom.ports.bench.capacity;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stroom.ports.portmgr.capacity.CapacityModel;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LargeSystems;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.Rehearsal;
import org.stroom.ports.portmgr.capacity.RehearsalReport;

/**
 * Every single failure (101 machines, 200 boards, 800 spans) of a 19,200-channel system, compilation of the
 * model included (pool sizing is cached by the sizer, as in a running port manager). Target: under 1 s.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AllSingleFailuresBenchmark {
    private InventorySystem system;
    private LoadProfile load;
    private PortSizer sizer;

    /** Builds the system and load once. */
    @Setup(Level.Trial)
    public void build() {
        system = LargeSystems.system("Big", 100, true, false, 0);
        load = LargeSystems.load("Big", 100, 0);
        sizer = new PortSizer();
    }

    /** @return the report, consumed by JMH */
    @Benchmark
    public RehearsalReport allSingleFailures() {
        return Rehearsal.allSingleFailures(CapacityModel.compile(system, load, sizer, DegradedLimits.defaults()));
    }
}
