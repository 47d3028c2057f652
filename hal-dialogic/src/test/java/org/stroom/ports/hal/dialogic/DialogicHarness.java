package org.stroom.ports.hal.dialogic;

import com.sun.jna.NativeLong;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.EmulatorControl;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.SpanLocation;

/**
 * Drives a {@link DialogicBackend} opened on the C emulator: the far end and the faults are the
 * emulator's control API, reached through JNA; time is real time scaled (by {@link #SCALE} unless
 * given) for both the emulator and the backend clock. Boards are those of {@link DialogicSettings}: a
 * board fault fails every trunk of the board at once.
 *
 * <p>Thread-safety: test thread only.
 */
final class DialogicHarness implements TckHarness {
    /** Real milliseconds per emulated millisecond: the emulator and the backend run 10 times faster. */
    static final double SCALE = 0.1;

    private static long refusedIds = Long.MAX_VALUE;

    private final EmulatorControl emu = EmulatorControl.load();
    private final double scale;
    private final DialogicSettings settings;
    private final HalBackend backend;

    DialogicHarness() {
        this(SCALE, "D/240JCT-T1", emu -> {});
    }

    /**
     * @param scale real milliseconds per emulated millisecond, for the emulator and the backend clock
     * @param boards the {@link DialogicSettings#BOARDS} value
     * @param beforeOpen runs on the reset and configured emulator before the backend opens its devices
     */
    DialogicHarness(double scale, String boards, Consumer<EmulatorControl> beforeOpen) {
        this.scale = scale;
        emu.emu_reset();
        emu.emu_set_time_scale(scale);
        // pages take 1 s of emulated time instead of about a minute, so the fax contracts stay short
        emu.emu_set_fax_timing(1_000, 1_000, 1);
        BackendOptions options = options(scale, boards);
        settings = DialogicSettings.from(options);
        emu.emu_configure(settings.trunkCount(), 24, settings.trunkCount() * 24);
        beforeOpen.accept(emu);
        backend = new DialogicBackendProvider().open(options);
    }

    /** @return options that open the backend on the emulator with the clock scaled by {@link #SCALE} */
    static BackendOptions options() {
        return options(SCALE, "D/240JCT-T1");
    }

    /** @return options that open {@code boards} on the emulator with the clock scaled by {@code scale} */
    static BackendOptions options(double scale, String boards) {
        Map<String, String> p = new HashMap<>();
        for (String lib : new String[] {"srl", "gc", "dxxx", "dti", "fax"}) {
            p.put("dialogic.lib." + lib, System.getProperty("dialogic.lib." + lib));
        }
        p.put(DialogicSettings.TIME_SCALE, Double.toString(scale));
        p.put(DialogicSettings.BOARDS, boards);
        long origin = System.nanoTime();
        NanoClock scaled = () -> (long) ((System.nanoTime() - origin) / scale);
        return new BackendOptions(p, scaled, "server");
    }

    @Override
    public HalBackend backend() {
        return backend;
    }

    /** The emulator runs on real (scaled) time; a loaded CI machine delays its timers and our waits. */
    @Override
    public Duration timingSlack() {
        return Duration.ofMillis(800);
    }

    @Override
    public boolean virtualTime() {
        return false;
    }

    @Override
    public void advance(Duration d) {
        long end = System.nanoTime() + (long) (d.toNanos() * scale);
        CountDownLatch never = new CountDownLatch(1);
        try {
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                never.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while letting emulated time pass", e);
        }
    }

    @Override
    public CallId offerInbound(ChannelId channel, String dnis, String ani) {
        long crn = emu.emu_inject_inbound_call(trunk(channel), channel.ds0(), ani, dnis)
                .longValue();
        // the backend names a call by its CRN; a call the emulator refused gets an id no event carries
        return crn > 0 ? new CallId(crn) : new CallId(refusedIds--);
    }

    @Override
    public void farEndHangUp(ChannelId channel) {
        long rc = emu.emu_far_end_hangup(trunk(channel), channel.ds0(), 0).longValue();
        // -2: the network has already cleared the call and the backend has not yet seen it; the far end's
        // hang-up crossed that clear, which is a no-op on a real network too
        if (rc == -1) {
            throw new IllegalStateException("no line for the far end to clear on " + channel);
        }
    }

