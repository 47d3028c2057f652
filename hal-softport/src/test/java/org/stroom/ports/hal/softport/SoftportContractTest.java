package org.stroom.ports.hal.softport;

import java.util.Map;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.softport.tck.SoftportHarness;
import org.stroom.ports.hal.tck.AlarmContract;
import org.stroom.ports.hal.tck.CloseContract;
import org.stroom.ports.hal.tck.DiscoveryContract;
import org.stroom.ports.hal.tck.EventOrderingContract;
import org.stroom.ports.hal.tck.FaxContract;
import org.stroom.ports.hal.tck.GlareContract;
import org.stroom.ports.hal.tck.InboundCallContract;
import org.stroom.ports.hal.tck.LifecycleContract;
import org.stroom.ports.hal.tck.MediaContract;
import org.stroom.ports.hal.tck.OutboundCallContract;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.hal.tck.WrongStateContract;

/**
 * softport passes every hal-tck contract on virtual time, with every harness capability and the
 * contracts' channels on an ISDN PRI span (see
 * {@link SoftportHarness} for the simulated hardware).
 */
class SoftportContractTest
        implements LifecycleContract,
                DiscoveryContract,
                InboundCallContract,
                OutboundCallContract,
                GlareContract,
                MediaContract,
                FaxContract,
                WrongStateContract,
                AlarmContract,
                EventOrderingContract,
                CloseContract {

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
