package org.stroom.ports.hal.api.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.t1.NanoClock;

/**
 * What a backend is opened with: its configuration properties (namespaced by backend id, e.g.
 * {@code dialogic.lib.gc}) and the clock its events are stamped with.
 *
 * @param properties configuration, copied
 * @param clock time source for event timestamps and timers
 * @param machine machine name the backend's boards live on (the Server or a Node name)
 *     <p>Thread-safety: immutable.
 */
public record BackendOptions(Map<String, String> properties, NanoClock clock, String machine) {
    /** Copies the map. */
    public BackendOptions {
        properties = Map.copyOf(properties);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(machine, "machine");
    }

    /** @return options with no properties, the system clock and machine {@code "server"} */
    public static BackendOptions defaults() {
        return new BackendOptions(Map.of(), NanoClock.system(), "server");
    }

    /** @return the property, falling back to the JVM system property of the same name */
    public Optional<String> property(String key) {
        String v = properties.get(key);
        return Optional.ofNullable(v != null ? v : System.getProperty(key));
    }

    /** @return a copy with one more property */
    public BackendOptions with(String key, String value) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>(properties);
        m.put(key, value);
        return new BackendOptions(m, clock, machine);
    }
}
