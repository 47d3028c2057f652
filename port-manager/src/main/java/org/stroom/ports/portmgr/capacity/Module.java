package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;

/**
 * The busy-hour load of one application module and the grade of service it must get.
 *
 * <p>Offered traffic is {@code busyHourAttempts × holding.seconds() / 3600} erlangs. For outbound fax, count
 * every dial attempt (a delivered fax takes 1.3 on a clean list to 2.7 on a poor list). {@code retryFraction} is
 * the share of calls blocked by <em>our</em> ports that are retried (Extended Erlang B); it applies to loss
 * targets only, since queued calls wait instead of retrying. {@code sources} &gt; 0 declares a small finite
 * population (Engset), e.g. 40 extensions behind an IVR; 0 means many independent callers (Erlang).
 *
 * @param name module name, non-blank, unique in its load profile
 * @param kind module kind; decides the port kind
 * @param pool name of the hunt pool the module's calls are served from
 * @param busyHourAttempts call attempts in the busy hour (ITU-T E.500: averaged over several days), finite, &ge; 0
 * @param holding mean holding time
 * @param retryFraction share of blocked calls retried, in [0, 1); 0 for queued targets
 * @param sources finite source population, &ge; 0 (0 = infinite); only with a blocking target and fewer erlangs
 *     than sources
 * @param target grade of service
 * @param source configured or measured figures
 *     <p>Thread-safety: immutable.
 */
public record Module(
        String name,
        ModuleKind kind,
        String pool,
        double busyHourAttempts,
        HoldingTime holding,
        double retryFraction,
        int sources,
        Target target,
        TrafficSource source) {
    /**
     * @throws IllegalArgumentException naming the module, the field and the valid range
     */
    public Module {
        Objects.requireNonNull(name, "module: name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("module: name is blank");
        }
        String m = "module " + name + ": ";
        Objects.requireNonNull(kind, m + "kind");
        Objects.requireNonNull(pool, m + "pool");
        if (pool.isBlank()) {
            throw new IllegalArgumentException(m + "pool name is blank; name the hunt pool its calls use");
        }
        Objects.requireNonNull(holding, m + "holding");
        Objects.requireNonNull(target, m + "target");
        Objects.requireNonNull(source, m + "source");
        if (!(busyHourAttempts >= 0.0) || Double.isInfinite(busyHourAttempts)) {
            throw new IllegalArgumentException(
                    m + "busyHourAttempts = " + busyHourAttempts + " must be finite and >= 0 (attempts per busy hour)");
        }
        if (!(retryFraction >= 0.0 && retryFraction < 1.0)) {
            throw new IllegalArgumentException(m + "retryFraction = " + retryFraction + " is outside [0, 1)");
        }
        if (retryFraction > 0.0 && target.queued()) {
            throw new IllegalArgumentException(m + "retryFraction = " + retryFraction + " with a queued target ("
                    + target.describe() + "): queued calls wait rather than retry; set it to 0");
        }
        if (sources < 0) {
            throw new IllegalArgumentException(m + "sources = " + sources + " is negative; use 0 for many callers");
        }
        if (sources > 0 && target.queued()) {
            throw new IllegalArgumentException(
                    m + "a finite source population (sources = " + sources + ") needs a blocking target");
        }
        double erlangs = busyHourAttempts * holding.seconds() / 3600.0;
        if (sources > 0 && !(erlangs < sources)) {
            throw new IllegalArgumentException(m + "offers " + erlangs + " E from " + sources
                    + " sources; each source offers less than one erlang, so add sources or use sources = 0");
        }
    }

    /**
     * A configured loss module (calls blocked when every port is busy, no retries, many callers).
     *
     * @param name module name
     * @param kind module kind
     * @param pool hunt pool
     * @param busyHourAttempts attempts per busy hour
     * @param holding mean holding time
     * @param maxBlocking blocking target in (0, 1)
     * @return the module
     */
    public static Module loss(
            String name,
            ModuleKind kind,
            String pool,
            double busyHourAttempts,
            HoldingTime holding,
            double maxBlocking) {
        return new Module(
                name,
                kind,
                pool,
                busyHourAttempts,
                holding,
                0.0,
                0,
                Target.blocking(maxBlocking),
                TrafficSource.CONFIGURED);
    }

    /**
     * A configured queued module (jobs wait for a port), e.g. outbound fax.
     *
     * @param name module name
     * @param kind module kind
     * @param pool hunt pool
     * @param busyHourAttempts attempts per busy hour
     * @param holding mean holding time
     * @param target a {@link Target.ServiceLevel} or {@link Target.MeanWait}
     * @return the module
     */
    public static Module queued(
            String name, ModuleKind kind, String pool, double busyHourAttempts, HoldingTime holding, Target target) {
        return new Module(name, kind, pool, busyHourAttempts, holding, 0.0, 0, target, TrafficSource.CONFIGURED);
    }

    /** @return the port kind its calls need */
    public PortKind portKind() {
        return kind.portKind();
    }

    /** @return offered traffic in erlangs (first attempts, before retries of blocked calls) */
    public double offeredErlangs() {
        return busyHourAttempts * holding.seconds() / 3600.0;
    }

    /** @return a copy with another retry fraction */
    public Module withRetryFraction(double r) {
        return new Module(name, kind, pool, busyHourAttempts, holding, r, sources, target, source);
    }

    /** @return a copy with a finite source population */
    public Module withSources(int n) {
        return new Module(name, kind, pool, busyHourAttempts, holding, retryFraction, n, target, source);
    }

    /** @return a copy with another name */
    public Module withName(String newName) {
        return new Module(newName, kind, pool, busyHourAttempts, holding, retryFraction, sources, target, source);
    }

    /** @return a copy whose figures are the measurement's, marked {@link TrafficSource#MEASURED} */
    public Module measured(Measurement m) {
        return new Module(
                name,
                kind,
                pool,
                m.busyHourAttempts(),
                HoldingTime.mean(m.meanHoldingSeconds()),
                retryFraction,
                sources,
                target,
                TrafficSource.MEASURED);
    }
}
