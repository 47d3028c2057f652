package org.stroom.ports.hal.brooktrout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.ChannelStateMachine;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.Dtmf;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.Vendor;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WavInfo;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.EventHub;
import org.stroom.ports.hal.brooktrout.config.SpanImport.ImportedSpan;
import org.stroom.ports.hal.brooktrout.jna.BfvEventKind;
import org.stroom.ports.hal.brooktrout.jna.BfvEventSink;
import org.stroom.ports.hal.brooktrout.jna.BfvIncomingCommand;
import org.stroom.ports.hal.brooktrout.jna.BfvLine;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProgress;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProtocol;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.DigitsResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.FaxStatus;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.OriginateResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.VoiceResult;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.VoiceTermination;
import org.stroom.ports.hal.brooktrout.jna.BfvLineState;
import org.stroom.ports.hal.brooktrout.jna.BfvModel;
import org.stroom.ports.hal.brooktrout.jna.BfvNative;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.AlarmIntegrator;
import org.stroom.ports.t1.AlarmTransition;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * {@link HalBackend} over the Bfv API: one attached {@link BfvLine} per bearer channel of every
 * configured T1 span, a {@link ChannelStateMachine} per channel, and the hal-api events.
 *
 * <pre>
 *  library callback thread ──decode──▶ inbox (lock-free) ◀── op threads (blocking Bfv calls finish)
 *                                        │
 *                                  pump thread: applies inputs and alarm deadlines
 *                                        │   (channel lock held while a channel changes)
 *  API callers ── check state, non-blocking Bfv call, transition (channel lock) ──▶ EventHub ──▶ listeners
 * </pre>
 *
 * <p>Blocking Bfv calls (originate, fax, voice, DTMF) run on op threads. For originate and fax the API
 * call waits until the line state shows the call running, or up to the start window, for the library to
 * refuse synchronously (then it throws {@link VendorException} and the channel is unchanged). Voice and
 * DTMF calls have no such state: they return at once and a refusal arrives as a done event with reason
 * ERROR. Events of one channel are
 * published under that channel's lock, so they keep their order; a media operation's done event always
 * precedes the CallDisconnected of its call, and missing page callbacks are filled in from the fax
 * result before FaxDone.
 *
 * <p>Span alarms: the board reports raw line defects by callback; they are integrated with t1-span's
 * {@link AlarmIntegrator} on the injected clock (set 2.5 s / 0.5 s, clear 10 s). A declared RED or BLUE
 * alarm takes the span's channels out of service and clears calls on them with cause 38.
 *
 * <p>D-channel and module faults (modelled callbacks, folded by {@link ModuleHealth}): a PRI span whose
 * D-channel is down (B-channels blocked for it, module failed, or RED/BLUE) publishes DChannelDown and
 * takes its idle channels out of service. The module clears calls not yet active (offered, alerting,
 * dialling) at once and active calls when its T309 runs out, each as a remote disconnect with cause 27
 * (Q.931 5.8.8); the adapter passes that on and does not clear them itself. A module
 * fault publishes BoardFault, clears every call of the module with cause 41 and takes its channels out
 * of service until MODULE_READY (BoardRecovered).
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class BrooktroutBackend implements HalBackend {
    /** Backend id used in configuration and by the ServiceLoader provider. */
    public static final String ID = "brooktrout";

    private static final System.Logger LOG = System.getLogger(BrooktroutBackend.class.getName());
    private static final Set<ChannelState> INBOUND_STATES = EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING);
    private static final Set<ChannelState> CONNECTED = EnumSet.of(ChannelState.CONNECTED);
    private static final Set<PortKind> KINDS = EnumSet.of(PortKind.FAX, PortKind.VOICE);
    /** Q.850 cause 27: what a call lost with its D-channel ends with (Q.931 5.8.8, T309). */
    private static final Q850Cause DESTINATION_OUT_OF_ORDER = new Q850Cause(27);

    /**
     * No line state shows that a voice call is running, so voice operations count as started at once;
     * a refusal by the library then arrives as the operation's done event with reason ERROR.
     */
    private static final Supplier<Boolean> VOICE_STARTED = () -> true;

    private final BrooktroutSettings settings;
    private final BfvModel model;
    private final NanoClock clock;
    private final EventHub hub;
    private final List<BoardInfo> boards = new ArrayList<>();
    private final Map<SpanLocation, Span> spans = new TreeMap<>();
    private final Map<ChannelId, Line> lines = new TreeMap<>();
    private final Map<Integer, Line> byUnit = new ConcurrentHashMap<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicInteger opThreads = new AtomicInteger();
    private final AtomicInteger opsInLibrary = new AtomicInteger();
    private final AtomicInteger opsUnapplied = new AtomicInteger();
    private volatile boolean pumpWorking;
    private volatile long nextAlarmDeadline = Long.MAX_VALUE;
    private final ExecutorService ops;
    private final Thread pump;
    private volatile BackendState state = BackendState.IN_SERVICE;
    private ModuleHealth health; // pump thread only, after open

    private BrooktroutBackend(BrooktroutSettings settings, BackendOptions options) {
        this.settings = settings;
        this.model = settings.model();
        this.clock = options.clock();
        this.hub = new EventHub(ID, clock);
        this.ops = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "brooktrout-op-" + opThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.pump = new Thread(this::pumpLoop, "brooktrout-pump");
        this.pump.setDaemon(true);
    }

    /**
     * Opens the backend: attaches every bearer channel of every configured span.
     *
     * @param options backend options; see {@link BrooktroutSettings}
     * @param natives the loaded libraries; never null
     * @return the backend, in service
     * @throws HalException when the configuration is wrong, the library is unavailable or a channel cannot
     *     be attached (every channel attached so far is released)
     */
    public static BrooktroutBackend open(BackendOptions options, BrooktroutSettings settings, BfvNative natives) {
        if (!natives.isAvailable()) {
            throw new HalException(
                    "brooktrout backend " + natives.unavailableReason().orElse("unavailable"));
        }
        BrooktroutBackend b = new BrooktroutBackend(settings, options);
        try {
            b.attachAll(options.machine(), natives);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        b.pump.start();
        return b;
    }

    private void attachAll(String machine, BfvNative natives) {
        Map<Integer, List<SpanLocation>> byBoard = new TreeMap<>();
        for (ImportedSpan s : settings.spans()) {
            SpanLocation loc =
                    new SpanLocation(machine, s.port().module(), s.port().port());
            byBoard.computeIfAbsent(s.port().module(), k -> new ArrayList<>()).add(loc);
            Span span = new Span(loc, s.config(), new AlarmIntegrator(settings.alarmTimings(), clock));
            spans.put(loc, span);
            for (int ds0 : s.config().layout().bearerTimeslots()) {
                ChannelId id = new ChannelId(loc, ds0);
                int channel = ChannelNumbering.sessionChannel(loc.port(), ds0);
                BfvLine bfv = BfvLine.attachSession(natives, loc.board(), channel);
                ChannelState initial = LineStateMapping.channelState(bfv.state());
                Line line = new Line(id, span, bfv, new ChannelStateMachine(id, initial));
                lines.put(id, line);
                span.lines.add(line);
                byUnit.put(bfv.unit(), line);
                bfv.onIncomingCommand(new Sink());
            }
        }
        Map<SpanLocation, Signalling> signalling = new TreeMap<>();
        spans.forEach((loc, span) -> signalling.put(loc, span.config.signalling()));
        health = new ModuleHealth(signalling);
        for (Map.Entry<Integer, List<SpanLocation>> e : byBoard.entrySet()) {
            BoardModel m = settings.boards().get(e.getKey());
            List<SpanLocation> locs = e.getValue();
            locs.sort(null);
            boards.add(new BoardInfo(
                    new BoardId(machine, e.getKey()),
                    Vendor.BROOKTROUT,
                    m.modelName(),
                    "",
                    -1,
                    locs,
                    m.capabilities()));
        }
    }

    /** Callback sink: only decodes (already done by the dispatcher) and hands over to the pump. */
    private final class Sink implements BfvEventSink {
        @Override
        public void onCommand(BfvIncomingCommand command) {
            post(() -> onCommandOnPump(command));
        }

        @Override
        public void onFault(int unit, Throwable failure) {
            post(() -> LOG.log(System.Logger.Level.ERROR, "brooktrout: callback on unit " + unit + " failed", failure));
        }
    }

    private void post(Runnable input) {
        inbox.add(input);
        LockSupport.unpark(pump);
    }

    // ---------------------------------------------------------------- pump

    private void pumpLoop() {
        while (state != BackendState.SHUT_DOWN) {
            Runnable r;
            pumpWorking = true;
            while ((r = inbox.poll()) != null) {
                runSafely(r);
            }
            pumpWorking = false;
            long next = Long.MAX_VALUE;
            for (Span s : spans.values()) {
                runSafely(() -> applyAlarms(s, s.integrator.poll()));
                next = Math.min(next, s.integrator.nextDeadline());
            }
            nextAlarmDeadline = next;
            long wait = next == Long.MAX_VALUE
                    ? TimeUnit.MILLISECONDS.toNanos(100)
                    : Math.round((next - clock.nanos()) * settings.timeScale());
            if (inbox.isEmpty() && state != BackendState.SHUT_DOWN) {
                LockSupport.parkNanos(this, Math.max(TimeUnit.MICROSECONDS.toNanos(100), Math.min(wait, 100_000_000L)));
            }
        }
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) { // one bad input must not stop the pump
            LOG.log(System.Logger.Level.ERROR, "brooktrout: event handling failed", e);
        }
    }

    private void onCommandOnPump(BfvIncomingCommand c) {
        Line l = byUnit.get(c.unit());
        if (l == null) {
            return;
        }
        BfvEventKind kind = c.kind();
        if (kind == BfvEventKind.INCOMING_CALL) {
            onIncoming(l);
        } else if (kind == BfvEventKind.REMOTE_DISCONNECT) {
            // the module may give the network's cause (modelled: 27 when it cleared the call for its D-channel)
            Q850Cause cause = c.value() >= 1 && c.value() <= 127 ? new Q850Cause(c.value()) : Q850Cause.NORMAL_CLEARING;
            synchronized (l) {
                if (l.call != null) {
                    disconnectWhenIdle(l, cause, true);
                }
            }
        } else if (kind == BfvEventKind.FAX_PAGE_SENT || kind == BfvEventKind.FAX_PAGE_RECEIVED) {
            synchronized (l) {
                if (l.op == Op.FAX && l.call != null) {
                    reportPagesUpTo(l, c.value());
                }
            }
        } else if (kind == BfvEventKind.DTMF) {
            synchronized (l) {
                if (l.call != null && l.sm.state() == ChannelState.CONNECTED) {
                    CallId call = l.call;
                    hub.publish((seq, at) -> new DigitReceived(seq, at, l.id, call, (char) c.value()));
                }
            }
        } else if (kind == BfvEventKind.ALARM || kind == BfvEventKind.ALARM_CLEAR) {
            Span s = l.span;
            Set<Defect> defects = defects(kind == BfvEventKind.ALARM ? c.value() : 0);
            if (!defects.equals(s.defects)) {
                s.defects = defects;
                applyAlarms(s, s.integrator.setDefects(defects));
            }
        } else if (kind == BfvEventKind.DCHANNEL_DOWN
                || kind == BfvEventKind.DCHANNEL_UP
                || kind == BfvEventKind.MODULE_FAULT
                || kind == BfvEventKind.MODULE_READY) {
            for (Span s : applyHealth(health.onCommand(l.span.location, c))) {
                refreshLines(s);
            }
        }
    }

    private Set<Defect> defects(int bits) {
        Set<Defect> d = EnumSet.noneOf(Defect.class);
        if ((bits & model.get(BfvModel.Key.ALARM_LOS)) != 0) {
            d.add(Defect.LOS);
        }
        if ((bits & model.get(BfvModel.Key.ALARM_LOF)) != 0) {
            d.add(Defect.LOF);
        }
        if ((bits & model.get(BfvModel.Key.ALARM_AIS)) != 0) {
            d.add(Defect.AIS);
        }
        if ((bits & model.get(BfvModel.Key.ALARM_RAI)) != 0) {
            d.add(Defect.RAI);
        }
        return d;
    }

    private void applyAlarms(Span s, List<AlarmTransition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        for (AlarmTransition t : transitions) {
            hub.publish((seq, at) -> t.declared()
                    ? new SpanAlarmRaised(seq, at, s.location, t.alarm())
                    : new SpanAlarmCleared(seq, at, s.location, t.alarm()));
        }
        s.status = s.status.withAlarms(s.integrator.declared());
        applyHealth(health.onAlarms(s.location, s.integrator.declared()));
        refreshLines(s);
    }

    /** Publishes D-channel and module changes, updates span state; returns the spans they touch. */
    private Set<Span> applyHealth(List<ModuleHealth.Change> changes) {
        Set<Span> touched = new LinkedHashSet<>();
        for (ModuleHealth.Change change : changes) {
            if (change instanceof ModuleHealth.DChannelChanged) {
                ModuleHealth.DChannelChanged d = (ModuleHealth.DChannelChanged) change;
                Span s = spans.get(d.span());
                s.status = s.status.withDChannel(d.state());
                hub.publish((seq, at) -> d.state() == DChannelState.DOWN
                        ? new DChannelDown(seq, at, d.span())
                        : new DChannelUp(seq, at, d.span()));
                touched.add(s);
            } else if (change instanceof ModuleHealth.ModuleFailed) {
                ModuleHealth.ModuleFailed f = (ModuleHealth.ModuleFailed) change;
                hub.publish((seq, at) -> new BoardFault(seq, at, f.board(), f.reason()));
                touched.addAll(spansOf(f.board().board(), f.reason()));
            } else if (change instanceof ModuleHealth.ModuleRecovered) {
                ModuleHealth.ModuleRecovered r = (ModuleHealth.ModuleRecovered) change;
                hub.publish((seq, at) -> new BoardRecovered(seq, at, r.board()));
                touched.addAll(spansOf(r.board().board(), null));
            } else {
                throw new IllegalStateException("brooktrout: unhandled module health change " + change);
            }
        }
        return touched;
    }

    /** Sets the module fault of every span on {@code board}; returns them. */
    private List<Span> spansOf(int board, String fault) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans.values()) {
            if (s.location.board() == board) {
                s.moduleFault = fault;
                out.add(s);
            }
        }
        return out;
    }

    /** Brings every channel of the span in line with its span's and module's state. */
    private void refreshLines(Span s) {
        for (Line l : s.lines) {
            synchronized (l) {
                Outage o = outage(l);
                ChannelState st = l.sm.state();
                if (o != null && l.call != null) {
                    if (o.dropsCalls()) {
                        disconnectWhenIdle(l, o.cause(), o.farEnd());
                    }
                } else if (o != null && st == ChannelState.IDLE) {
                    outOfService(l, o.reason());
                } else if (o == null && st == ChannelState.OUT_OF_SERVICE) {
                    l.sm.transition(ChannelState.IDLE, clock.nanos(), "span usable");
                    hub.publish((seq, at) -> new ChannelInService(seq, at, l.id));
                }
            }
        }
    }

    /**
     * Why a channel cannot carry calls, and what that does to a call on it.
     *
     * @param dropsCalls whether calls up are cleared now ({@code cause}, {@code farEnd}); a D-channel
     *     failure leaves them to the module, which clears calls not yet active at once and active ones at
     *     its T309
     */
    private record Outage(String reason, Q850Cause cause, boolean farEnd, boolean dropsCalls) {}

    /** @return why the line's channel is unusable now, or null when it is usable */
    private static Outage outage(Line l) {
        String fault = l.span.moduleFault;
        if (fault != null) {
            return new Outage("board fault: " + fault, Q850Cause.TEMPORARY_FAILURE, false, true);
        }
        SpanStatus st = l.span.status;
        if (Alarm.blocksTraffic(st.alarms())) {
            return new Outage(st.unusableReason(), Q850Cause.NETWORK_OUT_OF_ORDER, true, true);
        }
        if (!st.usableForTraffic()) {
            return new Outage(st.unusableReason(), Q850Cause.NORMAL_UNSPECIFIED, true, false);
        }
        return null;
    }

    private void outOfService(Line l, String reason) {
        l.sm.transition(ChannelState.OUT_OF_SERVICE, clock.nanos(), reason);
        hub.publish((seq, at) -> new ChannelOutOfService(seq, at, l.id, reason));
    }

    private void onIncoming(Line l) {
        synchronized (l) {
            if (l.sm.state() == ChannelState.DIALLING && l.op == Op.ORIGINATE) {
                l.glareIncoming = true; // offered once our originate has given way (glare)
                return;
            }
            if (l.sm.state().inCall()) {
                return; // this ring was already offered after a glare
            }
            if (l.sm.state() != ChannelState.IDLE || state != BackendState.IN_SERVICE || outage(l) != null) {
                try {
                    l.bfv.terminate(); // refuse: blocked, busy, out of service
                } catch (VendorException e) {
                    LOG.log(System.Logger.Level.WARNING, "brooktrout: refusing a call on " + l.id + " failed", e);
                }
                return;
            }
            Optional<BfvLine.InboundCall> in;
            try {
                in = l.bfv.waitForCall(Duration.ofMillis(1));
            } catch (VendorException e) {
                LOG.log(System.Logger.Level.WARNING, "brooktrout: reading the call on " + l.id + " failed", e);
                return;
            }
            if (in.isEmpty()) {
                return; // the caller gave up before we looked
            }
            CallId call = new CallId(callIds.incrementAndGet());
            l.call = call;
            l.inbound = true;
            l.sm.transition(ChannelState.OFFERED, clock.nanos(), "inbound call");
            hub.publish((seq, at) -> new CallOffered(
                    seq, at, l.id, call, in.get().calledParty(), in.get().callingParty()));
        }
    }

    /** Clears the call now, or once the running operation has reported, so its done event comes first. */
    private void disconnectWhenIdle(Line l, Q850Cause cause, boolean farEnd) {
        if (l.op != null) {
            if (l.pendingCause == null) {
                l.pendingCause = cause;
                l.pendingFarEnd = farEnd;
            }
            return;
        }
        finishDisconnect(l, cause, farEnd);
    }

    private void finishDisconnect(Line l, Q850Cause cause, boolean farEnd) {
        CallId call = l.call;
        if (call == null) {
            return;
        }
        long now = clock.nanos();
        if (l.sm.state().clearable()) {
            l.sm.transition(ChannelState.DISCONNECTING, now, (farEnd ? "far end: " : "") + cause);
        }
        l.call = null;
        l.pendingCause = null;
        l.pagesReported = 0;
        hub.publish((seq, at) -> new CallDisconnected(seq, at, l.id, call, cause, farEnd));
        Outage o = outage(l);
        if (o == null) {
            l.sm.transition(ChannelState.IDLE, clock.nanos(), "released");
        } else {
            outOfService(l, o.reason());
        }
    }

    private void reportPagesUpTo(Line l, int page) {
        CallId call = l.call;
        int bps = model.get(BfvModel.Key.FAX_BPS);
        while (l.pagesReported < page) {
            int p = ++l.pagesReported;
            hub.publish((seq, at) -> l.faxSending
                    ? new FaxPageSent(seq, at, l.id, call, p, bps)
                    : new FaxPageReceived(seq, at, l.id, call, p, bps));
        }
    }

    // ---------------------------------------------------------------- operations

    private enum Op {
        ORIGINATE,
        FAX,
        VOICE
    }

    /**
     * Runs a blocking Bfv call on an op thread. Returns once it is running; throws the library's
     * refusal if it comes within the start window. {@code started} tells early that it is running.
     */
    private <T> void start(
            Line l, Op op, Supplier<T> call, Supplier<Boolean> started, Done<T> done, Runnable onStarted) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(
                () -> {
                    opsInLibrary.incrementAndGet();
                    try {
                        return call.get();
                    } finally {
                        opsUnapplied.incrementAndGet(); // before the decrement: never looks quiet in between
                        opsInLibrary.decrementAndGet();
                    }
                },
                ops);
        long deadline = System.nanoTime() + settings.startWindow().toNanos();
        while (!f.isDone() && System.nanoTime() < deadline && !started.get()) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        if (f.isDone() && f.isCompletedExceptionally()) {
            opsUnapplied.decrementAndGet(); // refused: nothing will be applied for it
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException) {
                    throw (RuntimeException) e.getCause();
                }
                throw new HalException("brooktrout: " + op + " on " + l.id + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HalException("interrupted while starting " + op + " on " + l.id, e);
            }
        }
        l.op = op;
        onStarted.run();
        f.whenComplete((result, failure) -> post(() -> {
            try {
                synchronized (l) {
                    l.op = null;
                    try {
                        done.apply(result, failure == null ? null : unwrap(failure));
                    } finally {
                        if (l.pendingCause != null) {
                            finishDisconnect(l, l.pendingCause, l.pendingFarEnd);
                        }
                    }
                }
            } finally {
                opsUnapplied.decrementAndGet();
            }
        }));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @FunctionalInterface
    private interface Done<T> {
        void apply(T result, Throwable failure);
    }

    private Line line(ChannelId channel) {
        checkOpen();
        Line l = lines.get(channel);
        if (l == null) {
            throw new HalException("brooktrout: no channel " + channel + "; channels are the bearer timeslots of the"
                    + " spans configured in " + BrooktroutSettings.CALLCTRL);
        }
        return l;
    }

    private void checkOpen() {
        if (state == BackendState.SHUT_DOWN) {
            throw new HalException("brooktrout backend is closed");
        }
    }

    private void requireInbound(Line l, String operation) {
        if (!l.inbound) {
            throw new WrongStateException(l.id, l.sm.state(), operation + " (an outbound call)", INBOUND_STATES);
        }
    }

    private static void requireDirectory(Path file, String operation) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new HalException("brooktrout: cannot " + operation + " into " + file + ": directory " + dir
                    + " does not exist; create it first");
        }
    }

    private void requireNoMedia(Line l, String operation) {
        if (l.op != null) {
            throw new HalException("brooktrout: cannot " + operation + " on " + l.id + ": a " + l.op
                    + " operation is running; wait for its done event or call stopMedia first");
        }
    }

    @Override
    public void accept(ChannelId channel) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("accept", EnumSet.of(ChannelState.OFFERED));
            requireInbound(l, "accept");
            // The board rings the caller as soon as it sees the call; accept only records that.
            CallId call = l.call;
            l.sm.transition(ChannelState.ALERTING, clock.nanos(), "accept");
            hub.publish((seq, at) -> new CallAlerting(seq, at, l.id, call));
        }
    }

    @Override
    public void answer(ChannelId channel) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("answer", INBOUND_STATES);
            requireInbound(l, "answer");
            l.bfv.answer();
            CallId call = l.call;
            l.sm.transition(ChannelState.CONNECTED, clock.nanos(), "answer");
            hub.publish((seq, at) -> new CallConnected(seq, at, l.id, call));
        }
    }

    @Override
    public void reject(ChannelId channel, Q850Cause cause) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("reject", INBOUND_STATES);
            requireInbound(l, "reject");
            clearOnBoard(l);
            finishDisconnect(l, cause, false);
        }
    }

    /** Terminates the call on the board; a line the far end already released counts as cleared. */
    private void clearOnBoard(Line l) {
        try {
            l.bfv.terminate();
        } catch (VendorException e) {
            BfvLineState now;
            try {
                now = l.bfv.state();
            } catch (VendorException ignored) {
                throw e;
            }
            if (now != BfvLineState.IDLE && now != BfvLineState.NOLOOP) {
                throw e;
            }
        }
    }

    @Override
    public CallId placeCall(ChannelId channel, OutboundCall call) {
        Line l = line(channel);
        if (state != BackendState.IN_SERVICE) {
            throw new HalException(
                    "brooktrout backend is out of service; outbound calls are refused until" + " setInService(true)");
        }
        synchronized (l) {
            l.sm.require("placeCall", EnumSet.of(ChannelState.IDLE));
            CallId id = new CallId(callIds.incrementAndGet());
            start(
                    l,
                    Op.ORIGINATE,
                    () -> l.bfv.originate(call.number().value(), CallProtocol.FAX, call.timeout()),
                    () -> lineStateIs(l, BfvLineState.OFF_HOOK),
                    (OriginateResult r, Throwable failure) -> onOriginated(l, id, r, failure),
                    () -> {
                        l.call = id;
                        l.inbound = false;
                        l.sm.transition(ChannelState.DIALLING, clock.nanos(), "placeCall " + call.number());
                    });
            return id;
        }
    }

    private boolean lineStateIs(Line l, BfvLineState s) {
        try {
            return l.bfv.state() == s;
        } catch (VendorException e) {
            return false;
        }
    }

    private void onOriginated(Line l, CallId id, OriginateResult r, Throwable failure) {
        if (!id.equals(l.call)) {
            return;
        }
        if (l.glareIncoming && failure == null && r.progress() != CallProgress.GLARE) {
            l.glareIncoming = false; // the inbound call came and went while we dialled
        }
        if (failure != null) {
            if (l.pendingCause != null) {
                return; // our hang-up or an alarm cut the dialling short; the pending clear follows
            }
            if (failure instanceof VendorException
                    && ((VendorException) failure).code() == model.get(BfvModel.Key.BT_ERR_ABORTED)) {
                finishDisconnect(l, Q850Cause.NORMAL_CLEARING, true); // the far end cleared while we dialled
                return;
            }
            if (failure instanceof VendorException
                    && ((VendorException) failure).code() == model.get(BfvModel.Key.BT_ERR_LINE_DOWN)) {
                // the network went away under the dialling: no signal, or no D-channel
                finishDisconnect(l, lostDChannel(l) ? DESTINATION_OUT_OF_ORDER : Q850Cause.NETWORK_OUT_OF_ORDER, true);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "brooktrout: originate on " + l.id + " failed", failure);
            resetQuietly(l);
            finishDisconnect(l, Q850Cause.TEMPORARY_FAILURE, false);
            return;
        }
        if (r.progress() == CallProgress.GLARE) {
            // The line now rings with the far end's call: clear ours, then offer theirs.
            l.pendingCause = null;
            finishDisconnect(l, Q850Cause.CHANNEL_NOT_AVAILABLE, true);
            l.glareIncoming = false;
            onIncoming(l); // its own callback may come later and is then ignored as already offered
            return;
        }
        if (r.progress() == CallProgress.FAX_TONE || r.progress() == CallProgress.HUMAN) {
            if (l.pendingCause == null) {
                l.sm.transition(ChannelState.CONNECTED, clock.nanos(), "answered: " + r.progress());
                hub.publish((seq, at) -> new CallConnected(seq, at, l.id, id));
            }
            return;
        }
        resetQuietly(l);
        if (l.pendingCause == null) {
            finishDisconnect(l, causeOf(r.progress()), true);
        }
    }

    /**
     * Whether a call cut short with BT_ERR_LINE_DOWN was lost with its span's D-channel. Besides a
     * D-channel already known down, a PRI line left IDLE (with signal, not NOLOOP) counts: the module
     * clears a call not yet active at once when its D-channel fails (Q.931 5.8.8), and the block report
     * saying so arrives by callback, which can reach the pump after the originate's return.
     */
    private boolean lostDChannel(Line l) {
        return l.span.status.dChannel() == DChannelState.DOWN
                || (l.span.config.signalling() == Signalling.ISDN_PRI && lineStateIs(l, BfvLineState.IDLE));
    }

    private static Q850Cause causeOf(CallProgress p) {
        switch (p) {
            case BUSY:
                return Q850Cause.USER_BUSY;
            case NO_ANSWER:
                return Q850Cause.NO_ANSWER;
            case INVALID_NUMBER:
                return Q850Cause.INVALID_NUMBER_FORMAT;
            case NO_DIALTONE:
                return Q850Cause.NETWORK_OUT_OF_ORDER;
            default:
                return Q850Cause.NORMAL_UNSPECIFIED;
        }
    }

    private void resetQuietly(Line l) {
        try {
            l.bfv.terminate();
        } catch (VendorException e) {
            try {
                l.bfv.reset();
            } catch (VendorException e2) {
                LOG.log(System.Logger.Level.WARNING, "brooktrout: cannot release " + l.id, e2);
            }
        }
    }

    @Override
    public void hangUp(ChannelId channel, Q850Cause cause) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("hangUp", ChannelState.clearableStates());
            if (l.op != null) {
                if (l.span.moduleFault == null) {
                    l.bfv.reset(); // aborts the blocking call; its completion then clears the call
                } // else the failed module has already cut the blocking call short, and refuses a reset
                if (l.pendingCause == null) {
                    l.pendingCause = cause;
                    l.pendingFarEnd = false;
                }
                // The call is going now, so a second hang-up is refused rather than racing the release.
                l.sm.transition(ChannelState.DISCONNECTING, clock.nanos(), cause.toString());
                return;
            }
            clearOnBoard(l);
            finishDisconnect(l, cause, false);
        }
    }

    @Override
    public void play(ChannelId channel, PlayRequest request) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("play", CONNECTED);
            requireNoMedia(l, "play");
            WavInfo.read(request.file());
            CallId call = l.call;
            boolean stopOnDigit = !request.terminatingDigits().isEmpty();
            start(
                    l,
                    Op.VOICE,
                    () -> l.bfv.play(request.file(), Duration.ZERO, stopOnDigit),
                    VOICE_STARTED,
                    (VoiceResult r, Throwable failure) -> hub.publish((seq, at) -> new PlayDone(
                            seq,
                            at,
                            l.id,
                            call,
                            failure != null ? TerminationReason.ERROR : reason(r.termination()),
                            failure != null ? 0 : r.elapsed().toMillis())),
                    () -> {});
        }
    }

    @Override
    public void record(ChannelId channel, RecordRequest request) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("record", CONNECTED);
            requireNoMedia(l, "record");
            requireDirectory(request.file(), "record");
            Path raw = request.file().resolveSibling(request.file().getFileName() + ".raw");
            CallId call = l.call;
            boolean stopOnDigit = !request.terminatingDigits().isEmpty();
            start(
                    l,
                    Op.VOICE,
                    () -> l.bfv.record(raw, request.maxTime(), stopOnDigit),
                    VOICE_STARTED,
                    (VoiceResult r, Throwable failure) -> {
                        TerminationReason reason = failure != null ? TerminationReason.ERROR : reason(r.termination());
                        long millis = failure != null ? 0 : r.elapsed().toMillis();
                        if (failure == null) {
                            reason = wrapAsWav(raw, request.file(), request.encoding(), reason);
                        }
                        TerminationReason finalReason = reason;
                        hub.publish(
                                (seq, at) -> new RecordDone(seq, at, l.id, call, request.file(), finalReason, millis));
                    },
                    () -> {});
        }
    }

    /** The board records raw 8 kHz samples; hal-api promises a WAV file. */
    private static TerminationReason wrapAsWav(Path raw, Path wav, AudioEncoding encoding, TerminationReason reason) {
        try {
            WavInfo.write(wav, encoding, Files.readAllBytes(raw));
            Files.deleteIfExists(raw);
            return reason;
        } catch (IOException | HalException e) {
            LOG.log(System.Logger.Level.WARNING, "brooktrout: cannot write " + wav, e);
            return TerminationReason.ERROR;
        }
    }

    @Override
    public void collectDigits(ChannelId channel, DigitRequest request) {
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("collectDigits", CONNECTED);
            requireNoMedia(l, "collectDigits");
            if (request.terminatingDigits().length() > 1 || request.maxDigits() > 31) {
                throw new HalException("brooktrout: collectDigits on " + l.id + " supports at most one terminating"
                        + " digit and 31 digits (Bfv model), got '" + request.terminatingDigits() + "' and "
                        + request.maxDigits());
            }
            CallId call = l.call;
            Duration lineTime = request.firstDigitTimeout()
                    .plus(request.interDigitTimeout().multipliedBy(request.maxDigits() - 1L));
            Duration wait = settings.wallClock(lineTime);
            char term = request.terminatingDigits().isEmpty()
                    ? 0
                    : request.terminatingDigits().charAt(0);
            start(
                    l,
                    Op.VOICE,
                    () -> l.bfv.getDigits(request.maxDigits(), wait.isZero() ? Duration.ofMillis(1) : wait, term),
                    VOICE_STARTED,
                    (DigitsResult r, Throwable failure) -> hub.publish((seq, at) -> new DigitsCollected(
                            seq,
                            at,
                            l.id,
                            call,
                            failure != null ? "" : r.digits(),
                            failure != null ? TerminationReason.ERROR : reason(r.termination()))),
                    () -> {});
        }
    }

    @Override
    public void sendDigits(ChannelId channel, String digits) {
        Dtmf.check(digits, "digits");
        if (digits.isEmpty() || digits.length() > 31) {
            throw new HalException("brooktrout: sendDigits needs 1..31 digits, got '" + digits + "'");
        }
        Line l = line(channel);
        synchronized (l) {
            l.sm.require("sendDigits", CONNECTED);
            requireNoMedia(l, "sendDigits");
            CallId call = l.call;
            start(
                    l,
                    Op.VOICE,
                    () -> {
                        l.bfv.sendDigits(digits);
                        return Boolean.TRUE;
                    },
                    VOICE_STARTED,
                    (Boolean ok, Throwable failure) -> {
                        if (failure == null) {
                            hub.publish((seq, at) -> new DigitsSent(seq, at, l.id, call, digits));
                        } else {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    "brooktrout: sendDigits on " + l.id + " failed",
                                    failure);
                        }
                    },
                    () -> {});
        }
    }

    @Override
    public void sendFax(ChannelId channel, FaxSendRequest request) {
        TiffInfo.read(request.document());
        fax(channel, true, request.document());
    }

    @Override
    public void receiveFax(ChannelId channel, FaxReceiveRequest request) {
        fax(channel, false, request.output());
    }

    private void fax(ChannelId channel, boolean sending, Path file) {
        Line l = line(channel);
        if (!sending) {
            requireDirectory(file, "receiveFax");
        }
        synchronized (l) {
            l.sm.require(sending ? "sendFax" : "receiveFax", CONNECTED);
            requireNoMedia(l, sending ? "sendFax" : "receiveFax");
            CallId call = l.call;
            int bps = model.get(BfvModel.Key.FAX_BPS);
            start(
                    l,
                    Op.FAX,
                    () -> sending ? l.bfv.sendFax(file) : l.bfv.receiveFax(file),
                    () -> !lineStateIs(l, BfvLineState.CONNECTED),
                    (BfvLine.FaxResult r, Throwable failure) -> {
                        if (failure == null) {
                            reportPagesUpTo(l, r.pages());
                        }
                        int pages = failure == null ? r.pages() : l.pagesReported;
                        FaxResult result = failure != null ? FaxResult.PROTOCOL_ERROR : faxResult(r.status());
                        l.pagesReported = 0;
                        hub.publish((seq, at) -> new FaxDone(seq, at, l.id, call, result, pages, bps, sending));
                    },
                    () -> {
                        l.faxSending = sending;
                        l.pagesReported = 0;
                    });
        }
    }

    private static FaxResult faxResult(FaxStatus s) {
        switch (s) {
            case COMPLETE:
                return FaxResult.SUCCESS;
            case NO_FAX_DEVICE:
                return FaxResult.NO_FAX_DEVICE;
            case STOPPED:
                return FaxResult.STOPPED;
            case REMOTE_DISCONNECT:
            case ABORTED:
            case LINE_DOWN:
                return FaxResult.HANG_UP;
            default:
                return FaxResult.PROTOCOL_ERROR;
        }
    }

    private static TerminationReason reason(VoiceTermination t) {
        switch (t) {
            case END_OF_DATA:
                return TerminationReason.END_OF_DATA;
            case DTMF:
                return TerminationReason.DIGIT;
            case MAX_TIME:
                return TerminationReason.MAX_TIME;
            case MAX_DIGITS:
                return TerminationReason.MAX_DIGITS;
            case TIMEOUT:
                return TerminationReason.DIGIT_TIMEOUT;
            case DISCONNECT:
                return TerminationReason.HANG_UP;
            case STOPPED:
                return TerminationReason.STOPPED;
            default:
                return TerminationReason.ERROR;
        }
    }

    @Override
    public void stopMedia(ChannelId channel) {
        Line l = line(channel);
        synchronized (l) {
            if (l.op == Op.FAX || l.op == Op.VOICE) {
                l.bfv.stopMedia();
            }
        }
    }

    @Override
    public void setBlocked(ChannelId channel, boolean blocked) {
        Line l = line(channel);
        synchronized (l) {
            if (blocked) {
                l.sm.require("block", EnumSet.of(ChannelState.IDLE));
                l.sm.transition(ChannelState.BLOCKED, clock.nanos(), "blocked");
                hub.publish((seq, at) -> new ChannelOutOfService(seq, at, l.id, "blocked"));
            } else {
                l.sm.require("unblock", EnumSet.of(ChannelState.BLOCKED));
                Outage o = outage(l);
                if (o == null) {
                    l.sm.transition(ChannelState.IDLE, clock.nanos(), "unblocked");
                    hub.publish((seq, at) -> new ChannelInService(seq, at, l.id));
                } else {
                    l.sm.transition(ChannelState.OUT_OF_SERVICE, clock.nanos(), o.reason());
                }
            }
        }
    }

    /**
     * For tests that gate the emulator's line time: true when every input has been applied and every
     * blocking call still in the library is one of {@code sleepingInLibrary} calls known to be asleep.
     */
    boolean quiescent(int sleepingInLibrary) {
        return inbox.isEmpty()
                && !pumpWorking
                && nextAlarmDeadline > clock.nanos()
                && opsUnapplied.get() == 0
                && opsInLibrary.get() == sleepingInLibrary;
    }

    // ---------------------------------------------------------------- queries and lifecycle

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public BackendState state() {
        return state;
    }

    @Override
    public void setInService(boolean inService) {
        checkOpen();
        state = inService ? BackendState.IN_SERVICE : BackendState.OUT_OF_SERVICE;
    }

    @Override
    public List<BoardInfo> boards() {
        return List.copyOf(boards);
    }

    @Override
    public List<SpanInfo> spans() {
        List<SpanInfo> out = new ArrayList<>();
        for (Span s : spans.values()) {
            out.add(s.info());
        }
        return out;
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        Span s = spans.get(location);
        if (s == null) {
            throw new HalException("brooktrout: no span at " + location + "; configured spans: " + spans.keySet());
        }
        return s.info();
    }

    @Override
    public List<ChannelInfo> channels() {
        List<ChannelInfo> out = new ArrayList<>();
        for (Line l : lines.values()) {
            out.add(l.info());
        }
        return out;
    }

    @Override
    public ChannelInfo channel(ChannelId channel) {
        Line l = lines.get(channel);
        if (l == null) {
            throw new HalException("brooktrout: no channel " + channel);
        }
        return l.info();
    }

    @Override
    public List<StateChange> history(ChannelId channel) {
        Line l = lines.get(channel);
        if (l == null) {
            throw new HalException("brooktrout: no channel " + channel);
        }
        synchronized (l) {
            return l.sm.history();
        }
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        checkOpen();
        return hub.subscribe(listener);
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        checkOpen();
        return hub.subscribe(listener, executor);
    }

    @Override
    public void close() {
        if (state == BackendState.SHUT_DOWN) {
            return;
        }
        state = BackendState.SHUT_DOWN;
        LockSupport.unpark(pump);
        for (Line l : lines.values()) {
            try {
                l.bfv.close(); // detach also aborts a blocking call on the line
            } catch (VendorException e) {
                LOG.log(System.Logger.Level.WARNING, "brooktrout: detaching " + l.id + " failed", e);
            }
        }
        ops.shutdownNow();
        if (pump.isAlive() && Thread.currentThread() != pump) {
            try {
                pump.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        hub.close();
    }

    /** One T1 span position. Fields other than final ones are touched by the pump thread only. */
    private static final class Span {
        final SpanLocation location;
        final SpanConfig config;
        final AlarmIntegrator integrator;
        final List<Line> lines = new ArrayList<>();
        volatile SpanStatus status;
        volatile String moduleFault; // why the span's module failed; null while it works
        Set<Defect> defects = EnumSet.noneOf(Defect.class);

        Span(SpanLocation location, SpanConfig config, AlarmIntegrator integrator) {
            this.location = location;
            this.config = config;
            this.integrator = integrator;
            this.status = SpanStatus.healthy(config.signalling());
        }

        SpanInfo info() {
            return new SpanInfo(location, Optional.of(config), status, PerformanceCounters.ZERO);
        }
    }

    /** One bearer channel. Guarded by its own monitor. */
    private static final class Line {
        final ChannelId id;
        final Span span;
        final BfvLine bfv;
        final ChannelStateMachine sm;
        CallId call;
        boolean inbound;
        Op op;
        Q850Cause pendingCause;
        boolean pendingFarEnd;
        boolean faxSending;
        boolean glareIncoming;
        int pagesReported;

        Line(ChannelId id, Span span, BfvLine bfv, ChannelStateMachine sm) {
            this.id = id;
            this.span = span;
            this.bfv = bfv;
            this.sm = sm;
        }

        synchronized ChannelInfo info() {
            return new ChannelInfo(id, KINDS, sm.state(), Optional.ofNullable(call));
        }
    }
}
