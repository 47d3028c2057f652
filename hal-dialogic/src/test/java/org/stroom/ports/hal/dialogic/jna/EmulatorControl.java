package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Test-only control API of the C emulator ({@code src/test/c}): fault and traffic injection that the
 * vendor libraries do not have. Loaded from the same library the bindings use in tests.
 *
 * <p>Thread-safety: every function takes the emulator's lock.
 */
public interface EmulatorControl extends Library {
    /** @return the control API of the library named by {@code dialogic.lib.gc} */
    static EmulatorControl load() {
        return Native.load(System.getProperty("dialogic.lib.gc", "dialogicemu"), EmulatorControl.class);
    }

    void emu_reset();

    int emu_set_time_scale(double realMsPerEmulatedMs);

    int emu_configure(int trunks, int timeslots, int voiceChannels);

    int emu_fail_next(String function, NativeLong code);

    int emu_set_default_gc_mask(NativeLong mask);

    int emu_set_fax_timing(int phaseBMs, int pageMs, int receivePages);

    int emu_raise_alarm(int trunk, int code);

    int emu_clear_alarm(int trunk, int code);

    NativeLong emu_inject_inbound_call(int trunk, int timeslot, String ani, String dnis);

    NativeLong emu_far_end_hangup(int trunk, int timeslot, int result);

    int emu_set_far_end(String number, int result, NativeLong delayMs);

    int emu_inject_digits(String voiceChannel, String digits);

    int emu_pending_events();

    NativeLong emu_layout(String what);

    int emu_fail_next_on_line(int trunk, int timeslot, NativeLong code);

    int emu_set_default_far_end(int result, NativeLong delayMs, int fax);

    int emu_far_end_sends_fax(int trunk, int timeslot, int pages);

    /** @return 0, -1 for a bad trunk, -2 when the D-channel is already in that state */
    int emu_set_dchannel(int trunk, int up);

    int emu_set_t309(NativeLong emulatedMs);

    /** @return 0, -1 for a bad trunk range, -2 when every trunk of the range had already failed */
    int emu_board_fault(int firstTrunk, int trunks);

    /** @return 0, -1 for a bad trunk range, -2 when no trunk of the range had failed */
    int emu_board_recover(int firstTrunk, int trunks);
}
