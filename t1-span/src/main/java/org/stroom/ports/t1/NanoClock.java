package org.stroom.ports.t1;

/**
 * A monotonic time source in nanoseconds, injected wherever timing matters so that simulations run
 * on virtual time and tests drive time explicitly.
 *
 * <p>Thread-safety: implementations say; the system clock is safe from any thread.
 */
@FunctionalInterface
public interface NanoClock {
    /** @return nanoseconds from an arbitrary fixed origin; never decreases */
    long nanos();

    /** @return a clock backed by {@link System#nanoTime()}; for real-time use only */
    static NanoClock system() {
        return System::nanoTime;
    }
}
