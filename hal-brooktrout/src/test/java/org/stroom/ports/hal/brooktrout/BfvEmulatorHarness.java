package org.stroom.ports.hal.brooktrout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.brooktrout.jna.BfvEmulator;
import org.stroom.ports.hal.brooktrout.jna.BfvModel;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * hal-tck harness over the C emulator: one module (Bfv module 2, a TR1034-2T1) with a PRI span on
 * port 1 and an E&amp;M wink-start span on port 2, driven through real JNA calls. Line time runs only
 * inside {@link #advance}, at 1/{@value #SCALE} of real time, so the far end's timed behaviour (answer
 * delays, fax pages, prompts) never races a check; fax pages are modelled at 10 s and training at 3 s of
 * line time to keep the fax checks short. The backend's clock is the emulator's line time, so alarm
 * integration also stands still between advances; only digit-collection timeouts (a wall-clock wait in
 * the Bfv model) run on real time, scaled by the same factor. D-channel failures and board faults use the
 * emulator's modelled module reports (B-channel blocks with a D-channel cause, module fault/ready).
 *
 * <p>Thread-safety: test thread only; one harness at a time (the emulator is process-wide).
 */
final class BfvEmulatorHarness implements TckHarness {
    /** Wall-clock seconds per second of line time. */
    static final double SCALE = 0.02;

    private static final int CHANNELS_PER_MODULE = 48;
    private static final int FAULT_CODE = 7;
    private static final AtomicLong UNUSED_IDS = new AtomicLong(Long.MAX_VALUE / 2);

    private final BfvEmulator emu = BfvEmulator.INSTANCE;
    private final BfvModel model = BfvModel.current();
    private final Path dir;
    private final BrooktroutBackend backend;
    private final Subscription offers;
    private final Map<ChannelId, BlockingQueue<CallId>> offered = new ConcurrentHashMap<>();
    private final Map<SpanLocation, Set<Defect>> defects = new HashMap<>();
    private boolean closed;

    BfvEmulatorHarness() {
        resetEmulator();
        dir = tempDir();
        backend = (BrooktroutBackend) new BrooktroutBackendProvider().open(options(dir));
        offers = backend.subscribe(this::record, Runnable::run);
        emu.emu_set_gate(0);
    }

    /** Resets the emulator to the harness's board and time scale. */
    static void resetEmulator() {
        BfvEmulator emu = BfvEmulator.INSTANCE;
        check(emu.emu_configure(1, CHANNELS_PER_MODULE), "emu_configure");
        emu.emu_set_time_scale(SCALE);
        check(emu.emu_model_set("TIME_PAGE_MS", 10_000), "emu_model_set");
        check(emu.emu_model_set("TIME_TRAINING_MS", 3_000), "emu_model_set");
    }

