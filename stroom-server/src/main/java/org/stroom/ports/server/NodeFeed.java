package org.stroom.ports.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.portmgr.alloc.HalInputs;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.core.PortManager;

/**
 * Feeds one Node's events into the Server's port manager, each input announced to the {@link ResumeJournal} with
 * the Node event it came from, so the journal entry carries the Node's sequence. Events the
 * {@link RemoteBackend} made up (lost calls, channels out of service while the Node is unreachable, back after
 * reconciliation) go in without a sequence. Runs on the Node's link thread, in the Node's order.
 *
 * <p>A full ring is not allowed to drop a Node event (the Node would not send it again): the input is withdrawn
 * and submitted again until the ring takes it, holding the link thread, which holds back the Node.
 *
 * <p>Thread-safety: called from the Node's link thread only; {@link #dropped()} from any thread.
 */
final class NodeFeed implements RemoteBackend.NodeEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFeed.class);

    private final String node;
    private final RemoteBackend remote;
    private final PortManager portManager;
    private final ResumeJournal journal;
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param node the Node's machine name in the port manager
     * @param remote its backend
     * @param portManager the Server's port manager
     * @param journal the port manager's journal
     */
    NodeFeed(String node, RemoteBackend remote, PortManager portManager, ResumeJournal journal) {
        this.node = node;
        this.remote = remote;
        this.portManager = portManager;
        this.journal = journal;
    }

    @Override
    public void onNodeEvent(long nodeSequence, HalEvent event) {
        Optional<Input> input = HalInputs.from(event, node, 0);
        if (input.isEmpty()) {
            return;
        }
        NodeMark mark = nodeSequence > 0 ? new NodeMark(node, remote.status().journalId(), nodeSequence) : null;
        submit(input.get(), mark);
    }

    /** @return inputs that could not be submitted because the port manager has stopped */
    long dropped() {
        return dropped.get();
    }

    private void submit(Input input, NodeMark mark) {
        Result overloaded = PortManager.overloaded(input);
        long waitedSince = 0;
        while (true) {
            ResumeJournal.Expected expected = journal.expect(node, input, mark);
            CompletableFuture<Result> result;
            try {
                result = portManager.submit(input);
            } catch (RuntimeException stopped) {
                journal.retract(expected);
                dropped.incrementAndGet();
                LOG.error("node {}: event input {} dropped, the port manager has stopped: {}", node, input, stopped);
                return;
            }
            if (!overloaded.equals(result.getNow(null))) {
                return;
            }
            journal.retract(expected);
            long now = System.nanoTime();
            if (waitedSince == 0) {
                waitedSince = now;
            } else if (now - waitedSince > TimeUnit.SECONDS.toNanos(1)) {
                LOG.warn("node {}: the port manager's ring has been full for 1 s; holding the Node's events", node);
                waitedSince = now;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
