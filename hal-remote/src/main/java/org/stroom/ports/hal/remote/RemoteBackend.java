package org.stroom.ports.hal.remote;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.ChannelEvent;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.EventHub;
import org.stroom.ports.hal.remote.proto.Accept;
import org.stroom.ports.hal.remote.proto.Ack;
import org.stroom.ports.hal.remote.proto.Answer;
import org.stroom.ports.hal.remote.proto.CollectDigits;
import org.stroom.ports.hal.remote.proto.Command;
import org.stroom.ports.hal.remote.proto.CommandResult;
import org.stroom.ports.hal.remote.proto.Done;
import org.stroom.ports.hal.remote.proto.Event;
import org.stroom.ports.hal.remote.proto.GetChannel;
import org.stroom.ports.hal.remote.proto.GetChannels;
import org.stroom.ports.hal.remote.proto.GetHistory;
import org.stroom.ports.hal.remote.proto.GetSpan;
import org.stroom.ports.hal.remote.proto.GetSpans;
import org.stroom.ports.hal.remote.proto.HangUp;
import org.stroom.ports.hal.remote.proto.Heartbeat;
import org.stroom.ports.hal.remote.proto.NodeHello;
import org.stroom.ports.hal.remote.proto.NodeLinkGrpc;
import org.stroom.ports.hal.remote.proto.NodeMessage;
import org.stroom.ports.hal.remote.proto.PlaceCall;
import org.stroom.ports.hal.remote.proto.Play;
import org.stroom.ports.hal.remote.proto.ReceiveFax;
import org.stroom.ports.hal.remote.proto.Record;
import org.stroom.ports.hal.remote.proto.Reject;
import org.stroom.ports.hal.remote.proto.SendDigits;
import org.stroom.ports.hal.remote.proto.SendFax;
import org.stroom.ports.hal.remote.proto.ServerHello;
import org.stroom.ports.hal.remote.proto.ServerMessage;
import org.stroom.ports.hal.remote.proto.SetBlocked;
import org.stroom.ports.hal.remote.proto.SetInService;
import org.stroom.ports.hal.remote.proto.Snapshot;
import org.stroom.ports.hal.remote.proto.StopMedia;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.SpanLocation;

/**
 * The boards of a remote Node as a {@link HalBackend}, so that the Server's port manager treats
 * them exactly like local ones. Operations travel as commands over the Node's {@code NodeLink}
 * stream (gRPC, mutual TLS) and wait for the Node's result; the Node's events come back numbered,
 * are applied once each in order, and are re-published through this backend's own {@link EventHub}
 * (so their {@code sequence} and {@code atNanos} are this hub's; the Node's sequence is given to
 * {@link NodeEventListener}s). An operation or query returns only after the events the Node
 * published before its result have been re-published here, so, as with a local backend, a caller
 * never sees a result (a BLOCKED channel, an OFFERED call) before the events that led to it.
 *
 * <pre>
 *  caller threads ──command──▶ stream ──▶ Node            (wait for the result and the events before it,
 *                                                           at most commandTimeout)
 *                                             │
 *  link thread ◀── hello / events / results / heartbeats ─┘
 *     │  events: drop if already applied (Node sequence), suppress if the call was reported lost,
 *     │          track calls in flight, publish ──▶ EventHub ──▶ subscribers' executors
 *     │  ack every ackEvery events (or after 10 ms)
 *     └─ heartbeat tick: send a heartbeat; no message for heartbeatTimeout ─▶ Node unreachable
 * </pre>
 *
 * <p><b>Errors.</b> A command the Node's backend refuses throws here what it threw there: {@link
 * org.stroom.ports.hal.api.WrongStateException}, {@link org.stroom.ports.hal.api.VendorException} or
 * {@link HalException}, with the same message and fields. A command that cannot reach the Node, or
 * whose result does not come back in time, throws {@link NodeUnavailableException}.
 *
 * <p><b>Node unreachable.</b> When nothing arrives from the Node for the heartbeat timeout, this
 * backend publishes, for every call in flight, {@code CallDisconnected} with cause 38 (network out
 * of order) and {@code farEnd} true, and for every channel {@code ChannelOutOfService} with reason
 * "node &lt;name&gt; unreachable"; it keeps reconnecting. Later events of those calls are suppressed,
 * so each call still ends exactly once. While unreachable, {@link #channels()} reports every channel
 * OUT_OF_SERVICE and {@link #state()} OUT_OF_SERVICE.
 *
 * <p><b>Reconnecting.</b> The hello asks the Node to resume after the last sequence applied; the
 * Node replays the rest from its journal (or, when it no longer can, sends a snapshot that covers
 * the gap). Once every event up to the snapshot has been applied, the backend reconciles with the
 * Node's snapshot: channels it took out of service come back with {@code ChannelInService} (after
 * their lost calls are cleared on the Node), calls the Node no longer has (it restarted) are
 * reported lost, and lost calls the Node still holds are hung up (cause 41).
 *
 * <p><b>Files.</b> Paths in play, record and fax requests name files on the Node.
 *
 * <p>Timing of heartbeats, timeouts and reconnects is real time ({@link System#nanoTime()}); event
 * times come from the {@link NanoClock} given to the builder.
 *
 * <p>Thread-safety: every method may be called from any thread except the link thread (a listener
 * subscribed with a direct executor must not call back, as for every backend). Events are delivered
 * on each subscription's executor, never under a lock.
 */
public final class RemoteBackend implements HalBackend {
    /** Backend id reported by {@link #id()}. */
    public static final String ID = "remote";

    private static final Logger LOG = LoggerFactory.getLogger(RemoteBackend.class);
    private static final Q850Cause LOST = Q850Cause.NETWORK_OUT_OF_ORDER;
    private static final int RECENTLY_ENDED = 4_096;

    /**
     * Where the link is.
     *
     * <p>Thread-safety: immutable.
     */
    public enum LinkState {
        /** A stream is being opened; no hello from the Node yet. */
        CONNECTING,
        /** The Node said hello; commands can be sent. */
        UP,
        /** The last stream ended; a new one is tried after a back-off. */
        DOWN,
        /** {@link RemoteBackend#close()} was called. */
        CLOSED
    }

