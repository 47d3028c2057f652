package org.stroom.ports.hal.softport;

import java.util.Map;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.softport.tck.SoftportHarness;
import org.stroom.ports.hal.tck.EveryContract;
import org.stroom.ports.hal.tck.TckHarness;

/**
 * softport passes every hal-tck contract on virtual time, with every harness capability and the
 * contracts' channels on an ISDN PRI span (see
 * {@link SoftportHarness} for the simulated hardware).
 */
class SoftportContractTest implements EveryContract {

    @Override
    public TckHarness createHarness() {
        return SoftportHarness.virtual();
    }

    @Override
    public BackendProvider tckProvider() {
        return new SoftportProvider();
    }

    @Override
    public BackendOptions tckOptions() {
        return new BackendOptions(Map.of(), new VirtualClock(), SoftportHarness.MACHINE);
    }
}
