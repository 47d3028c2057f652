package org.stroom.ports.hal.dialogic;

import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.tck.EveryContract;
import org.stroom.ports.hal.tck.TckHarness;

/**
 * Every hal-tck contract, run against the Dialogic backend on the C emulator through real JNA calls; none
 * is overridden or skipped (the emulator models the D-channel and board faults too).
 */
class DialogicContractTest implements EveryContract {

    @Override
    public TckHarness createHarness() {
        return new DialogicHarness();
    }

    @Override
    public BackendProvider tckProvider() {
        return new DialogicBackendProvider();
    }

    @Override
    public BackendOptions tckOptions() {
        return DialogicHarness.options();
    }
}