    /**
     * A view of the link for operators and tests.
     *
     * @param node the Node's name
     * @param state where the link is
     * @param reachable false from the heartbeat timeout until the Node is back and reconciled
     * @param journalId the Node journal the sequences refer to, or "" before the first hello
     * @param incarnation the Node's incarnation (process starts on that journal)
     * @param lastApplied the last Node sequence applied (and acknowledged soon after)
     * @param duplicatesDropped events received again after a reconnect and dropped
     * @param eventsSuppressed events of calls already reported lost, not re-published
     * @param callsReportedLost CallDisconnected events this backend made up for lost calls
     * @param reconnects streams opened after the first
     *     <p>Thread-safety: immutable.
     */
    public record LinkStatus(
            String node,
            LinkState state,
            boolean reachable,
            String journalId,
            long incarnation,
            long lastApplied,
            long duplicatesDropped,
            long eventsSuppressed,
            long callsReportedLost,
            long reconnects) {}

    /**
     * Receives each Node event as it is re-published, with the Node's own sequence number. Called on
     * the link thread right after the event went to the hub: keep it quick and do not call back into
     * the backend.
     *
     * <p>Thread-safety: called from the link thread only.
     */
    @FunctionalInterface
    public interface NodeEventListener {
        /**
         * @param nodeSequence the Node's sequence of the event (1, 2, 3 … per journal); increasing, with a gap
         *     where an event belonged to a call this backend had already reported lost (while the Node was
         *     unreachable): such events are applied but not passed on, so no call ends twice
         * @param event the event as re-published through this backend's hub
         */
        void onNodeEvent(long nodeSequence, HalEvent event);
    }

