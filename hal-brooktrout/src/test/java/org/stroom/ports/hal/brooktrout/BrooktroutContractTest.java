package org.stroom.ports.hal.brooktrout;

import java.nio.file.Path;
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

/** Every hal-tck contract, against the Brooktrout backend over the C emulator through real JNA calls. */
class BrooktroutContractTest
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

    private static final Path OPTIONS_DIR = BfvEmulatorHarness.tempDir();

    @Override
    public TckHarness createHarness() {
        return new BfvEmulatorHarness();
    }

    @Override
    public BackendProvider tckProvider() {
        return new BrooktroutBackendProvider();
    }

    @Override
    public BackendOptions tckOptions() {
        BfvEmulatorHarness.resetEmulator();
        return BfvEmulatorHarness.options(OPTIONS_DIR);
    }
}
