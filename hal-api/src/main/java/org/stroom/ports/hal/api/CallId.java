package org.stroom.ports.hal.api;

/**
 * A call on one backend. Unique within the backend for its lifetime; assigned by the backend.
 *
 * @param value positive number
 *     <p>Thread-safety: immutable.
 */
public record CallId(long value) {
    /**
     * @throws IllegalArgumentException when not positive
     */
    public CallId {
        if (value <= 0) {
            throw new IllegalArgumentException("call id must be positive, got " + value);
        }
    }

    @Override
    public String toString() {
        return "call#" + value;
    }
}
