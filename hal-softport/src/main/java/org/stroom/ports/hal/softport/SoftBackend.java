package org.stroom.ports.hal.softport;

import static org.stroom.ports.hal.api.ChannelState.ALERTING;
import static org.stroom.ports.hal.api.ChannelState.BLOCKED;
import static org.stroom.ports.hal.api.ChannelState.CONNECTED;
import static org.stroom.ports.hal.api.ChannelState.DIALLING;
import static org.stroom.ports.hal.api.ChannelState.DISCONNECTING;
import static org.stroom.ports.hal.api.ChannelState.IDLE;
import static org.stroom.ports.hal.api.ChannelState.OFFERED;
import static org.stroom.ports.hal.api.ChannelState.OUT_OF_SERVICE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.Dtmf;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.FaxTiming;
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
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.AlarmTimings;
import org.stroom.ports.t1.AlarmTransition;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.PerformanceMonitor;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;
import org.stroom.ports.t1.ValidationReport;
import org.stroom.ports.t1.Violation;

/**
 * Simulated telephony boards of one machine behind the vendor-neutral {@link HalBackend}: Brooktrout
 * TR1034 and Dialogic JCT models ({@link BoardModel}), T1 circuits as {@link Cable}s with a {@link
 * FarEnd} each, realistic signalling, media and fax timing, t1-span alarm integration and {@link
 * Faults} injection. All timing comes from one {@link Scheduler}: {@link VirtualClock} for tests
 * and capacity runs, {@link RealTimeClock} for the interactive simulator.
 *
 * <pre>
 *  SoftBackend.builder("server").clock(clock).seed(42)
 *      .board(BoardModel.TR1034_4T1, pri1, pri2, null, null)     // ports 3 and 4 empty (RED)
 *      .build();
 *
 *   API thread ──┐                                    ┌── scheduler thread (virtual: advance() caller)
 *                ▼                                    ▼
 *          [ backend lock: channels, calls, spans, alarms ] ── events appended in order ─▶ Outbox
 *                                                                                         │ after unlock
 *                                                        EventHub.publish (seq, clock stamp) ◀┘
 *                                                                  │
 *                                                     subscribers' executors (never under the lock)
 * </pre>
 *
 * <p><b>Calls.</b> Inbound: the far end offers ({@code CallOffered}); {@link #accept} rings, {@link
 * #answer} connects, {@link #reject} and {@link #hangUp} clear. Outbound: {@link #placeCall} goes
 * DIALLING; the network acknowledges after {@link CallTimings#proceeding()} and the far end's {@link
 * OutboundBehaviour} decides (ringing, answer, busy 17, invalid number 28, no answer 19 at the
 * call's timeout). Every clearing passes DISCONNECTING for {@link CallTimings#release()} and ends
 * with exactly one {@code CallDisconnected}, after any media done event, the channel then IDLE (or
 * OUT_OF_SERVICE when a fault is present). Glare: see {@link FarEnd}.
 *
 * <p><b>Media</b> (one operation at a time per channel, on CONNECTED calls): play lasts the WAV's
 * duration ({@link WavInfo}); record writes a real WAV of silence and ends on max time, on {@code
 * maxSilence} after the far end stops talking ({@link FarEnd#speak}), on a terminating digit, on
 * stop or on hang-up; collectDigits uses a type-ahead buffer of 31 digits (digits that terminate
 * a play or record are consumed by it); sendDigits takes {@link
 * CallTimings#digitInterval()} per digit; sendFax checks the document with {@link TiffInfo#read}
 * and reports each page at the time {@link FaxTiming} gives for the negotiated modulation;
 * receiveFax writes a real TIFF ({@link TiffInfo#writeBlankPages}) with the far end's page count. A
 * fax to a far end that is not a fax device ends NO_FAX_DEVICE after T1 (35 s).
 *
 * <p><b>Service.</b> Out of service ({@link #setInService}), inbound calls are refused with cause
 * 34 before the application sees them, {@code placeCall} throws, calls in progress continue and
 * every {@link SpanInfo#usable()} is false.
 *
 * <p><b>Spans.</b> A port with nothing plugged in powers up in RED (LOS) with no channels. A port's
 * channels are the bearer timeslots of the circuit plugged in (PRI: 1..23, CAS: 1..24); {@link
 * #channels()} lists those of ports with a circuit plugged in now; after an unplug the old channels
 * can still be read with {@link #channel} (out of service once RED is declared) until another
 * circuit is plugged in there.
 *
 * <p><b>Errors.</b> Requests that cannot be done throw without changing the channel: {@link
 * org.stroom.ports.hal.api.WrongStateException} for the wrong state, {@link HalException} for bad
 * arguments (missing or invalid WAV/TIFF, missing directory, no fax resource, media busy, unknown
 * channel), a closed backend, or outbound calls while out of service; {@link VendorException} when
 * armed by {@link Faults#failNextOperation}.
 *
 * <p>Thread-safety: every method may be called from any thread. One lock per backend guards all
 * state; scheduled actions take it too; events are published in state-change order after the lock
 * is released, never under it. With a {@link VirtualClock} everything runs on the thread that
 * calls the API and advances the clock, deterministically for a seed.
 */
public final class SoftBackend implements HalBackend {
    /** Backend id. */
    public static final String ID = "softport";

    /** Scan lines per received page: a fine-resolution (7.7 lines/mm) letter page. */
    static final int FAX_ROWS = 2200;

    private static final System.Logger LOG = System.getLogger(SoftBackend.class.getName());
    private static final Set<ChannelState> RINGING_IN = EnumSet.of(OFFERED, ALERTING);
    private static final Set<ChannelState> SETTING_UP_OUT = EnumSet.of(DIALLING, ALERTING);
    private static final Set<ChannelState> CONNECTED_ONLY = EnumSet.of(CONNECTED);
    private static final Q850Cause DESTINATION_OUT_OF_ORDER = new Q850Cause(27);

    /** What the far end got back when it offered a call on a timeslot. */
    record Offered(CallId id, boolean accepted) {}

    /** Why a channel cannot carry calls, and what happens to a call on it. */
    private record Reason(String text, Q850Cause cause, boolean farEnd, boolean dropsCalls) {}

    private final String machine;
    private final Scheduler clock;
    private final long seed;
    private final CallTimings timings;
    private final FaxTiming faxTiming;
    private final AlarmTimings alarmTimings;
    private final List<AutoCloseable> owned;
    private final EventHub hub;
    private final Outbox outbox;
    private final Faults faults;

    private final ReentrantLock lock = new ReentrantLock();
    private final SplittableRandom random;
    private final List<SoftBoard> boards = new ArrayList<>();
    private final TreeMap<SpanLocation, SpanPort> ports = new TreeMap<>();
    private BackendState state = BackendState.IN_SERVICE;
    private long nextCall = 1;
    private long lastNow = Long.MIN_VALUE;
    private long actionTime = Long.MIN_VALUE;

    private SoftBackend(Builder b) {
        this.machine = b.machine;
        this.clock = b.clock != null ? b.clock : new VirtualClock();
        this.seed = b.seed;
        this.random = new SplittableRandom(b.seed);
        this.timings = b.callTimings;
        this.faxTiming = b.faxTiming;
        this.alarmTimings = b.alarmTimings;
        this.owned = List.copyOf(b.owned);
        this.hub = new EventHub(ID, clock);
        this.outbox = new Outbox(hub);
        this.faults = new Faults(this);
        int index = 0;
        for (BoardSpec spec : b.boards) {
            List<SpanLocation> locations = new ArrayList<>();
            for (int p = 1; p <= spec.model.spans(); p++) {
                locations.add(new SpanLocation(machine, index, p));
            }
            String serial = (spec.model.vendor() == Vendor.BROOKTROUT ? "BT" : "DX")
                    + String.format("%08d", random.nextInt(100_000_000));
            SoftBoard board = new SoftBoard(
                    new BoardInfo(
                            new BoardId(machine, index),
                            spec.model.vendor(),
                            spec.model.modelName(),
                            serial,
                            index,
                            locations,
                            spec.model.capabilities()),
                    spec.model);
            boards.add(board);
            for (int p = 0; p < locations.size(); p++) {
                SpanConfig cfg = p < spec.spans.size() ? spec.spans.get(p) : null;
                long shift = cfg == null ? alarmTimings.setNanos(Alarm.RED) : 0;
                SpanPort port = new SpanPort(locations.get(p), board, alarmTimings, clock, shift);
                board.ports.add(port);
                ports.put(port.location, port);
                if (cfg == null) {
                    port.integrator.setDefects(port.defects());
                    port.integratorClock.shift = 0;
                    applyTransitions(port, port.integrator.poll(), false);
                } else {
                    Cable cable = new Cable(cfg);
                    port.cable = cable;
                    port.lastCable = cable;
                    port.perf = new PerformanceMonitor(cfg.framing());
                    cable.pluggedAt(this, port.location);
                    for (int ds0 : cfg.layout().bearerTimeslots()) {
                        addChannel(port, ds0, IDLE);
                    }
                }
                port.dChannel = computeD(port);
            }
            index++;
        }
    }

