package org.stroom.ports.server;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.server.proto.FollowRequest;
import org.stroom.ports.server.proto.JournalBatch;
import org.stroom.ports.server.proto.JournalEntry;
import org.stroom.ports.server.proto.ServerPeerGrpc;

/**
 * The passive Server's side of the journal stream: follows the active's port-manager journal into a
 * {@link HotStandby}, asking after each reconnection for the entries after the last one it applied.
 *
 * <pre>
 *  active JournalStreamer ──JournalBatch(reset?, entries, last index)──▶ onNext ──▶ HotStandby.apply
 *        ◀── FollowRequest(journal id, after index) ── connect (again after each end, with back-off)
 * </pre>
 *
 * <p>Thread-safety: safe from any thread; stream callbacks run on the channel's executor.
 */
final class JournalFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);
    private static final long SILENCE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String self;
    private final String peer;
    private final ServerPeerGrpc.ServerPeerStub stub;
    private final ScheduledExecutorService executor;
    private final HotStandby standby;
    private final Duration maxDelay;
    private volatile Context.CancellableContext call;
    private volatile boolean closed;
    private volatile boolean following;
    private volatile long lastHeard;
    private final ManagedChannel channel;
    private long delayMillis = 100;

    JournalFollower(
            String self,
            String peer,
            ManagedChannel channel,
            ScheduledExecutorService executor,
            HotStandby standby,
            Duration maxDelay) {
        this.self = self;
        this.peer = peer;
        this.channel = channel;
        this.stub = ServerPeerGrpc.newStub(channel);
        this.executor = executor;
        this.standby = Objects.requireNonNull(standby, "standby");
        this.maxDelay = maxDelay;
        executor.execute(this::connect);
        executor.scheduleWithFixedDelay(this::checkSilence, 1, 1, TimeUnit.SECONDS);
    }

    /** @return whether a stream is open and has delivered a batch */
    boolean following() {
        return following;
    }

    private void connect() {
        if (closed || call != null) {
            return;
        }
        channel.resetConnectBackoff();
        lastHeard = System.nanoTime();
        FollowRequest request = FollowRequest.newBuilder()
                .setServerName(self)
                .setJournalId(standby.journalId())
                .setAfterIndex(standby.lastIndex())
                .setProtocolVersion(PeerFrames.PROTOCOL_VERSION)
                .build();
        Context.CancellableContext c = Context.current().withCancellation();
        call = c;
        c.run(() -> stub.followJournal(request, new Batches(c)));
    }

    /** The active sends a batch at least every second: a stream silent for 5 s is dead and is reopened. */
    private void checkSilence() {
        Context.CancellableContext c = call;
        if (c != null && System.nanoTime() - lastHeard > SILENCE_NANOS) {
            c.cancel(new IllegalStateException("nothing from " + peer + " on the journal stream for 5 s"));
        }
    }

    @Override
    public void close() {
        closed = true;
        Context.CancellableContext c = call;
        if (c != null) {
            c.cancel(null);
        }
    }

    private void ended(Context.CancellableContext c, Status status) {
        if (call != c) {
            return;
        }
        call = null;
        boolean was = following;
        following = false;
        if (closed) {
            return;
        }
        long delay = delayMillis;
        delayMillis = Math.min(delayMillis * 2, Math.max(100, maxDelay.toMillis()));
        if (was) {
            LOG.warn(
                    "server {}: journal stream from {} ended ({}); resuming after index {} in {} ms",
                    self,
                    peer,
                    status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription()),
                    standby.lastIndex(),
                    delay);
        }
        executor.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Receives one stream's batches. */
    private final class Batches implements StreamObserver<JournalBatch> {
        private final Context.CancellableContext context;

        Batches(Context.CancellableContext context) {
            this.context = context;
        }

        @Override
        public void onNext(JournalBatch b) {
            if (call != context) {
                return;
            }
            lastHeard = System.nanoTime();
            if (!following) {
                following = true;
                delayMillis = 100;
                LOG.info(
                        "server {}: following the journal {} of {} {}",
                        self,
                        b.getJournalId(),
                        peer,
                        b.getReset() ? "from its start" : "after index " + standby.lastIndex());
            }
            if (b.getReset()) {
                standby.reset(b.getJournalId());
            }
            try {
                for (JournalEntry e : b.getEntriesList()) {
                    standby.apply(e.getIndex(), e.getInput().asReadOnlyByteBuffer());
                }
            } catch (RuntimeException e) {
                LOG.error("server {}: the standby copy cannot apply the journal of {}; rebuilding it", self, peer, e);
                standby.reset("");
                context.cancel(e);
                return;
            }
            standby.heard(b.getLastIndex());
        }

        @Override
        public void onError(Throwable t) {
            ended(context, Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            ended(context, Status.UNAVAILABLE.withDescription("the active ended the journal stream"));
        }
    }
}
