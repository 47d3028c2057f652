package org.stroom.ports.bench.capacity;

import java.time.InstantSource;
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
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LargeSystems;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;

/**
 * A signed takeover proof at the moment of takeover: a passive of 100 Nodes × 8 T1s (one free position per
 * Node) takes over an active of the same size whose 100 inbound T1s must move (planning, capacity check,
 * canonical JSON of about 200 KiB, text, Ed25519 signature). Target: under 20 ms.
 *
 * <p>Thread-safety: JMH state, one benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TakeoverProofBenchmark {
    private InventorySystem active;
    private InventorySystem passive;
    private LoadProfile load;
    private TakeoverProver prover;

    /** Builds both systems, the load and the signing key once. */
    @Setup(Level.Trial)
    public void build() {
        active = LargeSystems.system("Active", 100, true, false, 0);
        passive = LargeSystems.system("Passive", 100, false, true, 1000);
        load = LargeSystems.load("Active", 100, 0);
        prover = new TakeoverProver(
                new RedundancyChecker(new PortSizer(), DegradedLimits.defaults()),
                ProofSigner.generate(),
                InstantSource.system());
    }

    /** @return the proof, consumed by JMH */
    @Benchmark
    public TakeoverProof prove() {
        return prover.prove("benchmark", active, load, passive, LoadProfile.empty("Passive"));
    }
}
