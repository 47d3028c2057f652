package org.stroom.ports.t1;

import java.util.function.LongSupplier;

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

    /**
     * Whether this clock runs by itself with real time, rather than only when it is told to (a simulation's
     * virtual clock, a test's hand-moved clock). Readers that may read a real-time clock a little later than the
     * moment they stand for use this: the port manager's event core reads a real-time clock once for many inputs
     * on its own thread, but any other clock on the submitting thread, so that an input submitted before the
     * clock is moved is stamped before it.
     *
     * @return false unless the implementation says otherwise
     */
    default boolean realTime() {
        return false;
    }

    /** @return a clock backed by {@link System#nanoTime()}; {@link #realTime()} */
    static NanoClock system() {
        return realTime(System::nanoTime);
    }

    /**
     * @param nanos the readings, e.g. a fixed origin plus {@link System#nanoTime()}; must never decrease and must
     *     run with real time
     * @return a clock giving those readings that says it is {@link #realTime()}
     */
    static NanoClock realTime(LongSupplier nanos) {
        return new NanoClock() {
            @Override
            public long nanos() {
                return nanos.getAsLong();
            }

            @Override
            public boolean realTime() {
                return true;
            }
        };
    }
}
