package org.stroom.ports.hal.tck;

/**
 * The factory every contract needs. A backend's test class implements the contract interfaces and
 * this one method once:
 *
 * <pre>{@code
 * class SoftportContractTest implements LifecycleContract, InboundCallContract, ... {
 *     @Override
 *     public TckHarness createHarness() {
 *         return new SoftportHarness(...);
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface TckContract {
    /**
     * @return a new harness with a freshly opened backend, as described on {@link TckHarness#backend()};
     *     the contract closes it
     */
    TckHarness createHarness();

    /** @return a session on a new harness; close it (try-with-resources) */
    default TckSession openSession() {
        return TckSession.open(createHarness());
    }
}
