package org.stroom.ports.portmgr.capacity;

import java.time.InstantSource;
import java.util.Arrays;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;

/**
 * Plain measuring harness (not a test): all single failures of a 19,200-channel system, and a signed takeover
 * proof for 100 Nodes × 8 T1s. The JMH versions live in the benchmarks module
 * ({@code org.stroom.ports.bench.capacity}). Run from the module directory after {@code mvn test-compile}:
 *
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.stroom.ports.portmgr.capacity.CapacityTimingMain
 * </pre>
 */
public final class CapacityTimingMain {
    private CapacityTimingMain() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long t0 = System.nanoTime();
        InventorySystem big = LargeSystems.system("Big", 100, true, false, 0);
        LoadProfile load = LargeSystems.load("Big", 100, 0);
        System.out.printf("build 19,200-channel inventory: %.1f ms%n", (System.nanoTime() - t0) / 1e6);

        PortSizer sizer = new PortSizer();
        double[] rehearsal = new double[rounds];
        int cases = 0;
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            CapacityModel model = CapacityModel.compile(big, load, sizer, DegradedLimits.defaults());
            cases = Rehearsal.allSingleFailures(model).cases().size();
            rehearsal[i] = (System.nanoTime() - s) / 1e6;
        }
        report("all single failures (" + cases + " cases, compile included)", rehearsal);

        InventorySystem active = LargeSystems.system("Active", 100, true, false, 0);
        InventorySystem passive = LargeSystems.system("Passive", 100, false, true, 1000);
        LoadProfile activeLoad = LargeSystems.load("Active", 100, 0);
        TakeoverProver prover = new TakeoverProver(
                new RedundancyChecker(sizer, DegradedLimits.defaults()),
                ProofSigner.generate(),
                InstantSource.system());
        double[] proof = new double[rounds * 2];
        TakeoverProof last = null;
        for (int i = 0; i < proof.length; i++) {
            long s = System.nanoTime();
            last = prover.prove("timing", active, activeLoad, passive, LoadProfile.empty("Passive"));
            proof[i] = (System.nanoTime() - s) / 1e6;
        }
        report(
                "takeover proof 100 Nodes x 8 T1s (" + last.grade() + ", "
                        + last.analysis().plan().moves().size() + " moves, "
                        + last.canonicalJson().length() / 1024 + " KiB JSON)",
                proof);
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double[] warm = Arrays.copyOfRange(sorted, 0, sorted.length);
        System.out.printf(
                "%s: first %.1f ms, median %.1f ms, min %.1f ms, max %.1f ms over %d runs%n",
                what, ms[0], warm[warm.length / 2], warm[0], warm[warm.length - 1], ms.length);
    }
}
