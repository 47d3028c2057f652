package org.stroom.ports.hal.dialogic;

import static org.stroom.ports.hal.api.ChannelState.ALERTING;
import static org.stroom.ports.hal.api.ChannelState.BLOCKED;
import static org.stroom.ports.hal.api.ChannelState.CONNECTED;
import static org.stroom.ports.hal.api.ChannelState.DIALLING;
import static org.stroom.ports.hal.api.ChannelState.DISCONNECTING;
import static org.stroom.ports.hal.api.ChannelState.IDLE;
import static org.stroom.ports.hal.api.ChannelState.OFFERED;
import static org.stroom.ports.hal.api.ChannelState.OUT_OF_SERVICE;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardCapabilities;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.ChannelStateMachine;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.Dtmf;
import org.stroom.ports.hal.api.FaxModulation;
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
import org.stroom.ports.hal.api.spi.EventHub;
import org.stroom.ports.hal.dialogic.event.DialogicEvent;
import org.stroom.ports.hal.dialogic.event.DialogicEventDecoder;
import org.stroom.ports.hal.dialogic.event.DtiEvent;
import org.stroom.ports.hal.dialogic.event.FaxEvent;
import org.stroom.ports.hal.dialogic.event.GcEvent;
import org.stroom.ports.hal.dialogic.event.VoiceEvent;
import org.stroom.ports.hal.dialogic.jna.Crn;
import org.stroom.ports.hal.dialogic.jna.DeviceRegistry;
import org.stroom.ports.hal.dialogic.jna.DialogicCalls;
import org.stroom.ports.hal.dialogic.jna.DialogicLibraries;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.DtiDevice;
import org.stroom.ports.hal.dialogic.jna.DxConstants;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_DIGIT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_TPT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;
import org.stroom.ports.hal.dialogic.jna.FaxDevice;
import org.stroom.ports.hal.dialogic.jna.FxConstants;
import org.stroom.ports.hal.dialogic.jna.FxStructs.DF_IOTT;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.hal.dialogic.jna.LineDevice;
import org.stroom.ports.hal.dialogic.jna.RawSrlEvent;
import org.stroom.ports.hal.dialogic.jna.SrlConstants;
import org.stroom.ports.hal.dialogic.jna.VoiceDevice;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.AlarmIntegrator;
import org.stroom.ports.t1.AlarmTimings;
import org.stroom.ports.t1.AlarmTransition;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * The Dialogic R4 boards of one process as a {@link HalBackend}: one GlobalCall line device, one voice
 * handle and one fax handle per bearer timeslot, one DTI handle per trunk, and one event-pump thread.
 *
 * <pre>
 *  API threads ──gc_/dx_/fx_ calls──▶ [state lock: check ChannelStateMachine, call C, transition] ─┐
 *                                                                                                 ▼
 *  pump thread ──sr_waitevtEx(timeout)──▶ RawSrlEvent ──DialogicEventDecoder──▶ [state lock] ──▶ outbox
 *        │                                                                                        │
 *        └── timers: AlarmIntegrator per span, first-digit deadlines                     EventHub.publish
 *                                                                                      (after the lock)
 * </pre>
 *
 * <p>Calls: a call's {@link CallId} is its GlobalCall CRN when that value is new to this backend (a
 * reused CRN gets a fresh id above 2^40), so ids are unique for the backend's lifetime. Operations
 * move the channel at once (accept → ALERTING, answer → CONNECTED, hang-up → DISCONNECTING); the
 * matching events are published when GlobalCall confirms. A clear (ours or the far end's) stops any
 * media first and publishes its done event (reason HANG_UP) before CallDisconnected; the channel is
 * IDLE again when GlobalCall has released the CRN.
 *
 * <p>Alarms: the DTI trunk alarms (LOS, OOF or RED, RBL, RYEL) are raw defects (LOS, LOF, AIS, RAI)
 * fed to a t1-span {@link AlarmIntegrator} per span, so RED, BLUE and YELLOW are declared and cleared
 * after the standard integration times of the backend clock. RED and BLUE take the span's channels
 * out of service and clear their calls (cause 38).
 *
 * <p>D-channel and board faults: a PRI span's D-channel is down when GlobalCall reports it down
 * (GCEV_D_CHAN_STATUS, read at open with gc_GetLinedevState), when RED or BLUE is declared, or when
 * its board has failed. Down, the span's idle channels go out of service at once; calls in progress
 * are left to GlobalCall, which clears them (Q.931 T309). A board has failed while one of its trunks
 * reports DTEV_OUTSERVICE with an error and until every one reports it back in service: its channels
 * go out of service and its calls are cleared by us (cause 41). Line-level GCEV_BLOCKED and
 * GCEV_UNBLOCKED are not used: availability comes from these causes.
 *
 * <p>Modelled choices, documented in docs/backends/dialogic.md: digit collection holds at most 31
 * digits (the DV_DIGIT buffer); the first-digit timeout is the backend's own timer (DX_IDDTIME runs
 * from the first digit); recording silence detection is not applied; prompts are played from memory
 * (IO_MEM) and recordings written as WAV by the backend; inbound calls are refused with cause 34 while
 * the backend or the channel is out of service or blocked.
 *
 * <p>One backend per process (GlobalCall is started once per process).
 *
 * <p>Thread-safety: every method may be called from any thread; listeners are called without the
 * backend's state lock held.
 */
public final class DialogicBackend implements HalBackend {
    private static final System.Logger LOG = System.getLogger(DialogicBackend.class.getName());
    private static final AtomicBoolean PROCESS_OPEN = new AtomicBoolean();
    private static final AtomicReference<Throwable> OPENED_BY = new AtomicReference<>();
    private static final long MAX_WAIT_MS = 50;
    private static final long FALLBACK_CALL_IDS = 1L << 40;
    private static final long HOUSEKEEPING_RETRY_NANOS = 200_000_000L;
    private static final int HOUSEKEEPING_ATTEMPTS = 3;
    private static final int BYTES_PER_MS = 8;
    /** Q.850 cause 27: how the emulator's D-channel clearing (GCRV_SIGNALLING, T309) is reported. */
    private static final Q850Cause DESTINATION_OUT_OF_ORDER = new Q850Cause(27);

    private static final Set<PortKind> KINDS = EnumSet.of(PortKind.FAX, PortKind.VOICE);
    private static final int T1_DEFECT_MASK = DtConstants.DTEC_LOS
            | DtConstants.DTEC_OOF
            | DtConstants.DTEC_RED
            | DtConstants.DTEC_RBL
            | DtConstants.DTEC_RYEL;

    private final DialogicSettings settings;
    private final DialogicLibraries libs;
    private final DialogicCalls calls;
    private final NanoClock clock;
    private final EventHub hub;
    private final Object lock = new Object();
    private final Object flushLock = new Object();
    private final ConcurrentLinkedQueue<EventHub.EventFactory> outbox = new ConcurrentLinkedQueue<>();
    private final List<BoardInfo> boards = new ArrayList<>();
    private final Map<SpanLocation, SpanState> spans = new LinkedHashMap<>();
    private final Map<Integer, BoardState> boardStates = new TreeMap<>();
    private final TreeMap<ChannelId, Chan> channels = new TreeMap<>();
    private final Map<Long, Chan> byLine = new HashMap<>();
    private final Map<Long, Chan> byVoice = new HashMap<>();
    private final Map<Long, Chan> byFax = new HashMap<>();
    private final Map<Long, SpanState> byTrunk = new HashMap<>();
    private final Map<Long, CallRec> byCrn = new HashMap<>();
    private final Set<Long> usedCallIds = new HashSet<>();
    private long fallbackCallId = FALLBACK_CALL_IDS;
    private volatile BackendState state = BackendState.IN_SERVICE;
    private volatile boolean running = true;
    private long[] handles = new long[0];
    private Thread pump;

