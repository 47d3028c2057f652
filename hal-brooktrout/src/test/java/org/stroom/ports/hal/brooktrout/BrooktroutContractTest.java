package org.stroom.ports.hal.brooktrout;

import java.nio.file.Path;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.tck.EveryContract;
import org.stroom.ports.hal.tck.TckHarness;

/** Every hal-tck contract, against the Brooktrout backend over the C emulator through real JNA calls. */
class BrooktroutContractTest implements EveryContract {

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