    /**
     * Starts building a backend.
     *
     * @param machine the machine the boards are in (the Server or a Node name), non-blank
     * @return a builder
     */
    public static Builder builder(String machine) {
        return new Builder(machine);
    }

    // ------------------------------------------------------------------ simulator API

    /** @return the scheduler all timing comes from */
    public Scheduler clock() {
        return clock;
    }

    /** @return the machine name */
    public String machine() {
        return machine;
    }

    /** @return the seed of the backend's random (serial numbers, timing jitter) */
    public long seed() {
        return seed;
    }

    /** @return signalling timings */
    public CallTimings callTimings() {
        return timings;
    }

    /** @return fax timings */
    public FaxTiming faxTiming() {
        return faxTiming;
    }

    /** @return alarm integration timings */
    public AlarmTimings alarmTimings() {
        return alarmTimings;
    }

    /** @return fault injection for this backend */
    public Faults faults() {
        return faults;
    }

    /**
     * @return the cable plugged into {@code location}, if any
     * @throws IllegalArgumentException when the backend has no such span port
     * @throws HalException when the backend is closed
     */
    public Optional<Cable> cable(SpanLocation location) {
        return op("read cable", () -> Optional.ofNullable(portOrThrowIae(location).cable));
    }

    /** @return the cables plugged into this backend now, in span order */
    public List<Cable> cables() {
        return op("list cables", () -> {
            List<Cable> out = new ArrayList<>();
            for (SpanPort p : ports.values()) {
                if (p.cable != null) {
                    out.add(p.cable);
                }
            }
            return out;
        });
    }

    /**
     * @return the far end of the cable plugged into {@code location}
     * @throws IllegalArgumentException when the backend has no such span port
     * @throws IllegalStateException when nothing is plugged in there
     */
    public FarEnd farEnd(SpanLocation location) {
        return cable(location)
                .orElseThrow(() -> new IllegalStateException(
                        "no far end at " + location + ": no cable is plugged in there; plug one with Cable.plugInto"))
                .farEnd();
    }

    /** Sets the outbound behaviour of the far ends of every cable plugged in now. */
    public void setOutboundBehaviour(OutboundBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        for (Cable c : cables()) {
            c.farEnd().setOutboundBehaviour(behaviour);
        }
    }

    /**
     * @return the model of a board
     * @throws HalException when there is no such board
     */
    public BoardModel boardModel(BoardId board) {
        return locked(() -> boardOf(board).model);
    }

    // ------------------------------------------------------------------ HalBackend: lifecycle and discovery

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public BackendState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setInService(boolean inService) {
        run("setInService", () -> state = inService ? BackendState.IN_SERVICE : BackendState.OUT_OF_SERVICE);
    }

    @Override
    public List<BoardInfo> boards() {
        return op("list boards", () -> boards.stream().map(b -> b.info).toList());
    }

    @Override
    public List<SpanInfo> spans() {
        return op(
                "list spans", () -> ports.values().stream().map(this::spanInfo).toList());
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        return op("read span", () -> spanInfo(portOf(location)));
    }

    @Override
    public List<ChannelInfo> channels() {
        return op("list channels", () -> {
            List<ChannelInfo> out = new ArrayList<>();
            for (SpanPort p : ports.values()) {
                if (p.cable != null) {
                    for (SoftChannel c : p.channels.values()) {
                        out.add(info(c));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public ChannelInfo channel(ChannelId channel) {
        return op("read channel", () -> info(channelOf(channel)));
    }

    @Override
    public List<StateChange> history(ChannelId channel) {
        return op("read history", () -> channelOf(channel).sm.history());
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        run("subscribe", () -> {});
        return hub.subscribe(listener);
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        run("subscribe", () -> {});
        return hub.subscribe(listener, executor);
    }

    // ------------------------------------------------------------------ HalBackend: call control

    @Override
    public void accept(ChannelId channel) {
        run("accept", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("accept", EnumSet.of(OFFERED));
            injected(c, "accept");
            move(c, ALERTING, "accept");
            CallId call = c.call.id;
            emit((s, t) -> new CallAlerting(s, t, c.id, call));
        });
    }

    @Override
    public void answer(ChannelId channel) {
        run("answer", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("answer", RINGING_IN);
            requireInbound(c, "answer");
            injected(c, "answer");
            move(c, CONNECTED, "answer");
            CallId call = c.call.id;
            emit((s, t) -> new CallConnected(s, t, c.id, call));
            onConnected(c);
        });
    }

    @Override
    public void reject(ChannelId channel, Q850Cause cause) {
        Objects.requireNonNull(cause, "cause");
        run("reject", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("reject", RINGING_IN);
            requireInbound(c, "reject");
            injected(c, "reject");
            beginRelease(c, cause, false, "reject " + cause);
        });
    }

    @Override
    public CallId placeCall(ChannelId channel, OutboundCall call) {
        Objects.requireNonNull(call, "call");
        return op("placeCall", () -> {
            SoftChannel c = channelOf(channel);
            if (state != BackendState.IN_SERVICE) {
                throw new HalException("cannot placeCall on " + channel + ": backend " + ID + " on " + machine
                        + " is administratively out of service; call setInService(true) first");
            }
            c.sm.require("placeCall", EnumSet.of(IDLE));
            injected(c, "placeCall");
            long now = now();
            Cable cable = c.port.cable;
            OutboundBehaviour b = cable == null
                    ? null
                    : cable.farEnd().outboundBehaviour(call.number().value());
            Party party = Party.outbound(
                    b == null ? OutboundBehaviour.Outcome.ANSWER : b.outcome(),
                    cable == null ? FaxModulation.V34 : cable.farEnd().faxModulation());
            SoftCall sc = new SoftCall(nextCallId(), false, cable, now, party);
            c.call = sc;
            move(c, DIALLING, "placeCall " + call.number());
            timer(sc, after(timings.t303(), () -> {
                if (c.call == sc && !sc.acknowledged && c.state() == DIALLING) {
                    beginRelease(c, Q850Cause.TIMER_EXPIRY, false, "T303 expired: the network did not answer SETUP");
                }
            }));
            timer(sc, after(call.timeout(), () -> {
                if (c.call == sc && SETTING_UP_OUT.contains(c.state())) {
                    beginRelease(c, Q850Cause.NO_ANSWER, false, "no answer within " + call.timeout());
                }
            }));
            if (b != null) {
                timer(sc, at(now + jitter(timings.proceeding()), () -> proceeding(c, sc, b)));
            }
            return sc.id;
        });
    }

    @Override
    public void hangUp(ChannelId channel, Q850Cause cause) {
        Objects.requireNonNull(cause, "cause");
        run("hangUp", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("hangUp", ChannelState.clearableStates());
            injected(c, "hangUp");
            beginRelease(c, cause, false, "hangUp " + cause);
        });
    }

    // ------------------------------------------------------------------ HalBackend: media

    @Override
    public void play(ChannelId channel, PlayRequest request) {
        Objects.requireNonNull(request, "request");
        run("play", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("play", CONNECTED_ONLY);
            requireVoice(c, "play");
            WavInfo wav = WavInfo.read(request.file());
            requireNoMedia(c, "play");
            injected(c, "play");
            Media m = new Media(Media.Kind.PLAY, now());
            m.durationNanos = wav.duration().toNanos();
            m.terminators = request.terminatingDigits();
            c.media = m;
            m.timer = after(wav.duration(), () -> {
                if (c.media == m) {
                    endMedia(c, TerminationReason.END_OF_DATA, null);
                }
            });
        });
    }

    @Override
    public void record(ChannelId channel, RecordRequest request) {
        Objects.requireNonNull(request, "request");
        run("record", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("record", CONNECTED_ONLY);
            requireVoice(c, "record");
            checkDirectory(request.file(), "record");
            requireNoMedia(c, "record");
            injected(c, "record");
            Media m = new Media(Media.Kind.RECORD, now());
            m.file = request.file();
            m.encoding = request.encoding();
            m.terminators = request.terminatingDigits();
            m.maxSilenceNanos = request.maxSilence().toNanos();
            c.media = m;
            m.timer = after(request.maxTime(), () -> {
                if (c.media == m) {
                    endMedia(c, TerminationReason.MAX_TIME, null);
                }
            });
            armSilence(c, m);
        });
    }