    private DialogicBackend(DialogicSettings settings, DialogicLibraries libs, NanoClock clock) {
        this.settings = settings;
        this.libs = libs;
        this.calls = new DialogicCalls(libs, new DeviceRegistry());
        this.clock = clock;
        this.hub = new EventHub(DialogicBackendProvider.ID, clock);
    }

    /**
     * Starts GlobalCall, opens every trunk, line, voice and fax device and starts the event pump.
     *
     * @throws HalException when another Dialogic backend is open in this process, or a device cannot
     *     be opened (a {@link VendorException} with the library's code)
     */
    static DialogicBackend open(DialogicSettings settings, DialogicLibraries libs, NanoClock clock) {
        if (!PROCESS_OPEN.compareAndSet(false, true)) {
            throw new HalException(
                    "a dialogic backend is already open in this process and GlobalCall is started"
                            + " once per process; close it before opening another",
                    OPENED_BY.get());
        }
        OPENED_BY.set(new Throwable("the open dialogic backend was opened here"));
        DialogicBackend b = new DialogicBackend(settings, libs, clock);
        try {
            b.openDevices();
        } catch (RuntimeException e) {
            b.releaseNative();
            PROCESS_OPEN.set(false);
            throw e;
        }
        b.pump = new Thread(b::pumpLoop, "dialogic-event-pump");
        b.pump.setDaemon(true);
        b.pump.start();
        return b;
    }

    private void openDevices() {
        calls.gcStart();
        Map<Integer, List<SpanLocation>> spansByBoard = new TreeMap<>();
        for (DialogicSettings.Trunk t : settings.trunks()) {
            spansByBoard
                    .computeIfAbsent(t.location().board(), k -> new ArrayList<>())
                    .add(t.location());
            SpanConfig config = settings.signalling() == Signalling.ISDN_PRI
                    ? SpanConfig.pri(new CircuitId("dtiB" + t.number()), PriSwitch.NI2, 0, List.of())
                    : SpanConfig.cas(new CircuitId("dtiB" + t.number()), settings.signalling(), 0, List.of());
            DtiDevice trunk = calls.dtOpen("dtiB" + t.number());
            calls.dtSetevtmsk(trunk, DtConstants.DTG_T1ERREVT, T1_DEFECT_MASK, DtConstants.DTA_SETMSK);
            BoardState board = boardStates.computeIfAbsent(
                    t.location().board(), b -> new BoardState(new BoardId(settings.machine(), b)));
            SpanState span = new SpanState(
                    t.location(), config, new AlarmIntegrator(AlarmTimings.DEFAULT, clock), board, "dtiB" + t.number());
            board.spans.add(span);
            spans.put(t.location(), span);
            byTrunk.put((long) trunk.value(), span);
            for (int ds0 : config.layout().bearerTimeslots()) {
                ChannelId id = new ChannelId(t.location(), ds0);
                LineDevice line = calls.gcOpenEx(settings.lineDevice(id), false);
                VoiceDevice voice = calls.gcVoiceDevice(line);
                calls.dxSetevtmsk(voice, DxConstants.DM_DIGITS);
                FaxDevice fax = calls.fxOpen(settings.voiceChannel(id));
                calls.gcWaitCall(line);
                Chan c = new Chan(id, line, voice, fax, span, new ChannelStateMachine(id, IDLE));
                channels.put(id, c);
                span.channels.add(c);
                byLine.put(line.value(), c);
                byVoice.put((long) voice.value(), c);
                byFax.put((long) fax.value(), c);
            }
            initialDChannel(span);
        }
        for (Map.Entry<Integer, List<SpanLocation>> e : spansByBoard.entrySet()) {
            int n = e.getValue().size() * Ds0Layout.TIMESLOTS;
            boards.add(new BoardInfo(
                    new BoardId(settings.machine(), e.getKey()),
                    Vendor.DIALOGIC,
                    settings.boards().get(e.getKey()),
                    "unknown",
                    -1,
                    e.getValue(),
                    new BoardCapabilities(
                            EnumSet.of(FaxModulation.V27TER, FaxModulation.V29, FaxModulation.V17),
                            FaxModulation.V17.maxBps(),
                            false,
                            true,
                            true,
                            true,
                            true,
                            n,
                            n,
                            n)));
        }
        handles = calls.registry().handles();
    }

    /** Reads a PRI span's D-channel state at open; its channels start out of service when it is down. */
    private void initialDChannel(SpanState span) {
        if (!span.pri() || span.channels.isEmpty()) {
            return;
        }
        try {
            int d = calls.gcGetLinedevState(span.channels.get(0).line, GcConstants.GCGLS_DCHANNEL);
            span.gcDChannelUp = d == GcConstants.GCLS_INSERVICE;
        } catch (VendorException e) { // a library without the query still reports changes by event
            LOG.log(
                    System.Logger.Level.WARNING,
                    "dialogic: D-channel state of " + span.location + " unknown, taken" + " as up: " + e.getMessage());
        }
        span.reportedD = span.dChannel();
        span.usableFlag = span.usable();
        if (!span.usableFlag) {
            for (Chan c : span.channels) {
                c.sm.transition(OUT_OF_SERVICE, clock.nanos(), span.unusableReason());
            }
        }
    }

    // ---- queries --------------------------------------------------------------------------------

    @Override
    public String id() {
        return DialogicBackendProvider.ID;
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
        run(() -> {
            state = inService ? BackendState.IN_SERVICE : BackendState.OUT_OF_SERVICE;
            return null;
        });
    }

    @Override
    public List<BoardInfo> boards() {
        return List.copyOf(boards);
    }

    @Override
    public List<SpanInfo> spans() {
        return run(() -> spans.values().stream().map(SpanState::info).toList());
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        return run(() -> {
            SpanState s = spans.get(location);
            if (s == null) {
                throw new HalException("no span " + location + " on the dialogic backend; spans are " + spans.keySet());
            }
            return s.info();
        });
    }

    @Override
    public List<ChannelInfo> channels() {
        return run(() -> channels.values().stream().map(Chan::info).toList());
    }

    @Override
    public ChannelInfo channel(ChannelId channel) {
        return run(() -> chan(channel).info());
    }

    @Override
    public List<StateChange> history(ChannelId channel) {
        return run(() -> chan(channel).sm.history());
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        return run(() -> hub.subscribe(listener));
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        return run(() -> hub.subscribe(listener, executor));
    }

    // ---- call control ---------------------------------------------------------------------------

    @Override
    public void accept(ChannelId channel) {
        run(() -> {
            Chan c = chan(channel);
            requireInbound(c, "accept", EnumSet.of(OFFERED));
            if (clearedMeanwhile(c, () -> calls.gcAcceptCall(c.call.crn, 0))) {
                return null;
            }
            c.sm.transition(ALERTING, clock.nanos(), "accept");
            return null;
        });
    }

    @Override
    public void answer(ChannelId channel) {
        run(() -> {
            Chan c = chan(channel);
            requireInbound(c, "answer", EnumSet.of(OFFERED, ALERTING));
            if (clearedMeanwhile(c, () -> calls.gcAnswerCall(c.call.crn, 0))) {
                return null;
            }
            c.sm.transition(CONNECTED, clock.nanos(), "answer");
            return null;
        });
    }

    @Override
    public void reject(ChannelId channel, Q850Cause cause) {
        run(() -> {
            Chan c = chan(channel);
            requireInbound(c, "reject", EnumSet.of(OFFERED, ALERTING));
            clear(c, cause, false, true, "rejected by us");
            return null;
        });
    }

