package org.stroom.ports.portmgr.capacity;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;

/**
 * The outcome of one capacity check: can this system carry this load with the ports it can use now?
 *
 * <p>How to read it: {@link #grade()} is the answer. {@link #kinds()} gives, per port kind, required versus
 * usable ports and the margin; {@link #pools()} gives, per hunt pool, the ports allotted and the blocking or wait
 * they give. {@link #reasons()} says why in words, {@link #excluded()} lists every port that does not count and
 * why (alarm, D-channel down, locked, machine or board down, rehearsed failure).
 *
 * @param scenario what was checked, e.g. {@code "Mode 2: Passive takes over Active"}
 * @param system name of the system whose ports were counted
 * @param grade PASS, DEGRADED or FAIL
 * @param kinds one line per port kind, FAX then VOICE (copied)
 * @param pools one line per pool in priority order (copied)
 * @param splitFeasible whether every pool's requirement can be met at once (dual ports counted once)
 * @param reasons why, in words (copied)
 * @param excluded ports that do not count and why (copied)
 *     <p>Thread-safety: immutable.
 */
public record Verdict(
        String scenario,
        String system,
        Grade grade,
        List<KindLine> kinds,
        List<PoolLine> pools,
        boolean splitFeasible,
        List<String> reasons,
        List<String> excluded) {
    /** Copies the lists. */
    public Verdict {
        Objects.requireNonNull(scenario, "verdict: scenario");
        Objects.requireNonNull(system, "verdict: system");
        Objects.requireNonNull(grade, "verdict: grade");
        kinds = List.copyOf(kinds);
        pools = List.copyOf(pools);
        reasons = List.copyOf(reasons);
        excluded = List.copyOf(excluded);
    }

    /** @return the line of a kind */
    public KindLine kind(PortKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
    }

    /**
     * @return the line of a pool
     * @throws IllegalArgumentException when the verdict has no such pool
     */
    public PoolLine pool(String name) {
        return pools.stream()
                .filter(p -> p.pool().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("verdict has no pool " + name));
    }

    /** @return a copy with another scenario title and extra reasons put first */
    public Verdict retitled(String newScenario, List<String> extraReasons) {
        List<String> rs = new java.util.ArrayList<>(extraReasons);
        rs.addAll(reasons);
        return new Verdict(newScenario, system, grade, kinds, pools, splitFeasible, rs, excluded);
    }

    /** @return a readable multi-line rendering */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(scenario)
                .append(" [")
                .append(system)
                .append("]: ")
                .append(grade)
                .append('\n');
        kinds.forEach(k -> b.append("  ").append(k.describe()).append('\n'));
        pools.forEach(p -> b.append("  ").append(p.describe()).append('\n'));
        reasons.forEach(r -> b.append("  - ").append(r).append('\n'));
        excluded.forEach(e -> b.append("  x ").append(e).append('\n'));
        return b.toString();
    }
}
