package org.stroom.ports.portmgr.cluster;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.Measurement;

/**
 * Messages between the active system and its standby.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface PeerMessage
        permits PeerMessage.Heartbeat, PeerMessage.HeartbeatAnswer, PeerMessage.ShutdownNotice, PeerMessage.LoadReport {

    /**
     * Standby to active: are you there?
     *
     * @param sequence heartbeat number
     *     <p>Thread-safety: immutable.
     */
    record Heartbeat(long sequence) implements PeerMessage {}

    /**
     * Active to standby: the answer, with application health.
     *
     * @param sequence the heartbeat answered
     * @param health the active's telephony health
     *     <p>Thread-safety: immutable.
     */
    record HeartbeatAnswer(long sequence, PeerHealth health) implements PeerMessage {
        /** Checks for null. */
        public HeartbeatAnswer {
            Objects.requireNonNull(health, "heartbeat answer: health");
        }
    }

    /**
     * Active to standby: I am shutting down on purpose.
     *
     * @param reason what the operator or system said
     *     <p>Thread-safety: immutable.
     */
    record ShutdownNotice(String reason) implements PeerMessage {
        /** Checks for null. */
        public ShutdownNotice {
            Objects.requireNonNull(reason, "shutdown notice: reason");
        }
    }

    /**
     * Active to standby: the latest busy-hour measurements, replicated for the takeover proof.
     *
     * @param measurements per module (copied)
     *     <p>Thread-safety: immutable.
     */
    record LoadReport(List<Measurement> measurements) implements PeerMessage {
        /** Copies the list. */
        public LoadReport {
            measurements = List.copyOf(measurements);
        }
    }
}
