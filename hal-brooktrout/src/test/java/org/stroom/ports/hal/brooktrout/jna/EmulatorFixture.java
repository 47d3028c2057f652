package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;

/** Resets the emulator before each test: one module (number 2) of 96 channels, fast line time. */
abstract class EmulatorFixture {
    /** Line time runs 1000 times faster than real time: a 60 s fax page takes 60 ms. */
    static final double FAST = 0.001;

    final BfvEmulator emu = BfvEmulator.INSTANCE;
    final BfvNative natives = BfvNative.get();
    final BfvModel model = natives.model();

    @org.junit.jupiter.api.BeforeEach
    void resetEmulator() {
        assertThat(natives.unavailableReason()).isEmpty();
        ok(emu.emu_configure(1, 96));
        emu.emu_set_time_scale(FAST);
    }

    static void ok(int rc) {
        assertThat(rc).as("emulator control call").isZero();
    }

    int code(BfvModel.Key key) {
        return model.get(key);
    }
}
