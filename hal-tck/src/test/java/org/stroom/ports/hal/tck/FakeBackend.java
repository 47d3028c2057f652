package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
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
import org.stroom.ports.hal.api.FaxReceiveRequest;
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
import org.stroom.ports.hal.api.Vendor;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.EventHub;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * A tiny virtual-time backend for testing the kit itself: one CAS span of 24 channels, call control
 * and glare, no media. {@link Flaw}s make it break one rule each, to prove the contracts catch it.
 *
 * <p>Thread-safety: confined to the test thread (events may be delivered on subscription threads).
 */
final class FakeBackend implements HalBackend {
    /** One broken rule each. */
    enum Flaw {
        /** A far-end hang-up clears the channel without a CallDisconnected. */
        SKIP_DISCONNECT_ON_FAR_END_HANG_UP,
        /** A far-end hang-up reports CallDisconnected twice. */
        DOUBLE_DISCONNECT,
        /** Every third sequence number is skipped. */
        SEQUENCE_GAP,
        /** answer on an IDLE channel connects a phantom call instead of refusing. */
        NO_STATE_CHECK_ON_ANSWER,
        /** Every call gets id 1. */
        REUSED_CALL_IDS,
        /** A cleared channel keeps reporting its last call. */
        STALE_CALL_ON_IDLE_CHANNEL,
        /** Operations keep working after close. */
        WORKS_AFTER_CLOSE,
        /** The outbound answer timeout never fires. */
        NO_ANSWER_TIMEOUT,
        /** Glare offers the inbound call before clearing ours. */
        GLARE_OFFERS_FIRST
    }

    static final String ID = "fake";
    static final SpanLocation SPAN = new SpanLocation("fake", 0, 1);

    private final Set<Flaw> flaws;
    private final EventHub hub;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Map<ChannelId, Channel> channels = new TreeMap<>();
    private final SpanConfig config = SpanConfig.cas(new CircuitId("FAKE.1"), Signalling.EM_WINK_START, 1, List.of());
    private long now;
    private long timerSeq;
    private long nextCall = 1;
    private BackendState state = BackendState.IN_SERVICE;
    /** The far end's treatment of our outbound calls; set by the harness. */
    OutboundBehaviour outbound = OutboundBehaviour.answer(Duration.ofSeconds(1));

    private record Timer(long at, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    private static final class Channel {
        final ChannelStateMachine sm;
        CallId call;
        CallId lastCall;
        boolean inbound;
        boolean failNext;

        Channel(ChannelId id) {
            sm = new ChannelStateMachine(id, ChannelState.IDLE);
        }
    }

    FakeBackend(Set<Flaw> flaws) {
        this.flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
        this.hub = new EventHub(ID, () -> now);
        for (int ds0 = 1; ds0 <= 24; ds0++) {
            ChannelId id = new ChannelId(SPAN, ds0);
            channels.put(id, new Channel(id));
        }
    }

    // ---- time and far end, used by FakeHarness ----

    void advance(Duration d) {
        long target = now + d.toNanos();
        while (!timers.isEmpty() && timers.peek().at <= target) {
            Timer t = timers.poll();
            now = t.at;
            t.task.run();
        }
        now = target;
    }

    CallId farEndOffers(ChannelId id, String dnis, String ani) {
        Channel c = channel0(id);
        CallId call = newCallId();
        if (state != BackendState.IN_SERVICE) {
            return call; // refused with cause 34, never offered
        }
        if (c.sm.state() == ChannelState.DIALLING) {
            if (flaws.contains(Flaw.GLARE_OFFERS_FIRST)) {
                CallId ours = c.call;
                c.sm.transition(ChannelState.DISCONNECTING, now, "glare");
                c.sm.transition(ChannelState.IDLE, now, "released");
                publishOffer(id, c, call, dnis, ani);
                publish((s, t) -> new CallDisconnected(s, t, id, ours, Q850Cause.CHANNEL_NOT_AVAILABLE, true));
                return call;
            }
            disconnect(id, c, Q850Cause.CHANNEL_NOT_AVAILABLE, true);
        }
        if (c.sm.state() != ChannelState.IDLE) {
            throw new IllegalStateException("far end cannot call " + id + ": it is " + c.sm.state());
        }
        publishOffer(id, c, call, dnis, ani);
        return call;
    }

    private void publishOffer(ChannelId id, Channel c, CallId call, String dnis, String ani) {
        c.sm.transition(ChannelState.OFFERED, now, "far-end call");
        c.call = call;
        c.inbound = true;
        publish((s, t) -> new CallOffered(s, t, id, call, dnis, ani));
    }

    void farEndHangsUp(ChannelId id) {
        Channel c = channel0(id);
        if (c.call == null) {
            throw new IllegalStateException("far end has no call on " + id);
        }
        if (flaws.contains(Flaw.SKIP_DISCONNECT_ON_FAR_END_HANG_UP)) {
            c.sm.transition(ChannelState.DISCONNECTING, now, "far-end hang-up");
            c.sm.transition(ChannelState.IDLE, now, "released");
            c.call = null;
            return;
        }
        CallId call = c.call;
        disconnect(id, c, Q850Cause.NORMAL_CLEARING, true);
        if (flaws.contains(Flaw.DOUBLE_DISCONNECT)) {
            publish((s, t) -> new CallDisconnected(s, t, id, call, Q850Cause.NORMAL_CLEARING, true));
        }
    }

    void failNext(ChannelId id) {
        channel0(id).failNext = true;
    }

    // ---- HalBackend ----

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
        return state;
    }

