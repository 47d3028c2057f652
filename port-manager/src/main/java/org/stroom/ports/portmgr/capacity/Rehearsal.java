package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.SpanLocation;

/**
 * What-if rehearsals: fail machines, boards, spans or any combination and recompute the verdict.
 *
 * <p>Rehearsals reuse a compiled {@link CapacityModel}: requirements are sized once, and each scenario costs one
 * pass over the spans plus a small max-flow, so every single failure of a 19,200-channel system (800 spans on
 * 200 boards) is checked in well under a second.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Rehearsal {
    private Rehearsal() {}

    /**
     * @param model the compiled system and load
     * @param failures what fails
     * @return the verdict with those failures, titled after them
     */
    public static Verdict whatIf(CapacityModel model, FailureSet failures) {
        return model.evaluate("what if: " + failures.describe() + " fails", failures);
    }

    /**
     * Every single failure of the model's system: each machine, each board, each span, one at a time.
     *
     * @param model the compiled system and load
     * @return the baseline verdict and one verdict per single failure
     */
    public static RehearsalReport allSingleFailures(CapacityModel model) {
        Verdict baseline = model.evaluate("baseline: nothing fails");
        List<RehearsalReport.Case> cases = new ArrayList<>();
        for (String m : model.machineNames()) {
            FailureSet f = FailureSet.machine(m);
            cases.add(new RehearsalReport.Case(f, model.evaluate("machine " + m + " fails", f)));
        }
        for (BoardId b : model.boardIds()) {
            FailureSet f = FailureSet.board(b);
            cases.add(new RehearsalReport.Case(f, model.evaluate("board " + b + " fails", f)));
        }
        for (SpanLocation s : model.spanLocations()) {
            FailureSet f = FailureSet.span(s);
            cases.add(new RehearsalReport.Case(f, model.evaluate("span " + s + " fails", f)));
        }
        return new RehearsalReport(model.system().name(), baseline, cases);
    }
}