    @Override
    public CallId placeCall(ChannelId channel, OutboundCall call) {
        return run(() -> {
            Chan c = chan(channel);
            if (state == BackendState.OUT_OF_SERVICE) {
                throw new HalException("cannot place a call on " + channel
                        + ": the dialogic backend is out of service; setInService(true) first");
            }
            c.sm.require("placeCall", EnumSet.of(IDLE));
            int seconds = (int) Math.max(1, (call.timeout().toMillis() + 999) / 1000);
            Crn crn;
            try {
                crn = calls.gcMakeCall(c.line, call.number().value(), seconds);
            } catch (VendorException e) {
                if (e.code() == GcConstants.EGC_ALARM) {
                    return refused(c, call, Q850Cause.NETWORK_OUT_OF_ORDER, "line blocked (EGC_ALARM)");
                }
                if (e.code() == GcConstants.EGC_INVSTATE) {
                    return refused(
                            c, call, Q850Cause.CHANNEL_NOT_AVAILABLE, "the line still has a call (EGC_INVSTATE)");
                }
                throw e;
            }
            CallRec r = new CallRec(newCallId(crn), crn, false, c, c.line);
            byCrn.put(crn.value(), r);
            c.call = r;
            c.sm.transition(DIALLING, clock.nanos(), "placeCall " + call.number());
            return r.id;
        });
    }

    /**
     * GlobalCall refused a call on a channel this backend holds IDLE, because of something it has not
     * seen yet: the line is blocked (EGC_ALARM: an alarm in its integration time, a board fault or the
     * D-channel, whose events are queued), or the line still has a call (EGC_INVSTATE: the network has
     * just seized it and its GCEV_OFFERED is queued, which is glare the network wins; or a call we
     * refused is still being released). Both are calls that fail, not errors of the caller: the call
     * ends at once with {@code cause}.
     */
    private CallId refused(Chan c, OutboundCall call, Q850Cause cause, String why) {
        CallId id = new CallId(++fallbackCallId);
        long now = clock.nanos();
        c.sm.transition(DIALLING, now, "placeCall " + call.number());
        c.sm.transition(DISCONNECTING, now, "gc_MakeCall refused: " + why);
        emit((seq, at) -> new CallDisconnected(seq, at, c.id, id, cause, false));
        toIdleOrOutOfService(c, "call refused");
        return id;
    }

    @Override
    public void hangUp(ChannelId channel, Q850Cause cause) {
        run(() -> {
            Chan c = chan(channel);
            c.sm.require("hangUp", ChannelState.clearableStates());
            clear(c, cause, false, true, "cleared by us");
            return null;
        });
    }

    // ---- media ----------------------------------------------------------------------------------

