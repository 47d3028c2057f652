package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stroom.ports.hal.dialogic.event.DialogicEvent;
import org.stroom.ports.hal.dialogic.event.DialogicEventDecoder;

/**
 * A reset emulator plus real bindings loaded through {@link DialogicLibraries#system()}, with helpers to
 * wait for and decode the next event. Emulated time runs 100 times faster than real time, slow
 * enough that a state read right after starting a one-second operation still sees it running.
 *
 * <p>Thread-safety: confine to the test thread (it is the SRL event thread).
 */
public final class EmulatorSession {
    /** Real milliseconds a test waits for an event before failing. */
    public static final long EVENT_WAIT_MS = 5_000;

    public final EmulatorControl emu = EmulatorControl.load();
    public final DialogicLibraries libs;
    public final DeviceRegistry registry = new DeviceRegistry();
    public final DialogicCalls calls;
    private final List<RawSrlEvent> seen = new ArrayList<>();

    public EmulatorSession() {
        emu.emu_reset();
        emu.emu_set_time_scale(0.01);
        DialogicLibraries.Availability a = DialogicLibraries.system();
        assertThat(a)
                .as("emulator must load through the configured names")
                .isInstanceOf(DialogicLibraries.Loaded.class);
        libs = ((DialogicLibraries.Loaded) a).libraries();
        calls = new DialogicCalls(libs, registry);
    }

    /** @return the next raw event, failing the test if none arrives in {@link #EVENT_WAIT_MS} */
    public RawSrlEvent nextRaw() {
        Optional<RawSrlEvent> e = calls.waitEvent(EVENT_WAIT_MS);
        assertThat(e).as("an event within %d ms", EVENT_WAIT_MS).isPresent();
        seen.add(e.get());
        return e.get();
    }

    /** @return the next event, decoded */
    public DialogicEvent next() {
        RawSrlEvent raw = nextRaw();
        return DialogicEventDecoder.decode(registry.kindOf(raw.device()), raw);
    }

    /** @return the next event, asserting its type */
    public <T extends DialogicEvent> T next(Class<T> type) {
        DialogicEvent e = next();
        assertThat(e).isInstanceOf(type);
        return type.cast(e);
    }

    /** @return every raw event taken so far, in order */
    public List<RawSrlEvent> seen() {
        return List.copyOf(seen);
    }

    /** Asserts that the SRL queue holds no event. */
    public void assertQueueEmpty() {
        assertThat(emu.emu_pending_events()).as("queued events").isZero();
    }

    /** Starts GlobalCall and opens dtiB{trunk}T{ts} with voice dxxxB{..}C{..}, consuming OPENEX + UNBLOCKED. */
    public LineDevice openLine(int trunk, int ts) {
        int ch = (trunk - 1) * 24 + ts - 1;
        String name = ":N_dtiB" + trunk + "T" + ts + ":P_ISDN:V_dxxxB" + (ch / 4 + 1) + "C" + (ch % 4 + 1);
        LineDevice line = calls.gcOpenEx(name, true);
        assertThat(next()).isEqualTo(new org.stroom.ports.hal.dialogic.event.GcEvent.Opened(line));
        assertThat(next()).isEqualTo(new org.stroom.ports.hal.dialogic.event.GcEvent.Unblocked(line));
        return line;
    }
}
