package org.stroom.ports.server;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.cluster.PeerLink;
import org.stroom.ports.portmgr.cluster.PeerMessage;
import org.stroom.ports.server.proto.PeerFrame;
import org.stroom.ports.server.proto.ServerPeerGrpc;

/**
 * The passive Server's end of the network {@link PeerLink}: one {@code ServerPeer.Link} stream to the active over
 * mutual TLS, reopened with back-off whenever it ends. {@link #send} writes heartbeats to it (and drops them while
 * it is down, which the failover monitor counts as misses); answers, shutdown notices and load reports from the
 * active are queued for {@link #receive()}.
 *
 * <pre>
 *  MonitorDriver.step ──Heartbeat(seq)──▶ send ──▶ stream ──▶ active (PeerLinkServer, PeerResponder)
 *  MonitorDriver.step ◀── receive ◀── inbox ◀── link executor ◀── HeartbeatAnswer, ShutdownNotice, LoadReport
 * </pre>
 *
 * <p>Thread-safety: safe from any thread; stream callbacks run on the channel's executor.
 */
public final class PeerLinkClient implements PeerLink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLinkClient.class);

    private final String self;
    private final String peer;
    private final ServerPeerGrpc.ServerPeerStub stub;
    private final ScheduledExecutorService executor;
    private final Duration maxReconnectDelay;
    private final InstantSource clock;
    private final ManagedChannel channel;
    private final long silenceNanos;
    private final Queue<PeerMessage> inbox = new ConcurrentLinkedQueue<>();
    private volatile Stream current;
    private volatile boolean closed;
    private volatile Instant lastLoadReport;
    private long delayMillis = 100;

    /**
     * Starts connecting at once.
     *
     * @param self this Server's machine name
     * @param peer the active's machine name (its certificate is checked by the channel's verifier)
     * @param channel a mutual-TLS channel to the active
     * @param executor the channel's executor: runs the stream's callbacks and the reconnections
     * @param maxReconnectDelay longest wait between attempts
     * @param silence an open stream that brings nothing for this long is dropped and reopened (the active, or the
     *     network to it, died without closing the connection); a few heartbeat intervals
     * @param clock the wall clock, for {@link #lastLoadReport()}
     */
    public PeerLinkClient(
            String self,
            String peer,
            ManagedChannel channel,
            ScheduledExecutorService executor,
            Duration maxReconnectDelay,
            Duration silence,
            InstantSource clock) {
        this.self = Objects.requireNonNull(self, "self");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.stub = ServerPeerGrpc.newStub(channel);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxReconnectDelay = Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
        this.silenceNanos = silence.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
        executor.execute(this::connect);
        long check = Math.max(TimeUnit.MILLISECONDS.toNanos(10), silenceNanos / 4);
        executor.scheduleWithFixedDelay(this::checkSilence, check, check, TimeUnit.NANOSECONDS);
    }

    /** @return whether the stream is open and the active said hello */
    public boolean connected() {
        Stream s = current;
        return s != null && s.up;
    }

    /** @return when the last load report arrived, if one did */
    public Optional<Instant> lastLoadReport() {
        return Optional.ofNullable(lastLoadReport);
    }

    @Override
    public void send(PeerMessage message) {
        Objects.requireNonNull(message, "send: message");
        if (!(message instanceof PeerMessage.Heartbeat)) {
            return; // only the active answers, announces and reports
        }
        Stream s = current;
        if (s != null && s.up) {
            s.send(PeerFrames.frame(message, 0));
        }
    }

    @Override
    public List<PeerMessage> receive() {
        return PeerLink.drain(inbox);
    }

    /** Ends the stream; no reconnection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Stream s = current;
        if (s != null) {
            s.cancel("passive " + self + " stops");
        }
    }

    private void connect() {
        if (closed || current != null) {
            return;
        }
        // the channel's own back-off grows to minutes; the peer is tried at this link's pace instead
        channel.resetConnectBackoff();
        Stream s = new Stream();
        current = s;
        stub.link(s);
        s.send(PeerFrames.hello(self));
    }

    private void checkSilence() {
        Stream s = current;
        long silent = System.nanoTime() - (s == null ? 0 : s.lastHeard);
        if (s != null && s.up && silent > silenceNanos) {
            s.cancel("nothing from " + peer + " for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
            ended(
                    s,
                    Status.UNAVAILABLE.withDescription("nothing from " + peer + " for "
                            + TimeUnit.NANOSECONDS.toMillis(silent) + " ms; the connection is dead"));
        }
    }

    private void ended(Stream s, Status status) {
        if (current != s) {
            return;
        }
        current = null;
        if (closed) {
            return;
        }
        long delay = delayMillis;
        delayMillis = Math.min(delayMillis * 2, Math.max(100, maxReconnectDelay.toMillis()));
        if (s.up) {
            LOG.warn(
                    "server {}: peer link to {} ended ({}); reconnecting in {} ms",
                    self,
                    peer,
                    describe(status),
                    delay);
        } else {
            LOG.debug("server {}: peer link to {} failed ({}); retrying in {} ms", self, peer, describe(status), delay);
        }
        executor.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private static String describe(Status s) {
        return s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription());
    }

    /**
     * One {@code Link} call.
     *
     * <p>Thread-safety: {@link #send} and {@link #cancel} are synchronized; callbacks run on the executor.
     */
    private final class Stream implements ClientResponseObserver<PeerFrame, PeerFrame> {
        private ClientCallStreamObserver<PeerFrame> requests;
        private volatile boolean up;
        private volatile long lastHeard = System.nanoTime();
        private boolean ended;

        @Override
        public void beforeStart(ClientCallStreamObserver<PeerFrame> requestStream) {
            this.requests = requestStream;
        }

        @Override
        public void onNext(PeerFrame f) {
            lastHeard = System.nanoTime();
            if (!up) {
                if (f.getBodyCase() == PeerFrame.BodyCase.HELLO
                        && f.getHello().getServerName().equalsIgnoreCase(peer)) {
                    up = true;
                    delayMillis = 100;
                    LOG.info("server {}: peer link to {} up", self, peer);
                } else {
                    LOG.warn("server {}: the peer's first frame is not its hello as {}: {}", self, peer, f);
                    cancel("no hello from " + peer);
                }
                return;
            }
            try {
                PeerFrames.message(f).ifPresent(m -> {
                    if (m instanceof PeerMessage.LoadReport) {
                        lastLoadReport = clock.instant();
                    }
                    if (!(m instanceof PeerMessage.Heartbeat)) {
                        inbox.add(m);
                    }
                });
            } catch (IllegalArgumentException e) {
                LOG.warn("server {}: unusable frame from {}: {}", self, peer, e.getMessage());
            }
        }

        @Override
        public void onError(Throwable t) {
            ended(this, Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            synchronized (this) {
                if (!ended) {
                    ended = true;
                    requests.onCompleted();
                }
            }
            ended(this, Status.UNAVAILABLE.withDescription("the active ended the stream"));
        }

        synchronized void send(PeerFrame f) {
            if (!ended && requests != null) {
                requests.onNext(f);
            }
        }

        synchronized void cancel(String why) {
            if (!ended && requests != null) {
                ended = true;
                requests.cancel(why, null);
            }
        }
    }
}
