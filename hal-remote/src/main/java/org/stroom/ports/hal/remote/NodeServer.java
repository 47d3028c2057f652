package org.stroom.ports.hal.remote;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerTransportFilter;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.remote.proto.Command;
import org.stroom.ports.hal.remote.proto.CommandResult;
import org.stroom.ports.hal.remote.proto.Event;
import org.stroom.ports.hal.remote.proto.EventBatch;
import org.stroom.ports.hal.remote.proto.Heartbeat;
import org.stroom.ports.hal.remote.proto.NodeHello;
import org.stroom.ports.hal.remote.proto.NodeLinkGrpc;
import org.stroom.ports.hal.remote.proto.NodeMessage;
import org.stroom.ports.hal.remote.proto.ServerHello;
import org.stroom.ports.hal.remote.proto.ServerMessage;
import org.stroom.ports.hal.remote.proto.Snapshot;

/**
 * Serves one Node's {@link HalBackend} to its Servers over gRPC with mutual TLS: each Server holds
 * one {@code NodeLink.Link} stream, sends commands down it and receives the Node's events, numbered
 * and journaled before they are sent.
 *
 * <pre>
 *  backend ──events──▶ journal thread ──append (seq n)──▶ EventJournal (Chronicle)
 *                                  │ wake                      │
 *                                  ▼                           ▼ cursor from the Server's resume point
 *  Server ◀──────── sender thread per stream: batches of the events journaled so far, while the
 *    │               stream is ready and fewer than sendWindow are unacknowledged; a heartbeat when
 *    │               idle for the interval
 *    └──commands──▶ gRPC thread: CommandExecutor ──▶ backend ──▶ journal thread: last sequence
 *                                                        ──result (events_through)──▶ Server
 * </pre>
 *
 * <p><b>Results after their events.</b> Each command's result carries the journal sequence reached
 * once every event the backend published before the outcome was known had been journaled; the
 * Server applies the events up to it before returning the result to its caller.
 *
 * <p><b>Resuming.</b> The Server's hello names the journal and the last sequence it applied. If that
 * is this journal and every later event is still retained (and the gap is at most {@link
 * NodeConfig#maxReplay()}), the stream replays from there; otherwise the hello's snapshot covers the
 * gap and the stream continues after the snapshot's sequence.
 *
 * <p><b>Call ids.</b> Call ids on the wire are the backend's ids with the Node's incarnation minus
 * one in bits 40 and up, so calls of a restarted Node never share ids with calls of its previous run
 * (the first run's ids are unchanged).
 *
 * <p><b>Security.</b> The listener binds only to {@link NodeConfig#listen()} (loopback by default),
 * requires a client certificate from the configured CA naming one of {@link NodeConfig#servers()}
 * (a client without one is logged when its handshake ends and each of its calls is refused), and
 * refuses a hello whose Server name differs from the certificate's or that is meant for another
 * Node. Refusals are logged and kept in {@link #refusals()}.
 *
 * <p>Heartbeats: the Server's hello sets the interval and timeout; a stream that brings no message
 * for the timeout is closed with UNAVAILABLE, and the Server reconnects.
 *
 * <p>The backend stays the caller's: {@link #close()} stops serving and closes the journal, not the
 * backend.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class NodeServer implements AutoCloseable {
    /** Version of the link protocol in hal_remote.proto. */
    public static final int PROTOCOL_VERSION = 1;

    static final long CALL_ID_BITS = 40;

    private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);
    private static final Context.Key<String> PEER = Context.key("stroom-peer-machine");
    private static final long DEFAULT_INTERVAL_MILLIS = 1_000;
    private static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_BATCH_EVENTS = 512;
    private static final int MAX_BATCH_BYTES = 256 * 1024;

    private final HalBackend backend;
    private final NodeConfig config;
    private final InstantSource clock;
    private final EventJournal journal;
    private final PeerVerifier verifier;
    private final ExecutorService journalThread;
    private final Subscription subscription;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Server server;
    private final AtomicLong protocolRefusals = new AtomicLong();
    private volatile boolean closed;

    private NodeServer(HalBackend backend, NodeConfig config, InstantSource clock) {
        this.backend = backend;
        this.config = config;
        this.clock = clock;
        config.tls().checkReadable();
        this.verifier = new PeerVerifier(
                CertificateAuthority.readCertificate(config.tls().ca()),
                config.servers(),
                PeerVerifier.PeerRole.CLIENT,
                clock);
        this.journal =
                EventJournal.open(config.journalDir(), config.chronicleRollCycle(), config.retainCycles(), clock);
        this.journalThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "node-" + config.name() + "-journal");
            t.setDaemon(true);
            return t;
        });
        this.subscription = backend.subscribe(this::journal, journalThread);
        ServerCredentials credentials;
        try {
            credentials = TlsServerCredentials.newBuilder()
                    .keyManager(
                            config.tls().certificate().toFile(),
                            config.tls().privateKey().toFile())
                    .trustManager(verifier)
                    // OPTIONAL, not REQUIRE: a client without a certificate then completes the handshake, so
                    // its refusal can be logged with its address (transportReady); every call it makes is
                    // refused by PeerInterceptor. Certificates that are presented are checked by the verifier.
                    .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL)
                    .build();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(
                    "node " + config.name() + ": cannot read TLS files " + config.tls() + ": " + e.getMessage(), e);
        }
        Server s = NettyServerBuilder.forAddress(config.listen(), credentials)
                .addService(ServerInterceptors.intercept(new Service(), new PeerInterceptor()))
                .addTransportFilter(new CertificateRequired())
                // a connection that carries no stream (a refused client) does not stay open
                .maxConnectionIdle(30, TimeUnit.SECONDS)
                .build();
        try {
            s.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(
                    "node " + config.name() + ": cannot listen on " + config.listen() + ": " + e.getMessage(), e);
        }
        this.server = s;
        LOG.info(
                "node {} serving backend '{}' on {}:{} for servers {}; journal {} (id {}, incarnation {}, last event {})",
                config.name(),
                backend.id(),
                config.listen().getAddress().getHostAddress(),
                port(),
                config.servers(),
                journal.dir(),
                journal.id(),
                journal.incarnation(),
                journal.lastSequence());
    }

    /**
     * Opens the journal and starts serving {@code backend}.
     *
     * @param backend the opened backend; it stays the caller's to close
     * @param config how to serve
     * @return the running server
     * @throws IllegalArgumentException when a TLS file is missing
     * @throws UncheckedIOException when the address cannot be bound or a file cannot be read
     */
    public static NodeServer start(HalBackend backend, NodeConfig config) {
        return start(backend, config, InstantSource.system());
    }

    /**
     * As {@link #start(HalBackend, NodeConfig)}, with the wall clock used for event times,
     * certificate validity and journal files.
     */
    public static NodeServer start(HalBackend backend, NodeConfig config, InstantSource clock) {
        return new NodeServer(backend, config, clock);
    }

    /** @return the port listened on (the actual one when the configuration said 0) */
    public int port() {
        return server.getPort();
    }

    /** @return the address and port listened on */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.listen().getAddress(), port());
    }

    /** @return the Node's configuration */
    public NodeConfig config() {
        return config;
    }

    /** @return the journal's id */
    public String journalId() {
        return journal.id();
    }

    /** @return how many times this journal has been opened */
    public long incarnation() {
        return journal.incarnation();
    }

    /** @return the sequence of the last event journaled */
    public long lastSequence() {
        return journal.lastSequence();
    }

    /** @return the number of Server streams open now */
    public int streams() {
        return sessions.size();
    }

    /** @return recent TLS refusals (wrong CA, wrong machine name), oldest first */
    public List<PeerVerifier.Refusal> refusals() {
        return verifier.refusals();
    }

    /** @return how many streams were refused after TLS (hello for another Node, name mismatch, bad order) */
    public long protocolRefusals() {
        return protocolRefusals.get();
    }

    /** Stops listening, ends every stream, closes the journal; the backend stays open. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.shutdown();
        }
        for (Session s : sessions) {
            s.end(Status.UNAVAILABLE.withDescription("node " + config.name() + " is shutting down"));
        }
        if (subscription != null) {
            subscription.close();
        }
        if (journalThread != null) {
            journalThread.shutdown();
            try {
                if (!journalThread.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("node {}: journal thread did not stop within 5 s", config.name());
                }
                if (server != null && !server.awaitTermination(5, TimeUnit.SECONDS)) {
                    server.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (journal != null) {
            journal.close();
        }
        LOG.info("node {} stopped serving", config.name());
    }

    /** The wire id of a backend call id: the incarnation qualifies it. */
    long wireCallId(long local) {
        if (local >= (1L << CALL_ID_BITS)) {
            throw new IllegalStateException("node " + config.name() + ": call id " + local + " exceeds 2^"
                    + CALL_ID_BITS + "; the backend's call ids cannot be qualified with the incarnation");
        }
        return ((journal.incarnation() - 1) << CALL_ID_BITS) | local;
    }

    private void journal(HalEvent e) {
        try {
            Event.Builder b = EventCodec.encode(e, this::wireCallId).setNodeNanos(e.atNanos());
            journal.append(b);
        } catch (RuntimeException failure) { // the journal thread must keep running; this event is lost
            LOG.error("node {}: cannot journal {}; it will not reach the Server", config.name(), e, failure);
            return;
        }
        for (Session s : sessions) {
            s.wake();
        }
    }

    private Snapshot snapshot() {
        try {
            // On the journal thread, so every event up to as_of is journaled; the state may be newer.
            return journalThread
                    .submit(() -> {
                        Snapshot.Builder s = Snapshot.newBuilder()
                                .setAsOfSequence(journal.lastSequence())
                                .setState(ValueCodec.BACKEND_STATE.toProto(backend.state()));
                        for (BoardInfo b : backend.boards()) {
                            s.addBoards(ValueCodec.board(b));
                        }
                        for (SpanInfo sp : backend.spans()) {
                            s.addSpans(ValueCodec.span(sp));
                        }
                        for (ChannelInfo c : backend.channels()) {
                            s.addChannels(ValueCodec.channel(c, this::wireCallId));
                        }
                        return s.build();
                    })
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the snapshot", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot take the snapshot: " + e, e);
        }
    }

    /**
     * @return the last sequence journaled once every event the backend published before this call
     *     has been journaled (the journal thread takes them in order), or 0 when that is not known
     *     (the Node is closing, or the journal thread is stuck)
     */
    private long journaledThrough() {
        try {
            return journalThread.submit(journal::lastSequence).get(10, TimeUnit.SECONDS);
        } catch (RejectedExecutionException closing) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "node {}: cannot tell which events precede a command's result ({}); the Server will not wait"
                            + " for them",
                    config.name(),
                    e.toString());
            return 0;
        }
    }

    private static long now() {
        return System.nanoTime();
    }

    private final class Service extends NodeLinkGrpc.NodeLinkImplBase {
        @Override
        public StreamObserver<ServerMessage> link(StreamObserver<NodeMessage> responses) {
            return new Session((ServerCallStreamObserver<NodeMessage>) responses, PEER.get());
        }
    }

    /** Logs (and records) every TLS client that completed the handshake without a certificate. */
    private final class CertificateRequired extends ServerTransportFilter {
        @Override
        public Attributes transportReady(Attributes attributes) {
            SSLSession ssl = attributes.get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            boolean certified;
            try {
                certified = ssl != null && ssl.getPeerCertificates().length > 0;
            } catch (SSLPeerUnverifiedException e) {
                certified = false;
            }
            if (!certified) {
                verifier.refuse(
                        String.valueOf(attributes.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
                        "no certificate",
                        "the client sent no certificate; every call it makes is refused");
            }
            return attributes;
        }
    }

    /** Puts the machine name from the verified client certificate into the call's context. */
    private final class PeerInterceptor implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            SSLSession ssl = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            Optional<String> name = Optional.empty();
            if (ssl != null) {
                try {
                    Certificate[] peer = ssl.getPeerCertificates();
                    if (peer.length > 0 && peer[0] instanceof X509Certificate leaf) {
                        name = PeerVerifier.machineName(leaf, verifier.acceptedNames());
                    }
                } catch (SSLPeerUnverifiedException e) {
                    name = Optional.empty();
                }
            }
            if (name.isEmpty()) {
                protocolRefusals.incrementAndGet();
                LOG.warn(
                        "node {}: refused a call from {} without a verified Server certificate",
                        config.name(),
                        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                call.close(Status.UNAUTHENTICATED.withDescription("no verified client certificate"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            return Contexts.interceptCall(Context.current().withValue(PEER, name.get()), call, headers, next);
        }
    }

    /**
     * One Server's stream.
     *
     * <p>Thread-safety: gRPC delivers inbound messages one at a time; outbound messages are sent
     * under the observer's lock from the gRPC thread (results) and the sender thread (events,
     * heartbeats).
     */
    private final class Session implements StreamObserver<ServerMessage> {
        private final ServerCallStreamObserver<NodeMessage> out;
        private final String peer;
        private volatile long lastHeard = now();
        private volatile long acked;
        private volatile boolean open = true;
        private volatile Thread sender;
        private boolean helloSeen;
        private long intervalNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_INTERVAL_MILLIS);
        private long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_TIMEOUT_MILLIS);

        Session(ServerCallStreamObserver<NodeMessage> out, String peer) {
            this.out = out;
            this.peer = peer;
            out.setOnReadyHandler(this::wake);
            out.setOnCancelHandler(() -> stop("cancelled by server " + peer));
        }

        @Override
        public void onNext(ServerMessage m) {
            lastHeard = now();
            try {
                switch (m.getBodyCase()) {
                    case HELLO:
                        hello(m.getHello());
                        break;
                    case COMMAND:
                        requireHello("command");
                        Command c = m.getCommand();
                        CommandResult result = CommandExecutor.execute(c, backend, NodeServer.this::wireCallId);
                        send(NodeMessage.newBuilder()
                                .setResult(result.toBuilder().setEventsThrough(journaledThrough()))
                                .build());
                        break;
                    case ACK:
                        ack(m.getAck().getSequence());
                        break;
                    case HEARTBEAT:
                        ack(m.getHeartbeat().getLastSequence());
                        break;
                    case BODY_NOT_SET:
                    default:
                        throw new LinkProtocolException("message without a body (" + m.getBodyCase() + ")");
                }
            } catch (LinkProtocolException e) {
                refuse(Status.FAILED_PRECONDITION, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("node {}: stream of server {} failed", config.name(), peer, e);
                end(Status.INTERNAL.withDescription(e.toString()));
            }
        }

        @Override
        public void onError(Throwable t) {
            stop("stream error: " + Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            stop("completed by server " + peer);
            synchronized (out) {
                out.onCompleted();
            }
        }

        void wake() {
            Thread t = sender;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        void end(Status status) {
            if (open) {
                stop(status.getDescription());
                synchronized (out) {
                    try {
                        out.onError(status.asRuntimeException());
                    } catch (RuntimeException alreadyClosed) {
                        LOG.debug(
                                "node {}: stream of {} already closed: {}",
                                config.name(),
                                peer,
                                alreadyClosed.toString());
                    }
                }
            }
        }

        private void stop(String why) {
            if (open) {
                open = false;
                sessions.remove(this);
                wake();
                LOG.info("node {}: stream of server {} ended: {}", config.name(), peer, why);
            }
        }

        private void refuse(Status status, String why) {
            protocolRefusals.incrementAndGet();
            LOG.warn("node {}: refused server {}: {}", config.name(), peer, why);
            end(status.withDescription(why));
        }

        private void requireHello(String what) {
            if (!helloSeen) {
                throw new LinkProtocolException(what + " before hello; a stream starts with ServerHello");
            }
        }

        private void ack(long sequence) {
            if (sequence > acked) {
                acked = sequence;
                wake();
            }
        }

        private void hello(ServerHello h) {
            if (helloSeen) {
                throw new LinkProtocolException("a second hello on the same stream");
            }
            if (!h.getNodeName().equalsIgnoreCase(config.name())) {
                throw new LinkProtocolException("this is node " + config.name() + ", not '" + h.getNodeName()
                        + "': check the Server's address for that node");
            }
            if (!h.getServerName().equalsIgnoreCase(peer)) {
                throw new LinkProtocolException(
                        "hello names server '" + h.getServerName() + "' but the certificate is " + peer);
            }
            if (h.getProtocolVersion() != PROTOCOL_VERSION) {
                throw new LinkProtocolException("server " + peer + " speaks link protocol " + h.getProtocolVersion()
                        + "; this node speaks " + PROTOCOL_VERSION);
            }
            long interval = h.getHeartbeatIntervalMillis() == 0
                    ? DEFAULT_INTERVAL_MILLIS
                    : Math.max(10, Math.min(60_000, h.getHeartbeatIntervalMillis()));
            long timeout = h.getHeartbeatTimeoutMillis() == 0 ? DEFAULT_TIMEOUT_MILLIS : h.getHeartbeatTimeoutMillis();
            timeout = Math.max(timeout, 2 * interval);
            intervalNanos = TimeUnit.MILLISECONDS.toNanos(interval);
            timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeout);
            helloSeen = true;

            Snapshot snapshot = snapshot();
            long asOf = snapshot.getAsOfSequence();
            long after = asOf;
            boolean resumed = false;
            long r = h.getResumeAfter();
            if (h.getJournalId().equals(journal.id())) {
                long first = journal.firstSequence();
                if (r > asOf) {
                    LOG.error(
                            "node {}: server {} says it applied event {} but the journal ends at {}; sending a snapshot",
                            config.name(),
                            peer,
                            r,
                            asOf);
                } else if (r + 1 < first) {
                    LOG.warn(
                            "node {}: server {} resumes after event {} but the journal starts at {}; sending a"
                                    + " snapshot, events {}..{} are not replayed",
                            config.name(),
                            peer,
                            r,
                            first,
                            r + 1,
                            asOf);
                } else if (asOf - r > config.maxReplay()) {
                    LOG.warn(
                            "node {}: server {} is {} events behind, more than journal.maxReplay {}; sending a snapshot",
                            config.name(),
                            peer,
                            asOf - r,
                            config.maxReplay());
                } else {
                    resumed = true;
                    after = r;
                }
            } else if (!h.getJournalId().isEmpty()) {
                LOG.warn(
                        "node {}: server {} resumes journal {}, but this node's journal is {}; sending a snapshot",
                        config.name(),
                        peer,
                        h.getJournalId(),
                        journal.id());
            }
            acked = after;
            send(NodeMessage.newBuilder()
                    .setHello(NodeHello.newBuilder()
                            .setNodeName(config.name())
                            .setJournalId(journal.id())
                            .setIncarnation(journal.incarnation())
                            .setBackendId(backend.id())
                            .setSimulated(backend.simulated())
                            .setSnapshot(snapshot)
                            .setEventsAfter(after)
                            .setResumed(resumed)
                            .setHeartbeatIntervalMillis((int) interval)
                            .setProtocolVersion(PROTOCOL_VERSION))
                    .build());
            LOG.info(
                    "node {}: server {} connected; {} after event {} (journal {}..{}), heartbeat {} ms / timeout {} ms",
                    config.name(),
                    peer,
                    resumed ? "resuming" : "snapshot, then events",
                    after,
                    journal.firstSequence(),
                    asOf,
                    interval,
                    timeout);
            sessions.add(this);
            long from = after;
            Thread t = new Thread(() -> sendLoop(from), "node-" + config.name() + "-to-" + peer);
            t.setDaemon(true);
            sender = t;
            t.start();
        }

        private void sendLoop(long after) {
            try (EventJournal.Cursor cursor = journal.cursor(after)) {
                long window = config.sendWindow();
                long lastSent = now();
                while (open) {
                    long now = now();
                    if (now - lastHeard > timeoutNanos) {
                        end(Status.UNAVAILABLE.withDescription("no message from server " + peer + " for "
                                + TimeUnit.NANOSECONDS.toMillis(now - lastHeard) + " ms (heartbeat timeout "
                                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms)"));
                        return;
                    }
                    boolean sent = false;
                    while (open
                            && out.isReady()
                            && cursor.nextSequence() <= journal.lastSequence()
                            && cursor.nextSequence() - acked <= window) {
                        EventBatch.Builder batch = EventBatch.newBuilder();
                        int bytes = 0;
                        while (batch.getEventsCount() < MAX_BATCH_EVENTS
                                && bytes < MAX_BATCH_BYTES
                                && cursor.nextSequence() - acked <= window) {
                            Event e = cursor.next();
                            if (e == null) {
                                break;
                            }
                            batch.addEvents(e);
                            bytes += e.getSerializedSize();
                        }
                        if (batch.getEventsCount() == 0) {
                            break;
                        }
                        send(NodeMessage.newBuilder().setEvents(batch).build());
                        sent = true;
                    }
                    now = now();
                    if (sent) {
                        lastSent = now;
                    } else if (now - lastSent >= intervalNanos) {
                        send(NodeMessage.newBuilder()
                                .setHeartbeat(Heartbeat.newBuilder()
                                        .setSentMicros(micros(clock.instant()))
                                        .setLastSequence(journal.lastSequence()))
                                .build());
                        lastSent = now;
                    } else {
                        LockSupport.parkNanos(this, intervalNanos - (now - lastSent));
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("node {}: sending to server {} failed", config.name(), peer, e);
                end(Status.INTERNAL.withDescription("node " + config.name() + " cannot send: " + e));
            } finally {
                sender = null;
            }
        }

        private void send(NodeMessage m) {
            synchronized (out) {
                if (open) {
                    out.onNext(m);
                }
            }
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