    @Override
    public void farEndSendsDigits(ChannelId channel, String digits) {
        if (emu.emu_inject_digits(settings.voiceChannel(channel), digits) < 0) {
            throw new IllegalStateException("emulator refused digits '" + digits + "' on " + channel);
        }
    }

    @Override
    public void setOutboundBehaviour(OutboundBehaviour b) {
        NativeLong delay = new NativeLong(b.answerDelay().toMillis());
        switch (b.outcome()) {
            case ANSWER -> emu.emu_set_default_far_end(0, delay, 0);
            case ANSWER_FAX -> emu.emu_set_default_far_end(0, delay, 1);
            case BUSY -> emu.emu_set_default_far_end(GcConstants.GCRV_BUSY, delay, 0);
            case NO_ANSWER -> emu.emu_set_default_far_end(0, new NativeLong(24L * 3600 * 1000), 0);
            case REJECT_INVALID_NUMBER -> emu.emu_set_default_far_end(GcConstants.GCRV_CEPT, delay, 0);
        }
    }

    @Override
    public void farEndSendsFax(ChannelId channel, int pages) {
        if (emu.emu_far_end_sends_fax(trunk(channel), channel.ds0(), pages) != 0) {
            throw new IllegalStateException("no call on " + channel + " for a far-end fax machine");
        }
    }

    @Override
    public void raiseDefect(SpanLocation span, Defect defect) {
        emu.emu_raise_alarm(settings.trunkOf(span), code(defect));
    }

    @Override
    public void clearDefect(SpanLocation span, Defect defect) {
        emu.emu_clear_alarm(settings.trunkOf(span), code(defect));
    }

    /** The far end's D-channel of the span's trunk goes down or comes back; a repeated state is a no-op. */
    @Override
    public void setDChannel(SpanLocation span, boolean up) {
        int rc = emu.emu_set_dchannel(settings.trunkOf(span), up ? 1 : 0);
        if (rc == -1) {
            throw new IllegalStateException("emulator has no trunk for " + span);
        }
    }

    /** Every trunk of the board fails at once (the emulator's DTEV_OUTSERVICE); a repeated fault is a no-op. */
    @Override
    public void boardFault(BoardId board) {
        int[] trunks = trunks(board);
        if (emu.emu_board_fault(trunks[0], trunks[1]) == -1) {
            throw new IllegalStateException("emulator has no trunks " + trunks[0] + ".." + (trunks[0] + trunks[1] - 1));
        }
    }

    @Override
    public void boardRecover(BoardId board) {
        int[] trunks = trunks(board);
        if (emu.emu_board_recover(trunks[0], trunks[1]) == -1) {
            throw new IllegalStateException("emulator has no trunks " + trunks[0] + ".." + (trunks[0] + trunks[1] - 1));
        }
    }

    /** @return the first trunk number of the board and how many it has (trunks are numbered across boards) */
    private int[] trunks(BoardId board) {
        List<SpanLocation> spans = settings.spansOf(board);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("no Dialogic board " + board + " on this backend");
        }
        return new int[] {settings.trunkOf(spans.get(0)), spans.size()};
    }

    @Override
    public void failNextOperation(ChannelId channel) {
        emu.emu_fail_next_on_line(trunk(channel), channel.ds0(), new NativeLong(GcConstants.EGC_INTERR));
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(
                Capability.VOICE_PLAY,
                Capability.VOICE_RECORD,
                Capability.DTMF,
                Capability.FAX,
                Capability.GLARE,
                Capability.LINE_DEFECTS,
                Capability.DCHANNEL,
                Capability.BOARD_FAULT,
                Capability.OPERATION_FAILURE);
    }

    /** @return the emulator's control API, for faults and far ends the harness interface does not cover */
    EmulatorControl emulator() {
        return emu;
    }

    @Override
    public void close() {
        backend.close();
    }

    private int trunk(ChannelId channel) {
        return settings.trunkOf(channel.span());
    }

    private static int code(Defect d) {
        return switch (d) {
            case LOS -> DtConstants.DTT1_LOS;
            case LOF -> DtConstants.DTT1_OOF;
            case AIS -> DtConstants.DTT1_RBL;
            case RAI -> DtConstants.DTT1_RYEL;
        };
    }
}
