package org.stroom.ports.portmgr.capacity;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;

/**
 * The ports one hunt pool needs: its modules' traffic added together and sized against the strictest of their
 * targets.
 *
 * @param pool the pool
 * @param modules its modules (copied)
 * @param discipline loss or queue
 * @param offeredErlangs summed offered traffic in erlangs (first attempts), &ge; 0
 * @param meanHoldingSeconds call-weighted mean holding time in seconds, &gt; 0
 * @param retryFraction traffic-weighted share of blocked calls retried, in [0, 1)
 * @param sources finite source population when every module declares one, else 0
 * @param requiredPorts fewest ports meeting every module's target, &ge; 0
 *     <p>Thread-safety: immutable.
 */
public record PoolRequirement(
        HuntPool pool,
        List<Module> modules,
        Discipline discipline,
        double offeredErlangs,
        double meanHoldingSeconds,
        double retryFraction,
        int sources,
        int requiredPorts) {
    /** Copies the module list and checks ranges. */
    public PoolRequirement {
        Objects.requireNonNull(pool, "pool requirement: pool");
        modules = List.copyOf(modules);
        Objects.requireNonNull(discipline, "pool requirement " + pool.name() + ": discipline");
        if (requiredPorts < 0) {
            throw new IllegalArgumentException(
                    "pool requirement " + pool.name() + ": requiredPorts = " + requiredPorts + " is negative");
        }
    }

    /** @return the pool's port kind */
    public PortKind kind() {
        return pool.kind();
    }

    /** @return the distinct targets of its modules, in module order */
    public List<Target> targets() {
        return modules.stream().map(Module::target).distinct().toList();
    }

    /** @return e.g. {@code "blocking <= 1 %"} or {@code "90 % wait <= 60 s; mean wait <= 30 s"} */
    public String describeTargets() {
        List<Target> ts = targets();
        return ts.isEmpty()
                ? "no module"
                : String.join("; ", ts.stream().map(Target::describe).toList());
    }
}