    @Override
    public void collectDigits(ChannelId channel, DigitRequest request) {
        Objects.requireNonNull(request, "request");
        run("collectDigits", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("collectDigits", CONNECTED_ONLY);
            requireNoMedia(c, "collectDigits");
            injected(c, "collectDigits");
            Media m = new Media(Media.Kind.COLLECT, now());
            m.maxDigits = request.maxDigits();
            m.terminators = request.terminatingDigits();
            m.firstDigitNanos = request.firstDigitTimeout().toNanos();
            m.interDigitNanos = request.interDigitTimeout().toNanos();
            c.media = m;
            while (c.media == m && c.typeAhead.length() > 0) {
                char d = c.typeAhead.charAt(0);
                c.typeAhead.deleteCharAt(0);
                collectDigit(c, m, d);
            }
            if (c.media == m) {
                armDigitTimer(c, m);
            }
        });
    }

    @Override
    public void sendDigits(ChannelId channel, String digits) {
        Dtmf.check(digits, "digits");
        if (digits.isEmpty()) {
            throw new HalException("sendDigits on " + channel + ": digits is empty; give at least one DTMF digit");
        }
        run("sendDigits", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("sendDigits", CONNECTED_ONLY);
            requireNoMedia(c, "sendDigits");
            injected(c, "sendDigits");
            Media m = new Media(Media.Kind.SEND_DIGITS, now());
            m.digits.append(digits);
            c.media = m;
            m.timer = after(timings.digitInterval().multipliedBy(digits.length()), () -> {
                if (c.media == m) {
                    endMedia(c, TerminationReason.END_OF_DATA, null);
                }
            });
        });
    }

    @Override
    public void sendFax(ChannelId channel, FaxSendRequest request) {
        Objects.requireNonNull(request, "request");
        run("sendFax", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("sendFax", CONNECTED_ONLY);
            requireFax(c, "sendFax");
            TiffInfo doc = TiffInfo.read(request.document());
            requireNoMedia(c, "sendFax");
            injected(c, "sendFax");
            Media m = new Media(Media.Kind.SEND_FAX, now());
            m.pages = doc.pages();
            c.media = m;
            startFax(c, m);
        });
    }

    @Override
    public void receiveFax(ChannelId channel, FaxReceiveRequest request) {
        Objects.requireNonNull(request, "request");
        run("receiveFax", () -> {
            SoftChannel c = channelOf(channel);
            c.sm.require("receiveFax", CONNECTED_ONLY);
            requireFax(c, "receiveFax");
            checkDirectory(request.output(), "receiveFax");
            requireNoMedia(c, "receiveFax");
            injected(c, "receiveFax");
            Media m = new Media(Media.Kind.RECEIVE_FAX, now());
            m.file = request.output();
            c.media = m;
            startFax(c, m);
        });
    }

    @Override
    public void stopMedia(ChannelId channel) {
        run("stopMedia", () -> {
            SoftChannel c = channelOf(channel);
            injected(c, "stopMedia");
            Media m = c.media;
            if (m == null) {
                return;
            }
            SoftCall call = c.call;
            endMedia(c, TerminationReason.STOPPED, null);
            if (m.kind == Media.Kind.RECEIVE_FAX && call.party.faxCaller) {
                farClear(c, call, Q850Cause.NORMAL_CLEARING, "fax sender hung up after its session ended");
            }
        });
    }

    // ------------------------------------------------------------------ HalBackend: maintenance

    @Override
    public void setBlocked(ChannelId channel, boolean blocked) {
        run("setBlocked", () -> {
            SoftChannel c = channelOf(channel);
            ChannelState s = c.state();
            if (blocked) {
                if (s == BLOCKED) {
                    return;
                }
                c.sm.require("setBlocked(true)", EnumSet.of(IDLE, OUT_OF_SERVICE));
                injected(c, "setBlocked");
                c.adminBlocked = true;
                if (s == IDLE) {
                    move(c, BLOCKED, "blocked");
                    emit((seq, t) -> new ChannelOutOfService(seq, t, c.id, "blocked for maintenance"));
                }
            } else {
                if (s == IDLE) {
                    return;
                }
                c.sm.require("setBlocked(false)", EnumSet.of(BLOCKED, OUT_OF_SERVICE));
                injected(c, "setBlocked");
                c.adminBlocked = false;
                if (s == BLOCKED) {
                    move(c, IDLE, "unblocked");
                    emit((seq, t) -> new ChannelInService(seq, t, c.id));
                }
            }
        });
    }

    @Override
    public void close() {
        boolean first;
        lock.lock();
        try {
            first = state != BackendState.SHUT_DOWN;
            if (first) {
                for (SpanPort p : ports.values()) {
                    for (SoftChannel c : p.channels.values()) {
                        if (c.call != null) {
                            endNow(c, Q850Cause.NORMAL_CLEARING, false, "backend closed");
                        }
                    }
                    cancel(p.alarmTask);
                    cancel(p.t309);
                }
                state = BackendState.SHUT_DOWN;
            }
        } finally {
            lock.unlock();
            outbox.flush();
        }
        if (first) {
            hub.close();
            for (AutoCloseable a : owned) {
                try {
                    a.close();
                } catch (Exception e) { // closing must release everything else even if one resource fails
                    LOG.log(System.Logger.Level.WARNING, "softport: closing " + a + " failed", e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SoftBackend[" + machine + ", " + boards.size() + " board(s)]";
    }

    // ------------------------------------------------------------------ far end (called by FarEnd, Cable)

    Offered farOffer(Cable cable, int ds0, String dnis, String ani, Caller caller) {
        return locked(() -> {
            checkOpenForFarEnd();
            SpanPort p = portHolding(cable);
            SoftChannel c = p.channels.get(ds0);
            if (c == null) {
                throw new IllegalArgumentException("far end: DS0 " + ds0 + " is not a bearer channel of circuit "
                        + cable.circuitId() + " (bearers: " + p.channels.keySet() + ")");
            }
            if (state != BackendState.IN_SERVICE) {
                return new Offered(nextCallId(), false); // refused with cause 34 before the application sees it
            }
            String down = spanDown(p);
            if (down != null) {
                throw new IllegalStateException("far end cannot offer a call on " + c.id + ": " + down);
            }
            if (glareCandidate(c)) {
                endNow(c, Q850Cause.CHANNEL_NOT_AVAILABLE, true, "glare: the network's inbound call won the channel");
            } else if (c.state() != IDLE) {
                throw new IllegalStateException("far end cannot offer a call on " + c.id + ": the channel is "
                        + c.state() + (c.call != null ? " with " + c.call.id : "")
                        + "; a network offers calls only on idle channels (offerCallToDid hunts a free one)");
            }
            return new Offered(offerOn(c, dnis, ani, caller), true);
        });
    }

    Optional<CallId> farHunt(Cable cable, String dnis, String ani, Caller caller) {
        return locked(() -> {
            if (state != BackendState.IN_SERVICE) {
                return Optional.empty();
            }
            SpanPort p = ports.get(cable.location().orElse(null));
            if (p == null || p.cable != cable || spanDown(p) != null) {
                return Optional.empty();
            }
            for (SoftChannel c : p.channels.descendingMap().values()) {
                boolean glare = glareCandidate(c);
                if (glare || c.state() == IDLE) {
                    if (glare) {
                        endNow(c, Q850Cause.CHANNEL_NOT_AVAILABLE, true, "glare: the network's inbound call won");
                    }
                    return Optional.of(offerOn(c, dnis, ani, caller));
                }
            }
            return Optional.empty();
        });
    }

    void farHangUp(Cable cable, ChannelId channel, Q850Cause cause) {
        lockedRun(() -> {
            checkOpenForFarEnd();
            SoftChannel c = farChannel(cable, channel);
            if (c.call == null) {
                throw new IllegalStateException(
                        "far end: no call on " + channel + " to hang up (the channel is " + c.state() + ")");
            }
            if (c.state() != DISCONNECTING) {
                beginRelease(c, cause, true, "far end cleared " + cause);
            }
        });
    }

    void farDigits(Cable cable, ChannelId channel, String digits) {
        lockedRun(() -> {
            checkOpenForFarEnd();
            SoftChannel c = farChannel(cable, channel);
            if (c.state() != CONNECTED) {
                throw new IllegalStateException(
                        "far end can send digits only on a connected call; " + channel + " is " + c.state());
            }
            SoftCall call = c.call;
            long interval = timings.digitInterval().toNanos();
            long start = Math.max(now(), call.farDigitsUntil);
            for (int i = 0; i < digits.length(); i++) {
                char d = digits.charAt(i);
                timer(call, at(start + (i + 1) * interval, () -> {
                    if (c.call == call && c.state() == CONNECTED) {
                        digitArrived(c, d);
                    }
                }));
            }
            call.farDigitsUntil = start + digits.length() * interval;
        });
    }

    /** @return whether the pages were given to a call on the channel (else the caller keeps them) */
    boolean farFaxPages(Cable cable, ChannelId channel, int pages) {
        return locked(() -> {
            checkOpenForFarEnd();
            SoftChannel c = farChannel(cable, channel);
            if (c.call == null || c.state() == DISCONNECTING) {
                return false;
            }
            c.call.party.faxPages = pages;
            c.call.party.takesFax = true;
            Media m = c.media;
            if (m != null && m.kind == Media.Kind.RECEIVE_FAX && m.waitingForSender) {
                m.cancelTimers();
                startFax(c, m);
            }
            return true;
        });
    }

    void farSpeak(Cable cable, ChannelId channel, Duration duration) {
        lockedRun(() -> {
            checkOpenForFarEnd();
            SoftChannel c = farChannel(cable, channel);
            if (c.state() != CONNECTED) {
                throw new IllegalStateException(
                        "far end can speak only on a connected call; " + channel + " is " + c.state());
            }
            c.call.party.speechEnd = Scheduler.plus(now(), duration);
            if (c.media != null && c.media.kind == Media.Kind.RECORD) {
                armSilence(c, c.media);
            }
        });
    }

    /** @return whether the caller on {@code call} is a fax machine that sends (CNG heard) */
    boolean callerSendsFax(ChannelId channel, CallId call) {
        return locked(() -> {
            SpanPort p = ports.get(channel.span());
            SoftChannel c = p == null ? null : p.channels.get(channel.ds0());
            return c != null && c.call != null && c.call.id.equals(call) && c.call.party.faxPages > 0;
        });
    }

    void checkCanPlug(Cable cable, SpanLocation location) {
        lockedRun(() -> {
            if (state == BackendState.SHUT_DOWN) {
                throw new IllegalStateException("cannot plug " + cable + " into " + location + ": backend " + ID
                        + " on " + machine + " is closed");
            }
            SpanPort p = portOrThrowIae(location);
            if (p.cable != null && p.cable != cable) {
                throw new IllegalStateException("span port " + location + " already holds circuit "
                        + p.cable.circuitId() + "; unplug that cable first");
            }
        });
    }

    void attach(Cable cable, SpanLocation location) {
        lockedRun(() -> {
            checkCanPlug(cable, location);
            SpanPort p = portOrThrowIae(location);
            perfUpdate(p);
            if (p.lastCable != cable) {
                for (SoftChannel c : p.channels.values()) {
                    if (c.call != null) {
                        endNow(c, Q850Cause.NETWORK_OUT_OF_ORDER, true, "another circuit was plugged in");
                    }
                }
                p.perf = new PerformanceMonitor(cable.config().framing());
            }
            p.cable = cable;
            p.lastCable = cable;
            cable.pluggedAt(this, location);
            Set<Integer> bearers = new HashSet<>();
            for (int ds0 : cable.config().layout().bearerTimeslots()) {
                bearers.add(ds0);
            }
            for (Iterator<Map.Entry<Integer, SoftChannel>> it =
                            p.channels.entrySet().iterator();
                    it.hasNext(); ) {
                SoftChannel c = it.next().getValue();
                if (!bearers.contains(c.id.ds0())) {
                    if (c.call != null) {
                        endNow(c, Q850Cause.NETWORK_OUT_OF_ORDER, true, "timeslot not provisioned on the new circuit");
                    }
                    it.remove();
                }
            }
            for (int ds0 : bearers) {
                if (!p.channels.containsKey(ds0)) {
                    addChannel(p, ds0, OUT_OF_SERVICE);
                }
            }
            applyTransitions(p, p.integrator.setDefects(p.defects()), true);
            spanChanged(p);
        });
    }

    void detach(Cable cable) {
        lockedRun(() -> {
            SpanPort p = ports.get(cable.location().orElse(null));
            cable.unpluggedNow();
            if (p == null || p.cable != cable) {
                return;
            }
            perfUpdate(p);
            p.cable = null;
            if (state == BackendState.SHUT_DOWN) {
                return;
            }
            applyTransitions(p, p.integrator.setDefects(p.defects()), true);
            p.severeInSecond = true;
            spanChanged(p);
        });
    }

    // ------------------------------------------------------------------ faults (called by Faults)

    void setDefect(SpanLocation location, Defect defect, boolean present) {
        run(present ? "raiseDefect" : "clearDefect", () -> {
            SpanPort p = portOf(location);
            perfUpdate(p);
            boolean changed = present ? p.injected.add(defect) : p.injected.remove(defect);
            if (changed) {
                applyTransitions(p, p.integrator.setDefects(p.defects()), true);
                p.severeInSecond |= p.severeNow();
                spanChanged(p);
            }
        });
    }

    void forceDChannel(SpanLocation location, boolean up) {
        run("setDChannel", () -> {
            SpanPort p = portOf(location);
            SpanConfig cfg = p.cable == null ? null : p.cable.config();
            if (cfg == null || cfg.signalling() != Signalling.ISDN_PRI) {
                throw new IllegalArgumentException("setDChannel: span " + location + " has "
                        + (cfg == null
                                ? "no circuit plugged in"
                                : "a " + cfg.signalling() + " circuit, which has no D-channel"));
            }
            p.dForcedDown = !up;
            spanChanged(p);
        });
    }

    void setBoardFault(BoardId board, String reason) {
        run(reason == null ? "boardRecover" : "boardFault", () -> {
            SoftBoard b = boardOf(board);
            if ((reason == null) == (b.faultReason == null)) {
                return;
            }
            b.faultReason = reason;
            if (reason != null) {
                emit((s, t) -> new BoardFault(s, t, board, reason));
            } else {
                emit((s, t) -> new BoardRecovered(s, t, board));
            }
            for (SpanPort p : b.ports) {
                spanChanged(p);
            }
        });
    }

    void setStuck(ChannelId channel, boolean stuck) {
        run(stuck ? "stickChannel" : "unstickChannel", () -> {
            SoftChannel c = channelOf(channel);
            c.stuck = stuck;
            refreshChannel(c);
        });
    }

    void armFailure(ChannelId channel, String symbol, long code, String text) {
        run("failNextOperation", () -> {
            SoftChannel c = channelOf(channel);
            c.failSymbol = symbol;
            c.failCode = code;
            c.failText = text;
        });
    }

    void setErrorRates(SpanLocation location, int bpv, int crc, int framing) {
        run("setErrorRates", () -> {
            SpanPort p = portOf(location);
            perfUpdate(p);
            p.bpvPerSecond = bpv;
            p.crcPerSecond = crc;
            p.framingPerSecond = framing;
        });
    }

    // ------------------------------------------------------------------ locking and events

    private <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
            if (!lock.isHeldByCurrentThread()) {
                outbox.flush();
            }
        }
    }

    private void lockedRun(Runnable body) {
        locked(() -> {
            body.run();
            return null;
        });
    }

    private <T> T op(String what, Supplier<T> body) {
        return locked(() -> {
            checkOpen(what);
            return body.get();
        });
    }

    private void run(String what, Runnable body) {
        op(what, () -> {
            body.run();
            return null;
        });
    }

    private void emit(EventHub.EventFactory event) {
        outbox.add(event);
    }

    /**
     * Schedules {@code action} under the lock at {@code when}; skipped once the backend is closed.
     * The action sees {@code when} as the current time (see {@link #now()}).
     */
    private Scheduler.Task at(long when, Runnable action) {
        return clock.schedule(
                when,
                () -> lockedRun(() -> {
                    if (state != BackendState.SHUT_DOWN) {
                        actionTime = when;
                        try {
                            action.run();
                        } finally {
                            actionTime = Long.MIN_VALUE;
                        }
                    }
                }));
    }

    /**
     * The backend's current time: inside a scheduled action the time it was due, elsewhere the
     * clock. A real-time clock may run an action late; measuring from its due time keeps media
     * lengths exact and timer chains free of drift. Never goes back.
     */
    private long now() {
        long t = actionTime != Long.MIN_VALUE ? actionTime : clock.nanos();
        lastNow = Math.max(lastNow, t);
        return lastNow;
    }

    private Scheduler.Task after(Duration delay, Runnable action) {
        return at(Scheduler.plus(now(), delay), action);
    }

    private void timer(SoftCall call, Scheduler.Task task) {
        call.timer(task, now());
    }

    private long jitter(Duration d) {
        long n = d.toNanos();
        if (timings.jitter() == 0 || n == 0) {
            return n;
        }
        return Math.max(0, Math.round(n * (1 + timings.jitter() * (2 * random.nextDouble() - 1))));
    }

    private static void cancel(Scheduler.Task t) {
        if (t != null) {
            t.cancel();
        }
    }

    // ------------------------------------------------------------------ lookups and checks

    private void checkOpen(String what) {
        if (state == BackendState.SHUT_DOWN) {
            throw new HalException(
                    "backend " + ID + " on " + machine + " is closed: cannot " + what + "; open a new backend");
        }
    }

    private void checkOpenForFarEnd() {
        if (state == BackendState.SHUT_DOWN) {
            throw new IllegalStateException("far end: backend " + ID + " on " + machine + " is closed");
        }
    }

    private SpanPort portOf(SpanLocation location) {
        Objects.requireNonNull(location, "span");
        SpanPort p = ports.get(location);
        if (p == null) {
            throw new HalException("backend " + ID + " on " + machine + " has no span port " + location
                    + "; its ports are " + ports.keySet());
        }
        return p;
    }

    private SpanPort portOrThrowIae(SpanLocation location) {
        try {
            return portOf(location);
        } catch (HalException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private SpanPort portHolding(Cable cable) {
        SpanPort p = ports.get(cable.location().orElse(null));
        if (p == null || p.cable != cable) {
            throw new IllegalStateException(
                    "far end: circuit " + cable.circuitId() + " is not plugged into backend " + ID + " on " + machine);
        }
        return p;
    }

    private SoftChannel farChannel(Cable cable, ChannelId channel) {
        Objects.requireNonNull(channel, "channel");
        SpanPort p = portHolding(cable);
        if (!channel.span().equals(p.location)) {
            throw new IllegalArgumentException("far end: channel " + channel + " is not on circuit " + cable.circuitId()
                    + ", which is plugged into " + p.location);
        }
        SoftChannel c = p.channels.get(channel.ds0());
        if (c == null) {
            throw new IllegalArgumentException(
                    "far end: DS0 " + channel.ds0() + " is not a bearer channel of circuit " + cable.circuitId());
        }
        return c;
    }

    private SoftBoard boardOf(BoardId board) {
        Objects.requireNonNull(board, "board");
        for (SoftBoard b : boards) {
            if (b.info.id().equals(board)) {
                return b;
            }
        }
        throw new HalException("backend " + ID + " on " + machine + " has no board " + board + "; its boards are "
                + boards.stream().map(b -> b.info.id()).toList());
    }

    private SoftChannel channelOf(ChannelId channel) {
        Objects.requireNonNull(channel, "channel");
        SpanPort p = ports.get(channel.span());
        if (p == null) {
            throw new HalException("backend " + ID + " on " + machine + " has no channel " + channel
                    + ": there is no span port " + channel.span() + "; its ports are " + ports.keySet());
        }
        SoftChannel c = p.channels.get(channel.ds0());
        if (c == null) {
            throw new HalException("backend " + ID + " has no channel " + channel + ": "
                    + (p.channels.isEmpty()
                            ? "no circuit is plugged into " + p.location
                            : "DS0 " + channel.ds0() + " is not a bearer of the circuit on " + p.location + " (bearers "
                                    + p.channels.firstKey() + ".." + p.channels.lastKey() + ")"));
        }
        return c;
    }

    private static void requireInbound(SoftChannel c, String op) {
        if (!c.call.inbound) {
            throw new HalException("cannot " + op + " on channel " + c.id + ": " + c.call.id
                    + " is an outbound call ringing at the far end; only inbound calls are answered, accepted or"
                    + " rejected (use hangUp to abandon it)");
        }
    }

    private static void requireNoMedia(SoftChannel c, String op) {
        if (c.media != null) {
            throw new HalException("cannot " + op + " on channel " + c.id + ": it is " + c.media.verb()
                    + "; wait for that operation's done event or call stopMedia first");
        }
    }

    private static void requireFax(SoftChannel c, String op) {
        if (!c.kinds.contains(PortKind.FAX)) {
            BoardModel m = c.port.board.model;
            throw new HalException("cannot " + op + " on channel " + c.id + ": it has no fax resource ("
                    + m.modelName() + " gives fax to DS0 1.." + m.faxChannelsPerSpan()
                    + " of each span); use a channel whose kinds include FAX");
        }
    }

    private static void requireVoice(SoftChannel c, String op) {
        if (!c.kinds.contains(PortKind.VOICE)) {
            throw new HalException("cannot " + op + " on channel " + c.id + ": it has no voice resource");
        }
    }

    private static void checkDirectory(Path file, String op) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new HalException(op + ": directory " + dir + " of " + file + " does not exist; create it first");
        }
        if (!Files.isWritable(dir)) {
            throw new HalException(op + ": directory " + dir + " of " + file + " is not writable");
        }
    }

    private static void injected(SoftChannel c, String op) {
        if (c.failSymbol != null) {
            String symbol = c.failSymbol;
            c.failSymbol = null;
            throw new VendorException(ID, op, c.id.toString(), c.failCode, symbol, c.failText);
        }
    }

    private CallId nextCallId() {
        return new CallId(nextCall++);
    }

    private ChannelInfo info(SoftChannel c) {
        return new ChannelInfo(
                c.id, c.kinds, c.state(), Optional.ofNullable(c.call).map(x -> x.id));
    }

    private SpanInfo spanInfo(SpanPort p) {
        perfUpdate(p);
        return new SpanInfo(
                p.location,
                Optional.ofNullable(p.cable).map(Cable::config),
                new SpanStatus(state == BackendState.IN_SERVICE, p.declared, p.dChannel),
                p.perf.snapshot());
    }

    private void addChannel(SpanPort p, int ds0, ChannelState initial) {
        ChannelId id = new ChannelId(p.location, ds0);
        p.channels.put(ds0, new SoftChannel(id, p, p.board.model.kinds(ds0), initial));
    }

    private void move(SoftChannel c, ChannelState to, String why) {
        c.sm.transition(to, now(), why);
    }

    // ------------------------------------------------------------------ call flow

    private boolean glareCandidate(SoftChannel c) {
        return c.state() == DIALLING && c.call != null && !c.call.inbound && !c.call.acknowledged;
    }

    private static boolean reachable(SoftChannel c, SoftCall call) {
        return call.cable != null && c.port.cable == call.cable;
    }

    private CallId offerOn(SoftChannel c, String dnis, String ani, Caller caller) {
        Cable cable = c.port.cable;
        Party party = Party.of(caller, cable.farEnd().faxModulation());
        if (party.faxPages == 0) {
            int pending = cable.farEnd().takePendingFaxPages(c.id.ds0());
            if (pending > 0) {
                party.faxPages = pending;
            }
        }
        SoftCall call = new SoftCall(nextCallId(), true, cable, now(), party);
        c.call = call;
        move(c, OFFERED, "inbound call to " + dnis);
        emit((s, t) -> new CallOffered(s, t, c.id, call.id, dnis, ani));
        timer(call, after(timings.ringTimeout(), () -> {
            if (c.call == call && RINGING_IN.contains(c.state()) && reachable(c, call)) {
                beginRelease(c, Q850Cause.NO_ANSWER, true, "network ring timeout");
            }
        }));
        return call.id;
    }

    private void proceeding(SoftChannel c, SoftCall call, OutboundBehaviour b) {
        if (c.call != call || c.state() != DIALLING || !reachable(c, call)) {
            return; // T303 clears a call the network never acknowledges
        }
        call.acknowledged = true;
        long now = now();
        long respondAt = Math.max(now, Scheduler.plus(call.startNanos, b.answerDelay()));
        switch (b.outcome()) {
            case BUSY -> respond(c, call, respondAt, Q850Cause.USER_BUSY, "far end busy");
            case REJECT_INVALID_NUMBER ->
                respond(c, call, respondAt, Q850Cause.INVALID_NUMBER_FORMAT, "network rejected the number");
            case NO_ANSWER -> alert(c);
            case ANSWER, ANSWER_FAX -> {
                if (respondAt <= now) {
                    connectOutbound(c, call);
                } else {
                    alert(c);
                    timer(call, at(respondAt, () -> connectOutbound(c, call)));
                }
            }
        }
    }

    private void respond(SoftChannel c, SoftCall call, long when, Q850Cause cause, String why) {
        timer(call, at(when, () -> {
            if (c.call == call && c.state() == DIALLING && reachable(c, call)) {
                beginRelease(c, cause, true, why);
            }
        }));
    }

    private void alert(SoftChannel c) {
        move(c, ALERTING, "far end ringing");
        CallId call = c.call.id;
        emit((s, t) -> new CallAlerting(s, t, c.id, call));
    }

    private void connectOutbound(SoftChannel c, SoftCall call) {
        if (c.call != call || !SETTING_UP_OUT.contains(c.state()) || !reachable(c, call)) {
            return;
        }
        move(c, CONNECTED, "far end answered");
        emit((s, t) -> new CallConnected(s, t, c.id, call.id));
        onConnected(c);
    }

    private void onConnected(SoftChannel c) {
        SoftCall call = c.call;
        Party party = call.party;
        if (party.holding != null) {
            timer(call, after(party.holding, () -> farClear(c, call, Q850Cause.NORMAL_CLEARING, "caller hung up")));
        } else if (party.faxCaller) {
            Duration session = faxTiming.session(negotiate(c, party), party.faxPages);
            timer(call, after(session, () -> {
                if (c.media == null || c.media.kind != Media.Kind.RECEIVE_FAX) {
                    farClear(c, call, Q850Cause.NORMAL_CLEARING, "fax caller gave up: no fax session");
                } // else it hangs up when the session ends
            }));
        }
    }

    private void farClear(SoftChannel c, SoftCall call, Q850Cause cause, String why) {
        if (c.call == call && c.state().inCall() && c.state() != DISCONNECTING && reachable(c, call)) {
            beginRelease(c, cause, true, why);
        }
    }

    /** DISCONNECT: media stops now; the channel is released and CallDisconnected published after the release time. */
    private void beginRelease(SoftChannel c, Q850Cause cause, boolean farEnd, String why) {
        SoftCall call = c.call;
        endMedia(c, TerminationReason.HANG_UP, null);
        call.cancelTimers();
        move(c, DISCONNECTING, why);
        timer(call, after(Duration.ofNanos(jitter(timings.release())), () -> {
            if (c.call == call) {
                endCall(c, cause, farEnd, "released");
            }
        }));
    }

    /** Clears the call at once: glare, faults, span changes. */
    private void endNow(SoftChannel c, Q850Cause cause, boolean farEnd, String why) {
        endMedia(c, TerminationReason.HANG_UP, null);
        c.call.cancelTimers();
        endCall(c, cause, farEnd, why);
    }

    private void endCall(SoftChannel c, Q850Cause cause, boolean farEnd, String why) {
        endMedia(c, TerminationReason.HANG_UP, null);
        SoftCall call = c.call;
        call.cancelTimers();
        c.call = null;
        c.typeAhead.setLength(0);
        Reason r = reason(c);
        if (r == null) {
            if (c.state() != DISCONNECTING) {
                move(c, DISCONNECTING, why);
            }
            move(c, IDLE, why);
        } else {
            move(c, OUT_OF_SERVICE, why + "; " + r.text);
        }
        emit((s, t) -> new CallDisconnected(s, t, c.id, call.id, cause, farEnd));
        if (r != null) {
            emit((s, t) -> new ChannelOutOfService(s, t, c.id, r.text));
        }
    }

    // ------------------------------------------------------------------ media flow

    private void armSilence(SoftChannel c, Media m) {
        if (m.maxSilenceNanos == 0) {
            return;
        }
        cancel(m.silenceTimer);
        long from = Math.max(now(), c.call.party.speechEnd);
        m.silenceTimer = at(from + m.maxSilenceNanos, () -> {
            if (c.media == m) {
                endMedia(c, TerminationReason.SILENCE, null);
            }
        });
    }

    private void collectDigit(SoftChannel c, Media m, char d) {
        m.digits.append(d);
        if (m.terminators.indexOf(d) >= 0) {
            endMedia(c, TerminationReason.DIGIT, null);
        } else if (m.digits.length() >= m.maxDigits) {
            endMedia(c, TerminationReason.MAX_DIGITS, null);
        } else {
            armDigitTimer(c, m);
        }
    }

    private void armDigitTimer(SoftChannel c, Media m) {
        cancel(m.timer);
        long wait = m.digits.length() == 0 ? m.firstDigitNanos : m.interDigitNanos;
        m.timer = at(Scheduler.plus(now(), Duration.ofNanos(wait)), () -> {
            if (c.media == m) {
                endMedia(c, TerminationReason.DIGIT_TIMEOUT, null);
            }
        });
    }

    private void digitArrived(SoftChannel c, char d) {
        CallId call = c.call.id;
        emit((s, t) -> new DigitReceived(s, t, c.id, call, d));
        Media m = c.media;
        if (m != null && (m.kind == Media.Kind.PLAY || m.kind == Media.Kind.RECORD) && m.terminators.indexOf(d) >= 0) {
            endMedia(c, TerminationReason.DIGIT, null);
        } else if (m != null && m.kind == Media.Kind.COLLECT) {
            collectDigit(c, m, d);
        } else if (c.typeAhead.length() < SoftChannel.TYPE_AHEAD) {
            c.typeAhead.append(d);
        }
    }

    private FaxModulation negotiate(SoftChannel c, Party party) {
        return FaxTiming.negotiate(c.port.board.model.faxModulations(), party.faxModulations())
                .orElse(FaxModulation.V27TER);
    }

    private void startFax(SoftChannel c, Media m) {
        Party party = c.call.party;
        boolean farReady = m.kind == Media.Kind.SEND_FAX ? party.takesFax : party.faxPages > 0;
        if (!farReady) {
            m.waitingForSender = m.kind == Media.Kind.RECEIVE_FAX;
            m.timer = after(faxTiming.t1(), () -> {
                if (c.media == m) {
                    endMedia(c, null, FaxResult.NO_FAX_DEVICE);
                }
            });
            return;
        }
        m.waitingForSender = false;
        m.modulation = negotiate(c, party);
        m.bps = m.modulation.maxBps();
        m.sessionStart = now();
        if (m.kind == Media.Kind.RECEIVE_FAX) {
            m.pages = party.faxPages;
        }
        schedulePage(c, m, 1);
    }

    private void schedulePage(SoftChannel c, Media m, int page) {
        m.timer = at(Scheduler.plus(m.sessionStart, faxTiming.pageConfirmedAfter(m.modulation, page)), () -> {
            if (c.media != m) {
                return;
            }
            m.pagesDone = page;
            CallId call = c.call.id;
            int bps = m.bps;
            if (m.kind == Media.Kind.SEND_FAX) {
                emit((s, t) -> new FaxPageSent(s, t, c.id, call, page, bps));
            } else {
                emit((s, t) -> new FaxPageReceived(s, t, c.id, call, page, bps));
            }
            if (page < m.pages) {
                schedulePage(c, m, page + 1);
            } else {
                m.timer = at(Scheduler.plus(m.sessionStart, faxTiming.session(m.modulation, m.pages)), () -> {
                    if (c.media != m) {
                        return;
                    }
                    SoftCall sc = c.call;
                    endMedia(c, null, FaxResult.SUCCESS);
                    if (m.kind == Media.Kind.RECEIVE_FAX && sc.party.faxCaller) {
                        farClear(c, sc, Q850Cause.NORMAL_CLEARING, "fax sender hung up after DCN");
                    }
                });
            }
        });
    }

    /**
     * Ends the running media operation and publishes its done event.
     *
     * @param reason why it ended (for fax, mapped to a result unless {@code faxResult} is given)
     * @param faxResult the fax outcome, or null to derive it from {@code reason}
     */
    private void endMedia(SoftChannel c, TerminationReason reason, FaxResult faxResult) {
        Media m = c.media;
        if (m == null) {
            return;
        }
        c.media = null;
        m.cancelTimers();
        ChannelId id = c.id;
        CallId call = c.call.id;
        long elapsed = Math.max(0, now() - m.startNanos);
        switch (m.kind) {
            case PLAY -> {
                long ms = Math.min(elapsed, m.durationNanos) / 1_000_000;
                emit((s, t) -> new PlayDone(s, t, id, call, reason, ms));
            }
            case RECORD -> {
                Duration length = Duration.ofNanos(elapsed);
                TerminationReason r = reason;
                try {
                    WavInfo.writeSilence(m.file, m.encoding, length);
                } catch (HalException e) {
                    LOG.log(System.Logger.Level.WARNING, "softport: recording on " + id + " not written", e);
                    r = TerminationReason.ERROR;
                }
                TerminationReason done = r;
                long ms = length.toMillis();
                emit((s, t) -> new RecordDone(s, t, id, call, m.file, done, ms));
            }
            case COLLECT -> {
                String digits = m.digits.toString();
                emit((s, t) -> new DigitsCollected(s, t, id, call, digits, reason));
            }
            case SEND_DIGITS -> {
                long sent = Math.min(
                        m.digits.length(), elapsed / timings.digitInterval().toNanos());
                String digits = m.digits.substring(0, (int) sent);
                emit((s, t) -> new DigitsSent(s, t, id, call, digits));
            }
            case SEND_FAX, RECEIVE_FAX -> {
                FaxResult result = faxResult != null ? faxResult : faxResultOf(reason);
                if (m.kind == Media.Kind.RECEIVE_FAX && m.pagesDone > 0) {
                    try {
                        TiffInfo.writeBlankPages(m.file, m.pagesDone, FAX_ROWS);
                    } catch (HalException e) {
                        LOG.log(System.Logger.Level.WARNING, "softport: received fax on " + id + " not written", e);
                        result = FaxResult.PROTOCOL_ERROR;
                    }
                }
                FaxResult done = result;
                int pages = m.pagesDone;
                int bps = m.bps;
                boolean sending = m.kind == Media.Kind.SEND_FAX;
                emit((s, t) -> new FaxDone(s, t, id, call, done, pages, bps, sending));
            }
        }
    }

    private static FaxResult faxResultOf(TerminationReason r) {
        return switch (r) {
            case STOPPED -> FaxResult.STOPPED;
            case HANG_UP -> FaxResult.HANG_UP;
            default -> FaxResult.PROTOCOL_ERROR;
        };
    }

    // ------------------------------------------------------------------ spans, alarms, service state

    private void applyTransitions(SpanPort p, List<AlarmTransition> transitions, boolean announce) {
        for (AlarmTransition tr : transitions) {
            if (tr.declared()) {
                p.declared.add(tr.alarm());
            } else {
                p.declared.remove(tr.alarm());
            }
            if (announce) {
                SpanLocation loc = p.location;
                Alarm alarm = tr.alarm();
                if (tr.declared()) {
                    emit((s, t) -> new SpanAlarmRaised(s, t, loc, alarm));
                } else {
                    emit((s, t) -> new SpanAlarmCleared(s, t, loc, alarm));
                }
            }
        }
    }

    private void spanChanged(SpanPort p) {
        updateDChannel(p);
        for (SoftChannel c : new ArrayList<>(p.channels.values())) {
            refreshChannel(c);
        }
        scheduleAlarmPoll(p);
    }

    private void scheduleAlarmPoll(SpanPort p) {
        long next = p.integrator.nextDeadline();
        if (p.alarmTask != null) {
            if (!p.alarmTask.cancelled() && p.alarmTask.atNanos() == next) {
                return;
            }
            p.alarmTask.cancel();
            p.alarmTask = null;
        }
        if (next != Long.MAX_VALUE) {
            p.alarmTask = at(next, () -> {
                p.alarmTask = null;
                perfUpdate(p);
                applyTransitions(p, p.integrator.poll(), true);
                spanChanged(p);
            });
        }
    }

    private DChannelState computeD(SpanPort p) {
        SpanConfig cfg = p.circuitConfig();
        if (cfg == null || cfg.signalling() != Signalling.ISDN_PRI) {
            return DChannelState.NOT_APPLICABLE;
        }
        if (p.dForcedDown || Alarm.blocksTraffic(p.declared) || p.board.faultReason != null) {
            return DChannelState.DOWN;
        }
        return DChannelState.UP;
    }

    private void updateDChannel(SpanPort p) {
        DChannelState d = computeD(p);
        if (d == p.dChannel) {
            return;
        }
        p.dChannel = d;
        SpanLocation loc = p.location;
        if (d == DChannelState.DOWN) {
            emit((s, t) -> new DChannelDown(s, t, loc));
            if (!Alarm.blocksTraffic(p.declared) && p.board.faultReason == null) {
                clearCallsNotActive(p);
            }
            if (p.t309 == null) {
                p.t309 = after(timings.t309(), () -> t309Expired(p));
            }
        } else {
            cancel(p.t309);
            p.t309 = null;
            if (d == DChannelState.UP) {
                emit((s, t) -> new DChannelUp(s, t, loc));
            }
        }
    }

    /**
     * Q.931 5.8.8: on a data-link failure the network clears every call that is not yet active at
     * once; only active calls wait for T309. (An alarm or a board fault clears calls its own way.)
     */
    private void clearCallsNotActive(SpanPort p) {
        for (SoftChannel c : new ArrayList<>(p.channels.values())) {
            if (c.call != null && c.state() != CONNECTED && c.state() != DISCONNECTING) {
                endNow(c, DESTINATION_OUT_OF_ORDER, true, "D-channel down: call not yet active cleared");
            }
        }
    }

    private void t309Expired(SpanPort p) {
        p.t309 = null;
        if (p.dChannel != DChannelState.DOWN) {
            return;
        }
        for (SoftChannel c : p.channels.values()) {
            if (c.call != null) {
                endNow(c, DESTINATION_OUT_OF_ORDER, true, "T309 expired: D-channel still down");
            }
        }
    }

    /** @return why the span cannot carry new calls, or null */
    private static String spanDown(SpanPort p) {
        if (p.board.faultReason != null) {
            return "board fault: " + p.board.faultReason;
        }
        if (p.declared.contains(Alarm.RED)) {
            return "RED alarm on " + p.location;
        }
        if (p.declared.contains(Alarm.BLUE)) {
            return "BLUE alarm on " + p.location;
        }
        if (p.dChannel == DChannelState.DOWN) {
            return "D-channel down on " + p.location;
        }
        return null;
    }

    private static Reason reason(SoftChannel c) {
        SpanPort p = c.port;
        if (p.board.faultReason != null) {
            return new Reason("board fault: " + p.board.faultReason, Q850Cause.TEMPORARY_FAILURE, false, true);
        }
        if (Alarm.blocksTraffic(p.declared)) {
            String a = p.declared.contains(Alarm.RED) ? "RED" : "BLUE";
            return new Reason(a + " alarm on " + p.location, Q850Cause.NETWORK_OUT_OF_ORDER, true, true);
        }
        if (p.dChannel == DChannelState.DOWN) {
            // Q.931 5.8.8: calls in progress survive a data-link failure until T309 expires
            return new Reason("D-channel down on " + p.location, DESTINATION_OUT_OF_ORDER, true, false);
        }
        if (c.stuck) {
            return new Reason("stuck (fault injected)", Q850Cause.TEMPORARY_FAILURE, false, true);
        }
        return null;
    }

    private void refreshChannel(SoftChannel c) {
        Reason r = reason(c);
        ChannelState s = c.state();
        if (r != null) {
            if (s.inCall()) {
                if (r.dropsCalls) {
                    endNow(c, r.cause, r.farEnd, r.text);
                }
            } else if (s == IDLE || s == BLOCKED) {
                move(c, OUT_OF_SERVICE, r.text);
                emit((seq, t) -> new ChannelOutOfService(seq, t, c.id, r.text));
            }
        } else if (s == OUT_OF_SERVICE) {
            if (c.adminBlocked) {
                move(c, BLOCKED, "back in service, still blocked");
                emit((seq, t) -> new ChannelOutOfService(seq, t, c.id, "blocked for maintenance"));
            } else {
                move(c, IDLE, "back in service");
                emit((seq, t) -> new ChannelInService(seq, t, c.id));
            }
        }
    }

    private void perfUpdate(SpanPort p) {
        long now = now();
        while (now - p.perfSecondStart >= SpanPort.SECOND) {
            boolean severe = p.severeInSecond || p.severeNow();
            p.perf.recordSecond(p.bpvPerSecond, p.crcPerSecond, p.framingPerSecond, severe);
            p.perfSecondStart += SpanPort.SECOND;
            // the defects now present have held since the new second began, if any of it has passed
            p.severeInSecond = p.severeNow() && now > p.perfSecondStart;
        }
    }

    // ------------------------------------------------------------------ builder

    private record BoardSpec(BoardModel model, List<SpanConfig> spans) {}

    /**
     * Builds a {@link SoftBackend}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final String machine;
        private Scheduler clock;
        private long seed = 1;
        private final List<BoardSpec> boards = new ArrayList<>();
        private CallTimings callTimings = CallTimings.DEFAULT;
        private FaxTiming faxTiming = FaxTiming.DEFAULT;
        private AlarmTimings alarmTimings = AlarmTimings.DEFAULT;
        private final List<AutoCloseable> owned = new ArrayList<>();

        private Builder(String machine) {
            Objects.requireNonNull(machine, "machine");
            if (machine.isBlank()) {
                throw new IllegalArgumentException("SoftBackend.builder: machine name is blank");
            }
            this.machine = machine;
        }

        /** Sets the scheduler (default: a new {@link VirtualClock} at 0). */
        public Builder clock(Scheduler clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the seed of the backend's random (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Adds a board. Its span ports are numbered 1..{@link BoardModel#spans()}; {@code spans[i]} is
         * the circuit plugged into port i+1 at power-up, a null entry or a missing tail leaves the
         * port empty (RED, no channels).
         *
         * @throws IllegalArgumentException when more circuits than ports are given
         */
        public Builder board(BoardModel model, SpanConfig... spans) {
            Objects.requireNonNull(model, "model");
            if (spans.length > model.spans()) {
                throw new IllegalArgumentException("board " + model.modelName() + " has " + model.spans()
                        + " span port(s), but " + spans.length + " circuits were given");
            }
            List<SpanConfig> list = new ArrayList<>(spans.length);
            Collections.addAll(list, spans);
            boards.add(new BoardSpec(model, list));
            return this;
        }

        /** Sets signalling timings (default {@link CallTimings#DEFAULT}). */
        public Builder callTimings(CallTimings t) {
            this.callTimings = Objects.requireNonNull(t, "callTimings");
            return this;
        }

        /** Sets fax timings (default {@link FaxTiming#DEFAULT}). */
        public Builder faxTiming(FaxTiming t) {
            this.faxTiming = Objects.requireNonNull(t, "faxTiming");
            return this;
        }

        /** Sets alarm integration timings (default {@link AlarmTimings#DEFAULT}). */
        public Builder alarmTimings(AlarmTimings t) {
            this.alarmTimings = Objects.requireNonNull(t, "alarmTimings");
            return this;
        }

        /** Closes {@code resource} (e.g. a {@link RealTimeClock} made for this backend) when the backend closes. */
        public Builder closeWithBackend(AutoCloseable resource) {
            owned.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * @return the backend, in service, cables plugged in, alarm-free ports' channels IDLE
         * @throws IllegalArgumentException when no board was added
         * @throws org.stroom.ports.t1.InvalidConfigurationException listing every broken span rule
         *     (per span, per board, and circuit ids and DID ranges across the machine)
         */
        public SoftBackend build() {
            if (boards.isEmpty()) {
                throw new IllegalArgumentException(
                        "SoftBackend.builder(" + machine + "): no boards; add one with board(...)");
            }
            List<Violation> violations = new ArrayList<>();
            List<SpanConfig> all = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int b = 0; b < boards.size(); b++) {
                List<SpanConfig> present = new ArrayList<>();
                List<String> presentPaths = new ArrayList<>();
                List<SpanConfig> spans = boards.get(b).spans;
                for (int s = 0; s < spans.size(); s++) {
                    if (spans.get(s) != null) {
                        present.add(spans.get(s));
                        presentPaths.add("boards[" + b + "].spans[" + s + "]");
                    }
                }
                String prefix = "boards[" + b + "].spans[";
                for (Violation v : SpanConfigValidator.validateBoard(present, "boards[" + b + "]")
                        .violations()) {
                    String field = v.field();
                    for (int k = 0; k < presentPaths.size(); k++) {
                        String wrong = prefix + k + "]";
                        if (field.startsWith(wrong)) {
                            field = presentPaths.get(k) + field.substring(wrong.length());
                            break;
                        }
                    }
                    violations.add(new Violation(field, v.rule(), v.problem(), v.fix()));
                }
                all.addAll(present);
                paths.addAll(presentPaths);
            }
            new ValidationReport(violations)
                    .and(SpanConfigValidator.validateAcrossSpans(all, paths))
                    .throwIfInvalid();
            return new SoftBackend(this);
        }
    }
}
