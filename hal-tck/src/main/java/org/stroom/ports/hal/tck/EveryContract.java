package org.stroom.ports.hal.tck;

/**
 * Every hal-tck contract in one interface. A backend's contract test implements this, so a contract
 * added to the TCK later runs against every backend without touching their tests:
 *
 * <pre>{@code
 * class SoftportContractTest implements EveryContract {
 *     @Override
 *     public TckHarness createHarness() {
 *         return SoftportHarness.virtual();
 *     }
 *
 *     @Override
 *     public BackendProvider tckProvider() {
 *         return new SoftportProvider();
 *     }
 * }
 * }</pre>
 *
 * <p>A check that cannot apply to a backend is overridden in its test class with the reason; none is
 * skipped silently.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface EveryContract
        extends LifecycleContract,
                DiscoveryContract,
                InboundCallContract,
                OutboundCallContract,
                GlareContract,
                MediaContract,
                FaxContract,
                WrongStateContract,
                AlarmContract,
                EventOrderingContract,
                CloseContract {}