    /** @return options that open the harness's board from a call-control file in {@code dir} */
    static BackendOptions options(Path dir) {
        Path cfg = dir.resolve("callctrl.cfg");
        try {
            Files.writeString(
                    cfg,
                    "[module.2/port.1]\nprotocol=isdn\nline_type=ESF\nline_coding=B8ZS\nswitch_type=NI2\n"
                            + "circuit_id=TCK.PRI.1\nclock_priority=1\n\n"
                            + "[module.2/port.2]\nprotocol=rbs_wink_start\nline_type=ESF\nline_coding=B8ZS\n"
                            + "circuit_id=TCK.CAS.2\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> p = new HashMap<>();
        p.put(BrooktroutSettings.CALLCTRL, cfg.toString());
        p.put(BrooktroutSettings.TIME_SCALE, Double.toString(SCALE));
        // The backend's clock is the emulator's line time, so alarm integration stands still between advances.
        NanoClock lineTime = BfvEmulator.INSTANCE::emu_line_now_ns;
        return new BackendOptions(p, lineTime, "server");
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("bfv-harness-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException(what + " returned " + rc);
        }
    }

    private void record(HalEvent e) {
        if (e instanceof CallOffered) {
            CallOffered o = (CallOffered) e;
            offered.computeIfAbsent(o.channel(), c -> new LinkedBlockingQueue<>())
                    .add(o.call());
        }
    }

    /** Unit number of a channel: module 2 holds units 0..47, work channels from 2. */
    static int unit(ChannelId ch) {
        return (ch.span().board() - 2) * CHANNELS_PER_MODULE
                + ChannelNumbering.sessionChannel(ch.span().port(), ch.ds0())
                - ChannelNumbering.FIRST_WORK_CHANNEL;
    }

    @Override
    public HalBackend backend() {
        return backend;
    }

    @Override
    public boolean virtualTime() {
        return false;
    }

    /**
     * Opens the emulator's gate for {@code d} of line time, closes it, then waits until the backend has
     * applied everything that happened meanwhile: between advances line time stands still, so the backend
     * changes nothing on its own while a check reads a state and acts on it.
     */
    @Override
    public void advance(Duration d) {
        long target = emu.emu_line_now_ns() + d.toNanos();
        emu.emu_advance_gate(d.toNanos());
        try {
            long left;
            while ((left = target - emu.emu_line_now_ns()) > 0) {
                new CountDownLatch(1).await(Math.max(1, Math.round(left * SCALE)), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emu.emu_set_gate(0);
        }
        awaitQuiet();
    }

    /** Waits (bounded) until callbacks are delivered and applied and no blocking call is about to return. */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int quietChecks = 0;
        while (quietChecks < 2 && System.nanoTime() < deadline) {
            boolean quiet = emu.emu_events_idle() == 1 && backend.quiescent(emu.emu_sleeping_calls());
            quietChecks = quiet ? quietChecks + 1 : 0;
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    @Override
    public CallId offerInbound(ChannelId channel, String dnis, String ani) {
        BlockingQueue<CallId> q = offered.computeIfAbsent(channel, c -> new LinkedBlockingQueue<>());
        q.clear();
        boolean willOffer = backend.state() == BackendState.IN_SERVICE
                && backend.span(channel.span()).usable()
                && EnumSet.of(ChannelState.IDLE, ChannelState.DIALLING)
                        .contains(backend.channel(channel).state());
        if (emu.emu_inbound_call(unit(channel), ani, dnis) != 0) {
            throw new IllegalStateException("the far end cannot call " + channel + ": the line is busy");
        }
        if (!willOffer) {
            return new CallId(UNUSED_IDS.incrementAndGet());
        }
        try {
            CallId id = q.poll(10, TimeUnit.SECONDS);
            return id != null ? id : new CallId(UNUSED_IDS.incrementAndGet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallId(UNUSED_IDS.incrementAndGet());
        }
    }

    @Override
    public void farEndHangUp(ChannelId channel) {
        Optional<CallId> call = backend.channel(channel).call();
        if (emu.emu_far_end_hangup(unit(channel)) != 0 && call.isEmpty()) {
            throw new IllegalStateException("no call to clear on " + channel);
        }
        awaitQuiet();
    }

    @Override
    public void farEndSendsDigits(ChannelId channel, String digits) {
        if (emu.emu_inject_dtmf(unit(channel), digits) != 0) {
            throw new IllegalStateException("no connected call on " + channel);
        }
        awaitQuiet();
    }

    @Override
    public void setOutboundBehaviour(OutboundBehaviour b) {
        BfvModel.Key progress;
        switch (b.outcome()) {
            case ANSWER:
                progress = BfvModel.Key.CALL_PROGRESS_HUMAN;
                break;
            case ANSWER_FAX:
                progress = BfvModel.Key.CALL_PROGRESS_FAX_TONE;
                break;
            case BUSY:
                progress = BfvModel.Key.CALL_PROGRESS_BUSY;
                break;
            case NO_ANSWER:
                progress = BfvModel.Key.CALL_PROGRESS_NO_ANSWER;
                break;
            default:
                progress = BfvModel.Key.CALL_PROGRESS_INVALID_NUMBER;
        }
        emu.emu_set_outbound(model.get(progress), (int) b.answerDelay().toMillis());
    }

    @Override
    public void farEndSendsFax(ChannelId channel, int pages) {
        check(emu.emu_set_inbound_fax_pages(unit(channel), pages), "emu_set_inbound_fax_pages");
    }

    @Override
    public void raiseDefect(SpanLocation span, Defect defect) {
        defects.computeIfAbsent(span, s -> EnumSet.noneOf(Defect.class)).add(defect);
        applyDefects(span);
    }

    @Override
    public void clearDefect(SpanLocation span, Defect defect) {
        defects.computeIfAbsent(span, s -> EnumSet.noneOf(Defect.class)).remove(defect);
        applyDefects(span);
    }

    private void applyDefects(SpanLocation span) {
        int bits = 0;
        for (Defect d : defects.get(span)) {
            bits |= model.get(BfvModel.Key.valueOf("ALARM_" + d.name()));
        }
        check(emu.emu_set_alarm(span.board(), span.port(), bits), "emu_set_alarm");
        awaitQuiet();
    }

    /**
     * The emulator's module blocks the span's B-channels for the D-channel (modelled); it clears calls
     * not yet active at once and active calls when its T309 runs out (Q.931 5.8.8), both with cause 27.
     *
     * @throws IllegalArgumentException when {@code span} is not an ISDN PRI span of the backend
     */
    @Override
    public void setDChannel(SpanLocation span, boolean up) {
        Signalling signalling =
                backend.span(span).config().map(SpanConfig::signalling).orElse(null);
        if (signalling != Signalling.ISDN_PRI) {
            throw new IllegalArgumentException(
                    "setDChannel: span " + span + " signals " + signalling + ", which has no D-channel");
        }
        check(emu.emu_set_dchannel(span.board(), span.port(), up ? 1 : 0), "emu_set_dchannel");
        awaitQuiet();
    }

    /** The emulator's module fails with fault code {@value #FAULT_CODE} (modelled). */
    @Override
    public void boardFault(BoardId board) {
        check(emu.emu_module_fault(board.board(), FAULT_CODE), "emu_module_fault");
        awaitQuiet();
    }

    @Override
    public void boardRecover(BoardId board) {
        check(emu.emu_module_recover(board.board()), "emu_module_recover");
        awaitQuiet();
    }

    @Override
    public void failNextOperation(ChannelId channel) {
        check(
                emu.emu_inject_failure("*", unit(channel), model.get(BfvModel.Key.BT_ERR_HARDWARE)),
                "emu_inject_failure");
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

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            offers.close();
        } catch (RuntimeException alreadyClosed) {
            // the check may have closed the backend, and with it the subscription
        }
        backend.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over temp file must not fail a check
        }
    }
}