    @Override
    public void play(ChannelId channel, PlayRequest request) {
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "play");
            WavInfo wav = WavInfo.read(request.file());
            byte[] samples = samples(request.file(), wav);
            Memory buf = new Memory(Math.max(1, samples.length));
            buf.write(0, samples, 0, samples.length);
            DX_IOTT iott = new DX_IOTT();
            iott.io_type = (short) (SrlConstants.IO_MEM | SrlConstants.IO_EOT);
            iott.io_bufp = buf;
            iott.io_length = new NativeLong(samples.length);
            DV_TPT[] tpt = digitMask(request.terminatingDigits());
            calls.dxPlay(
                    c.voice, iott, tpt == null ? null : tpt[0], SrlConstants.EV_ASYNC | encodingMode(wav.encoding()));
            c.media = new Media(MediaKind.PLAY, buf, iott, tpt);
            return null;
        });
    }

    @Override
    public void record(ChannelId channel, RecordRequest request) {
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "record");
            requireDirectory(request.file(), "record to");
            // one second of slack so the DX_MAXTIME terminator, not the end of the buffer, ends the recording
            long bytes = (request.maxTime().toMillis() + 1000) * BYTES_PER_MS;
            Memory buf = new Memory(bytes);
            DX_IOTT iott = DX_IOTT.memory(buf);
            int units = (int) ((request.maxTime().toMillis() + 99) / 100);
            DV_TPT[] tpt = request.terminatingDigits().isEmpty()
                    ? DV_TPT.table(DxConstants.DX_MAXTIME, units, DxConstants.TF_MAXTIME)
                    : DV_TPT.table(
                            DxConstants.DX_MAXTIME,
                            units,
                            DxConstants.TF_MAXTIME,
                            DxConstants.DX_DIGMASK,
                            mask(request.terminatingDigits()),
                            DxConstants.TF_DIGMASK);
            calls.dxRec(c.voice, iott, tpt[0], SrlConstants.EV_ASYNC | encodingMode(request.encoding()));
            Media m = new Media(MediaKind.RECORD, buf, iott, tpt);
            m.record = request;
            c.media = m;
            return null;
        });
    }

    @Override
    public void collectDigits(ChannelId channel, DigitRequest request) {
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "collectDigits");
            int max = Math.min(request.maxDigits(), DxConstants.LEN_DIGBUF);
            int inter = (int) Math.max(1, (request.interDigitTimeout().toMillis() + 99) / 100);
            DV_TPT[] tpt = request.terminatingDigits().isEmpty()
                    ? DV_TPT.table(
                            DxConstants.DX_MAXDTMF, max, DxConstants.TF_MAXDTMF, DxConstants.DX_IDDTIME, inter, 0)
                    : DV_TPT.table(
                            DxConstants.DX_MAXDTMF,
                            max,
                            DxConstants.TF_MAXDTMF,
                            DxConstants.DX_IDDTIME,
                            inter,
                            0,
                            DxConstants.DX_DIGMASK,
                            mask(request.terminatingDigits()),
                            DxConstants.TF_DIGMASK);
            DV_DIGIT digits = new DV_DIGIT();
            boolean typedAhead = calls.dxBufferedDigits(c.voice) > 0;
            calls.dxGetdig(c.voice, tpt[0], digits, SrlConstants.EV_ASYNC);
            Media m = new Media(MediaKind.DIGITS, digits, tpt, null);
            m.digits = digits;
            m.firstDigitDeadline =
                    typedAhead ? 0 : clock.nanos() + request.firstDigitTimeout().toNanos();
            c.media = m;
            return null;
        });
    }

    @Override
    public void sendDigits(ChannelId channel, String digits) {
        Dtmf.check(digits, "digits");
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "sendDigits");
            calls.dxDial(c.voice, digits);
            Media m = new Media(MediaKind.DIAL, null, null, null);
            m.dialled = digits;
            c.media = m;
            return null;
        });
    }

    @Override
    public void sendFax(ChannelId channel, FaxSendRequest request) {
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "sendFax");
            TiffInfo tiff = TiffInfo.read(request.document());
            int fd = LibC.INSTANCE.open(request.document().toString(), 0 /* O_RDONLY */);
            if (fd < 0) {
                throw new HalException("cannot open fax document " + request.document() + " for the board (errno "
                        + Native.getLastError() + ")");
            }
            try {
                calls.fxSetLocalId(c.fax, request.localId());
                calls.fxInitstat(c.fax, FxConstants.DF_TX);
                DF_IOTT iott = DF_IOTT.tiff(fd, 0, tiff.pages());
                calls.fxSendfax(c.fax, iott, SrlConstants.EV_ASYNC | FxConstants.DF_PHASEB | FxConstants.DF_PHASED);
                Media m = new Media(MediaKind.FAX_SEND, iott, null, null);
                m.fd = fd;
                c.media = m;
            } catch (RuntimeException e) {
                LibC.INSTANCE.close(fd);
                throw e;
            }
            return null;
        });
    }

    @Override
    public void receiveFax(ChannelId channel, FaxReceiveRequest request) {
        run(() -> {
            Chan c = connectedWithoutMedia(channel, "receiveFax");
            requireDirectory(request.output(), "receive a fax into");
            calls.fxSetLocalId(c.fax, request.localId());
            calls.fxInitstat(c.fax, FxConstants.DF_RX);
            calls.fxRcvfax(
                    c.fax,
                    request.output().toString(),
                    SrlConstants.EV_ASYNC | FxConstants.DF_PHASEB | FxConstants.DF_PHASED);
            c.media = new Media(MediaKind.FAX_RECEIVE, null, null, null);
            return null;
        });
    }

    @Override
    public void stopMedia(ChannelId channel) {
        run(() -> {
            Chan c = chan(channel);
            if (c.media != null && !c.media.stopped) {
                stopNative(c);
                c.media.stopped = true;
            }
            return null;
        });
    }

    // ---- maintenance ----------------------------------------------------------------------------

    @Override
    public void setBlocked(ChannelId channel, boolean blocked) {
        run(() -> {
            Chan c = chan(channel);
            if (blocked) {
                c.sm.require("block", EnumSet.of(IDLE));
                c.adminBlocked = true;
                c.sm.transition(BLOCKED, clock.nanos(), "blocked for maintenance");
                ChannelId id = c.id;
                emit((seq, at) -> new ChannelOutOfService(seq, at, id, "blocked for maintenance"));
            } else if (c.sm.state() == OUT_OF_SERVICE && c.adminBlocked) {
                c.adminBlocked = false; // the span alarm still holds it; it returns to IDLE on recovery
            } else {
                c.sm.require("unblock", EnumSet.of(BLOCKED));
                c.adminBlocked = false;
                c.sm.transition(IDLE, clock.nanos(), "unblocked");
                ChannelId id = c.id;
                emit((seq, at) -> new ChannelInService(seq, at, id));
            }
            return null;
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (state == BackendState.SHUT_DOWN) {
                return;
            }
            state = BackendState.SHUT_DOWN;
            running = false;
        }
        try {
            if (pump != null && Thread.currentThread() != pump) {
                pump.join(5_000);
            }
            synchronized (lock) {
                for (Chan c : channels.values()) {
                    if (c.media != null && c.media.fd >= 0) {
                        LibC.INSTANCE.close(c.media.fd);
                    }
                }
                releaseNative();
            }
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.close();
            PROCESS_OPEN.set(false);
        }
    }

    private void releaseNative() {
        for (Chan c : channels.values()) {
            quietly("fx_close", () -> calls.fxClose(c.fax));
            quietly("gc_Close", () -> calls.gcClose(c.line));
        }
        for (long h : calls.registry().handles()) {
            if (byTrunk.containsKey(h)) {
                quietly("dt_close", () -> calls.dtClose(new DtiDevice((int) h)));
            }
        }
        quietly("gc_Stop", calls::gcStop);
    }

    // ---- the event pump -------------------------------------------------------------------------

    private void pumpLoop() {
        while (running) {
            try {
                long waitMs;
                synchronized (lock) {
                    waitMs = waitMillis();
                }
                Optional<RawSrlEvent> raw = calls.waitEvent(handles, waitMs);
                synchronized (lock) {
                    if (!running) {
                        break;
                    }
                    raw.ifPresent(this::handle);
                    timers();
                }
            } catch (Throwable t) { // the pump must outlive any bad event: log it and go on
                LOG.log(System.Logger.Level.ERROR, "dialogic event pump: " + t, t);
            } finally {
                flush();
            }
        }
    }

    private long waitMillis() {
        long now = clock.nanos();
        long next = Long.MAX_VALUE;
        for (SpanState s : spans.values()) {
            next = Math.min(next, s.integrator.nextDeadline());
        }
        for (Chan c : channels.values()) {
            if (c.media != null && c.media.firstDigitDeadline != 0) {
                next = Math.min(next, c.media.firstDigitDeadline);
            }
        }
        for (CallRec r : byCrn.values()) {
            if (r.retryAt != 0) {
                next = Math.min(next, r.retryAt);
            }
        }
        if (next == Long.MAX_VALUE) {
            return MAX_WAIT_MS;
        }
        double realMs = Math.max(0, next - now) / 1e6 * settings.realMsPerClockMs();
        return Math.min(MAX_WAIT_MS, (long) Math.ceil(realMs));
    }

    private void timers() {
        for (SpanState s : spans.values()) {
            apply(s, s.integrator.poll());
        }
        long now = clock.nanos();
        for (CallRec r : new ArrayList<>(byCrn.values())) {
            if (r.retryAt != 0 && now >= r.retryAt) {
                retryHousekeeping(r);
            }
        }
        for (Chan c : channels.values()) {
            Media m = c.media;
            if (m != null && m.firstDigitDeadline != 0 && now >= m.firstDigitDeadline) {
                m.firstDigitDeadline = 0;
                m.timedOut = true;
                quietly("dx_stopch", () -> calls.dxStopch(c.voice, SrlConstants.EV_ASYNC));
            }
        }
    }

    private void handle(RawSrlEvent raw) {
        DialogicEvent e = DialogicEventDecoder.decode(calls.registry().kindOf(raw.device()), raw);
        if (e instanceof GcEvent g) {
            onGlobalCall(g);
        } else if (e instanceof VoiceEvent v) {
            onVoice(v);
        } else if (e instanceof FaxEvent f) {
            onFax(f);
        } else if (e instanceof DtiEvent d) {
            onTrunk(d);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "dialogic: ignored " + e);
        }
    }

    private void onGlobalCall(GcEvent g) {
        Chan c = byLine.get(g.line().value());
        if (c == null) {
            return;
        }
        if (g instanceof GcEvent.Offered o) {
            onOffered(c, o.crn());
            return;
        }
        if (g instanceof GcEvent.TaskFailed t && t.crn().isPresent()) {
            CallRec r = byCrn.get(t.crn().get().value());
            if (r != null && c.call == r && !r.ended) {
                farEndCleared(c, r, Q850Cause.TEMPORARY_FAILURE);
            }
            return;
        }
        if (g instanceof GcEvent.DChannelStatus d) {
            SpanState s = c.span;
            if (s.pri() && s.gcDChannelUp != d.up()) {
                s.gcDChannelUp = d.up();
                refresh(s);
            }
            return;
        }
        if (g instanceof GcEvent.LineReset) {
            lineReset(c);
            return;
        }
        if (!(g instanceof GcEvent.CallEvent ce)) {
            return; // other line-level events (BLOCKED, UNBLOCKED, ALARM): availability comes from their causes
        }
        CallRec r = byCrn.get(ce.crn().value());
        if (r == null) {
            return;
        }
        boolean current = c.call == r && !r.ended;
        if (ce instanceof GcEvent.Accepted && current) {
            emit((seq, at) -> new CallAlerting(seq, at, c.id, r.id));
        } else if (ce instanceof GcEvent.Answered && current) {
            quietly("dx_clrdigbuf", () -> calls.dxClrdigbuf(c.voice));
            emit((seq, at) -> new CallConnected(seq, at, c.id, r.id));
        } else if (ce instanceof GcEvent.Alerting && current && c.sm.state() == DIALLING) {
            c.sm.transition(ALERTING, clock.nanos(), "far end ringing");
            emit((seq, at) -> new CallAlerting(seq, at, c.id, r.id));
        } else if (ce instanceof GcEvent.Connected && current) {
            c.sm.transition(CONNECTED, clock.nanos(), "far end answered");
            quietly("dx_clrdigbuf", () -> calls.dxClrdigbuf(c.voice));
            emit((seq, at) -> new CallConnected(seq, at, c.id, r.id));
        } else if (ce instanceof GcEvent.Disconnected d) {
            if (current) {
                farEndCleared(c, r, q850(d.result()));
            } else if (!r.dropped) {
                r.dropped = true;
                housekeep(r, "gc_DropCall", () -> calls.gcDropCall(r.crn, GcConstants.GC_NORMAL_CLEARING));
            }
        } else if (ce instanceof GcEvent.Dropped) {
            housekeep(r, "gc_ReleaseCallEx", () -> calls.gcReleaseCallEx(r.crn));
        } else if (ce instanceof GcEvent.Released) {
            released(c, r, "call released");
        }
    }

    /** GlobalCall has freed the CRN: forget it; the channel is free again unless its span is unusable. */
    private void released(Chan c, CallRec r, String why) {
        byCrn.remove(r.crn.value());
        if (c.call == r) {
            if (c.pending != null) { // release overtook the media completion: close the books now
                mediaDone(c, TerminationReason.HANG_UP);
            }
            c.call = null;
            if (c.sm.state() == DISCONNECTING) {
                toIdleOrOutOfService(c, why);
            } else if (c.sm.state() == OUT_OF_SERVICE && c.span.usable()) {
                // the span came back while this call was still being released
                backInService(c, why);
            }
        }
    }

    /**
     * Runs a drop or release the pump makes on its own. GlobalCall may refuse it (a transient failure);
     * the call would then never be released and its channel never free, so it is retried, and after
     * {@link #HOUSEKEEPING_ATTEMPTS} refusals the line is reset (gc_ResetLineDev aborts its calls).
     */
    private void housekeep(CallRec r, String function, Runnable request) {
        try {
            request.run();
            r.retryAt = 0;
        } catch (VendorException e) {
            LOG.log(System.Logger.Level.WARNING, "dialogic: " + function + " failed, will retry: " + e.getMessage());
            r.retryAt = clock.nanos() + HOUSEKEEPING_RETRY_NANOS;
        }
    }

    private void retryHousekeeping(CallRec r) {
        r.retryAt = 0;
        if (++r.attempts >= HOUSEKEEPING_ATTEMPTS) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "dialogic: crn 0x" + Long.toHexString(r.crn.value()) + " still not released after " + r.attempts
                            + " attempts; resetting its line");
            housekeep(r, "gc_ResetLineDev", () -> calls.gcResetLineDev(r.line));
            return;
        }
        if (callState(r.crn) == GcConstants.GCST_IDLE) {
            housekeep(r, "gc_ReleaseCallEx", () -> calls.gcReleaseCallEx(r.crn));
        } else {
            housekeep(r, "gc_DropCall", () -> calls.gcDropCall(r.crn, GcConstants.GC_NORMAL_CLEARING));
        }
    }

    /** GCEV_RESETLINEDEV: every call of the line is gone; the line must be armed again for inbound calls. */
    private void lineReset(Chan c) {
        for (CallRec r : new ArrayList<>(byCrn.values())) {
            if (r.line.equals(c.line)) {
                released(c, r, "line reset");
            }
        }
        quietly("gc_WaitCall", () -> calls.gcWaitCall(c.line));
    }

    private void onOffered(Chan c, Crn crn) {
        if (state == BackendState.IN_SERVICE
                && c.sm.state() == DISCONNECTING
                && c.call != null
                && c.call.ended
                && c.media == null
                && c.span.usable()) {
            // glare: the network seized the channel while our cleared call still awaits its release
            c.call.detached = true;
            c.call = null;
            c.sm.transition(IDLE, clock.nanos(), "previous call cleared, its release pending");
        }
        if (state != BackendState.IN_SERVICE || c.sm.state() != IDLE) {
            CallRec refused = new CallRec(null, crn, true, null, c.line);
            refused.dropped = true;
            byCrn.put(crn.value(), refused);
            housekeep(refused, "gc_DropCall", () -> calls.gcDropCall(crn, Q850Cause.NO_CIRCUIT_AVAILABLE.code()));
            return;
        }
        String dnis = calls.gcGetDnis(crn);
        String ani = calls.gcGetAni(crn);
        CallRec r = new CallRec(newCallId(crn), crn, true, c, c.line);
        byCrn.put(crn.value(), r);
        c.call = r;
        c.sm.transition(OFFERED, clock.nanos(), "inbound call");
        quietly("dx_clrdigbuf", () -> calls.dxClrdigbuf(c.voice));
        emit((seq, at) -> new CallOffered(seq, at, c.id, r.id, dnis, ani));
    }

    private void onVoice(VoiceEvent v) {
        Chan c = byVoice.get((long) v.device().value());
        if (c == null) {
            return;
        }
        Media m = c.media;
        if (v instanceof VoiceEvent.DigitDetected d) {
            if (c.call != null && !c.call.ended && c.sm.state() == CONNECTED) {
                CallId call = c.call.id;
                emit((seq, at) -> new DigitReceived(seq, at, c.id, call, d.digit()));
            }
            if (m != null && m.kind == MediaKind.DIGITS) {
                m.firstDigitDeadline = 0;
            }
            return;
        }
        if (m == null || c.call == null) {
            return;
        }
        CallId call = c.call.id;
        if (v instanceof VoiceEvent.PlayDone p && m.kind == MediaKind.PLAY) {
            TerminationReason why = reason(c, m, p.termination());
            c.media = null;
            emit((seq, at) -> new PlayDone(seq, at, c.id, call, why, p.bytes() / BYTES_PER_MS));
        } else if (v instanceof VoiceEvent.RecordDone r && m.kind == MediaKind.RECORD) {
            TerminationReason why = reason(c, m, r.termination());
            c.media = null;
            Memory buf = (Memory) m.keep1;
            int n = (int) Math.min(r.bytes(), buf.size());
            RecordRequest req = m.record;
            TerminationReason written = why;
            try {
                WavInfo.write(req.file(), req.encoding(), n == 0 ? new byte[0] : buf.getByteArray(0, n));
            } catch (HalException e) {
                LOG.log(System.Logger.Level.ERROR, "dialogic: cannot write recording " + req.file(), e);
                written = TerminationReason.ERROR;
            }
            TerminationReason reason = written;
            emit((seq, at) -> new RecordDone(seq, at, c.id, call, req.file(), reason, n / BYTES_PER_MS));
        } else if (v instanceof VoiceEvent.DigitsDone d && m.kind == MediaKind.DIGITS) {
            TerminationReason why = reason(c, m, d.termination());
            c.media = null;
            m.digits.read();
            String got = m.digits.digits();
            emit((seq, at) -> new DigitsCollected(seq, at, c.id, call, got, why));
        } else if (v instanceof VoiceEvent.DialDone && m.kind == MediaKind.DIAL) {
            c.media = null;
            String sent = m.dialled;
            emit((seq, at) -> new DigitsSent(seq, at, c.id, call, sent));
        } else {
            return;
        }
        afterMedia(c);
    }

    private void onFax(FaxEvent f) {
        Chan c = byFax.get((long) f.device().value());
        if (c == null || c.media == null || c.call == null || !c.media.kind.fax) {
            return;
        }
        Media m = c.media;
        CallId call = c.call.id;
        boolean sending = m.kind == MediaKind.FAX_SEND;
        if (f instanceof FaxEvent.PhaseB) {
            m.bps = speed(c);
            return;
        }
        if (f instanceof FaxEvent.PageDone) {
            // count the TFX_PHASED events: ATFX_PGXFER is read when the pump gets to the event and may
            // already include the next page
            int page = ++m.pagesSeen;
            int bps = m.bps == 0 ? speed(c) : m.bps;
            emit((seq, at) -> sending
                    ? new FaxPageSent(seq, at, c.id, call, page, bps)
                    : new FaxPageReceived(seq, at, c.id, call, page, bps));
            return;
        }
        FaxResult result;
        int pages;
        if (f instanceof FaxEvent.Sent s) {
            result = FaxResult.SUCCESS;
            pages = (int) s.pages();
        } else if (f instanceof FaxEvent.Received r) {
            result = FaxResult.SUCCESS;
            pages = (int) r.pages();
        } else if (f instanceof FaxEvent.Failed x) {
            result = c.pending != null ? FaxResult.HANG_UP : m.stopped ? FaxResult.STOPPED : faxResult(x.phaseE());
            pages = (int) x.pages();
        } else {
            return;
        }
        if (m.fd >= 0) {
            LibC.INSTANCE.close(m.fd);
        }
        c.media = null;
        int bps = m.bps;
        emit((seq, at) -> new FaxDone(seq, at, c.id, call, result, pages, bps, sending));
        afterMedia(c);
    }

    private void onTrunk(DtiEvent d) {
        SpanState s = byTrunk.get((long) d.device().value());
        if (s == null) {
            return;
        }
        if (d instanceof DtiEvent.TrunkAlarm a) {
            Defect defect = defect(a.alarmCode());
            if (defect != null) {
                apply(s, a.recovered() ? s.integrator.clear(defect) : s.integrator.raise(defect));
            }
        } else if (d instanceof DtiEvent.ServiceChange sc) {
            onBoardService(s, sc);
        }
    }

    /** DTEV_OUTSERVICE on one trunk: the whole board fails with its first trunk and recovers with its last. */
    private void onBoardService(SpanState s, DtiEvent.ServiceChange sc) {
        BoardState b = s.board;
        boolean wasFaulted = b.faulted();
        if (sc.inService()) {
            b.failedTrunks.remove(s.location);
        } else {
            b.failedTrunks.put(
                    s.location, "firmware error " + DtConstants.errorName(sc.error()) + " on " + s.trunkName);
        }
        BoardId id = b.id;
        if (!wasFaulted && b.faulted()) {
            String reason = b.faultReason();
            emit((seq, at) -> new BoardFault(seq, at, id, reason));
        } else if (wasFaulted && !b.faulted()) {
            emit((seq, at) -> new BoardRecovered(seq, at, id));
        } else {
            return;
        }
        for (SpanState span : b.spans) {
            refresh(span);
            if (b.faulted()) {
                clearCalls(span, Q850Cause.TEMPORARY_FAILURE, false, "board fault");
            }
        }
    }

    // ---- transitions shared by API and pump -----------------------------------------------------

    /**
     * Starts clearing the current call: drop it (ours) or acknowledge (far end), stop media, report.
     *
     * @param fromApi true when an API call asked for it: a refused drop then throws and leaves the channel
     *     unchanged; false on the event pump, where a refused drop is logged
     */
    private void clear(Chan c, Q850Cause cause, boolean farEnd, boolean fromApi, String why) {
        CallRec r = c.call;
        if (fromApi) {
            calls.gcDropCall(r.crn, cause.code());
        } else {
            int dropCause = farEnd ? GcConstants.GC_NORMAL_CLEARING : cause.code();
            housekeep(r, "gc_DropCall", () -> calls.gcDropCall(r.crn, dropCause));
        }
        r.dropped = true;
        if (c.sm.state() != DISCONNECTING) {
            c.sm.transition(DISCONNECTING, clock.nanos(), why);
        }
        c.pending = new Disconnect(cause, farEnd);
        if (c.media != null) {
            quietly("stop media", () -> stopNative(c));
        } else {
            finishDisconnect(c);
        }
    }

    private void farEndCleared(Chan c, CallRec r, Q850Cause cause) {
        if (c.call == r && !r.ended && c.pending == null) {
            clear(c, cause, true, false, "cleared by the far end");
        }
    }

    private void finishDisconnect(Chan c) {
        CallRec r = c.call;
        Disconnect d = c.pending;
        c.pending = null;
        r.ended = true;
        emit((seq, at) -> new CallDisconnected(seq, at, c.id, r.id, d.cause(), d.farEnd()));
    }

    private void afterMedia(Chan c) {
        if (c.pending != null) {
            finishDisconnect(c);
        }
    }

    private void mediaDone(Chan c, TerminationReason why) {
        Media m = c.media;
        if (m == null) {
            finishDisconnect(c);
            return;
        }
        c.media = null;
        CallId call = c.call.id;
        switch (m.kind) {
            case PLAY -> emit((seq, at) -> new PlayDone(seq, at, c.id, call, why, 0));
            case RECORD -> emit((seq, at) -> new RecordDone(seq, at, c.id, call, m.record.file(), why, 0));
            case DIGITS -> emit((seq, at) -> new DigitsCollected(seq, at, c.id, call, "", why));
            case DIAL -> emit((seq, at) -> new DigitsSent(seq, at, c.id, call, m.dialled));
            case FAX_SEND, FAX_RECEIVE ->
                emit((seq, at) ->
                        new FaxDone(seq, at, c.id, call, FaxResult.HANG_UP, 0, m.bps, m.kind == MediaKind.FAX_SEND));
        }
        finishDisconnect(c);
    }

    private void toIdleOrOutOfService(Chan c, String why) {
        if (!c.span.usable()) {
            c.sm.transition(OUT_OF_SERVICE, clock.nanos(), why + "; span not usable");
            String reason = c.span.unusableReason();
            emit((seq, at) -> new ChannelOutOfService(seq, at, c.id, reason));
        } else {
            c.sm.transition(IDLE, clock.nanos(), why);
        }
    }

    private void apply(SpanState s, List<AlarmTransition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        boolean wasBlocking = s.alarmBlocked;
        for (AlarmTransition t : transitions) {
            SpanLocation loc = s.location;
            emit((seq, at) -> t.declared()
                    ? new SpanAlarmRaised(seq, at, loc, t.alarm())
                    : new SpanAlarmCleared(seq, at, loc, t.alarm()));
        }
        s.alarmBlocked = Alarm.blocksTraffic(s.integrator.declared());
        refresh(s);
        if (!wasBlocking && s.alarmBlocked) {
            clearCalls(s, Q850Cause.NETWORK_OUT_OF_ORDER, true, "span alarm");
        }
    }

    /** Clears every call in progress on the span (from the event pump: a refused drop is logged, not thrown). */
    private void clearCalls(SpanState s, Q850Cause cause, boolean farEnd, String why) {
        for (Chan c : s.channels) {
            if (c.call != null
                    && !c.call.ended
                    && c.pending == null
                    && c.sm.state().inCall()) {
                clear(c, cause, farEnd, false, why);
                if (!s.usable()) {
                    c.sm.transition(OUT_OF_SERVICE, clock.nanos(), s.unusableReason());
                    String reason = s.unusableReason();
                    emit((seq, at) -> new ChannelOutOfService(seq, at, c.id, reason));
                }
            }
        }
    }

    /**
     * Re-derives what the span's causes (alarms, D-channel, board) mean for it: publishes a D-channel
     * change, then takes idle channels out of service when the span became unusable, or brings them back
     * when it became usable. Calls in progress are not touched here.
     */
    private void refresh(SpanState s) {
        DChannelState d = s.dChannel();
        if (d != s.reportedD) {
            s.reportedD = d;
            SpanLocation loc = s.location;
            if (d == DChannelState.DOWN) {
                emit((seq, at) -> new DChannelDown(seq, at, loc));
            } else if (d == DChannelState.UP) {
                emit((seq, at) -> new DChannelUp(seq, at, loc));
            }
        }
        boolean usable = s.usable();
        if (usable == s.usableFlag) {
            return;
        }
        s.usableFlag = usable;
        if (!usable) {
            String reason = s.unusableReason();
            for (Chan c : s.channels) {
                ChannelState st = c.sm.state();
                if (st == IDLE || st == BLOCKED || st == DISCONNECTING) {
                    c.sm.transition(OUT_OF_SERVICE, clock.nanos(), reason);
                    emit((seq, at) -> new ChannelOutOfService(seq, at, c.id, reason));
                }
            }
        } else {
            for (Chan c : s.channels) {
                if (c.sm.state() == OUT_OF_SERVICE && c.call == null) {
                    backInService(c, "span usable again");
                }
            }
        }
    }

    private void backInService(Chan c, String why) {
        if (c.adminBlocked) {
            c.sm.transition(BLOCKED, clock.nanos(), why + "; still blocked for maintenance");
        } else {
            c.sm.transition(IDLE, clock.nanos(), why);
            emit((seq, at) -> new ChannelInService(seq, at, c.id));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private <T> T run(Supplier<T> body) {
        try {
            synchronized (lock) {
                if (state == BackendState.SHUT_DOWN) {
                    throw new HalException("the dialogic backend is closed");
                }
                return body.get();
            }
        } finally {
            flush();
        }
    }

    private void emit(EventHub.EventFactory factory) {
        outbox.add(factory);
    }

    private void flush() {
        synchronized (flushLock) {
            EventHub.EventFactory f;
            while ((f = outbox.poll()) != null) {
                hub.publish(f);
            }
        }
    }

    private Chan chan(ChannelId id) {
        Chan c = channels.get(id);
        if (c == null) {
            throw new HalException("no channel " + id + " on the dialogic backend");
        }
        return c;
    }

    /**
     * Runs a call-control request; if GlobalCall refuses it because the network has already cleared the
     * call (its GCEV_DISCONNECTED is queued but not yet handled), the request is moot rather than wrong:
     * returns true and lets the queued disconnect end the call.
     */
    private boolean clearedMeanwhile(Chan c, Runnable request) {
        try {
            request.run();
            return false;
        } catch (VendorException e) {
            if (e.code() == GcConstants.EGC_INVSTATE && callState(c.call.crn) == GcConstants.GCST_DISCONNECTED) {
                return true;
            }
            throw e;
        }
    }

    private int callState(Crn crn) {
        try {
            return calls.gcGetCallState(crn);
        } catch (VendorException e) {
            return -1;
        }
    }

    private static void requireInbound(Chan c, String operation, Set<ChannelState> allowed) {
        c.sm.require(operation, allowed);
        if (c.call == null || !c.call.inbound) {
            throw new WrongStateException(c.id, c.sm.state(), operation + " (inbound calls only)", allowed);
        }
    }

    private Chan connectedWithoutMedia(ChannelId channel, String operation) {
        Chan c = chan(channel);
        c.sm.require(operation, EnumSet.of(CONNECTED));
        if (c.media != null) {
            throw new HalException("cannot " + operation + " on " + channel + ": it is still running " + c.media.kind
                    + "; wait for its done event or call stopMedia");
        }
        return c;
    }

    private static void requireDirectory(Path file, String what) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new HalException("cannot " + what + " " + file + ": directory " + dir + " does not exist");
        }
    }

    private static byte[] samples(Path file, WavInfo wav) {
        try {
            byte[] all = Files.readAllBytes(file);
            // the data chunk is the last chunk of the telephony WAV files WavInfo accepts
            int n = (int) Math.min(wav.dataBytes(), all.length);
            return java.util.Arrays.copyOfRange(all, all.length - n, all.length);
        } catch (IOException e) {
            throw new HalException("cannot read prompt " + file + ": " + e.getMessage(), e);
        }
    }

    private static int encodingMode(AudioEncoding e) {
        return e == AudioEncoding.ALAW ? DxConstants.PM_ALAW : 0;
    }

    private static DV_TPT[] digitMask(String digits) {
        return digits.isEmpty() ? null : DV_TPT.table(DxConstants.DX_DIGMASK, mask(digits), DxConstants.TF_DIGMASK);
    }

    /** DX_DIGMASK bits: D 0x1, 1..9 0x2..0x200, 0 0x400, * 0x800, # 0x1000, A-C 0x2000..0x8000. */
    static int mask(String digits) {
        int m = 0;
        for (char d : digits.toCharArray()) {
            m |= switch (d) {
                case 'D' -> 0x1;
                case '0' -> 0x400;
                case '*' -> 0x800;
                case '#' -> 0x1000;
                case 'A' -> 0x2000;
                case 'B' -> 0x4000;
                case 'C' -> 0x8000;
                default -> 1 << (d - '0');
            };
        }
        return m;
    }

    private TerminationReason reason(Chan c, Media m, int term) {
        if (c.pending != null) {
            return TerminationReason.HANG_UP;
        }
        if (m.timedOut) {
            return TerminationReason.DIGIT_TIMEOUT;
        }
        if ((term & DxConstants.TM_DIGIT) != 0) {
            return TerminationReason.DIGIT;
        }
        if ((term & DxConstants.TM_MAXDTMF) != 0) {
            return m.kind == MediaKind.DIGITS ? TerminationReason.MAX_DIGITS : TerminationReason.DIGIT;
        }
        if ((term & DxConstants.TM_IDDTIME) != 0) {
            return TerminationReason.DIGIT_TIMEOUT;
        }
        if ((term & DxConstants.TM_MAXTIME) != 0) {
            return TerminationReason.MAX_TIME;
        }
        if ((term & DxConstants.TM_USRSTOP) != 0) {
            return TerminationReason.STOPPED;
        }
        if ((term & DxConstants.TM_MAXSIL) != 0) {
            return TerminationReason.SILENCE;
        }
        if ((term & DxConstants.TM_ERROR) != 0) {
            return TerminationReason.ERROR;
        }
        return TerminationReason.END_OF_DATA;
    }

    private int speed(Chan c) {
        long bps = libs.fx().ATFX_SPEED(c.fax.value()).longValue();
        return bps > 0 ? (int) bps : 0;
    }

    /** Phase-E status to a fax result (fact sheet 6.3). */
    static FaxResult faxResult(int phaseE) {
        return switch (phaseE) {
            case FxConstants.ESTAT_EFX_T1EXPTX,
                    FxConstants.ESTAT_EFX_T1EXPRX,
                    FxConstants.ESTAT_EFX_NODISTX,
                    FxConstants.ESTAT_EFX_NOFAXRX,
                    FxConstants.ESTAT_EFX_CEDTONE -> FaxResult.NO_FAX_DEVICE;
            case FxConstants.ESTAT_EFX_PHBDEADTX, FxConstants.ESTAT_EFX_BADDCSTX -> FaxResult.TRAINING_FAILED;
            case FxConstants.ESTAT_EFX_ABORTCMD -> FaxResult.STOPPED;
            case FxConstants.ESTAT_EFX_PHDDEADTX, FxConstants.ESTAT_EFX_DCNFAXRX, FxConstants.ESTAT_EFX_GOTDCNTX ->
                FaxResult.HANG_UP;
            default -> FaxResult.PROTOCOL_ERROR;
        };
    }

    /** GlobalCall result of a disconnect to the Q.850 cause reported (modelled mapping). */
    static Q850Cause q850(int gcResult) {
        return switch (gcResult) {
            case GcConstants.GCRV_NORMAL -> Q850Cause.NORMAL_CLEARING;
            case GcConstants.GCRV_BUSY -> Q850Cause.USER_BUSY;
            case GcConstants.GCRV_NOANSWER -> Q850Cause.NO_ANSWER;
            case GcConstants.GCRV_TIMEOUT -> Q850Cause.TIMER_EXPIRY;
            case GcConstants.GCRV_REJECT -> Q850Cause.CALL_REJECTED;
            case GcConstants.GCRV_CONGESTION -> new Q850Cause(42);
            case GcConstants.GCRV_GLARE -> Q850Cause.CHANNEL_NOT_AVAILABLE;
            case GcConstants.GCRV_CEPT -> Q850Cause.INVALID_NUMBER_FORMAT;
            case GcConstants.GCRV_UNALLOCATED, GcConstants.GCRV_NOT_INSERVICE -> Q850Cause.UNALLOCATED_NUMBER;
            case GcConstants.GCRV_ALARM -> Q850Cause.NETWORK_OUT_OF_ORDER;
            case GcConstants.GCRV_SIGNALLING -> DESTINATION_OUT_OF_ORDER;
            case GcConstants.GCRV_INTERNAL -> Q850Cause.TEMPORARY_FAILURE;
            default -> Q850Cause.NORMAL_UNSPECIFIED;
        };
    }

    /** DTT1 alarm code to the raw line defect it reports; null for codes that are not defects. */
    static Defect defect(int dtt1) {
        return switch (dtt1) {
            case DtConstants.DTT1_LOS, DtConstants.DTT1_RLOS -> Defect.LOS;
            // RED is the driver's own declaration; treated as loss of frame so it integrates the same way
            case DtConstants.DTT1_OOF, DtConstants.DTT1_RED -> Defect.LOF;
            case DtConstants.DTT1_RBL -> Defect.AIS;
            case DtConstants.DTT1_RYEL -> Defect.RAI;
            default -> null;
        };
    }

    private CallId newCallId(Crn crn) {
        long v = crn.value();
        if (v > 0 && v < FALLBACK_CALL_IDS && usedCallIds.add(v)) {
            return new CallId(v);
        }
        return new CallId(++fallbackCallId);
    }

    private void stopNative(Chan c) {
        if (c.media.kind.fax) {
            calls.fxStopch(c.fax);
        } else {
            calls.dxStopch(c.voice, SrlConstants.EV_ASYNC);
        }
    }

    private static void quietly(String what, Runnable r) {
        try {
            r.run();
        } catch (VendorException e) { // a refused housekeeping call must not stop the pump or a clear
            LOG.log(System.Logger.Level.WARNING, "dialogic: " + what + " failed: " + e.getMessage());
        }
    }

    // ---- per-channel and per-span state (guarded by lock) ---------------------------------------

    private enum MediaKind {
        PLAY(false),
        RECORD(false),
        DIGITS(false),
        DIAL(false),
        FAX_SEND(true),
        FAX_RECEIVE(true);

        final boolean fax;

        MediaKind(boolean fax) {
            this.fax = fax;
        }
    }

    private static final class Media {
        final MediaKind kind;
        // native buffers the library writes into or reads from until the done event: keep them reachable
        final Object keep1;
        final Object keep2;
        final Object keep3;
        RecordRequest record;
        DV_DIGIT digits;
        String dialled = "";
        long firstDigitDeadline;
        boolean timedOut;
        boolean stopped;
        int fd = -1;
        int bps;
        int pagesSeen;

        Media(MediaKind kind, Object keep1, Object keep2, Object keep3) {
            this.kind = kind;
            this.keep1 = keep1;
            this.keep2 = keep2;
            this.keep3 = keep3;
        }
    }

    private record Disconnect(Q850Cause cause, boolean farEnd) {}

    private static final class CallRec {
        final CallId id;
        final Crn crn;
        final boolean inbound;
        final LineDevice line;
        boolean ended;
        boolean dropped;
        boolean detached;
        /** Backend time at which a refused drop or release is tried again; 0 when none is due. */
        long retryAt;

        int attempts;

        CallRec(CallId id, Crn crn, boolean inbound, Chan chan, LineDevice line) {
            this.id = id;
            this.crn = crn;
            this.inbound = inbound;
            this.line = line;
            this.ended = chan == null;
        }
    }

    private static final class Chan {
        final ChannelId id;
        final LineDevice line;
        final VoiceDevice voice;
        final FaxDevice fax;
        final SpanState span;
        final ChannelStateMachine sm;
        CallRec call;
        Media media;
        Disconnect pending;
        boolean adminBlocked;

        Chan(ChannelId id, LineDevice line, VoiceDevice voice, FaxDevice fax, SpanState span, ChannelStateMachine sm) {
            this.id = id;
            this.line = line;
            this.voice = voice;
            this.fax = fax;
            this.span = span;
            this.sm = sm;
        }

        ChannelInfo info() {
            ChannelState st = sm.state();
            Optional<CallId> c = st.inCall() && call != null ? Optional.of(call.id) : Optional.empty();
            return new ChannelInfo(id, KINDS, st, c);
        }
    }

    private static final class BoardState {
        final BoardId id;
        final List<SpanState> spans = new ArrayList<>();
        /** Trunks whose DTEV_OUTSERVICE reported an error, with that error as text. */
        final Map<SpanLocation, String> failedTrunks = new LinkedHashMap<>();

        BoardState(BoardId id) {
            this.id = id;
        }

        boolean faulted() {
            return !failedTrunks.isEmpty();
        }

        String faultReason() {
            return failedTrunks.isEmpty()
                    ? ""
                    : failedTrunks.values().iterator().next();
        }
    }

    private static final class SpanState {
        final SpanLocation location;
        final SpanConfig config;
        final AlarmIntegrator integrator;
        final BoardState board;
        final String trunkName;
        final List<Chan> channels = new ArrayList<>();
        /** RED or BLUE declared (integrated) on the span. */
        boolean alarmBlocked;
        /** The D-channel as GlobalCall last reported it (PRI only). */
        boolean gcDChannelUp = true;
        /** The D-channel state last published. */
        DChannelState reportedD;
        /** Usability last applied to the channels by refresh. */
        boolean usableFlag = true;

        SpanState(
                SpanLocation location,
                SpanConfig config,
                AlarmIntegrator integrator,
                BoardState board,
                String trunkName) {
            this.location = location;
            this.config = config;
            this.integrator = integrator;
            this.board = board;
            this.trunkName = trunkName;
            this.reportedD = dChannel();
        }

        boolean pri() {
            return config.signalling() == Signalling.ISDN_PRI;
        }

        /** Down when GlobalCall says so, in RED or BLUE, or with the board failed (as the simulated backend). */
        DChannelState dChannel() {
            if (!pri()) {
                return DChannelState.NOT_APPLICABLE;
            }
            return gcDChannelUp && !alarmBlocked && !board.faulted() ? DChannelState.UP : DChannelState.DOWN;
        }

        SpanStatus status() {
            return new SpanStatus(!board.faulted(), integrator.declared(), dChannel());
        }

        SpanInfo info() {
            return new SpanInfo(location, Optional.of(config), status(), PerformanceCounters.ZERO);
        }

        boolean usable() {
            return !board.faulted() && !alarmBlocked && dChannel() != DChannelState.DOWN;
        }

        String unusableReason() {
            if (board.faulted()) {
                return "board " + board.id + " failed: " + board.faultReason();
            }
            if (alarmBlocked) {
                return "span " + location + " in " + integrator.declared() + " alarm";
            }
            if (dChannel() == DChannelState.DOWN) {
                return "D-channel down on " + location;
            }
            return "";
        }
    }

    /** The two C library calls the backend needs to hand a file descriptor to fx_sendfax. */
    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags);

        int close(int fd);
    }
}
