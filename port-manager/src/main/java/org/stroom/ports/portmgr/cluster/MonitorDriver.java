package org.stroom.ports.portmgr.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.t1.NanoClock;

/**
 * Runs a {@link FailoverMonitor} over a {@link PeerLink} on the standby: each {@link #step()} delivers what the
 * link received, advances the monitor to the clock's time, and sends the heartbeats it asks for. Keeps the
 * active's last replicated measurements for the takeover proof.
 *
 * <pre>
 *   link.receive() --HeartbeatAnswer--&gt; monitor.onHeartbeat
 *                  --ShutdownNotice---&gt; monitor.onShutdownNotice
 *                  --LoadReport-------&gt; lastMeasurements
 *   clock.nanos() ---&gt; monitor.tick ---SendHeartbeat--&gt; link.send(Heartbeat)
 *                                    ---other actions--&gt; returned to the owner
 * </pre>
 *
 * <p>Thread-safety: not thread-safe; call {@link #step()} from the thread that owns the monitor.
 */
public final class MonitorDriver {
    private final FailoverMonitor monitor;
    private final PeerLink link;
    private final NanoClock clock;
    private volatile List<Measurement> lastMeasurements = List.of();

    /**
     * @param monitor the monitor
     * @param link the standby's end of the link
     * @param clock monotonic time source
     */
    public MonitorDriver(FailoverMonitor monitor, PeerLink link, NanoClock clock) {
        this.monitor = Objects.requireNonNull(monitor, "MonitorDriver: monitor");
        this.link = Objects.requireNonNull(link, "MonitorDriver: link");
        this.clock = Objects.requireNonNull(clock, "MonitorDriver: clock");
    }

    /** @return the monitor */
    public FailoverMonitor monitor() {
        return monitor;
    }

    /** @return the active's last replicated measurements (empty until one arrived); safe from any thread */
    public List<Measurement> lastMeasurements() {
        return lastMeasurements;
    }

    /** @return the monitor's actions other than heartbeat requests, which were sent */
    public List<MonitorAction> step() {
        long now = clock.nanos();
        List<MonitorAction> actions = new ArrayList<>();
        for (PeerMessage m : link.receive()) {
            if (m instanceof PeerMessage.HeartbeatAnswer a) {
                actions.addAll(monitor.onHeartbeat(now, a.sequence(), a.health()));
            } else if (m instanceof PeerMessage.ShutdownNotice n) {
                actions.addAll(monitor.onShutdownNotice(now, n.reason()));
            } else if (m instanceof PeerMessage.LoadReport r) {
                lastMeasurements = r.measurements();
            }
            // A Heartbeat addressed to the standby is ignored: only the active answers heartbeats.
        }
        actions.addAll(monitor.tick(now));
        List<MonitorAction> out = new ArrayList<>();
        for (MonitorAction a : actions) {
            if (a instanceof MonitorAction.SendHeartbeat h) {
                link.send(new PeerMessage.Heartbeat(h.sequence()));
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
