package org.stroom.ports.portmgr.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of an in-memory link between two peers in the same JVM, for tests and simulation. The link can be cut
 * ({@link #connect(boolean)}): while cut, messages sent from either end are lost.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class InMemoryPeerLink implements PeerLink {
    private final Queue<PeerMessage> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean connected;
    private InMemoryPeerLink other;

    private InMemoryPeerLink(AtomicBoolean connected) {
        this.connected = connected;
    }

    /**
     * Both ends of a new, connected link.
     *
     * <p>Thread-safety: immutable.
     *
     * @param active the active system's end
     * @param standby the standby's end
     */
    public record Pair(InMemoryPeerLink active, InMemoryPeerLink standby) {
        /** Checks for null. */
        public Pair {
            Objects.requireNonNull(active, "pair: active");
            Objects.requireNonNull(standby, "pair: standby");
        }
    }

    /** @return a connected pair */
    public static Pair pair() {
        AtomicBoolean up = new AtomicBoolean(true);
        InMemoryPeerLink a = new InMemoryPeerLink(up);
        InMemoryPeerLink b = new InMemoryPeerLink(up);
        a.other = b;
        b.other = a;
        return new Pair(a, b);
    }

    /**
     * Cuts or restores the link (both directions).
     *
     * @param up whether messages get through
     */
    public void connect(boolean up) {
        connected.set(up);
    }

    /** @return whether messages get through */
    public boolean connected() {
        return connected.get();
    }

    @Override
    public void send(PeerMessage message) {
        Objects.requireNonNull(message, "send: message");
        if (connected.get()) {
            other.inbox.add(message);
        }
    }

    @Override
    public List<PeerMessage> receive() {
        return PeerLink.drain(inbox);
    }
}