    @Override
    public void setInService(boolean inService) {
        open();
        state = inService ? BackendState.IN_SERVICE : BackendState.OUT_OF_SERVICE;
    }

    @Override
    public List<BoardInfo> boards() {
        return List.of(new BoardInfo(
                new BoardId("fake", 0),
                Vendor.BROOKTROUT,
                "FAKE-1T1",
                "0001",
                -1,
                List.of(SPAN),
                new BoardCapabilities(Set.of(), 0, false, false, false, false, false, 24, 0, 0)));
    }

    @Override
    public List<SpanInfo> spans() {
        return List.of(span(SPAN));
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        if (!SPAN.equals(location)) {
            throw new HalException("fake backend has no span " + location);
        }
        return new SpanInfo(
                SPAN, Optional.of(config), SpanStatus.healthy(Signalling.EM_WINK_START), PerformanceCounters.ZERO);
    }

    @Override
    public List<ChannelInfo> channels() {
        List<ChannelInfo> out = new ArrayList<>();
        for (ChannelId id : channels.keySet()) {
            out.add(channel(id));
        }
        return out;
    }

    @Override
    public ChannelInfo channel(ChannelId id) {
        Channel c = channel0(id);
        CallId shown = c.call != null ? c.call : flaws.contains(Flaw.STALE_CALL_ON_IDLE_CHANNEL) ? c.lastCall : null;
        return new ChannelInfo(id, Set.of(PortKind.VOICE), c.sm.state(), Optional.ofNullable(shown));
    }

    @Override
    public List<StateChange> history(ChannelId id) {
        return channel0(id).sm.history();
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        return hub.subscribe(maybeLossy(listener));
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        return hub.subscribe(maybeLossy(listener), executor);
    }

    @Override
    public void accept(ChannelId id) {
        Channel c = op(id, "accept");
        inboundOnly(id, c, "accept", EnumSet.of(ChannelState.OFFERED));
        c.sm.transition(ChannelState.ALERTING, now, "accept");
        CallId call = c.call;
        publish((s, t) -> new CallAlerting(s, t, id, call));
    }

