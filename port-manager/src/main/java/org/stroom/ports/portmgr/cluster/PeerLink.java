package org.stroom.ports.portmgr.cluster;

import java.util.List;

/**
 * The transport between the active system and its standby, seen from one end. Delivery is in order and may lose
 * messages (the monitor treats loss as missed heartbeats). The network implementation comes later; see
 * {@link InMemoryPeerLink}.
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
}
