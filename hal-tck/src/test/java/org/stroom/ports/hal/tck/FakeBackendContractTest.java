package org.stroom.ports.hal.tck;

import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;

/**
 * Runs the contracts the {@link FakeBackend} can take part in through jqwik, exactly as a backend's
 * test class does: proves the contract pattern (default methods, providers in interfaces) and that a
 * correct backend passes. Media, fax and alarm contracts need capabilities the fake lacks.
 */
class FakeBackendContractTest
        implements LifecycleContract,
                DiscoveryContract,
                InboundCallContract,
                OutboundCallContract,
                GlareContract,
                WrongStateContract,
                EventOrderingContract,
                CloseContract {

    @Override
    public TckHarness createHarness() {
        return new FakeHarness();
    }

    @Override
    public BackendProvider tckProvider() {
        return new FakeProvider();
    }

    @Override
    public BackendOptions tckOptions() {
        return BackendOptions.defaults();
    }
}
