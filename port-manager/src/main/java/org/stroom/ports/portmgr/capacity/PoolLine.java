package org.stroom.ports.portmgr.capacity;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;

/**
 * One hunt pool in a verdict.
 *
 * @param pool pool name
 * @param kind its port kind
 * @param discipline loss or queue
 * @param offeredErlangs offered traffic in erlangs
 * @param required ports needed for its targets
 * @param eligible usable ports the pool could use at all (right kind, within scope), before the split
 * @param allotted ports the split gives it
 * @param achieved grade of service with the allotted ports
 * @param checks its targets checked (copied)
 * @param grade PASS when every target is met, else DEGRADED or FAIL by the degraded limits
 *     <p>Thread-safety: immutable.
 */
public record PoolLine(
        String pool,
        PortKind kind,
        Discipline discipline,
        double offeredErlangs,
        int required,
        int eligible,
        int allotted,
        Achieved achieved,
        List<TargetCheck> checks,
        Grade grade) {
    /** Copies the checks. */
    public PoolLine {
        Objects.requireNonNull(pool, "pool line: pool");
        checks = List.copyOf(checks);
    }

    /** @return e.g. {@code "pool outbound (FAX, QUEUE, 12.3 E): required 18, eligible 48, allotted 18, ..."} */
    public String describe() {
        return "pool " + pool + " (" + kind + ", " + discipline + ", " + Fmt.number(offeredErlangs) + " E): required "
                + required + ", eligible " + eligible + ", allotted " + allotted + ", " + achieved.describe() + "; "
                + String.join("; ", checks.stream().map(TargetCheck::describe).toList()) + " -> " + grade;
    }
}
