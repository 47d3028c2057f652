package org.stroom.ports.server;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.cluster.PeerLink;
import org.stroom.ports.portmgr.cluster.PeerMessage;
import org.stroom.ports.server.proto.PeerFrame;

/**
 * The active Server's end of the network {@link PeerLink}: the passive's {@code ServerPeer.Link} stream, opened
 * over mutual TLS by {@link PeerLinkClient}. Heartbeats from the passive are queued for {@link #receive()};
 * {@link #send} writes answers, shutdown notices and load reports to the passive's stream, or drops them while
 * no passive is connected (the monitor counts what is lost as misses, as {@link PeerLink} allows).
 *
 * <pre>
 *  passive ──Hello, Heartbeat(seq)──▶ gRPC thread: inbox ──▶ onReceive (wakes the PeerResponder)
 *  passive ◀──Hello, HeartbeatAnswer, ShutdownNotice, LoadReport── send() (any thread)
 * </pre>
 *
 * <p>One passive at a time: a new stream from it replaces the old one. A stream whose hello names another machine
 * than its certificate, or than the configured peer, is refused and logged.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class PeerLinkServer implements PeerLink {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLinkServer.class);

    private final String self;
    private final String peer;
    private final InstantSource clock;
    private final Runnable onReceive;
    private final Queue<PeerMessage> inbox = new ConcurrentLinkedQueue<>();
    private volatile Session current;

    /**
     * @param self this Server's machine name
     * @param peer the passive's machine name, the only one whose stream is accepted
     * @param clock stamps load reports
     * @param onReceive called on the gRPC thread after each message is queued; keep it quick
     */
    public PeerLinkServer(String self, String peer, InstantSource clock, Runnable onReceive) {
        this.self = Objects.requireNonNull(self, "self");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReceive = Objects.requireNonNull(onReceive, "onReceive");
    }

    /** @return whether a passive's stream is open and has said hello */
    public boolean connected() {
        Session s = current;
        return s != null && s.open;
    }

    @Override
    public void send(PeerMessage message) {
        Objects.requireNonNull(message, "send: message");
        Session s = current;
        if (s != null) {
            s.send(PeerFrames.frame(message, micros(clock.instant())));
        }
    }

    @Override
    public List<PeerMessage> receive() {
        return PeerLink.drain(inbox);
    }

    /**
     * Ends the passive's stream after what was sent (a shutdown notice goes out first) and waits until the passive
     * has closed its side.
     *
     * @param timeout longest wait
     * @return whether the passive closed its side in time (true when none was connected)
     */
    public boolean finish(Duration timeout) {
        Session s = current;
        if (s == null) {
            return true;
        }
        s.complete();
        try {
            return s.closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A new {@code Link} call from {@code caller} (the verified certificate name).
     *
     * @return the observer of the passive's frames
     */
    StreamObserver<PeerFrame> open(StreamObserver<PeerFrame> responses, String caller) {
        return new Session((ServerCallStreamObserver<PeerFrame>) responses, caller);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /**
     * One passive's stream.
     *
     * <p>Thread-safety: gRPC delivers its frames one at a time; {@link #send} is synchronized on the observer.
     */
    private final class Session implements StreamObserver<PeerFrame> {
        private final ServerCallStreamObserver<PeerFrame> out;
        private final String caller;
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile boolean open;
        private boolean ended;

        Session(ServerCallStreamObserver<PeerFrame> out, String caller) {
            this.out = out;
            this.caller = caller;
            out.setOnCancelHandler(() -> gone("cancelled by " + caller));
        }

        @Override
        public void onNext(PeerFrame f) {
            if (!open) {
                hello(f);
                return;
            }
            Optional<PeerMessage> m;
            try {
                m = PeerFrames.message(f);
            } catch (IllegalArgumentException e) {
                refuse("unusable frame: " + e.getMessage());
                return;
            }
            if (m.isPresent() && m.get() instanceof PeerMessage.Heartbeat) {
                inbox.add(m.get());
                onReceive.run();
            }
        }

        private void hello(PeerFrame f) {
            if (f.getBodyCase() != PeerFrame.BodyCase.HELLO) {
                refuse("the first frame is " + f.getBodyCase() + ", not a hello");
                return;
            }
            String named = f.getHello().getServerName();
            if (!named.equalsIgnoreCase(caller)) {
                refuse("hello names server '" + named + "' but the certificate is " + caller);
                return;
            }
            if (!named.equalsIgnoreCase(peer)) {
                refuse(named + " is not this server's peer (" + peer + ")");
                return;
            }
            if (f.getHello().getProtocolVersion() != PeerFrames.PROTOCOL_VERSION) {
                refuse(named + " speaks peer protocol " + f.getHello().getProtocolVersion() + "; this server speaks "
                        + PeerFrames.PROTOCOL_VERSION);
                return;
            }
            Session old = current;
            current = this;
            open = true;
            send(PeerFrames.hello(self));
            if (old != null) {
                old.end(Status.ABORTED.withDescription("replaced by a new stream from " + caller));
            }
            LOG.info("server {}: passive {} connected to the peer link", self, caller);
        }

        @Override
        public void onError(Throwable t) {
            gone("stream error: " + Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            gone("completed by " + caller);
            synchronized (out) {
                if (!ended) {
                    ended = true;
                    out.onCompleted();
                }
            }
        }

        void send(PeerFrame f) {
            synchronized (out) {
                if (!ended) {
                    try {
                        out.onNext(f);
                    } catch (RuntimeException e) { // cancelled meanwhile
                        ended = true;
                    }
                }
            }
        }

        void complete() {
            synchronized (out) {
                if (!ended) {
                    ended = true;
                    out.onCompleted();
                }
            }
        }

        private void end(Status status) {
            synchronized (out) {
                if (!ended) {
                    ended = true;
                    try {
                        out.onError(status.asRuntimeException());
                    } catch (RuntimeException alreadyClosed) {
                        LOG.debug("peer stream of {} already closed: {}", caller, alreadyClosed.toString());
                    }
                }
            }
            gone(status.getDescription());
        }

        private void refuse(String why) {
            LOG.warn("server {}: refused peer stream of {}: {}", self, caller, why);
            end(Status.PERMISSION_DENIED.withDescription(why));
        }

        private void gone(String why) {
            boolean wasOpen = open;
            open = false;
            if (current == this) {
                current = null;
            }
            closed.countDown();
            if (wasOpen) {
                LOG.info("server {}: peer link of {} ended: {}", self, caller, why);
            }
        }
    }
}
