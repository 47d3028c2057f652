package org.stroom.ports.server;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.RollCycles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.server.proto.FollowRequest;
import org.stroom.ports.server.proto.JournalBatch;
import org.stroom.ports.server.proto.JournalEntry;

/**
 * The active Server's side of the journal stream: for each {@code FollowJournal} call of its passive, a sender
 * thread reads the port-manager journal from the passive's last index with a reader of its own (a second
 * Chronicle queue on the same directory, so the core's appender is never touched) and sends every entry's encoded
 * input, then each new entry as it is appended (woken by {@link ResumeJournal#onAppended}), and an empty batch
 * every second while nothing happens (the passive's measure of how old its copy is).
 *
 * <pre>
 *  core journal thread ──append──▶ journal files ◀──replay(after)── sender thread ──JournalBatch──▶ passive
 *          └──onAppended──unpark───────────────────────────────────────┘
 * </pre>
 *
 * <p>When the passive names another journal, or an index this journal does not have, the first batch says
 * {@code reset} and the stream starts from the journal's first entry.
 *
 * <p>Thread-safety: safe from any thread.
 */
final class JournalStreamer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalStreamer.class);
    private static final int BATCH = 512;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final String self;
    private final String peer;
    private final String journalId;
    private final Path queueDir;
    private final String rollCycle;
    private final Journal live;
    private final InstantSource clock;
    private final List<Thread> senders = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * @param self this Server's name
     * @param peer the passive allowed to follow
     * @param journalId the journal's id
     * @param queueDir the Chronicle queue directory of the journal
     * @param rollCycle its roll cycle name
     * @param live the journal being appended, for its last index
     * @param clock the wall clock stamped on batches
     */
    JournalStreamer(
            String self,
            String peer,
            String journalId,
            Path queueDir,
            String rollCycle,
            ResumeJournal live,
            InstantSource clock) {
        this.self = self;
        this.peer = peer;
        this.journalId = journalId;
        this.queueDir = queueDir;
        this.rollCycle = rollCycle;
        this.live = live;
        this.clock = clock;
        live.onAppended(index -> {
            for (Thread t : senders) {
                LockSupport.unpark(t);
            }
        });
    }

    /** Serves one {@code FollowJournal} call of {@code caller}. */
    void follow(FollowRequest request, StreamObserver<JournalBatch> responses, String caller) {
        ServerCallStreamObserver<JournalBatch> out = (ServerCallStreamObserver<JournalBatch>) responses;
        if (!caller.equalsIgnoreCase(peer) || !request.getServerName().equalsIgnoreCase(caller)) {
            LOG.warn(
                    "server {}: refused journal follower {} (request names '{}'): only the peer {} may follow",
                    self,
                    caller,
                    request.getServerName(),
                    peer);
            out.onError(Status.PERMISSION_DENIED
                    .withDescription("only " + peer + " may follow this journal")
                    .asRuntimeException());
            return;
        }
        boolean reset = !request.getJournalId().equals(journalId);
        long after = reset ? Journal.NO_INDEX : request.getAfterIndex();
        if (!reset && after > live.lastIndex()) {
            LOG.warn(
                    "server {}: {} follows from index {} but the journal ends at {}; it rebuilds its copy",
                    self,
                    caller,
                    after,
                    live.lastIndex());
            reset = true;
            after = Journal.NO_INDEX;
        }
        long from = after;
        boolean resetFirst = reset;
        Thread t = new Thread(() -> send(out, caller, from, resetFirst), "journal-to-" + caller);
        t.setDaemon(true);
        out.setOnCancelHandler(() -> LockSupport.unpark(t));
        senders.add(t);
        LOG.info(
                "server {}: {} follows the journal {} {}",
                self,
                caller,
                journalId,
                reset ? "from its start (new copy)" : "after index " + after);
        t.start();
    }

    private void send(ServerCallStreamObserver<JournalBatch> out, String caller, long from, boolean reset) {
        long[] after = {from};
        boolean[] first = {reset};
        long lastSent = 0;
        JournalBatch.Builder batch = JournalBatch.newBuilder();
        try (ChronicleJournal files = ChronicleJournal.builder(queueDir)
                .rollCycle(RollCycles.valueOf(rollCycle))
                .open()) {
            ResumeJournal reader = new ResumeJournal(files);
            while (!closed && !out.isCancelled()) {
                int[] count = {0};
                reader.replay(after[0], (index, input) -> {
                    batch.addEntries(
                            JournalEntry.newBuilder().setIndex(index).setInput(ByteString.copyFrom(input.duplicate())));
                    after[0] = index;
                    count[0]++;
                    if (batch.getEntriesCount() >= BATCH) {
                        ship(out, batch, first);
                    }
                });
                long now = System.nanoTime();
                if (batch.getEntriesCount() > 0 || first[0] || now - lastSent >= IDLE_NANOS) {
                    ship(out, batch, first);
                    lastSent = now;
                } else if (count[0] > 0) {
                    lastSent = now;
                }
                LockSupport.parkNanos(this, POLL_NANOS);
            }
        } catch (StreamGone gone) {
            LOG.debug("journal stream to {} cancelled while sending", caller);
        } catch (RuntimeException e) {
            if (!out.isCancelled() && !closed) {
                LOG.error("server {}: journal stream to {} failed", self, caller, e);
                try {
                    out.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
                } catch (RuntimeException alreadyClosed) {
                    LOG.debug("journal stream to {} already closed", caller);
                }
            }
        } finally {
            senders.remove(Thread.currentThread());
            LOG.info("server {}: journal stream to {} ended after index {}", self, caller, after[0]);
        }
    }

    private void ship(ServerCallStreamObserver<JournalBatch> out, JournalBatch.Builder batch, boolean[] first) {
        while (!out.isReady() && !out.isCancelled() && !closed) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (out.isCancelled() || closed) {
            throw new StreamGone();
        }
        batch.setJournalId(journalId)
                .setReset(first[0])
                .setLastIndex(live.lastIndex())
                .setSentMicros(micros());
        first[0] = false;
        out.onNext(batch.build());
        batch.clear();
    }

    private long micros() {
        var t = clock.instant();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Ends every stream. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : senders) {
            LockSupport.unpark(t);
        }
    }

    /** The follower went away while a batch was being sent. */
    private static final class StreamGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamGone() {
            super("the follower went away", null, false, false);
        }
    }

    @Override
    public String toString() {
        return "JournalStreamer[" + self + " → " + Objects.toString(peer) + ", journal " + journalId + "]";
    }
}
