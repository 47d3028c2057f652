package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.t1.DidRange;

/**
 * The load a system must carry: its hunt pools and the modules that use them.
 *
 * @param name profile name, non-blank (usually the home system's name)
 * @param pools hunt pools (copied), distinct names, at most {@value #MAX_POOLS}; order is priority when ports are
 *     short (earlier pools are served first)
 * @param modules modules (copied), distinct names; each names a pool of this profile with the same port kind;
 *     the modules of one pool are either all loss or all queued
 *     <p>Thread-safety: immutable.
 */
public record LoadProfile(String name, List<HuntPool> pools, List<Module> modules) {
    /** Most pools a profile may declare. */
    public static final int MAX_POOLS = 63;

    /**
     * @throws IllegalArgumentException naming the profile, the pool or module, and the broken rule
     */
    public LoadProfile {
        Objects.requireNonNull(name, "load profile: name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("load profile: name is blank");
        }
        pools = List.copyOf(Objects.requireNonNull(pools, "load profile " + name + ": pools"));
        modules = List.copyOf(Objects.requireNonNull(modules, "load profile " + name + ": modules"));
        if (pools.size() > MAX_POOLS) {
            throw new IllegalArgumentException("load profile " + name + " declares " + pools.size() + " pools; at most "
                    + MAX_POOLS + " are supported");
        }
        Map<String, HuntPool> byName = new HashMap<>();
        for (HuntPool p : pools) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException(
                        "load profile " + name + ": pool " + p.name() + " is declared twice");
            }
        }
        Map<String, Boolean> queuedByPool = new HashMap<>();
        Map<String, Module> modulesByName = new HashMap<>();
        for (Module m : modules) {
            if (modulesByName.put(m.name(), m) != null) {
                throw new IllegalArgumentException(
                        "load profile " + name + ": module " + m.name() + " is declared twice");
            }
            HuntPool p = byName.get(m.pool());
            if (p == null) {
                throw new IllegalArgumentException("load profile " + name + ": module " + m.name() + " uses pool "
                        + m.pool() + ", which is not declared; declared pools: " + byName.keySet());
            }
            if (p.kind() != m.portKind()) {
                throw new IllegalArgumentException("load profile " + name + ": module " + m.name() + " ("
                        + m.kind() + ") needs " + m.portKind() + " ports but pool " + p.name() + " is a "
                        + p.kind() + " pool");
            }
            Boolean earlier = queuedByPool.putIfAbsent(p.name(), m.target().queued());
            if (earlier != null && earlier != m.target().queued()) {
                throw new IllegalArgumentException("load profile " + name + ": pool " + p.name()
                        + " mixes queued and loss targets (module " + m.name() + " is "
                        + (m.target().queued() ? "queued" : "loss")
                        + "); calls in one hunt group either wait or are blocked: split the pool");
            }
        }
    }

    /** @return a profile with no pool and no module (e.g. a passive system's own load) */
    public static LoadProfile empty(String name) {
        return new LoadProfile(name, List.of(), List.of());
    }

    /** @return the pool with this name, if declared */
    public Optional<HuntPool> pool(String poolName) {
        return pools.stream().filter(p -> p.name().equals(poolName)).findFirst();
    }

    /** @return the modules of a pool in declaration order */
    public List<Module> modulesIn(String poolName) {
        return modules.stream().filter(m -> m.pool().equals(poolName)).toList();
    }

    /**
     * Replaces configured figures by measured ones.
     *
     * @param measurements measurements by module name; each must name a module of this profile
     * @return a profile whose measured modules are marked {@link TrafficSource#MEASURED}
     * @throws IllegalArgumentException when a measurement names an unknown module
     */
    public LoadProfile withMeasurements(List<Measurement> measurements) {
        Map<String, Measurement> byModule = new HashMap<>();
        for (Measurement m : measurements) {
            if (modules.stream().noneMatch(x -> x.name().equals(m.module()))) {
                throw new IllegalArgumentException("load profile " + name + ": measurement for unknown module "
                        + m.module() + "; known modules: "
                        + modules.stream().map(Module::name).toList());
            }
            byModule.put(m.module(), m);
        }
        List<Module> ms = new ArrayList<>();
        for (Module m : modules) {
            Measurement x = byModule.get(m.name());
            ms.add(x == null ? m : m.measured(x));
        }
        return new LoadProfile(name, pools, ms);
    }

    /**
     * The load of this system after it takes over another system's modules. Pools with the same name are merged
     * (their DID ranges joined); the moved modules are renamed {@code "<other profile>:<module>"}.
     *
     * @param moved the failed system's load
     * @return the combined load, named {@code "<this>+<moved>"}
     * @throws IllegalArgumentException when two pools of the same name differ in kind or scope type
     */
    public LoadProfile plus(LoadProfile moved) {
        Map<String, HuntPool> merged = new LinkedHashMap<>();
        for (HuntPool p : pools) {
            merged.put(p.name(), p);
        }
        for (HuntPool p : moved.pools) {
            merged.merge(p.name(), p, (mine, theirs) -> mergePools(moved.name, mine, theirs));
        }
        List<Module> ms = new ArrayList<>(modules);
        for (Module m : moved.modules) {
            ms.add(m.withName(moved.name + ":" + m.name()));
        }
        return new LoadProfile(name + "+" + moved.name, new ArrayList<>(merged.values()), ms);
    }

    private HuntPool mergePools(String movedName, HuntPool mine, HuntPool theirs) {
        String what = "pool " + mine.name() + " of " + name + " and of " + movedName;
        if (mine.kind() != theirs.kind()) {
            throw new IllegalArgumentException(
                    what + " differ in kind (" + mine.kind() + " vs " + theirs.kind() + "); rename one of them");
        }
        if (mine.scope() instanceof PoolScope.AnySpan && theirs.scope() instanceof PoolScope.AnySpan) {
            return mine;
        }
        if (mine.scope() instanceof PoolScope.Dids a && theirs.scope() instanceof PoolScope.Dids b) {
            List<DidRange> all = new ArrayList<>(a.ranges());
            for (DidRange r : b.ranges()) {
                if (!all.contains(r)) {
                    all.add(r);
                }
            }
            return new HuntPool(mine.name(), mine.kind(), PoolScope.dids(all));
        }
        throw new IllegalArgumentException(what + " differ in scope ("
                + mine.scope().describe() + " vs " + theirs.scope().describe() + "); rename one of them");
    }
}
