package org.stroom.ports.hal.api.spi;

import org.stroom.ports.hal.api.HalBackend;

/**
 * A backend implementation, found with {@link java.util.ServiceLoader}. Register it in
 * {@code META-INF/services/org.stroom.ports.hal.api.spi.BackendProvider}.
 *
 * <p>Thread-safety: implementations must be safe from any thread.
 */
public interface BackendProvider {
    /** @return stable id used in configuration, e.g. {@code "dialogic"} */
    String id();

    /** @return higher wins among available real backends */
    int priority();

    /** @return whether the boards are simulated; simulated backends are chosen only on request */
    boolean simulated();

    /**
     * Checks whether the backend could be opened here (library present, boards found). Never
     * throws: any failure is an {@link Availability.Unavailable} with the reason.
     */
    Availability probe(BackendOptions options);

    /**
     * Opens the backend.
     *
     * @throws org.stroom.ports.hal.api.HalException when it cannot be opened, with the reason
     */
    HalBackend open(BackendOptions options);
}
