package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/** Fluent test builder for inventory systems: machines, boards, spans and spare positions. */
public final class SystemBuilder {
    /** Profile of a fully provisioned NI-2 PRI. */
    public static final LineProfile PRI_NI2 =
            new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.ISDN_PRI, PriSwitch.NI2);
    /** Profile of an ESF/B8ZS E&M wink-start span. */
    public static final LineProfile EM_WINK =
            new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.EM_WINK_START, null);

    private final String name;
    private final List<InventoryMachine> machines = new ArrayList<>();
    private String machine;
    private MachineRole role;
    private boolean machineUp;
    private List<InventoryBoard> boards;
    private BoardId board;
    private int spanPorts;
    private PortAbility ability;
    private int capacity;
    private List<InventorySpan> spans;
    private List<SparePort> spares;

    private SystemBuilder(String name) {
        this.name = name;
    }

    public static SystemBuilder system(String name) {
        return new SystemBuilder(name);
    }

    public static SpanConfig pri(String circuit, String... dids) {
        return SpanConfig.pri(new CircuitId(circuit), PriSwitch.NI2, 0, ranges(dids));
    }

    public static SpanConfig wink(String circuit, String... dids) {
        return SpanConfig.cas(new CircuitId(circuit), Signalling.EM_WINK_START, 0, ranges(dids));
    }

    public static SpanConfig loopStart(String circuit) {
        return SpanConfig.cas(new CircuitId(circuit), Signalling.LOOP_START, 0, List.of());
    }

    static List<DidRange> ranges(String... dids) {
        return Arrays.stream(dids).map(DidRange::parse).toList();
    }

    public SystemBuilder server(String machineName) {
        return machine(machineName, MachineRole.SERVER, true);
    }

    public SystemBuilder node(String machineName) {
        return machine(machineName, MachineRole.NODE, true);
    }

    public SystemBuilder machine(String machineName, MachineRole r, boolean up) {
        closeMachine();
        machine = machineName;
        role = r;
        machineUp = up;
        boards = new ArrayList<>();
        return this;
    }

    public SystemBuilder down() {
        machineUp = false;
        return this;
    }

    /** Starts a board with 24 channels per span port. */
    public SystemBuilder board(int number, int ports, PortAbility boardAbility) {
        return board(number, ports, boardAbility, ports * 24);
    }

    public SystemBuilder board(int number, int ports, PortAbility boardAbility, int channelCapacity) {
        closeBoard();
        board = new BoardId(machine, number);
        spanPorts = ports;
        ability = boardAbility;
        capacity = channelCapacity;
        spans = new ArrayList<>();
        spares = new ArrayList<>();
        return this;
    }

    /** Adds a healthy span at the next free port with the board's ability. */
    public SystemBuilder span(SpanConfig config) {
        return span(config, ability);
    }

    public SystemBuilder span(SpanConfig config, PortAbility spanAbility) {
        return span(config, spanAbility, SpanStatus.healthy(config.signalling()), 0);
    }

    public SystemBuilder span(SpanConfig config, PortAbility spanAbility, SpanStatus status, int locked) {
        spans.add(new InventorySpan(nextLocation(), config, status, spanAbility, locked));
        return this;
    }

    public SystemBuilder redAlarm(SpanConfig config) {
        return span(
                config, ability, SpanStatus.healthy(config.signalling()).withAlarms(java.util.Set.of(Alarm.RED)), 0);
    }

    public SystemBuilder dChannelDown(SpanConfig config) {
        return span(config, ability, SpanStatus.healthy(config.signalling()).withDChannel(DChannelState.DOWN), 0);
    }

    public SystemBuilder spare(LineProfile profile) {
        spares.add(new SparePort(nextLocation(), profile));
        return this;
    }

    private SpanLocation nextLocation() {
        return new SpanLocation(machine, board.board(), spans.size() + spares.size() + 1);
    }

    private void closeBoard() {
        if (board != null) {
            boards.add(new InventoryBoard(board, spanPorts, ability, capacity, true, spans, spares));
            board = null;
        }
    }

    private void closeMachine() {
        if (machine != null) {
            closeBoard();
            machines.add(new InventoryMachine(machine, role, machineUp, boards));
            machine = null;
        }
    }

    public InventorySystem build() {
        closeMachine();
        return new InventorySystem(name, machines);
    }
}
