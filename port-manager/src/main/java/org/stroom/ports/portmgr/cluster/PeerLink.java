package org.stroom.ports.portmgr.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * The transport between the active system and its standby, seen from one end. Delivery is in order and may lose
 * messages (the monitor treats loss as missed heartbeats). Implementations: {@link InMemoryPeerLink} in one process,
 * and the gRPC link over mutual TLS of the stroom-server module.
 *
 * <p>Thread-safety: implementations must allow {@link #send} and {@link #receive} from different threads.
 */
public interface PeerLink {
    /**
     * Sends a message to the other end; never blocks; a message that cannot be delivered is dropped.
     *
     * @param message the message
     */
    void send(PeerMessage message);

    /** @return the messages received since the last call, oldest first; empty when there is none */
    List<PeerMessage> receive();

    /**
     * The usual {@link #receive()}: takes every message queued so far.
     *
     * @param inbox a concurrent queue that the receiving side fills
     * @return its messages, oldest first; empty when there is none
     */
    static List<PeerMessage> drain(Queue<PeerMessage> inbox) {
        List<PeerMessage> out = new ArrayList<>();
        PeerMessage m;
        while ((m = inbox.poll()) != null) {
            out.add(m);
        }
        return out;
    }
}
