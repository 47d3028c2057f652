package org.stroom.ports.hal.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;

/**
 * Entry point: finds backends with {@link ServiceLoader} and opens the right one.
 *
 * <p>Choice: an explicitly named backend wins (and must be available); otherwise the available
 * non-simulated backend with the highest priority; the simulator only when the caller allows
 * simulated backends and no real one is available. When none qualifies, {@link NoBackendException}
 * lists every backend tried and why it was unavailable.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Hal {
    private Hal() {}

    /**
     * What to open.
     *
     * @param backend the backend id to use, or empty to choose by availability and priority
     * @param allowSimulated whether the simulator may be chosen
     * @param options configuration and clock
     */
    public record Selection(Optional<String> backend, boolean allowSimulated, BackendOptions options) {
        /** Rejects nulls. */
        public Selection {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(options, "options");
        }

        /** @return a selection of the named backend */
        public static Selection named(String id, BackendOptions options) {
            return new Selection(Optional.of(id), true, options);
        }

        /** @return a selection of the best real backend, falling back to the simulator if allowed */
        public static Selection best(boolean allowSimulated, BackendOptions options) {
            return new Selection(Optional.empty(), allowSimulated, options);
        }
    }

    /** @return every provider on the class path */
    public static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(out::add);
        return out;
    }

    /** Chooses among the providers on the class path and opens the choice. */
    public static HalBackend open(Selection selection) {
        return choose(selection, providers()).open(selection.options());
    }

    /**
     * Chooses a provider.
     *
     * @throws NoBackendException when none qualifies
     */
    public static BackendProvider choose(Selection selection, List<BackendProvider> providers) {
        Map<String, String> tried = new LinkedHashMap<>();
        if (selection.backend().isPresent()) {
            String id = selection.backend().get();
            for (BackendProvider p : providers) {
                if (p.id().equals(id)) {
                    Availability a = safeProbe(p, selection.options());
                    if (a instanceof Availability.Unavailable u) {
                        tried.put(id, u.reason());
                        throw new NoBackendException("backend '" + id + "'", tried);
                    }
                    return p;
                }
            }
            providers.forEach(p -> tried.put(p.id(), "not the configured backend '" + id + "'"));
            throw new NoBackendException("backend '" + id + "' (not on the class path)", tried);
        }
        List<BackendProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparing(BackendProvider::simulated)
                .thenComparing(
                        Comparator.comparingInt(BackendProvider::priority).reversed())
                .thenComparing(BackendProvider::id));
        for (BackendProvider p : ordered) {
            if (p.simulated() && !selection.allowSimulated()) {
                tried.put(p.id(), "simulated, and simulated backends are not allowed");
                continue;
            }
            Availability a = safeProbe(p, selection.options());
            if (a instanceof Availability.Unavailable u) {
                tried.put(p.id(), u.reason());
                continue;
            }
            return p;
        }
        throw new NoBackendException(
                selection.allowSimulated() ? "any backend" : "a real (non-simulated) backend", tried);
    }

    private static Availability safeProbe(BackendProvider p, BackendOptions o) {
        try {
            Availability a = p.probe(o);
            return a == null ? Availability.unavailable("probe returned nothing") : a;
        } catch (RuntimeException | LinkageError e) { // probes must not throw; one that does is unavailable
            return Availability.unavailable("probe failed: " + e);
        }
    }
}
