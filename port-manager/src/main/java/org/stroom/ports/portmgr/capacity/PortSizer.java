package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.stroom.ports.portmgr.capacity.traffic.Engset;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;
import org.stroom.ports.portmgr.capacity.traffic.ErlangC;
import org.stroom.ports.portmgr.capacity.traffic.ExtendedErlangB;

/**
 * Sizes hunt pools with the traffic formulas of {@code capacity.traffic} and says what grade of service a given
 * number of ports gives. Inverse results (ports for a target) and evaluations are cached in a bounded LRU map,
 * because rehearsals and repeated proofs ask the same questions many times.
 *
 * <p>Which formula: loss pools use Engset when every module declares a finite source population, Extended
 * Erlang B when blocked calls are retried, Erlang B otherwise; queued pools use Erlang C with the call-weighted
 * mean holding time.
 *
 * <p>Thread-safety: safe from any thread (the caches are synchronized).
 */
public final class PortSizer {
    /** Default number of cached results. */
    public static final int DEFAULT_CACHE_ENTRIES = 8192;

    private final Map<Object, Object> cache;

    /** A sizer with {@value #DEFAULT_CACHE_ENTRIES} cached results. */
    public PortSizer() {
        this(DEFAULT_CACHE_ENTRIES);
    }

    /**
     * @param maxEntries cached results kept, &ge; 0 (0 disables caching)
     */
    public PortSizer(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("PortSizer: maxEntries = " + maxEntries + " is negative");
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The requirement of every pool of the profile, in pool order.
     *
     * @param load the load
     * @return one requirement per pool (pools without modules need 0 ports)
     * @throws IllegalArgumentException when a pool needs more ports than the traffic formulas support
     */
    public List<PoolRequirement> requirements(LoadProfile load) {
        List<PoolRequirement> out = new ArrayList<>();
        for (HuntPool p : load.pools()) {
            out.add(requirement(p, load.modulesIn(p.name())));
        }
        return out;
    }

    /**
     * @param pool the pool
     * @param modules its modules (all of the pool's kind, all loss or all queued)
     * @return the pool's requirement
     */
    public PoolRequirement requirement(HuntPool pool, List<Module> modules) {
        double erlangs = 0.0;
        double attempts = 0.0;
        double retryWeighted = 0.0;
        int sources = 0;
        boolean allFinite = !modules.isEmpty();
        boolean queued = false;
        for (Module m : modules) {
            double a = m.offeredErlangs();
            erlangs += a;
            attempts += m.busyHourAttempts();
            retryWeighted += a * m.retryFraction();
            sources += m.sources();
            allFinite &= m.sources() > 0;
            queued |= m.target().queued();
        }
        double holding = attempts > 0.0
                ? erlangs * 3600.0 / attempts
                : modules.isEmpty() ? 1.0 : modules.get(0).holding().seconds();
        double retry = erlangs > 0.0 ? retryWeighted / erlangs : 0.0;
        int finiteSources = allFinite ? sources : 0;
        Discipline discipline = queued ? Discipline.QUEUE : Discipline.LOSS;
        int ports = 0;
        for (Target t : modules.stream().map(Module::target).distinct().toList()) {
            ports = Math.max(ports, portsFor(erlangs, holding, retry, finiteSources, t));
        }
        return new PoolRequirement(pool, modules, discipline, erlangs, holding, retry, finiteSources, ports);
    }

    private int portsFor(double erlangs, double holding, double retry, int sources, Target target) {
        if (erlangs == 0.0) {
            return 0;
        }
        return cached(new PortsKey(erlangs, holding, retry, sources, target), () -> {
            if (target instanceof Target.Blocking b) {
                if (sources > 0) {
                    return engsetPortsFor(sources, erlangs, b.maxBlocking());
                }
                return retry > 0.0
                        ? ExtendedErlangB.portsFor(erlangs, b.maxBlocking(), retry)
                        : ErlangB.portsFor(erlangs, b.maxBlocking());
            }
            if (target instanceof Target.ServiceLevel s) {
                return ErlangC.portsFor(erlangs, holding, s.fraction(), s.withinSeconds());
            }
            return meanWaitPortsFor(erlangs, holding, ((Target.MeanWait) target).maxSeconds());
        });
    }

    private static int engsetPortsFor(int sources, double erlangs, double maxBlocking) {
        for (int n = 0; n < sources; n++) {
            if (Engset.blockingForTotalOffered(sources, n, erlangs) <= maxBlocking) {
                return n;
            }
        }
        return sources;
    }

    private static int meanWaitPortsFor(double erlangs, double holding, double maxSeconds) {
        // Mean wait falls as ports are added: search up by doubling, then bisect.
        int lo = (int) Math.floor(erlangs) + 1;
        if (ErlangC.meanWait(lo, erlangs, holding) <= maxSeconds) {
            return lo;
        }
        int hi = lo;
        while (ErlangC.meanWait(hi, erlangs, holding) > maxSeconds) {
            lo = hi;
            if (hi >= ErlangB.MAX_PORTS) {
                throw new IllegalArgumentException("PortSizer: " + erlangs + " E with mean wait <= " + maxSeconds
                        + " s needs more than " + ErlangB.MAX_PORTS + " ports");
            }
            hi = (int) Math.min(ErlangB.MAX_PORTS, 2L * hi);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ErlangC.meanWait(mid, erlangs, holding) <= maxSeconds) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * What a pool gets from a number of ports.
     *
     * @param req the pool's requirement
     * @param ports ports allotted, &ge; 0
     * @return blocking (loss pools) or waiting figures (queued pools)
     */
    public Achieved achieved(PoolRequirement req, int ports) {
        if (ports < 0) {
            throw new IllegalArgumentException("PortSizer.achieved: ports = " + ports + " is negative");
        }
        double a = req.offeredErlangs();
        if (req.discipline() == Discipline.LOSS) {
            if (a == 0.0) {
                return new Achieved.Loss(0.0);
            }
            return cached(new LossKey(a, req.retryFraction(), req.sources(), ports), () -> {
                double b;
                if (req.sources() > 0) {
                    b = Engset.blockingForTotalOffered(req.sources(), ports, a);
                } else if (req.retryFraction() > 0.0) {
                    b = ExtendedErlangB.blocking(ports, a, req.retryFraction());
                } else {
                    b = ErlangB.blocking(ports, a);
                }
                return new Achieved.Loss(b);
            });
        }
        if (a == 0.0) {
            return new Achieved.Queue(0.0, 0.0);
        }
        if (!(a < ports)) {
            return new Achieved.Queue(1.0, Double.POSITIVE_INFINITY);
        }
        return cached(
                new QueueKey(a, req.meanHoldingSeconds(), ports),
                () -> new Achieved.Queue(
                        ErlangC.probabilityOfWaiting(ports, a), ErlangC.meanWait(ports, a, req.meanHoldingSeconds())));
    }

    /**
     * Checks each of the pool's targets with a number of ports.
     *
     * @param req the pool's requirement
     * @param ports ports allotted
     * @return one check per distinct target
     */
    public List<TargetCheck> check(PoolRequirement req, int ports) {
        Achieved got = achieved(req, ports);
        List<TargetCheck> out = new ArrayList<>();
        for (Target t : req.targets()) {
            if (t instanceof Target.Blocking b) {
                double v = ((Achieved.Loss) got).blocking();
                out.add(new TargetCheck(t, v, v <= b.maxBlocking()));
            } else if (t instanceof Target.ServiceLevel s) {
                double v = serviceLevel(req, ports, s.withinSeconds());
                out.add(new TargetCheck(t, v, v >= s.fraction()));
            } else {
                double v = ((Achieved.Queue) got).meanWaitSeconds();
                out.add(new TargetCheck(t, v, v <= ((Target.MeanWait) t).maxSeconds()));
            }
        }
        return out;
    }

    private double serviceLevel(PoolRequirement req, int ports, double within) {
        double a = req.offeredErlangs();
        if (a == 0.0) {
            return 1.0;
        }
        if (!(a < ports)) {
            return 0.0;
        }
        return cached(
                new ServiceKey(a, req.meanHoldingSeconds(), ports, within),
                () -> ErlangC.serviceLevel(ports, a, req.meanHoldingSeconds(), within));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Object key, Supplier<T> compute) {
        synchronized (cache) {
            Object hit = cache.get(key);
            if (hit != null) {
                return (T) hit;
            }
        }
        T value = compute.get();
        synchronized (cache) {
            cache.put(key, value);
        }
        return value;
    }

    private record PortsKey(double erlangs, double holding, double retry, int sources, Target target) {}

    private record LossKey(double erlangs, double retry, int sources, int ports) {}

    private record QueueKey(double erlangs, double holding, int ports) {}

    private record ServiceKey(double erlangs, double holding, int ports, double within) {}
}
