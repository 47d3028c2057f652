package org.stroom.ports.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.cluster.PeerHealth;
import org.stroom.ports.portmgr.cluster.PeerMessage;
import org.stroom.ports.server.proto.Heartbeat;
import org.stroom.ports.server.proto.HeartbeatAnswer;
import org.stroom.ports.server.proto.Hello;
import org.stroom.ports.server.proto.LoadReport;
import org.stroom.ports.server.proto.PeerFrame;
import org.stroom.ports.server.proto.ShutdownNotice;

/**
 * {@link PeerMessage}s to and from their wire frames. Pure.
 *
 * <p>Thread-safety: stateless.
 */
final class PeerFrames {
    /** Version of the peer protocol in stroom_server.proto. */
    static final int PROTOCOL_VERSION = 1;

    private PeerFrames() {}

    static PeerFrame hello(String self) {
        return PeerFrame.newBuilder()
                .setHello(Hello.newBuilder().setServerName(self).setProtocolVersion(PROTOCOL_VERSION))
                .build();
    }

    static PeerFrame frame(PeerMessage m, long nowMicros) {
        PeerFrame.Builder f = PeerFrame.newBuilder();
        if (m instanceof PeerMessage.Heartbeat h) {
            f.setHeartbeat(Heartbeat.newBuilder().setSequence(h.sequence()));
        } else if (m instanceof PeerMessage.HeartbeatAnswer a) {
            PeerHealth h = a.health();
            f.setAnswer(HeartbeatAnswer.newBuilder()
                    .setSequence(a.sequence())
                    .setPortManagerAlive(h.portManagerAlive())
                    .setUsableSpans(h.usableSpans())
                    .setConfiguredSpans(h.configuredSpans())
                    .setActiveCalls(h.activeCalls()));
        } else if (m instanceof PeerMessage.ShutdownNotice n) {
            f.setShutdown(ShutdownNotice.newBuilder().setReason(n.reason()));
        } else if (m instanceof PeerMessage.LoadReport r) {
            LoadReport.Builder b = LoadReport.newBuilder().setAsOfMicros(nowMicros);
            for (Measurement x : r.measurements()) {
                b.addMeasurements(org.stroom.ports.server.proto.Measurement.newBuilder()
                        .setModule(x.module())
                        .setBusyHourAttempts(x.busyHourAttempts())
                        .setMeanHoldingSeconds(x.meanHoldingSeconds()));
            }
            f.setLoad(b);
        } else {
            throw new IllegalArgumentException("PeerFrames.frame: peer message "
                    + m.getClass().getName() + " has no frame; add it to stroom_server.proto and here");
        }
        return f.build();
    }

    /**
     * @return the message a frame carries, or empty for a hello
     * @throws IllegalArgumentException when the frame is empty or its content out of range
     */
    static Optional<PeerMessage> message(PeerFrame f) {
        switch (f.getBodyCase()) {
            case HELLO:
                return Optional.empty();
            case HEARTBEAT:
                return Optional.of(new PeerMessage.Heartbeat(f.getHeartbeat().getSequence()));
            case ANSWER:
                HeartbeatAnswer a = f.getAnswer();
                return Optional.of(new PeerMessage.HeartbeatAnswer(
                        a.getSequence(),
                        new PeerHealth(
                                a.getPortManagerAlive(),
                                a.getUsableSpans(),
                                a.getConfiguredSpans(),
                                a.getActiveCalls())));
            case SHUTDOWN:
                return Optional.of(
                        new PeerMessage.ShutdownNotice(f.getShutdown().getReason()));
            case LOAD:
                List<Measurement> ms = new ArrayList<>();
                for (org.stroom.ports.server.proto.Measurement m : f.getLoad().getMeasurementsList()) {
                    ms.add(new Measurement(m.getModule(), m.getBusyHourAttempts(), m.getMeanHoldingSeconds()));
                }
                return Optional.of(new PeerMessage.LoadReport(ms));
            case BODY_NOT_SET:
            default:
                throw new IllegalArgumentException("peer frame without a body");
        }
    }
}