    private final Settings settings;
    private final ScheduledExecutorService link;
    private final ManagedChannel channel;
    private final NodeLinkGrpc.NodeLinkStub stub;
    private final EventHub hub;
    private final PeerVerifier verifier;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong commandIds = new AtomicLong();
    private final List<NodeEventListener> nodeListeners = new CopyOnWriteArrayList<>();
    private final List<NodeEventListener> allListeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private volatile Thread linkThread;
    private volatile Stream current;
    private volatile LinkState state = LinkState.CONNECTING;
    private volatile boolean reachable = true;
    private volatile boolean closed;
    private volatile Inventory inventory = Inventory.EMPTY;
    private volatile BackendState nodeState = BackendState.IN_SERVICE;
    private volatile String journalId;
    private volatile long incarnation;
    private volatile long lastApplied;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong lostReported = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    // ---- confined to the link thread
    private long lastHeard = System.nanoTime();
    private long unreachableSince;
    private long lastAckSent;
    private boolean ackScheduled;
    private long reconnectDelayMillis;
    private Snapshot pendingSnapshot;
    private Continuity pendingContinuity;
    private boolean pendingResumed;
    private long lastHeartbeatSent;
    private final TreeSet<ChannelId> knownChannels = new TreeSet<>();
    private final Map<ChannelId, CallId> inFlight = new TreeMap<>();
    private final Set<CallId> lostCalls = new HashSet<>();
    private final Map<ChannelId, CallId> zombies = new HashMap<>();
    private final Set<ChannelId> awaitingService = new HashSet<>();
    private final Set<ChannelId> markedByUs = new TreeSet<>();
    private final Map<CallId, Boolean> recentlyEnded = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CallId, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };

    /** How a new stream continues the previous one, decided from the Node's hello. */
    private enum Continuity {
        /** Same journal and Node process; every event since the last applied one follows. */
        RESUMED,
        /** Same journal and process, but events were skipped: the snapshot covers them. */
        GAP,
        /** Same journal, the Node process restarted; events may or may not have been skipped. */
        RESTARTED,
        /** Another journal (or the first contact): nothing from before can be matched. */
        NEW_JOURNAL
    }

    private record Inventory(
            String backendId,
            boolean simulated,
            List<BoardInfo> boards,
            List<SpanInfo> spans,
            List<ChannelInfo> channels) {
        static final Inventory EMPTY = new Inventory("", false, List.of(), List.of(), List.of());
    }

    private record Pending(
            String operation, Optional<ChannelId> channel, Stream stream, CompletableFuture<CommandResult> result) {}

    private record Settings(
            String node,
            String host,
            int port,
            String serverName,
            TlsFiles tls,
            Duration heartbeatInterval,
            Duration heartbeatTimeout,
            Duration commandTimeout,
            Duration maxReconnectDelay,
            int ackEvery,
            NanoClock clock,
            InstantSource wallClock,
            String resumeJournal,
            long resumeAfter) {}

    private RemoteBackend(Settings s) {
        this.settings = s;
        this.journalId = s.resumeJournal;
        this.lastApplied = s.resumeAfter;
        this.lastAckSent = s.resumeAfter;
        this.hub = new EventHub(ID + "-" + s.node, s.clock);
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "remote-" + s.node + "-link");
            t.setDaemon(true);
            linkThread = t;
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        this.link = ex;
        s.tls.checkReadable();
        this.verifier = new PeerVerifier(
                CertificateAuthority.readCertificate(s.tls.ca()),
                List.of(s.node),
                PeerVerifier.PeerRole.SERVER,
                s.wallClock);
        ChannelCredentials credentials;
        try {
            credentials = TlsChannelCredentials.newBuilder()
                    .keyManager(s.tls.certificate().toFile(), s.tls.privateKey().toFile())
                    .trustManager(verifier)
                    .build();
        } catch (IOException e) {
            link.shutdownNow();
            throw new UncheckedIOException(
                    "remote backend for node " + s.node + ": cannot read TLS files " + s.tls + ": " + e.getMessage(),
                    e);
        }
        this.channel = NettyChannelBuilder.forAddress(s.host, s.port, credentials)
                // the Node's certificate names the machine, not the address it is reached at
                .overrideAuthority(s.node)
                .executor(link)
                .build();
        this.stub = NodeLinkGrpc.newStub(channel);
        this.reconnectDelayMillis = initialReconnectDelay();
        // finer than the interval, so that the timeout is noticed within a tenth of itself
        long tick = Math.min(
                s.heartbeatInterval.toNanos(),
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), s.heartbeatTimeout.toNanos() / 10));
        link.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
        link.execute(this::connect);
    }

    /**
     * Starts building a backend for one Node.
     *
     * @param node the Node's machine name, as in its certificate
     * @param host the Node's host name or address
     * @param port the Node's port
     * @return a builder
     */
    public static Builder builder(String node, String host, int port) {
        return new Builder(node, host, port);
    }

    // ------------------------------------------------------------------ link API

    /** @return the Node's name */
    public String node() {
        return settings.node;
    }

    /** @return the link's state and counters now */
    public LinkStatus status() {
        String j = journalId;
        return new LinkStatus(
                settings.node,
                state,
                reachable,
                j == null ? "" : j,
                incarnation,
                lastApplied,
                duplicates.get(),
                suppressed.get(),
                lostReported.get(),
                reconnects.get());
    }

    /** @return recent TLS refusals of the Node's certificate */
    public List<PeerVerifier.Refusal> refusals() {
        return verifier.refusals();
    }

    /** @return the hal-api id of the backend the Node serves, or "" before its first hello */
    public String nodeBackendId() {
        return inventory.backendId();
    }

    /**
     * Waits until the link is up, reachable and reconciled.
     *
     * @param timeout how long to wait
     * @return whether it is
     * @throws HalException when interrupted
     */
    public boolean awaitUp(Duration timeout) {
        return await(timeout, () -> state == LinkState.UP && reachable && pendingSnapshotCleared());
    }

    /**
     * Waits until the Node is declared unreachable.
     *
     * @return whether it was within {@code timeout}
     */
    public boolean awaitUnreachable(Duration timeout) {
        return await(timeout, () -> !reachable);
    }

    /**
     * Waits until every Node event up to {@code sequence} has been applied.
     *
     * @return whether they were within {@code timeout}
     */
    public boolean awaitApplied(long sequence, Duration timeout) {
        return await(timeout, () -> lastApplied >= sequence);
    }

    /**
     * Waits until the link's status satisfies {@code condition} (checked at every change of state,
     * every batch of events and every reconciliation).
     *
     * @return whether it did within {@code timeout}
     * @throws HalException when interrupted
     */
    public boolean awaitStatus(Predicate<LinkStatus> condition, Duration timeout) {
        Objects.requireNonNull(condition, "condition");
        return await(timeout, () -> condition.test(status()));
    }

    /**
     * Adds a listener for Node events with their Node sequence numbers (synthetic events are not
     * given to it).
     *
     * @return a subscription; close it to stop
     */
    public Subscription subscribeNodeEvents(NodeEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        nodeListeners.add(listener);
        return new Subscription() {
            @Override
            public void close() {
                nodeListeners.remove(listener);
            }

            @Override
            public int backlog() {
                return 0;
            }
        };
    }

    /**
     * Adds a listener for every event this backend publishes, in publish order: each Node event with
     * its Node sequence, and each event this backend makes up itself (calls reported lost, channels
     * taken out of service while the Node is unreachable and put back after reconciliation) with
     * sequence 0. Lets a Server record, with what it applied, the last Node sequence it applied, and
     * tell made-up events from the Node's. Called on the link thread right after the event went to
     * the hub: keep it quick and do not call back into the backend.
     *
     * @return a subscription; close it to stop
     */
    public Subscription subscribeAllEvents(NodeEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        allListeners.add(listener);
        return new Subscription() {
            @Override
            public void close() {
                allListeners.remove(listener);
            }

            @Override
            public int backlog() {
                return 0;
            }
        };
    }

    // ------------------------------------------------------------------ HalBackend

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean simulated() {
        return inventory.simulated();
    }

    @Override
    public BackendState state() {
        if (closed) {
            return BackendState.SHUT_DOWN;
        }
        return state == LinkState.UP && reachable ? nodeState : BackendState.OUT_OF_SERVICE;
    }

    @Override
    public void setInService(boolean inService) {
        invoke(
                "setInService",
                Optional.empty(),
                Command.newBuilder().setSetInService(SetInService.newBuilder().setInService(inService)));
        nodeState = inService ? BackendState.IN_SERVICE : BackendState.OUT_OF_SERVICE;
    }

    @Override
    public List<BoardInfo> boards() {
        return inventory.boards();
    }

    @Override
    public List<SpanInfo> spans() {
        return query(
                "spans",
                Command.newBuilder().setGetSpans(GetSpans.getDefaultInstance()),
                d -> d.getSpans().getSpansList().stream().map(ValueCodec::span).toList(),
                () -> inventory.spans().stream().map(RemoteBackend::offline).toList());
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        Objects.requireNonNull(location, "location");
        return query(
                "span",
                Command.newBuilder().setGetSpan(GetSpan.newBuilder().setSpan(ValueCodec.span(location))),
                d -> ValueCodec.span(d.getSpan()),
                () -> inventory.spans().stream()
                        .filter(s -> s.location().equals(location))
                        .findFirst()
                        .map(RemoteBackend::offline)
                        .orElseThrow(() -> new HalException("node " + settings.node + " has no span " + location
                                + " (or has not been reached yet)")));
    }

    @Override
    public List<ChannelInfo> channels() {
        return query(
                "channels",
                Command.newBuilder().setGetChannels(GetChannels.getDefaultInstance()),
                d -> d.getChannels().getChannelsList().stream()
                        .map(ValueCodec::channel)
                        .toList(),
                () -> inventory.channels().stream().map(RemoteBackend::offline).toList());
    }

    @Override
    public ChannelInfo channel(ChannelId id) {
        Objects.requireNonNull(id, "channel");
        return query(
                "channel",
                Command.newBuilder().setGetChannel(GetChannel.newBuilder().setChannel(ref(id))),
                d -> ValueCodec.channel(d.getChannel()),
                () -> inventory.channels().stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .map(RemoteBackend::offline)
                        .orElseThrow(() -> new HalException(
                                "node " + settings.node + " has no channel " + id + " (or has not been reached yet)")));
    }

    @Override
    public List<StateChange> history(ChannelId id) {
        Objects.requireNonNull(id, "channel");
        return query(
                "history",
                Command.newBuilder().setGetHistory(GetHistory.newBuilder().setChannel(ref(id))),
                d -> d.getHistory().getChangesList().stream()
                        .map(ValueCodec::stateChange)
                        .toList(),
                List::of);
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        return hub.subscribe(listener);
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        return hub.subscribe(listener, executor);
    }

    @Override
    public void accept(ChannelId ch) {
        invoke(
                "accept",
                Optional.of(ch),
                Command.newBuilder().setAccept(Accept.newBuilder().setChannel(ref(ch))));
    }

    @Override
    public void answer(ChannelId ch) {
        invoke(
                "answer",
                Optional.of(ch),
                Command.newBuilder().setAnswer(Answer.newBuilder().setChannel(ref(ch))));
    }

    @Override
    public void reject(ChannelId ch, Q850Cause cause) {
        Objects.requireNonNull(cause, "cause");
        invoke(
                "reject",
                Optional.of(ch),
                Command.newBuilder()
                        .setReject(Reject.newBuilder().setChannel(ref(ch)).setCause(cause.code())));
    }

    @Override
    public CallId placeCall(ChannelId ch, OutboundCall call) {
        Objects.requireNonNull(call, "call");
        Done d = invoke(
                "placeCall",
                Optional.of(ch),
                Command.newBuilder()
                        .setPlaceCall(PlaceCall.newBuilder()
                                .setChannel(ref(ch))
                                .setNumber(call.number().value())
                                .setCallerId(call.callerId().map(n -> n.value()).orElse(""))
                                .setTimeoutNanos(call.timeout().toNanos())));
        return ValueCodec.call(d.getCall(), "placeCall result");
    }

    @Override
    public void hangUp(ChannelId ch, Q850Cause cause) {
        Objects.requireNonNull(cause, "cause");
        invoke(
                "hangUp",
                Optional.of(ch),
                Command.newBuilder()
                        .setHangUp(HangUp.newBuilder().setChannel(ref(ch)).setCause(cause.code())));
    }

    @Override
    public void play(ChannelId ch, PlayRequest request) {
        Objects.requireNonNull(request, "request");
        invoke(
                "play",
                Optional.of(ch),
                Command.newBuilder()
                        .setPlay(Play.newBuilder()
                                .setChannel(ref(ch))
                                .setFile(request.file().toString())
                                .setTerminatingDigits(request.terminatingDigits())));
    }

    @Override
    public void record(ChannelId ch, RecordRequest request) {
        Objects.requireNonNull(request, "request");
        invoke(
                "record",
                Optional.of(ch),
                Command.newBuilder()
                        .setRecord(Record.newBuilder()
                                .setChannel(ref(ch))
                                .setFile(request.file().toString())
                                .setEncoding(ValueCodec.AUDIO_ENCODING.toProto(request.encoding()))
                                .setMaxTimeNanos(request.maxTime().toNanos())
                                .setMaxSilenceNanos(request.maxSilence().toNanos())
                                .setTerminatingDigits(request.terminatingDigits())));
    }

    @Override
    public void collectDigits(ChannelId ch, DigitRequest request) {
        Objects.requireNonNull(request, "request");
        invoke(
                "collectDigits",
                Optional.of(ch),
                Command.newBuilder()
                        .setCollectDigits(CollectDigits.newBuilder()
                                .setChannel(ref(ch))
                                .setMaxDigits(request.maxDigits())
                                .setFirstDigitTimeoutNanos(
                                        request.firstDigitTimeout().toNanos())
                                .setInterDigitTimeoutNanos(
                                        request.interDigitTimeout().toNanos())
                                .setTerminatingDigits(request.terminatingDigits())));
    }

    @Override
    public void sendDigits(ChannelId ch, String digits) {
        Objects.requireNonNull(digits, "digits");
        invoke(
                "sendDigits",
                Optional.of(ch),
                Command.newBuilder()
                        .setSendDigits(
                                SendDigits.newBuilder().setChannel(ref(ch)).setDigits(digits)));
    }

    @Override
    public void sendFax(ChannelId ch, FaxSendRequest request) {
        Objects.requireNonNull(request, "request");
        invoke(
                "sendFax",
                Optional.of(ch),
                Command.newBuilder()
                        .setSendFax(SendFax.newBuilder()
                                .setChannel(ref(ch))
                                .setDocument(request.document().toString())
                                .setLocalId(request.localId())));
    }

    @Override
    public void receiveFax(ChannelId ch, FaxReceiveRequest request) {
        Objects.requireNonNull(request, "request");
        invoke(
                "receiveFax",
                Optional.of(ch),
                Command.newBuilder()
                        .setReceiveFax(ReceiveFax.newBuilder()
                                .setChannel(ref(ch))
                                .setOutput(request.output().toString())
                                .setLocalId(request.localId())));
    }

    @Override
    public void stopMedia(ChannelId ch) {
        invoke(
                "stopMedia",
                Optional.of(ch),
                Command.newBuilder().setStopMedia(StopMedia.newBuilder().setChannel(ref(ch))));
    }

    @Override
    public void setBlocked(ChannelId ch, boolean blocked) {
        invoke(
                "setBlocked",
                Optional.of(ch),
                Command.newBuilder()
                        .setSetBlocked(
                                SetBlocked.newBuilder().setChannel(ref(ch)).setBlocked(blocked)));
    }

    /** Ends the link (the Node keeps running and journaling) and stops event delivery. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        state = LinkState.CLOSED;
        Stream s = current;
        if (s != null) {
            s.cancel("remote backend closed");
        }
        for (Pending p : pending.values()) {
            p.result.completeExceptionally(
                    new NodeUnavailableException("remote backend for node " + settings.node + " was closed"));
        }
        pending.clear();
        channel.shutdownNow();
        try {
            // the channel's last callbacks run on the link executor, so it stops after them
            channel.awaitTermination(5, TimeUnit.SECONDS);
            link.shutdown();
            link.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            link.shutdownNow();
            Thread.currentThread().interrupt();
        }
        hub.close();
        signal();
        LOG.info("remote backend for node {} closed at node event {}", settings.node, lastApplied);
    }

    @Override
    public String toString() {
        return "RemoteBackend[" + status() + "]";
    }

    // ------------------------------------------------------------------ commands

    private Done invoke(String operation, Optional<ChannelId> target, Command.Builder command) {
        return invoke(operation, target, command, settings.commandTimeout);
    }

    private Done invoke(String operation, Optional<ChannelId> target, Command.Builder command, Duration timeout) {
        target.ifPresent(c -> Objects.requireNonNull(c, "channel"));
        if (Thread.currentThread() == linkThread) {
            throw new HalException("RemoteBackend " + settings.node + ": " + operation
                    + " was called on the link thread (a listener subscribed with a direct executor); subscribe"
                    + " with an executor of its own");
        }
        if (closed) {
            throw new HalException(
                    "remote backend for node " + settings.node + " is closed; " + operation + " was not sent");
        }
        Stream s = current;
        if (s == null || !s.up || !reachable) {
            throw new NodeUnavailableException("node " + settings.node + " is not connected (" + state
                    + (reachable ? "" : ", unreachable") + "): " + operation
                    + target.map(c -> " on " + c).orElse("")
                    + " was not sent; retry when the node is back");
        }
        long id = commandIds.incrementAndGet();
        Pending p = new Pending(operation, target, s, new CompletableFuture<>());
        pending.put(id, p);
        try {
            s.send(ServerMessage.newBuilder().setCommand(command.setId(id)).build());
        } catch (RuntimeException e) { // the stream broke between the check and the send
            pending.remove(id);
            throw new NodeUnavailableException("node " + settings.node + ": " + operation + " could not be sent: " + e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        CommandResult r;
        try {
            r = p.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.remove(id);
            throw new NodeUnavailableException("node " + settings.node + " did not answer " + operation
                    + target.map(c -> " on " + c).orElse("") + " within " + timeout.toMillis()
                    + " ms; it may or may not have been carried out: check the channel's state");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof HalException h
                    ? new NodeUnavailableException(h.getMessage())
                    : new NodeUnavailableException(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            pending.remove(id);
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("interrupted while waiting for node " + settings.node + " to answer "
                    + operation + "; it may or may not have been carried out");
        }
        awaitEventsBefore(r, s, operation, deadline);
        if (r.hasFailure()) {
            throw FailureCodec.decode(r.getFailure(), settings.node);
        }
        return r.getDone();
    }

    /**
     * Waits until the events the Node published before {@code r}'s outcome have been applied, so an
     * operation's own events (and those behind a query's answer) reach subscribers before the
     * caller sees the result, as with a local backend. Gives up, returning anyway, when the stream
     * ends or the command's deadline passes: the outcome stands, its events follow.
     */
    private void awaitEventsBefore(CommandResult r, Stream s, String operation, long deadline) {
        long through = r.getEventsThrough();
        if (through <= lastApplied) {
            return;
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (!await(left, () -> lastApplied >= through || current != s || closed)) {
            LOG.warn(
                    "node {}: {} returned before its events: applied up to {}, the result follows event {}",
                    settings.node,
                    operation,
                    lastApplied,
                    through);
        }
    }

    private <T> T query(String operation, Command.Builder command, Function<Done, T> ok, Supplier<T> offline) {
        Stream s = current;
        if (closed || s == null || !s.up || !reachable) {
            return offline.get();
        }
        Duration timeout = settings.commandTimeout.compareTo(settings.heartbeatTimeout) < 0
                ? settings.commandTimeout
                : settings.heartbeatTimeout;
        Done d;
        try {
            d = invoke(operation, Optional.empty(), command, timeout);
        } catch (NodeUnavailableException e) {
            return offline.get();
        }
        return ok.apply(d);
    }

    private static org.stroom.ports.hal.remote.proto.ChannelRef ref(ChannelId ch) {
        return ValueCodec.channel(Objects.requireNonNull(ch, "channel"));
    }

    private static SpanInfo offline(SpanInfo s) {
        return new SpanInfo(s.location(), s.config(), s.status().withInService(false), s.counters());
    }

    private static ChannelInfo offline(ChannelInfo c) {
        return new ChannelInfo(c.id(), c.kinds(), ChannelState.OUT_OF_SERVICE, Optional.empty());
    }

    // ------------------------------------------------------------------ link thread

    private void connect() {
        if (closed) {
            return;
        }
        if (current != null) {
            return;
        }
        channel.resetConnectBackoff();
        Stream s = new Stream();
        current = s;
        state = LinkState.CONNECTING;
        signal();
        stub.link(s);
        String j = journalId;
        s.send(ServerMessage.newBuilder()
                .setHello(ServerHello.newBuilder()
                        .setServerName(settings.serverName)
                        .setNodeName(settings.node)
                        .setJournalId(j == null ? "" : j)
                        .setResumeAfter(j == null ? 0 : lastApplied)
                        .setHeartbeatIntervalMillis((int) settings.heartbeatInterval.toMillis())
                        .setHeartbeatTimeoutMillis((int) settings.heartbeatTimeout.toMillis())
                        .setProtocolVersion(NodeServer.PROTOCOL_VERSION))
                .build());
    }

    private void tick() {
        if (closed) {
            return;
        }
        try {
            long now = System.nanoTime();
            Stream s = current;
            if (s != null && s.up && now - lastHeartbeatSent >= settings.heartbeatInterval.toNanos()) {
                lastHeartbeatSent = now;
                s.send(ServerMessage.newBuilder()
                        .setHeartbeat(Heartbeat.newBuilder()
                                .setSentMicros(micros(settings.wallClock.instant()))
                                .setLastSequence(lastApplied))
                        .build());
                lastAckSent = Math.max(lastAckSent, lastApplied);
            }
            long timeout = settings.heartbeatTimeout.toNanos();
            long silent = now - lastHeard;
            if (silent > timeout && reachable) {
                markUnreachable(silent);
            }
            // a new stream gets the whole timeout to say hello, however long the Node has been silent
            long streamSilent = s == null ? 0 : now - Math.max(lastHeard, s.opened);
            if (s != null && streamSilent > timeout) {
                s.cancel("no message from node " + settings.node + " for " + TimeUnit.NANOSECONDS.toMillis(streamSilent)
                        + " ms");
            }
        } catch (RuntimeException e) { // the tick must keep running
            LOG.error("remote backend for node {}: heartbeat tick failed", settings.node, e);
        }
    }

    private void onMessage(Stream s, NodeMessage m) {
        lastHeard = System.nanoTime();
        switch (m.getBodyCase()) {
            case HELLO:
                onHello(s, m.getHello());
                break;
            case EVENTS:
                if (!s.up) {
                    throw new LinkProtocolException("events before the node's hello");
                }
                for (Event e : m.getEvents().getEventsList()) {
                    onEvent(e);
                }
                afterEvents();
                break;
            case RESULT:
                onResult(m.getResult());
                break;
            case HEARTBEAT:
                break;
            case BODY_NOT_SET:
            default:
                throw new LinkProtocolException("message without a body (" + m.getBodyCase() + ")");
        }
    }

    private void onHello(Stream s, NodeHello h) {
        if (s.up) {
            throw new LinkProtocolException("a second hello on the same stream");
        }
        if (!h.getNodeName().equalsIgnoreCase(settings.node)) {
            throw new LinkProtocolException("the node at " + settings.host + ":" + settings.port + " says it is '"
                    + h.getNodeName() + "', expected " + settings.node);
        }
        String previousJournal = journalId;
        long previousIncarnation = incarnation;
        Continuity c;
        if (previousJournal == null || !previousJournal.equals(h.getJournalId())) {
            c = Continuity.NEW_JOURNAL;
        } else if (previousIncarnation != 0 && previousIncarnation != h.getIncarnation()) {
            c = Continuity.RESTARTED;
        } else {
            c = h.getResumed() ? Continuity.RESUMED : Continuity.GAP;
        }
        if (!h.getResumed() && previousJournal != null && previousJournal.equals(h.getJournalId())) {
            LOG.warn(
                    "node {}: events {}..{} could not be replayed; continuing from the node's snapshot",
                    settings.node,
                    lastApplied + 1,
                    h.getEventsAfter());
        }
        journalId = h.getJournalId();
        incarnation = h.getIncarnation();
        if (!h.getResumed()) {
            lastApplied = h.getEventsAfter();
            lastAckSent = lastApplied;
        }
        Snapshot snap = h.getSnapshot();
        List<BoardInfo> boards = new ArrayList<>();
        snap.getBoardsList().forEach(b -> boards.add(ValueCodec.board(b)));
        List<SpanInfo> spans = new ArrayList<>();
        snap.getSpansList().forEach(sp -> spans.add(ValueCodec.span(sp)));
        List<ChannelInfo> channels = new ArrayList<>();
        snap.getChannelsList().forEach(ch -> channels.add(ValueCodec.channel(ch)));
        inventory = new Inventory(
                h.getBackendId(), h.getSimulated(), List.copyOf(boards), List.copyOf(spans), List.copyOf(channels));
        nodeState = ValueCodec.BACKEND_STATE.toJava(snap.getState(), "snapshot.state");
        s.up = true;
        state = LinkState.UP;
        reconnectDelayMillis = initialReconnectDelay();
        pendingSnapshot = snap;
        pendingContinuity = c;
        pendingResumed = h.getResumed();
        LOG.info(
                "node {} connected: journal {} incarnation {}, {} after event {} (snapshot as of {}), {} channels",
                settings.node,
                journalId,
                incarnation,
                h.getResumed() ? "resuming" : "continuing",
                h.getEventsAfter(),
                snap.getAsOfSequence(),
                channels.size());
        maybeReconcile();
        signal();
    }

    private void onEvent(Event e) {
        long seq = e.getSequence();
        if (seq <= lastApplied) {
            duplicates.incrementAndGet();
            return;
        }
        if (seq != lastApplied + 1) {
            throw new LinkProtocolException(
                    "node event " + seq + " arrived after " + lastApplied + "; events in between are missing");
        }
        HalEvent decoded;
        try {
            decoded = EventCodec.decode(e, 0, 0);
        } catch (LinkProtocolException unusable) {
            // Dropping the link would bring the same event back forever; skip it, loudly.
            LOG.error("node {}: event {} skipped: {}", settings.node, seq, unusable.getMessage());
            suppressed.incrementAndGet();
            lastApplied = seq;
            return;
        }
        boolean publish = true;
        if (decoded instanceof CallEvent c) {
            if (lostCalls.contains(c.call())) {
                publish = false;
                suppressed.incrementAndGet();
                if (c instanceof CallDisconnected) {
                    lostCalls.remove(c.call());
                    recentlyEnded.put(c.call(), Boolean.TRUE);
                    if (zombies.remove(c.channel(), c.call()) && awaitingService.remove(c.channel())) {
                        publishSynthetic((s, at) -> new ChannelInService(s, at, c.channel()));
                    }
                }
            } else if (c instanceof CallDisconnected) {
                inFlight.remove(c.channel(), c.call());
                recentlyEnded.put(c.call(), Boolean.TRUE);
            } else {
                inFlight.put(c.channel(), c.call());
            }
        }
        if (decoded instanceof ChannelEvent ce) {
            knownChannels.add(ce.channel());
            if (decoded instanceof ChannelInService || decoded instanceof ChannelOutOfService) {
                markedByUs.remove(ce.channel());
                awaitingService.remove(ce.channel());
            }
        }
        if (publish) {
            HalEvent published = hub.publish((s, at) -> EventCodec.decode(e, s, at));
            for (NodeEventListener l : nodeListeners) {
                try {
                    l.onNodeEvent(seq, published);
                } catch (RuntimeException failure) { // one listener must not stop the link
                    LOG.error("node {}: node event listener threw on event {}", settings.node, seq, failure);
                }
            }
            toAllListeners(seq, published);
        }
        // only now, so that whoever waits for this sequence finds it published and listened to
        lastApplied = seq;
        maybeReconcile();
    }

    private void afterEvents() {
        if (lastApplied - lastAckSent >= settings.ackEvery) {
            sendAck();
        } else if (!ackScheduled && lastApplied > lastAckSent) {
            ackScheduled = true;
            link.schedule(this::sendAck, 10, TimeUnit.MILLISECONDS);
        }
        signal();
    }

    private void onResult(CommandResult r) {
        Pending p = pending.remove(r.getId());
        if (p == null) {
            return; // its caller gave up waiting
        }
        if (p.operation.equals("placeCall") && r.hasDone() && r.getDone().getCall() > 0 && p.channel.isPresent()) {
            CallId call = new CallId(r.getDone().getCall());
            if (!recentlyEnded.containsKey(call) && !lostCalls.contains(call)) {
                inFlight.put(p.channel.get(), call);
            }
        }
        p.result.complete(r);
    }

    private void sendAck() {
        ackScheduled = false;
        Stream s = current;
        if (s != null && s.up && lastApplied > lastAckSent) {
            s.send(ServerMessage.newBuilder()
                    .setAck(Ack.newBuilder().setSequence(lastApplied))
                    .build());
            lastAckSent = lastApplied;
        }
    }

    private void onStreamEnd(Stream s, Status status) {
        if (current != s) {
            return;
        }
        current = null;
        boolean wasUp = s.up;
        s.up = false;
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Pending p = it.next().getValue();
            if (p.stream == s) {
                it.remove();
                p.result.completeExceptionally(new NodeUnavailableException("link to node " + settings.node
                        + " lost before the result of " + p.operation
                        + p.channel.map(c -> " on " + c).orElse("")
                        + " arrived; it may or may not have been carried out: check the channel's state"));
            }
        }
        if (closed) {
            return;
        }
        state = LinkState.DOWN;
        signal();
        long delay = reconnectDelayMillis;
        reconnectDelayMillis = Math.min(reconnectDelayMillis * 2, settings.maxReconnectDelay.toMillis());
        if (wasUp || reconnects.get() == 0) {
            LOG.warn("link to node {} ended ({}); reconnecting in {} ms", settings.node, describe(status), delay);
        } else {
            LOG.debug("link to node {} ended ({}); reconnecting in {} ms", settings.node, describe(status), delay);
        }
        link.schedule(
                () -> {
                    if (!closed && current == null) {
                        reconnects.incrementAndGet();
                        connect();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    private void markUnreachable(long silentNanos) {
        reachable = false;
        unreachableSince = System.nanoTime();
        int calls = inFlight.size();
        for (Map.Entry<ChannelId, CallId> e : inFlight.entrySet()) {
            ChannelId ch = e.getKey();
            CallId call = e.getValue();
            lostCalls.add(call);
            lostReported.incrementAndGet();
            publishSynthetic((s, at) -> new CallDisconnected(s, at, ch, call, LOST, true));
        }
        inFlight.clear();
        String reason = "node " + settings.node + " unreachable";
        for (ChannelId ch : knownChannels) {
            publishSynthetic((s, at) -> new ChannelOutOfService(s, at, ch, reason));
            markedByUs.add(ch);
        }
        awaitingService.clear();
        LOG.warn(
                "node {} unreachable: no message for {} ms; {} channels out of service, {} calls reported lost",
                settings.node,
                TimeUnit.NANOSECONDS.toMillis(silentNanos),
                knownChannels.size(),
                calls);
        signal();
    }

    private void maybeReconcile() {
        Snapshot snap = pendingSnapshot;
        if (snap == null || lastApplied < snap.getAsOfSequence()) {
            return;
        }
        pendingSnapshot = null;
        Continuity c = pendingContinuity;
        pendingContinuity = null;
        reconcile(snap, c, pendingResumed);
    }

    private void reconcile(Snapshot snap, Continuity c, boolean resumed) {
        Map<ChannelId, ChannelInfo> now = new TreeMap<>();
        for (var ch : snap.getChannelsList()) {
            ChannelInfo info = ValueCodec.channel(ch);
            now.put(info.id(), info);
        }
        knownChannels.clear();
        knownChannels.addAll(now.keySet());
        long current = incarnation;
        int vanished = 0;
        for (Iterator<Map.Entry<ChannelId, CallId>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ChannelId, CallId> e = it.next();
            ChannelInfo info = now.get(e.getKey());
            if (info != null && info.call().equals(Optional.of(e.getValue()))) {
                continue;
            }
            boolean gone =
                    switch (c) {
                        case RESUMED -> false; // its end is on the way: the snapshot may be newer than as_of
                        case GAP -> true;
                        case RESTARTED -> !resumed || incarnationOf(e.getValue()) < current;
                        case NEW_JOURNAL -> true;
                    };
            if (gone) {
                ChannelId ch = e.getKey();
                CallId call = e.getValue();
                it.remove();
                vanished++;
                lostReported.incrementAndGet();
                recentlyEnded.put(call, Boolean.TRUE);
                if (c != Continuity.NEW_JOURNAL) {
                    lostCalls.add(call);
                }
                publishSynthetic((s, at) -> new CallDisconnected(s, at, ch, call, LOST, true));
            }
        }
        if (c == Continuity.NEW_JOURNAL) {
            lostCalls.clear();
            zombies.clear();
        } else {
            lostCalls.removeIf(call -> incarnationOf(call) < current);
        }
        int cleared = 0;
        for (ChannelInfo info : now.values()) {
            if (info.call().isPresent() && lostCalls.contains(info.call().get()) && !zombies.containsKey(info.id())) {
                zombies.put(info.id(), info.call().get());
                cleared++;
                hangUpZombie(info.id(), info.call().get());
            }
        }
        int restored = 0;
        for (ChannelId ch : markedByUs) {
            ChannelInfo info = now.get(ch);
            if (info == null || info.state() == ChannelState.OUT_OF_SERVICE || info.state() == ChannelState.BLOCKED) {
                continue; // gone, or out for a reason of the node's own: it reports when it is back
            }
            if (zombies.containsKey(ch)) {
                awaitingService.add(ch);
                continue;
            }
            publishSynthetic((s, at) -> new ChannelInService(s, at, ch));
            restored++;
        }
        markedByUs.clear();
        if (!reachable) {
            LOG.info(
                    "node {} reachable again after {} ms; {} channels back in service, {} after clearing lost calls",
                    settings.node,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unreachableSince),
                    restored,
                    awaitingService.size());
        }
        if (vanished > 0 || cleared > 0) {
            LOG.warn(
                    "node {} reconciled ({}): {} calls the node no longer has reported lost, {} lost calls it still"
                            + " had are being cleared",
                    settings.node,
                    c,
                    vanished,
                    cleared);
        }
        reachable = true;
        signal();
    }

    private void hangUpZombie(ChannelId ch, CallId call) {
        Stream s = current;
        if (s == null || !s.up) {
            return;
        }
        long id = commandIds.incrementAndGet();
        Pending p = new Pending("hangUp (lost call " + call + ")", Optional.of(ch), s, new CompletableFuture<>());
        pending.put(id, p);
        p.result.whenComplete((r, failure) -> {
            if (failure != null || r.hasFailure()) {
                LOG.info(
                        "node {}: clearing lost {} on {} did not succeed ({}); the channel returns when the call ends",
                        settings.node,
                        call,
                        ch,
                        failure != null ? failure.getMessage() : r.getFailure().getMessage());
            }
        });
        s.send(ServerMessage.newBuilder()
                .setCommand(Command.newBuilder()
                        .setId(id)
                        .setHangUp(
                                HangUp.newBuilder().setChannel(ref(ch)).setCause(Q850Cause.TEMPORARY_FAILURE.code())))
                .build());
    }

    private static long incarnationOf(CallId call) {
        return (call.value() >>> NodeServer.CALL_ID_BITS) + 1;
    }

    private void publishSynthetic(EventHub.EventFactory factory) {
        toAllListeners(0, hub.publish(factory));
    }

    private void toAllListeners(long nodeSequence, HalEvent published) {
        for (NodeEventListener l : allListeners) {
            try {
                l.onNodeEvent(nodeSequence, published);
            } catch (RuntimeException failure) { // one listener must not stop the link
                LOG.error("node {}: event listener threw on {}", settings.node, published, failure);
            }
        }
    }

    private boolean pendingSnapshotCleared() {
        return pendingSnapshot == null;
    }

    private long initialReconnectDelay() {
        return Math.max(50, Math.min(500, settings.heartbeatInterval.toMillis() / 2));
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return condition.getAsBoolean();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HalException("interrupted while waiting for node " + settings.node);
                }
            }
            return true;
        }
    }

    private static String describe(Status s) {
        return s.getCode()
                + (s.getDescription() == null ? "" : ": " + s.getDescription())
                + (s.getCause() == null ? "" : " (" + s.getCause() + ")");
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /**
     * One {@code NodeLink.Link} call. Its callbacks run on the link thread (the channel's executor).
     *
     * <p>Thread-safety: {@link #send} and {@link #cancel} are synchronized (the request observer is
     * not thread-safe); {@code up} is written on the link thread.
     */
    private final class Stream implements ClientResponseObserver<ServerMessage, NodeMessage> {
        private final long opened = System.nanoTime();
        private ClientCallStreamObserver<ServerMessage> requests;
        private volatile boolean up;
        private boolean ended;

        @Override
        public void beforeStart(ClientCallStreamObserver<ServerMessage> requestStream) {
            this.requests = requestStream;
        }

        @Override
        public void onNext(NodeMessage m) {
            if (current != this) {
                return;
            }
            try {
                onMessage(this, m);
            } catch (LinkProtocolException e) {
                LOG.error("node {}: protocol error, dropping the link: {}", settings.node, e.getMessage());
                cancel("protocol error: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("node {}: cannot process a message, dropping the link", settings.node, e);
                cancel("cannot process a message: " + e);
            }
        }

        @Override
        public void onError(Throwable t) {
            onStreamEnd(this, Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            onStreamEnd(this, Status.UNAVAILABLE.withDescription("the node completed the stream"));
        }

        synchronized void send(ServerMessage m) {
            if (!ended) {
                requests.onNext(m);
            }
        }

        synchronized void cancel(String why) {
            if (!ended) {
                ended = true;
                requests.cancel(why, null);
            }
        }
    }

    /**
     * Builds a {@link RemoteBackend}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final String node;
        private final String host;
        private final int port;
        private String serverName;
        private TlsFiles tls;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private Duration heartbeatTimeout = Duration.ofSeconds(5);
        private Duration commandTimeout = Duration.ofSeconds(10);
        private Duration maxReconnectDelay = Duration.ofSeconds(5);
        private int ackEvery = 256;
        private NanoClock clock = NanoClock.system();
        private InstantSource wallClock = InstantSource.system();
        private String resumeJournal;
        private long resumeAfter;

        private Builder(String node, String host, int port) {
            CertificateAuthority.checkMachine(node);
            this.node = node;
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("node " + node + ": port " + port + " is outside 1..65535");
            }
            this.port = port;
        }

        /** Sets this Server's machine name, as in its certificate (required). */
        public Builder serverName(String name) {
            CertificateAuthority.checkMachine(name);
            this.serverName = name;
            return this;
        }

        /** Sets this Server's TLS files (required). */
        public Builder tls(TlsFiles files) {
            this.tls = Objects.requireNonNull(files, "tls");
            return this;
        }

        /**
         * Sets the heartbeat interval (default 1 s) and the silence after which the Node is declared
         * unreachable (default 5 s, at least twice the interval).
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
            if (interval.toMillis() < 10 || interval.toMillis() > 60_000) {
                throw new IllegalArgumentException("heartbeat interval " + interval + " is outside 10 ms .. 60 s");
            }
            if (timeout.compareTo(interval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("heartbeat timeout " + timeout + " must be at least twice the"
                        + " interval " + interval + ", or one late heartbeat would declare the node unreachable");
            }
            this.heartbeatInterval = interval;
            this.heartbeatTimeout = timeout;
            return this;
        }

        /** Sets how long an operation waits for the Node's result (default 10 s). */
        public Builder commandTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("command timeout " + timeout + " must be positive");
            }
            this.commandTimeout = timeout;
            return this;
        }

        /** Sets the longest wait between reconnection attempts (default 5 s). */
        public Builder maxReconnectDelay(Duration delay) {
            if (delay.toMillis() < 50) {
                throw new IllegalArgumentException("max reconnect delay " + delay + " must be at least 50 ms");
            }
            this.maxReconnectDelay = delay;
            return this;
        }

        /** Sets how many applied events are acknowledged at once (default 256; also every 10 ms). */
        public Builder ackEvery(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("ackEvery " + events + " must be >= 1");
            }
            this.ackEvery = events;
            return this;
        }

        /** Sets the clock of re-published events' {@code atNanos} (default {@link System#nanoTime()}). */
        public Builder clock(NanoClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the wall clock for certificate validity and heartbeat stamps (default system). */
        public Builder wallClock(InstantSource clock) {
            this.wallClock = Objects.requireNonNull(clock, "wallClock");
            return this;
        }

        /**
         * Resumes after an event this Server applied before it restarted (from its own journal),
         * instead of starting from the Node's snapshot.
         *
         * @param journalId the Node journal id recorded with that event
         * @param sequence the last Node sequence applied
         */
        public Builder resumeAfter(String journalId, long sequence) {
            if (sequence < 0) {
                throw new IllegalArgumentException("resumeAfter sequence " + sequence + " is negative");
            }
            this.resumeJournal = Objects.requireNonNull(journalId, "journalId");
            this.resumeAfter = sequence;
            return this;
        }

        /**
         * Creates the backend and starts connecting in the background; see {@link
         * RemoteBackend#awaitUp}.
         *
         * @throws IllegalStateException when the server name or TLS files are missing
         */
        public RemoteBackend build() {
            if (serverName == null) {
                throw new IllegalStateException("RemoteBackend for node " + node + ": serverName is not set");
            }
            if (tls == null) {
                throw new IllegalStateException("RemoteBackend for node " + node + ": tls files are not set");
            }
            return new RemoteBackend(new Settings(
                    node,
                    host,
                    port,
                    serverName,
                    tls,
                    heartbeatInterval,
                    heartbeatTimeout,
                    commandTimeout,
                    maxReconnectDelay,
                    ackEvery,
                    clock,
                    wallClock,
                    resumeJournal,
                    resumeAfter));
        }
    }
}
