package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.Scheduler;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.hal.softport.tck.SoftportHarness;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * The hal-tck harness over a {@link RemoteBackend}: the backend under test is a Server's view of
 * Node {@value #NODE}, reached over loopback gRPC with mutual TLS; the Node runs a {@link
 * NodeServer} (journal in a temporary directory) serving a softport {@link SoftBackend} with the
 * hardware of softport's own harness — one TR1034-2T1 board, ISDN PRI (NI-2) on port 1 and E&amp;M
 * wink-start CAS on port 2. Far-end actions go to the Node's cables, faults to the Node's {@link
 * SoftBackend#faults()}, exactly as softport's harness does it locally.
 *
 * <p>Time: the Node runs on a {@link VirtualClock}, which also stamps the events the Server
 * re-publishes. {@link #advance} moves the clock from one scheduled Node action to the next and,
 * before each move and at the end, waits (real time, on the link's condition) until the Server has
 * applied every event the Node has published so far. So when {@code advance} returns, every event
 * caused by time has crossed the link and been delivered, and the clock has not moved while it was
 * in flight: re-published events carry the Node's time, and the run is deterministic although the
 * link itself is asynchronous. {@link #virtualTime()} is therefore true. Far-end and fault methods
 * wait the same way before they return, so what the Node reported at once has reached the Server's
 * subscribers, as it would have reached a local backend's.
 *
 * <p>Thread-safety: confined to the test thread.
 */
final class RemoteHarness implements TckHarness {
    /** The Node's machine name (also the machine of its boards). */
    static final String NODE = "node1";

    /** The Server's machine name. */
    static final String SERVER = "server1";

    /** Longest real time to wait for the link to come up or to deliver the Node's events. */
    static final Duration LINK_WAIT = Duration.ofSeconds(10);

    private final Path journalDir;
    private final VirtualClock clock = new VirtualClock();
    private final AtomicLong published = new AtomicLong();
    private final SoftBackend node;
    private final NodeServer nodeServer;
    private final RemoteBackend remote;
    private boolean closed;

    private RemoteHarness(TestPki pki) {
        try {
            this.journalDir = Files.createTempDirectory("hal-remote-tck-journal-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a journal directory for the remote harness", e);
        }
        SoftBackend n = null;
        NodeServer ns = null;
        RemoteBackend r = null;
        try {
            n = SoftBackend.builder(NODE)
                    .seed(42)
                    .clock(clock)
                    .board(BoardModel.TR1034_2T1, SoftportHarness.pri(1), SoftportHarness.cas(2))
                    .build();
            // counted on the publishing thread, before the NodeServer's journal thread sees the event
            n.subscribe(e -> published.incrementAndGet(), Runnable::run);
            ns = NodeServer.start(n, NodeConfig.of(NODE, pki.files(NODE), Set.of(SERVER), journalDir));
            r = RemoteBackend.builder(NODE, "127.0.0.1", ns.port())
                    .serverName(SERVER)
                    .tls(pki.files(SERVER))
                    .clock(clock)
                    .build();
            if (!r.awaitUp(LINK_WAIT)) {
                throw new AssertionError(
                        "the link to node " + NODE + " did not come up within " + LINK_WAIT + ": " + r.status());
            }
        } catch (RuntimeException | Error e) {
            closeQuietly(r, ns, n);
            deleteJournal();
            throw e;
        }
        this.node = n;
        this.nodeServer = ns;
        this.remote = r;
    }

    /** @return a harness with a fresh Node (backend, server, journal) and a fresh RemoteBackend */
    static RemoteHarness open() {
        return new RemoteHarness(SharedPki.PKI);
    }

    /** @return the Node's backend (the far end and faults act on it) */
    SoftBackend node() {
        return node;
    }

    @Override
    public HalBackend backend() {
        return remote;
    }

    @Override
    public boolean virtualTime() {
        return true;
    }

    @Override
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        long target = Scheduler.plus(clock.nanos(), d);
        awaitDelivered();
        while (true) {
            OptionalLong next = clock.nextDueNanos();
            if (next.isEmpty() || next.getAsLong() > target) {
                break;
            }
            clock.advanceTo(next.getAsLong());
            awaitDelivered();
        }
        clock.advanceTo(target);
    }

    /** Waits until the Server has applied every event the Node's backend has published so far. */
    void awaitDelivered() {
        long last = published.get();
        if (!remote.awaitApplied(last, LINK_WAIT)) {
            throw new AssertionError(
                    "the server applied node events up to " + remote.status().lastApplied() + " within " + LINK_WAIT
                            + ", the node published " + last + ": " + remote.status());
        }
    }

    @Override
    public CallId offerInbound(ChannelId channel, String dnis, String ani) {
        CallId local = node.farEnd(channel.span()).offerCall(channel.ds0(), dnis, ani);
        awaitDelivered();
        return new CallId(nodeServer.wireCallId(local.value()));
    }

    @Override
    public void farEndHangUp(ChannelId channel) {
        node.farEnd(channel.span()).hangUp(channel);
        awaitDelivered();
    }

    @Override
    public void farEndSendsDigits(ChannelId channel, String digits) {
        node.farEnd(channel.span()).sendDigits(channel, digits);
        awaitDelivered();
    }

    @Override
    public void setOutboundBehaviour(OutboundBehaviour behaviour) {
        node.setOutboundBehaviour(SoftportHarness.toSoftport(behaviour));
    }

    @Override
    public void farEndSendsFax(ChannelId channel, int pages) {
        node.farEnd(channel.span()).sendFaxPages(channel, pages);
        awaitDelivered();
    }

    @Override
    public void raiseDefect(SpanLocation span, Defect defect) {
        node.faults().raiseDefect(span, defect);
        awaitDelivered();
    }

    @Override
    public void clearDefect(SpanLocation span, Defect defect) {
        node.faults().clearDefect(span, defect);
        awaitDelivered();
    }

    @Override
    public void setDChannel(SpanLocation span, boolean up) {
        node.faults().setDChannel(span, up);
        awaitDelivered();
    }

    @Override
    public void boardFault(BoardId board) {
        node.faults().boardFault(board);
        awaitDelivered();
    }

    @Override
    public void boardRecover(BoardId board) {
        node.faults().boardRecover(board);
        awaitDelivered();
    }

    @Override
    public void failNextOperation(ChannelId channel) {
        node.faults().failNextOperation(channel);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeQuietly(remote, nodeServer, node);
        } finally {
            deleteJournal();
        }
    }

    private static void closeQuietly(RemoteBackend r, NodeServer ns, SoftBackend n) {
        if (r != null) {
            r.close();
        }
        if (ns != null) {
            ns.close();
        }
        if (n != null) {
            n.close();
        }
    }

    private void deleteJournal() {
        try (Stream<Path> s = Files.walk(journalDir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a journal file left in the temporary directory must not fail a contract
        }
    }

    /** Certificates for every harness of the test run, made once (key generation is slow). */
    private static final class SharedPki {
        static final TestPki PKI = create();

        private static TestPki create() {
            try {
                Path dir = Files.createTempDirectory("hal-remote-tck-pki-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "hal-remote-tck-pki-cleanup"));
                return new TestPki(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the test certificates", e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // the JVM is exiting; a left-over temporary directory is harmless
            }
        }
    }
}
