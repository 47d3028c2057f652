package org.stroom.ports.portmgr.capacity.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.CapacityModel;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.FailureSet;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.RehearsalReport;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.portmgr.capacity.plan.SpanMovePlanner;
import org.stroom.ports.portmgr.capacity.plan.TakeoverPlan;

/**
 * Makes the customer's "enough fax and voice ports" requirements checkable, for every redundancy mode:
 *
 * <ul>
 *   <li>Mode 0: the system carries its own load.
 *   <li>Mode 1: each of two active systems carries its own load, and each can carry its own load plus the other's
 *       modules when the other fails ("enough fax and voice ports must be available on both systems to handle the
 *       transfer of required functionality to either server").
 *   <li>Mode 2: the active carries its load, and the passive can carry the active's load ("enough fax and voice
 *       ports must be available on the passive system to handle the required functionality and load").
 *   <li>N+1: each active carries its load, and the spare can carry any one of them.
 * </ul>
 *
 * <p>A takeover check plans span moves and number rollovers first ({@link SpanMovePlanner}) and then checks the
 * survivor as it will be after the plan, so inbound numbers only count where they will actually arrive.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
public final class RedundancyChecker {
    private final PortSizer sizer;
    private final DegradedLimits limits;
    private final SpanMovePlanner planner;

    /** A checker with a fresh sizer and the default degraded limits. */
    public RedundancyChecker() {
        this(new PortSizer(), DegradedLimits.defaults());
    }

    /**
     * @param sizer sizes pools (shared caches)
     * @param limits degraded limits
     */
    public RedundancyChecker(PortSizer sizer, DegradedLimits limits) {
        this.sizer = Objects.requireNonNull(sizer, "RedundancyChecker: sizer");
        this.limits = Objects.requireNonNull(limits, "RedundancyChecker: limits");
        this.planner = new SpanMovePlanner(sizer, limits);
    }

    /** @return the sizer */
    public PortSizer sizer() {
        return sizer;
    }

    /** @return the degraded limits */
    public DegradedLimits limits() {
        return limits;
    }

    /**
     * @param system a system
     * @param load its load
     * @param scenario verdict title
     * @return whether it carries the load with the ports usable now
     */
    public Verdict carries(InventorySystem system, LoadProfile load, String scenario) {
        return CapacityModel.compile(system, load, sizer, limits).evaluate(scenario);
    }

    /**
     * @param failed the failed system as last known
     * @param failedLoad its load (configured, or with the last replicated measurements)
     * @param survivor the survivor as it is now
     * @param survivorLoad the survivor's own load (empty for a passive system)
     * @return the plan and the verdict on the survivor after it
     */
    public TakeoverAnalysis takeover(
            InventorySystem failed, LoadProfile failedLoad, InventorySystem survivor, LoadProfile survivorLoad) {
        LoadProfile load = survivorLoad.plus(failedLoad);
        SpanMovePlanner.Planned planned = planner.planAndCheck(failed, survivor, load);
        TakeoverPlan plan = planned.plan();
        InventorySystem after = planned.survivorAfter();
        Verdict raw = planned.verdict();
        List<String> planLines = new ArrayList<>();
        for (String line : plan.describe()) {
            planLines.add("plan: " + line);
        }
        return new TakeoverAnalysis(
                failed,
                survivor,
                load,
                plan,
                after,
                raw.retitled(survivor.name() + " takes over " + failed.name(), planLines));
    }

    /**
     * @param system the only system
     * @param load its load
     * @return one verdict
     */
    public RedundancyReport mode0(InventorySystem system, LoadProfile load) {
        return new RedundancyReport(
                RedundancyMode.MODE_0,
                List.of(carries(system, load, "Mode 0: " + system.name() + " carries its own load")),
                List.of());
    }

    /**
     * @param a first active system
     * @param loadA the modules it runs
     * @param b second active system
     * @param loadB the modules it runs
     * @return four verdicts: each carries its own load, each carries both when the other fails
     */
    public RedundancyReport mode1(InventorySystem a, LoadProfile loadA, InventorySystem b, LoadProfile loadB) {
        TakeoverAnalysis bTakesA = takeover(a, loadA, b, loadB);
        TakeoverAnalysis aTakesB = takeover(b, loadB, a, loadA);
        List<Verdict> vs = List.of(
                carries(a, loadA, "Mode 1: " + a.name() + " carries its own load"),
                carries(b, loadB, "Mode 1: " + b.name() + " carries its own load"),
                titled(
                        bTakesA,
                        "Mode 1: " + a.name() + " fails, " + b.name() + " carries its own and " + a.name()
                                + "'s modules"),
                titled(
                        aTakesB,
                        "Mode 1: " + b.name() + " fails, " + a.name() + " carries its own and " + b.name()
                                + "'s modules"));
        return new RedundancyReport(RedundancyMode.MODE_1, vs, List.of(bTakesA, aTakesB));
    }

    /**
     * @param active the active system
     * @param load its load
     * @param passive the passive system (no load of its own)
     * @return two verdicts: the active carries its load, the passive takes over
     */
    public RedundancyReport mode2(InventorySystem active, LoadProfile load, InventorySystem passive) {
        TakeoverAnalysis t = takeover(active, load, passive, LoadProfile.empty(passive.name()));
        List<Verdict> vs = List.of(
                carries(active, load, "Mode 2: " + active.name() + " carries its load"),
                titled(t, "Mode 2: " + active.name() + " fails, " + passive.name() + " takes over"));
        return new RedundancyReport(RedundancyMode.MODE_2, vs, List.of(t));
    }

    /**
     * @param actives the active systems with their loads
     * @param spare the spare system (no load of its own)
     * @return for each active: it carries its load, and the spare takes it over
     */
    public RedundancyReport nPlusOne(List<ProtectedSystem> actives, InventorySystem spare) {
        List<Verdict> vs = new ArrayList<>();
        List<TakeoverAnalysis> ts = new ArrayList<>();
        for (ProtectedSystem p : actives) {
            vs.add(carries(p.system(), p.load(), "N+1: " + p.system().name() + " carries its load"));
        }
        for (ProtectedSystem p : actives) {
            TakeoverAnalysis t = takeover(p.system(), p.load(), spare, LoadProfile.empty(spare.name()));
            ts.add(t);
            vs.add(titled(t, "N+1: " + p.system().name() + " fails, " + spare.name() + " takes over"));
        }
        return new RedundancyReport(RedundancyMode.N_PLUS_ONE, vs, ts);
    }

    /**
     * Rehearses every single failure on the survivor of a takeover (each machine, board, span), replanning each
     * time.
     *
     * @param failed the failed system
     * @param failedLoad its load
     * @param survivor the survivor
     * @param survivorLoad the survivor's own load
     * @return the baseline takeover verdict and one per single failure on the survivor
     */
    public RehearsalReport rehearseTakeover(
            InventorySystem failed, LoadProfile failedLoad, InventorySystem survivor, LoadProfile survivorLoad) {
        Verdict baseline = takeover(failed, failedLoad, survivor, survivorLoad).verdict();
        List<RehearsalReport.Case> cases = new ArrayList<>();
        for (FailureSet f : FailureSet.singles(survivor)) {
            Verdict v = takeover(failed, failedLoad, survivor.withFailures(f), survivorLoad)
                    .verdict();
            cases.add(new RehearsalReport.Case(
                    f, v.retitled(v.scenario() + " while " + f.describe() + " fails", List.of())));
        }
        return new RehearsalReport(survivor.name(), baseline, cases);
    }

    private static Verdict titled(TakeoverAnalysis t, String title) {
        return t.verdict().retitled(title, List.of());
    }
}
