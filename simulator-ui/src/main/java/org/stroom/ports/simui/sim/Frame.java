package org.stroom.ports.simui.sim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.hal.api.PortKind;

/**
 * Everything the user interface shows, as one consistent, immutable snapshot built on the simulation thread. The
 * engine publishes the newest frame in an atomic reference; the view model applies the latest one once per
 * JavaFX pulse, so any number of simulator events between two pulses costs one apply.
 *
 * <p>Cells are addressed by {@link Layout#cell(int, int)}; their state, fax page count, call id and call start
 * are read through accessors (the arrays are never exposed).
 *
 * <p>Thread-safety: immutable; safe to read from any thread.
 */
public final class Frame {
    /**
     * Whether and how a circuit occupies a span position.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Plug {
        /** No circuit: a free position. */
        EMPTY,
        /** A circuit is plugged in. */
        PLUGGED,
        /** The circuit shown was pulled out and not plugged in anywhere; the position is free. */
        PULLED
    }

    /**
     * One span position.
     *
     * @param circuit the circuit plugged in, or last pulled out of it; empty for a free, never-used position
     * @param plug whether the circuit is plugged in
     * @param alarms declared alarms, e.g. {@code "RED"} or {@code "RED YELLOW"}; empty when clear
     * @param dChannel {@code "up"}, {@code "down"}, or empty when not a PRI circuit
     * @param spanLocked whether the simulator locked the whole span
     * @param busy channels busy (port manager's count)
     * @param total bearer channels (port manager's count)
     * @param profile the circuit's line profile, e.g. {@code "ESF/B8ZS/ISDN_PRI/NI2"}; empty when none
     *     <p>Thread-safety: immutable.
     */
    public record PositionSnap(
            Optional<String> circuit,
            Plug plug,
            String alarms,
            String dChannel,
            boolean spanLocked,
            int busy,
            int total,
            String profile) {
        /** Checks for null. */
        public PositionSnap {
            Objects.requireNonNull(circuit, "PositionSnap.circuit");
            Objects.requireNonNull(plug, "PositionSnap.plug");
            Objects.requireNonNull(alarms, "PositionSnap.alarms");
            Objects.requireNonNull(dChannel, "PositionSnap.dChannel");
            Objects.requireNonNull(profile, "PositionSnap.profile");
        }
    }

    /**
     * One machine.
     *
     * @param name machine name
     * @param alive whether it runs (not killed)
     * @param faultedBoards board numbers failed by the tester
     *     <p>Thread-safety: immutable.
     */
    public record MachineSnap(String name, boolean alive, List<Integer> faultedBoards) {
        /** Copies the list. */
        public MachineSnap {
            faultedBoards = List.copyOf(faultedBoards);
        }
    }

    /**
     * Port manager channel counts of one span, machine, hunt group or kind.
     *
     * @param scope {@code "kind"}, {@code "machine"}, {@code "group"} or {@code "span"}
     * @param name e.g. {@code "FAX"}, {@code "a-node1"}, {@code "stroom-a/fax-in"}, {@code "a-node1/b0/s2"}
     * @param total bearer channels
     * @param busy occupied by a lease or a call
     * @param free available for a new lease
     * @param unusable idle but not available (locked, out of service, alarm, machine down)
     *     <p>Thread-safety: immutable.
     */
    public record CounterRow(String scope, String name, int total, int busy, int free, int unusable) {}

    /**
     * The traffic of one hunt group, its figures so far and the Erlang B prediction.
     *
     * @param system the system
     * @param group the hunt group
     * @param kind the group's port kind
     * @param outbound whether calls are placed through the port manager (else offered by the network)
     * @param settings the traffic settings
     * @param offered attempts so far
     * @param carried attempts that got a channel
     * @param blocked attempts that found none
     * @param usablePorts channels the group can use now (busy + free)
     * @param offeredErlangs offered traffic of the settings, in erlangs
     * @param predictedBlocking Erlang B blocking of the offered traffic on the usable ports
     *     <p>Thread-safety: immutable.
     */
    public record TrafficRow(
            String system,
            String group,
            PortKind kind,
            boolean outbound,
            TrafficSettings settings,
            long offered,
            long carried,
            long blocked,
            int usablePorts,
            double offeredErlangs,
            double predictedBlocking) {
        /** @return blocked / offered so far, 0 when nothing was offered */
        public double measuredBlocking() {
            return offered == 0 ? 0 : (double) blocked / offered;
        }

        /** @return {@code "system/group"} */
        public String key() {
            return system + "/" + group;
        }
    }

    /**
     * One point of the live charts.
     *
     * @param simMinutes simulation time in minutes
     * @param busyPorts channels busy in the whole installation
     * @param blockedPerMinute blocked attempts per simulated minute since the previous point
     * @param predictedBlockedPerMinute Erlang B's blocked attempts per minute for the current traffic and ports
     * @param carriedErlangs carried traffic in erlangs, averaged over the last simulated minute
     * @param predictedErlangs Erlang B's carried traffic for the current traffic and ports
     *     <p>Thread-safety: immutable.
     */
    public record ChartSample(
            double simMinutes,
            int busyPorts,
            double blockedPerMinute,
            double predictedBlockedPerMinute,
            double carriedErlangs,
            double predictedErlangs) {}

    /**
     * The latest takeover proof.
     *
     * @param grade PASS, DEGRADED or FAIL
     * @param cause why it was built
     * @param createdAt when (ISO-8601, from the simulation's clock)
     * @param decision the promotion decision, e.g. {@code "promoted: proof PASS"}
     * @param planLines the span moves, rollovers and what is missing
     * @param text the proof's readable text
     * @param keyId the signing key's id
     *     <p>Thread-safety: immutable.
     */
    public record ProofSnap(
            String grade,
            String cause,
            String createdAt,
            String decision,
            List<String> planLines,
            String text,
            String keyId) {
        /** Copies the list. */
        public ProofSnap {
            planLines = List.copyOf(planLines);
        }
    }

    /**
     * The failover monitor of the standby.
     *
     * @param active the monitored system
     * @param standby the system that would take over
     * @param state the monitor state, e.g. {@code "OK"}
     * @param misses consecutive missed heartbeats
     * @param threshold misses that trigger failover now
     * @param promoted whether the standby has taken over
     * @param activeServerAlive whether the active's Server runs (answers heartbeats)
     * @param proof the latest proof, if one was built
     *     <p>Thread-safety: immutable.
     */
    public record FailoverSnap(
            String active,
            String standby,
            String state,
            int misses,
            int threshold,
            boolean promoted,
            boolean activeServerAlive,
            Optional<ProofSnap> proof) {}

    /**
     * The channel selected for the detail pane.
     *
     * @param cell its cell index
     * @param title e.g. {@code "a-node1/b0/s2 ch 5"}
     * @param state the state shown on the cell, in words
     * @param call the call on it, or {@code "none"}
     * @param duration how long the call has lasted, or empty
     * @param history the last state transitions, oldest first, each {@code "time FROM → TO (reason)"}
     *     <p>Thread-safety: immutable.
     */
    public record ChannelDetail(
            int cell, String title, String state, String call, String duration, List<String> history) {
        /** Copies the list. */
        public ChannelDetail {
            history = List.copyOf(history);
        }
    }

    /**
     * Engine-side figures of one frame.
     *
     * @param eventsTotal HAL events seen since the start
     * @param eventsPerSecond HAL events per real second, over the last second
     * @param buildNanos real time it took to build this frame, in nanoseconds
     *     <p>Thread-safety: immutable.
     */
    public record Stats(long eventsTotal, double eventsPerSecond, long buildNanos) {}

    /**
     * The clock as the frame saw it.
     *
     * @param simNanos simulation time, nanoseconds since the start
     * @param speed requested speed, simulated seconds per real second
     * @param achievedSpeed the speed the simulation kept up over the last second (lower when it cannot keep up)
     * @param paused whether the clock is paused
     * @param trafficRunning whether traffic is being offered
     *     <p>Thread-safety: immutable.
     */
    public record Clock(long simNanos, double speed, double achievedSpeed, boolean paused, boolean trafficRunning) {}

    private final long sequence;
    private final Clock clock;
    private final List<PositionSnap> positions;
    private final List<MachineSnap> machines;
    private final byte[] states;
    private final short[] pages;
    private final long[] callIds;
    private final long[] callStarts;
    private final List<CounterRow> counters;
    private final List<TrafficRow> traffic;
    private final Optional<ChartSample> chart;
    private final List<LogEntry> log;
    private final long logDropped;
    private final Optional<FailoverSnap> failover;
    private final Optional<ChannelDetail> detail;
    private final String status;
    private final boolean statusOk;
    private final Stats stats;

    Frame(
            long sequence,
            Clock clock,
            List<PositionSnap> positions,
            List<MachineSnap> machines,
            byte[] states,
            short[] pages,
            long[] callIds,
            long[] callStarts,
            List<CounterRow> counters,
            List<TrafficRow> traffic,
            Optional<ChartSample> chart,
            List<LogEntry> log,
            long logDropped,
            Optional<FailoverSnap> failover,
            Optional<ChannelDetail> detail,
            String status,
            boolean statusOk,
            Stats stats) {
        this.sequence = sequence;
        this.clock = clock;
        this.positions = List.copyOf(positions);
        this.machines = List.copyOf(machines);
        this.states = states;
        this.pages = pages;
        this.callIds = callIds;
        this.callStarts = callStarts;
        this.counters = List.copyOf(counters);
        this.traffic = List.copyOf(traffic);
        this.chart = chart;
        this.log = List.copyOf(log);
        this.logDropped = logDropped;
        this.failover = failover;
        this.detail = detail;
        this.status = status;
        this.statusOk = statusOk;
        this.stats = stats;
    }

    /** @return strictly increasing per engine, from 1 */
    public long sequence() {
        return sequence;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return every position, in {@link Layout#positions()} order */
    public List<PositionSnap> positions() {
        return positions;
    }

    /** @return every machine, in layout order */
    public List<MachineSnap> machines() {
        return machines;
    }

    /** @return the number of cells */
    public int cellCount() {
        return states.length;
    }

    /** @return the state of a cell */
    public CellState state(int cell) {
        return CellState.of(states[cell]);
    }

    /** @return fax pages done on the cell's current call, 0 when none */
    public int pages(int cell) {
        return pages[cell];
    }

    /** @return the HAL call id on the cell, 0 when none */
    public long callId(int cell) {
        return callIds[cell];
    }

    /** @return simulation time the cell's call began, or {@link Long#MIN_VALUE} when there is none */
    public long callStart(int cell) {
        return callStarts[cell];
    }

    /** @return the port manager's counts: kinds, machines, groups, spans */
    public List<CounterRow> counters() {
        return counters;
    }

    /** @return one row per hunt group */
    public List<TrafficRow> traffic() {
        return traffic;
    }

    /** @return a new chart point, present a few times per real second */
    public Optional<ChartSample> chart() {
        return chart;
    }

    /** @return log entries since the previous frame, oldest first */
    public List<LogEntry> log() {
        return log;
    }

    /** @return entries since the previous frame that were left out to keep the frame small */
    public long logDropped() {
        return logDropped;
    }

    /** @return the failover monitor, when the installation has a redundancy pair */
    public Optional<FailoverSnap> failover() {
        return failover;
    }

    /** @return the selected channel's details, when one is selected */
    public Optional<ChannelDetail> detail() {
        return detail;
    }

    /** @return the outcome of the last command, or empty */
    public String status() {
        return status;
    }

    /** @return whether the last command was carried out (false: {@link #status()} says why not) */
    public boolean statusOk() {
        return statusOk;
    }

    /** @return engine figures */
    public Stats stats() {
        return stats;
    }
}
