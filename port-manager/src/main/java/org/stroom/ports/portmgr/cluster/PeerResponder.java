package org.stroom.ports.portmgr.cluster;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.stroom.ports.portmgr.capacity.Measurement;

/**
 * The active system's side of the link: answers heartbeats with its current health, announces a controlled
 * shutdown, and replicates busy-hour measurements.
 *
 * <p>Thread-safety: not thread-safe; call from one thread.
 */
public final class PeerResponder {
    private final PeerLink link;
    private final Supplier<PeerHealth> health;

    /**
     * @param link the active's end of the link
     * @param health current health, asked once per heartbeat
     */
    public PeerResponder(PeerLink link, Supplier<PeerHealth> health) {
        this.link = Objects.requireNonNull(link, "PeerResponder: link");
        this.health = Objects.requireNonNull(health, "PeerResponder: health");
    }

    /** @return how many heartbeats were answered */
    public int step() {
        int answered = 0;
        for (PeerMessage m : link.receive()) {
            if (m instanceof PeerMessage.Heartbeat h) {
                link.send(new PeerMessage.HeartbeatAnswer(h.sequence(), health.get()));
                answered++;
            }
        }
        return answered;
    }

    /** @param reason why this system shuts down; sent before it stops answering */
    public void announceShutdown(String reason) {
        link.send(new PeerMessage.ShutdownNotice(reason));
    }

    /** @param measurements the latest busy-hour measurements per module */
    public void reportLoad(List<Measurement> measurements) {
        link.send(new PeerMessage.LoadReport(measurements));
    }
}
