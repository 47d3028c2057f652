package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

/**
 * Control API of the test emulator ({@code src/test/c/bfv_emu.c}); non-vendor functions. The emulator
 * library is the same one {@link BfvNative} loads in tests, so both share its state.
 *
 * <p>Thread-safety: the emulator serialises every call internally.
 */
public interface BfvEmulator extends Library {
    BfvEmulator INSTANCE = Native.load("bfvemu", BfvEmulator.class);

    int emu_configure(int modules, int channels);

    void emu_set_time_scale(double scale);

    void emu_set_gate(int open);

    void emu_advance_gate(long lineNanos);

    long emu_line_now_ns();

    int emu_events_idle();

    int emu_sleeping_calls();

    /** Holds ({@code hold != 0}) or releases the delivery of queued callbacks. */
    void emu_hold_callbacks(int hold);

    int emu_inbound_call(int unit, String calling, String called);

    int emu_far_end_hangup(int unit);

    int emu_set_call_progress(int unit, int progress);

    void emu_set_outbound(int progress, int delayMs);

    int emu_set_inbound_fax_pages(int unit, int pages);

    int emu_set_alarm(int module, int span, int bits);

    int emu_set_dchannel(int module, int span, int up);

    int emu_module_fault(int module, int code);

    int emu_module_recover(int module);

    int emu_module_faulted(int module);

    int emu_inject_failure(String function, int unit, int code);

    int emu_inject_dtmf(int unit, String digits);

    int emu_line_state(int unit);

    int emu_line_busy(int unit);

    int emu_model_count();

    String emu_model_name(int index);

    int emu_model_get(String name, IntByReference out);

    int emu_model_set(String name, int value);

    int emu_sizeof(String struct);

    int emu_offsetof(String struct, String field);
}
