package org.stroom.ports.hal.api.spi;

import java.util.Objects;

/**
 * Result of probing a backend: can it be opened on this host?
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface Availability permits Availability.Available, Availability.Unavailable {
    /** The backend can be opened. */
    record Available() implements Availability {}

    /**
     * The backend cannot be opened.
     *
     * @param reason why, and what to set or install to fix it
     */
    record Unavailable(String reason) implements Availability {
        /** Rejects null. */
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @return the Available value */
    static Availability available() {
        return new Available();
    }

    /** @return an Unavailable value */
    static Availability unavailable(String reason) {
        return new Unavailable(reason);
    }

    /** @return whether this is Available */
    default boolean isAvailable() {
        return this instanceof Available;
    }
}
