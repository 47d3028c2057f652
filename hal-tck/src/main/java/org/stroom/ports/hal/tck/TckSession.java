package org.stroom.ports.hal.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.WavInfo;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * One contract check's world: a harness, a recorder attached to its backend, a scratch directory
 * for prompts and fax documents, the calls the check started, and the waiting rules that make one
 * check work on virtual and on real time.
 *
 * <p>Waiting: {@link #expect} lets backend time pass in small steps through
 * {@link TckHarness#advance} and looks at the recorded events after each step, so a virtual-time
 * backend reaches the event after exactly as much time as it needs; a real-time harness waits
 * each step in scaled real time. Only a check about to fail waits the harness's
 * {@linkplain TckHarness#eventGrace() grace} on top.
 *
 * <p>Thread-safety: confined to the test thread.
 */
public final class TckSession implements AutoCloseable {
    /** Backend time allowed for call signalling (offer, answer, clear, far-end response). */
    public static final Duration SIGNALLING = Duration.ofSeconds(10);

    /** Inbound dialled number used by the contracts. */
    public static final String DNIS = "5550100";

    /** Inbound caller number used by the contracts. */
    public static final String ANI = "2125551212";

    /** Outbound number used by the contracts. */
    public static final String NUMBER = "5551234";

    private static final Duration MIN_STEP = Duration.ofMillis(10);
    private static final Duration MAX_STEP = Duration.ofSeconds(1);

    private final TckHarness harness;
    private final EventRecorder recorder;
    private final Path dir;
    private final Set<CallId> calls = new LinkedHashSet<>();
    private Duration elapsed = Duration.ZERO;

    private TckSession(TckHarness harness, EventRecorder recorder, Path dir) {
        this.harness = harness;
        this.recorder = recorder;
        this.dir = dir;
    }

    /**
     * Opens a session on a fresh harness: attaches a recorder and makes a scratch directory. Closes
     * the harness if that fails.
     */
    public static TckSession open(TckHarness harness) {
        Objects.requireNonNull(harness, "createHarness() returned null");
        try {
            HalBackend b = Objects.requireNonNull(harness.backend(), "harness.backend() returned null");
            EventRecorder r = EventRecorder.attach(b);
            return new TckSession(harness, r, Files.createTempDirectory("hal-tck-"));
        } catch (IOException e) {
            harness.close();
            throw new UncheckedIOException("cannot create a scratch directory for the contract", e);
        } catch (RuntimeException | Error e) {
            harness.close();
            throw e;
        }
    }

    /** @return the harness */
    public TckHarness harness() {
        return harness;
    }

    /** @return the backend under test */
    public HalBackend backend() {
        return harness.backend();
    }

    /** @return the recorder attached to the backend */
    public EventRecorder recorder() {
        return recorder;
    }

    /** @return calls this session placed or was offered, in order */
    public Set<CallId> calls() {
        return Set.copyOf(calls);
    }

    /** @return backend time this session has let pass */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Fails unless the harness has {@code capability}.
     *
     * @throws AssertionError "harness lacks X", naming the check to override
     */
    public void require(Capability capability) {
        if (!harness.capabilities().contains(capability)) {
            String check = StackWalker.getInstance()
                    .walk(s -> s.skip(1).findFirst().map(f -> f.getMethodName()).orElse("this check"));
            throw new AssertionError("harness lacks " + capability + ": add it to capabilities() and implement it, or"
                    + " override " + check + " in the backend's test class with @Disabled(\"<why the backend"
                    + " cannot do it>\")");
        }
    }

    // ---- time ----

    /** Lets {@code d} of backend time pass. */
    public void advance(Duration d) {
        harness.advance(d);
        elapsed = elapsed.plus(d);
    }

    /**
     * Waits, by letting backend time pass in steps, for an event of {@code type} matching
     * {@code filter} (including events already recorded).
     *
     * @param within backend time allowed
     * @param what the expected event, for the failure message
     * @return the first matching event
     * @throws AssertionError when it did not arrive within {@code within} plus the grace
     */
    public <T extends HalEvent> T expect(Class<T> type, Predicate<? super T> filter, Duration within, String what) {
        Duration step = clamp(within.dividedBy(100));
        Duration waited = Duration.ZERO;
        while (true) {
            Optional<T> found = recorder.first(type, filter);
            if (found.isPresent()) {
                return found.get();
            }
            if (waited.compareTo(within) >= 0) {
                break;
            }
            Duration d = step.compareTo(within.minus(waited)) < 0 ? step : within.minus(waited);
            advance(d);
            waited = waited.plus(d);
        }
        return recorder.await(type, filter, harness.eventGrace(), what + " within " + within + " of backend time");
    }

    /**
     * Lets {@code during} of backend time pass and asserts that no event of {@code type} matching
     * {@code filter} has been recorded.
     *
     * @param what the unexpected event, for the failure message
     */
    public <T extends HalEvent> void expectNone(
            Class<T> type, Predicate<? super T> filter, Duration during, String what) {
        // a real-time harness's wait can overshoot on a loaded machine; its slack shortens the window
        Duration window = harness.virtualTime() ? during : during.minus(harness.timingSlack());
        if (window.isNegative()) {
            window = Duration.ZERO;
        }
        if (!window.isZero()) {
            advance(window);
        }
        Optional<T> found = recorder.first(type, filter);
        if (found.isPresent()) {
            throw new AssertionError(
                    "expected no " + what + " but got " + found.get() + "; events:" + recorder.describe());
        }
        // the rest of the window still passes, so the checks that follow see the same backend time
        Duration rest = during.minus(window);
        if (!rest.isZero()) {
            advance(rest);
        }
    }

    /**
     * Lets backend time pass until {@code channel} is in {@code state}.
     *
     * @throws AssertionError when it is not after {@code within}
     */
    public void awaitState(ChannelId channel, ChannelState state, Duration within) {
        Duration step = clamp(within.dividedBy(100));
        Duration waited = Duration.ZERO;
        while (state(channel) != state) {
            if (waited.compareTo(within) >= 0) {
                throw new AssertionError("channel " + channel + " is " + state(channel) + ", expected " + state
                        + " within " + within + " of backend time; history "
                        + backend().history(channel)
                        + "; events:" + recorder.describe());
            }
            advance(step);
            waited = waited.plus(step);
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MIN_STEP) < 0 ? MIN_STEP : d.compareTo(MAX_STEP) > 0 ? MAX_STEP : d;
    }

    // ---- channels ----

    /** @return the channel's state now */
    public ChannelState state(ChannelId channel) {
        return backend().channel(channel).state();
    }

    /** @return spans with a circuit plugged in that carry traffic, in order */
    public List<SpanInfo> usableSpans() {
        return backend().spans().stream().filter(SpanInfo::usable).collect(Collectors.toList());
    }

    /** @return the first usable span with {@code signalling}, if any */
    public Optional<SpanInfo> usableSpan(Signalling signalling) {
        return usableSpans().stream()
                .filter(s -> s.config().map(c -> c.signalling() == signalling).orElse(false))
                .findFirst();
    }

    /** @return the channels of {@code span}, in order */
    public List<ChannelId> channelsOf(SpanLocation span) {
        return backend().channels().stream()
                .map(ChannelInfo::id)
                .filter(c -> c.span().equals(span))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * @return {@code n} IDLE channels on usable spans, in order
     * @throws AssertionError when the backend has fewer
     */
    public List<ChannelId> idleChannels(int n) {
        Set<SpanLocation> usable =
                usableSpans().stream().map(SpanInfo::location).collect(Collectors.toSet());
        List<ChannelId> idle = backend().channels().stream()
                .filter(c -> c.state() == ChannelState.IDLE && usable.contains(c.id().span()))
                .map(ChannelInfo::id)
                .sorted()
                .limit(n)
                .collect(Collectors.toList());
        if (idle.size() < n) {
            throw new AssertionError("the harness backend must offer at least " + n + " IDLE channels on usable spans,"
                    + " has " + idle.size() + ": " + backend().channels());
        }
        return idle;
    }

    /** @return the first IDLE channel on a usable span */
    public ChannelId idleChannel() {
        return idleChannels(1).get(0);
    }

    // ---- call flows ----

    /**
     * The far end calls in on {@code channel}; waits for CallOffered and checks it.
     *
     * @return the offered call
     */
    public CallId offer(ChannelId channel, String dnis, String ani) {
        CallId call = harness.offerInbound(channel, dnis, ani);
        if (!calls.add(call)) {
            throw new AssertionError("the backend reused call id " + call + " for a new call on " + channel);
        }
        CallOffered offered = expect(
                CallOffered.class,
                e -> e.call().equals(call),
                SIGNALLING,
                "CallOffered for " + call + " on " + channel);
        if (!offered.channel().equals(channel)
                || !offered.dnis().equals(dnis)
                || !offered.ani().equals(ani)) {
            throw new AssertionError("the far end called " + channel + " with dnis " + dnis + ", ani '" + ani
                    + "' but the backend reported " + offered);
        }
        return call;
    }

    /** @return an offered call with the default numbers */
    public CallId offer(ChannelId channel) {
        return offer(channel, DNIS, ANI);
    }

    /** Offers and answers an inbound call on {@code channel}; waits until CONNECTED. */
    public CallId connectInbound(ChannelId channel) {
        CallId call = offer(channel);
        backend().answer(channel);
        expect(CallConnected.class, e -> e.call().equals(call), SIGNALLING, "CallConnected for " + call);
        awaitState(channel, ChannelState.CONNECTED, SIGNALLING);
        return call;
    }

    /**
     * Sets the far end's behaviour and places a call to {@link #NUMBER} with a 60 s timeout.
     *
     * @return the placed call
     */
    public CallId place(ChannelId channel, OutboundBehaviour behaviour) {
        return place(channel, behaviour, OutboundCall.to(NUMBER));
    }

    /** Sets the far end's behaviour and places {@code call}. */
    public CallId place(ChannelId channel, OutboundBehaviour behaviour, OutboundCall call) {
        harness.setOutboundBehaviour(behaviour);
        CallId id = backend().placeCall(channel, call);
        if (id == null) {
            throw new AssertionError("placeCall on " + channel + " returned null instead of the call's id");
        }
        if (!calls.add(id)) {
            throw new AssertionError("the backend reused call id " + id + " for a new call on " + channel);
        }
        return id;
    }

    /** Places an outbound call that the far end answers after 1 s (a fax machine if {@code fax}). */
    public CallId connectOutbound(ChannelId channel, boolean fax) {
        Duration delay = Duration.ofSeconds(1);
        CallId call = place(channel, fax ? OutboundBehaviour.answerFax(delay) : OutboundBehaviour.answer(delay));
        expect(CallConnected.class, e -> e.call().equals(call), SIGNALLING, "CallConnected for " + call);
        awaitState(channel, ChannelState.CONNECTED, SIGNALLING);
        return call;
    }

    /** @return the one CallDisconnected of {@code call}, waiting for it */
    public CallDisconnected expectDisconnected(CallId call, Duration within) {
        return expect(CallDisconnected.class, e -> e.call().equals(call), within, "CallDisconnected for " + call);
    }

    /** Clears the call on {@code channel} with normal clearing and waits until the channel is IDLE. */
    public CallDisconnected hangUp(ChannelId channel, CallId call) {
        backend().hangUp(channel, Q850Cause.NORMAL_CLEARING);
        CallDisconnected d = expectDisconnected(call, SIGNALLING);
        awaitState(channel, ChannelState.IDLE, SIGNALLING);
        return d;
    }

    /**
     * Proves {@code channel} usable: an inbound call is offered, answered and cleared on it.
     *
     * @param why what the channel went through, for the failure message
     */
    public void assertUsable(ChannelId channel, String why) {
        try {
            awaitState(channel, ChannelState.IDLE, SIGNALLING);
            CallId call = connectInbound(channel);
            hangUp(channel, call);
        } catch (AssertionError e) {
            throw new AssertionError("channel " + channel + " is not usable after " + why + ": " + e.getMessage(), e);
        }
    }

    /**
     * Clears every call still up (our hang-up), lets signalling finish, then checks the
     * {@link EventInvariants} over everything recorded.
     */
    public void clearCallsAndCheckInvariants() {
        for (ChannelInfo c : backend().channels()) {
            if (CallStep.CLEARABLE.contains(c.state())) {
                try {
                    backend().hangUp(c.id(), Q850Cause.NORMAL_CLEARING);
                } catch (WrongStateException e) {
                    // The call ended on its own between the listing and the hang-up (a far-end clear already
                    // under way on the backend's thread): nothing is left to clear. Still up: a real refusal.
                    if (CallStep.CLEARABLE.contains(backend().channel(c.id()).state())) {
                        throw e;
                    }
                }
            }
        }
        Duration waited = Duration.ZERO;
        while (backend().channels().stream().anyMatch(c -> c.state().inCall()) && waited.compareTo(SIGNALLING) < 0) {
            advance(Duration.ofMillis(100));
            waited = waited.plus(Duration.ofMillis(100));
        }
        for (CallId call : calls) {
            try {
                expect(CallDisconnected.class, e -> e.call().equals(call), Duration.ZERO, "CallDisconnected");
            } catch (AssertionError missing) {
                break; // waited long enough for stragglers; the invariants below name every missing end
            }
        }
        EventInvariants.check(recorder.events(), calls);
    }

    // ---- files ----

    /** @return a path in the scratch directory (the file is not created) */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** @return a new µ-law prompt of {@code length} of silence */
    public Path prompt(Duration length) {
        Path p = file("prompt-" + length.toMillis() + "ms-" + System.nanoTime() + ".wav");
        WavInfo.writeSilence(p, AudioEncoding.MULAW, length);
        return p;
    }

    /** @return a new TIFF Class F document of {@code pages} blank pages */
    public Path faxDocument(int pages) {
        Path p = file("doc-" + pages + "p-" + System.nanoTime() + ".tif");
        TiffInfo.writeBlankPages(p, pages, 64);
        return p;
    }

    /** Detaches the recorder, closes the harness and deletes the scratch directory. */
    @Override
    public void close() {
        try {
            recorder.close();
        } finally {
            try {
                harness.close();
            } finally {
                deleteScratch();
            }
        }
    }

    private void deleteScratch() {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new));
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a left-over scratch file in the temp directory must not fail a contract
        }
    }
}
