package org.stroom.ports.hal.dialogic;

import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
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

/** Every hal-tck contract, run against the Dialogic backend on the C emulator through real JNA calls. */
class DialogicContractTest
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