    @Override
    public void answer(ChannelId id) {
        Channel c = op(id, "answer");
        if (flaws.contains(Flaw.NO_STATE_CHECK_ON_ANSWER) && c.sm.state() == ChannelState.IDLE) {
            CallId phantom = newCallId();
            publish((s, t) -> new CallConnected(s, t, id, phantom));
            return;
        }
        inboundOnly(id, c, "answer", EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING));
        c.sm.transition(ChannelState.CONNECTED, now, "answer");
        CallId call = c.call;
        publish((s, t) -> new CallConnected(s, t, id, call));
    }

    @Override
    public void reject(ChannelId id, Q850Cause cause) {
        Channel c = op(id, "reject");
        inboundOnly(id, c, "reject", EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING));
        disconnect(id, c, cause, false);
    }

    @Override
    public CallId placeCall(ChannelId id, OutboundCall request) {
        Channel c = op(id, "placeCall");
        if (state != BackendState.IN_SERVICE) {
            throw new HalException("fake backend is out of service; placeCall on " + id + " refused");
        }
        c.sm.require("placeCall", EnumSet.of(ChannelState.IDLE));
        CallId call = newCallId();
        c.sm.transition(ChannelState.DIALLING, now, "placeCall");
        c.call = call;
        c.inbound = false;
        OutboundBehaviour b = outbound;
        long delay = b.answerDelay().toNanos();
        at(Math.min(delay, 100_000_000L), () -> {
            if (call.equals(c.call)
                    && c.sm.state() == ChannelState.DIALLING
                    && (b.outcome() == OutboundBehaviour.Outcome.ANSWER
                            || b.outcome() == OutboundBehaviour.Outcome.ANSWER_FAX
                            || b.outcome() == OutboundBehaviour.Outcome.NO_ANSWER)) {
                c.sm.transition(ChannelState.ALERTING, now, "far end ringing");
                publish((s, t) -> new CallAlerting(s, t, id, call));
            }
        });
        switch (b.outcome()) {
            case ANSWER:
            case ANSWER_FAX:
                at(delay, () -> {
                    if (call.equals(c.call) && c.sm.state() != ChannelState.CONNECTED) {
                        c.sm.transition(ChannelState.CONNECTED, now, "far end answered");
                        publish((s, t) -> new CallConnected(s, t, id, call));
                    }
                });
                break;
            case BUSY:
                at(delay, () -> clearIfCurrent(id, c, call, Q850Cause.USER_BUSY, true));
                break;
            case REJECT_INVALID_NUMBER:
                at(delay, () -> clearIfCurrent(id, c, call, Q850Cause.INVALID_NUMBER_FORMAT, true));
                break;
            case NO_ANSWER:
                if (!flaws.contains(Flaw.NO_ANSWER_TIMEOUT)) {
                    at(request.timeout().toNanos(), () -> clearIfCurrent(id, c, call, Q850Cause.NO_ANSWER, false));
                }
                break;
            default:
                throw new AssertionError(b.outcome());
        }
        return call;
    }

    @Override
    public void hangUp(ChannelId id, Q850Cause cause) {
        Channel c = op(id, "hangUp");
        c.sm.require(
                "hangUp",
                EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING, ChannelState.DIALLING, ChannelState.CONNECTED));
        disconnect(id, c, cause, false);
    }

    @Override
    public void play(ChannelId id, PlayRequest request) {
        media(id, "play");
    }

    @Override
    public void record(ChannelId id, RecordRequest request) {
        media(id, "record");
    }

    @Override
    public void collectDigits(ChannelId id, DigitRequest request) {
        media(id, "collectDigits");
    }

    @Override
    public void sendDigits(ChannelId id, String digits) {
        media(id, "sendDigits");
    }

    @Override
    public void sendFax(ChannelId id, FaxSendRequest request) {
        media(id, "sendFax");
    }

    @Override
    public void receiveFax(ChannelId id, FaxReceiveRequest request) {
        media(id, "receiveFax");
    }

    @Override
    public void stopMedia(ChannelId id) {
        media(id, "stopMedia");
    }

    @Override
    public void setBlocked(ChannelId id, boolean blocked) {
        Channel c = op(id, "setBlocked");
        if (blocked) {
            c.sm.require("block", EnumSet.of(ChannelState.IDLE));
            c.sm.transition(ChannelState.BLOCKED, now, "blocked");
            publish((s, t) -> new ChannelOutOfService(s, t, id, "blocked"));
        } else {
            c.sm.require("unblock", EnumSet.of(ChannelState.BLOCKED));
            c.sm.transition(ChannelState.IDLE, now, "unblocked");
            publish((s, t) -> new ChannelInService(s, t, id));
        }
    }

    @Override
    public void close() {
        state = BackendState.SHUT_DOWN;
        hub.close();
    }

    // ---- internals ----

    private void media(ChannelId id, String operation) {
        Channel c = op(id, operation);
        c.sm.require(operation, EnumSet.of(ChannelState.CONNECTED));
        throw new HalException("fake backend has no media resources; " + operation + " on " + id + " refused");
    }

    private Channel op(ChannelId id, String operation) {
        open();
        Channel c = channel0(id);
        if (c.failNext) {
            c.failNext = false;
            throw new VendorException(ID, "fake_" + operation, id.toString(), -7, "EFAKE", "injected failure");
        }
        return c;
    }

    private void open() {
        if (state == BackendState.SHUT_DOWN && !flaws.contains(Flaw.WORKS_AFTER_CLOSE)) {
            throw new HalException("fake backend is closed; open a new one");
        }
    }

    private Channel channel0(ChannelId id) {
        Channel c = channels.get(Objects.requireNonNull(id, "channel"));
        if (c == null) {
            throw new HalException("fake backend has no channel " + id);
        }
        return c;
    }

    private void inboundOnly(ChannelId id, Channel c, String operation, Set<ChannelState> allowed) {
        c.sm.require(operation, allowed);
        if (!c.inbound) {
            throw new WrongStateException(id, c.sm.state(), operation + " of an outbound call", allowed);
        }
    }

    private void clearIfCurrent(ChannelId id, Channel c, CallId call, Q850Cause cause, boolean farEnd) {
        if (call.equals(c.call)) {
            disconnect(id, c, cause, farEnd);
        }
    }

    private void disconnect(ChannelId id, Channel c, Q850Cause cause, boolean farEnd) {
        CallId call = c.call;
        c.sm.transition(ChannelState.DISCONNECTING, now, farEnd ? "far-end clear" : "hang-up");
        c.sm.transition(ChannelState.IDLE, now, "released");
        c.lastCall = call;
        c.call = null;
        publish((s, t) -> new CallDisconnected(s, t, id, call, cause, farEnd));
    }

    private CallId newCallId() {
        return flaws.contains(Flaw.REUSED_CALL_IDS) ? new CallId(1) : new CallId(nextCall++);
    }

    private void at(long delayNanos, Runnable task) {
        timers.add(new Timer(now + delayNanos, timerSeq++, task));
    }

    private void publish(EventHub.EventFactory factory) {
        hub.publish(factory);
    }

    private HalEventListener maybeLossy(HalEventListener listener) {
        return flaws.contains(Flaw.SEQUENCE_GAP) ? e -> listener.onEvent(skipEveryThird(e)) : listener;
    }

    /** Renumbers the events this fake publishes so that every third sequence number is skipped. */
    private static HalEvent skipEveryThird(HalEvent e) {
        long q = e.sequence() + (e.sequence() - 1) / 2;
        if (e instanceof CallOffered o) {
            return new CallOffered(q, o.atNanos(), o.channel(), o.call(), o.dnis(), o.ani());
        } else if (e instanceof CallAlerting a) {
            return new CallAlerting(q, a.atNanos(), a.channel(), a.call());
        } else if (e instanceof CallConnected c) {
            return new CallConnected(q, c.atNanos(), c.channel(), c.call());
        } else if (e instanceof CallDisconnected d) {
            return new CallDisconnected(q, d.atNanos(), d.channel(), d.call(), d.cause(), d.farEnd());
        } else if (e instanceof ChannelInService i) {
            return new ChannelInService(q, i.atNanos(), i.channel());
        } else if (e instanceof ChannelOutOfService o) {
            return new ChannelOutOfService(q, o.atNanos(), o.channel(), o.reason());
        }
        throw new AssertionError("the fake does not publish " + e);
    }
}
