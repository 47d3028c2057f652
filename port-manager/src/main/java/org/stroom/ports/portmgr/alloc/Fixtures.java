package org.stroom.ports.portmgr.alloc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * Ready-made inventories for tests, benchmarks and demos. Public on purpose: the JMH benchmarks and
 * other modules' tests build on them.
 *
 * <p>Thread-safety: stateless; every call returns new objects.
 */
public final class Fixtures {
    /** Name of the Server machine in every fixture. */
    public static final String SERVER = "server";
    /** Nodes in {@link #largeSystem()}. */
    public static final int LARGE_NODES = 100;
    /** Boards per Node in {@link #largeSystem()} (Brooktrout TR1034-class, four T1 spans each). */
    public static final int LARGE_BOARDS_PER_NODE = 2;
    /** T1 spans per Node in {@link #largeSystem()}. */
    public static final int LARGE_SPANS_PER_NODE = LARGE_BOARDS_PER_NODE * SpanLocation.MAX_PORT;
    /** Hunt group of every fax channel in {@link #largeSystem()}, balanced across machines. */
    public static final String FAX_ALL = "fax-all";
    /** Hunt group of every voice channel in {@link #largeSystem()}, round-robin upwards. */
    public static final String VOICE_ALL = "voice-all";
    /** Hunt group of the first span of every Node in {@link #largeSystem()}, least busy span first. */
    public static final String INBOUND_DID = "inbound-did";
    /** A typical heartbeat timeout: 15 missed 2-second heartbeats. */
    public static final long HEARTBEAT_TIMEOUT_NANOS = 30_000_000_000L;

    private static final Set<Direction> BOTH = EnumSet.allOf(Direction.class);
    private static final Set<PortKind> FAX_AND_VOICE = EnumSet.allOf(PortKind.class);

    private Fixtures() {}

    /** @return the name of Node {@code i} (1-based): {@code node-001} … */
    public static String node(int i) {
        return String.format("node-%03d", i);
    }

    /**
     * The inventory of a 100-Node System: a Server without boards and 100 Nodes, each with two 4-span
     * boards of ISDN PRI T1s (23 B-channels, fax and voice on every channel, both directions): 800 spans,
     * 19,200 DS0 timeslots, 18,400 bearer channels. Hunt groups {@link #FAX_ALL}, {@link #VOICE_ALL} and
     * {@link #INBOUND_DID}. Heartbeat supervision is off. Every input is stamped at time 0.
     *
     * @return the inputs, in order
     */
    public static List<Input> largeSystemInputs() {
        return largeSystemInputs(0);
    }

    /**
     * @param heartbeatTimeoutNanos heartbeat timeout of every machine; 0 turns supervision off
     * @return {@link #largeSystemInputs()} with that heartbeat timeout
     */
    public static List<Input> largeSystemInputs(long heartbeatTimeoutNanos) {
        List<Input> in = new ArrayList<>();
        in.add(new Input.MachineAdded(0, SERVER, MachineRole.SERVER, heartbeatTimeoutNanos));
        List<GroupMember> all = new ArrayList<>();
        List<GroupMember> did = new ArrayList<>();
        for (int n = 1; n <= LARGE_NODES; n++) {
            String node = node(n);
            in.add(new Input.MachineAdded(0, node, MachineRole.NODE, heartbeatTimeoutNanos));
            for (int board = 0; board < LARGE_BOARDS_PER_NODE; board++) {
                for (int port = 1; port <= SpanLocation.MAX_PORT; port++) {
                    SpanLocation loc = new SpanLocation(node, board, port);
                    in.add(Input.SpanAdded.uniform(
                            0,
                            loc,
                            new CircuitId(String.format("DHEC.%03d%d%d..SW", n, board, port)),
                            Signalling.ISDN_PRI,
                            FAX_AND_VOICE,
                            BOTH));
                    all.add(GroupMember.wholeSpan(loc));
                    if (board == 0 && port == 1) {
                        did.add(GroupMember.wholeSpan(loc));
                    }
                }
            }
        }
        in.add(new Input.HuntGroupDefined(0, FAX_ALL, HuntStrategy.BALANCE_MACHINES, PortKind.FAX, all));
        in.add(new Input.HuntGroupDefined(0, VOICE_ALL, HuntStrategy.ROUND_ROBIN_UP, PortKind.VOICE, all));
        in.add(new Input.HuntGroupDefined(0, INBOUND_DID, HuntStrategy.LEAST_BUSY_SPAN, PortKind.FAX, did));
        return in;
    }

    /** @return a new state holding {@link #largeSystemInputs()} */
    public static PortManagerState largeSystem() {
        return build(largeSystemInputs());
    }

    /**
     * A small System for examples: the Server with one board of two T1s (span 1: PRI, fax and voice; span
     * 2: E&amp;M wink start CAS, voice only, outbound only) and two Nodes with one board of two PRI T1s
     * each (fax and voice, both directions). Hunt group {@code "fax"} (top-down over every PRI span) and
     * {@code "voice"} (round-robin over every span). Heartbeat supervision is off. Every input is stamped
     * at time 0.
     *
     * @return the inputs, in order
     */
    public static List<Input> smallSystemInputs() {
        return smallSystemInputs(0);
    }

    /**
     * @param heartbeatTimeoutNanos heartbeat timeout of every machine; 0 turns supervision off
     * @return {@link #smallSystemInputs()} with that heartbeat timeout
     */
    public static List<Input> smallSystemInputs(long heartbeatTimeoutNanos) {
        List<Input> in = new ArrayList<>();
        in.add(new Input.MachineAdded(0, SERVER, MachineRole.SERVER, heartbeatTimeoutNanos));
        in.add(new Input.MachineAdded(0, node(1), MachineRole.NODE, heartbeatTimeoutNanos));
        in.add(new Input.MachineAdded(0, node(2), MachineRole.NODE, heartbeatTimeoutNanos));
        SpanLocation s1 = new SpanLocation(SERVER, 0, 1);
        SpanLocation s2 = new SpanLocation(SERVER, 0, 2);
        in.add(Input.SpanAdded.uniform(0, s1, new CircuitId("SRV.1"), Signalling.ISDN_PRI, FAX_AND_VOICE, BOTH));
        in.add(Input.SpanAdded.uniform(
                0,
                s2,
                new CircuitId("SRV.2"),
                Signalling.EM_WINK_START,
                EnumSet.of(PortKind.VOICE),
                EnumSet.of(Direction.OUT)));
        List<GroupMember> fax = new ArrayList<>();
        List<GroupMember> voice = new ArrayList<>();
        fax.add(GroupMember.wholeSpan(s1));
        voice.add(GroupMember.wholeSpan(s1));
        voice.add(GroupMember.wholeSpan(s2));
        for (int n = 1; n <= 2; n++) {
            for (int port = 1; port <= 2; port++) {
                SpanLocation loc = new SpanLocation(node(n), 0, port);
                in.add(Input.SpanAdded.uniform(
                        0, loc, new CircuitId("NODE" + n + "." + port), Signalling.ISDN_PRI, FAX_AND_VOICE, BOTH));
                fax.add(GroupMember.wholeSpan(loc));
                voice.add(GroupMember.wholeSpan(loc));
            }
        }
        in.add(new Input.HuntGroupDefined(0, "fax", HuntStrategy.TOP_DOWN, PortKind.FAX, fax));
        in.add(new Input.HuntGroupDefined(0, "voice", HuntStrategy.ROUND_ROBIN_UP, PortKind.VOICE, voice));
        return in;
    }

    /** @return a new state holding {@link #smallSystemInputs()} */
    public static PortManagerState smallSystem() {
        return build(smallSystemInputs());
    }

    /**
     * @param inputs inputs to apply in order
     * @return a new state with them applied
     * @throws IllegalStateException when one of them is ignored (the fixture is inconsistent)
     */
    public static PortManagerState build(List<Input> inputs) {
        PortManagerState s = new PortManagerState();
        for (Input i : inputs) {
            Result r = s.apply(i);
            if (r instanceof Result.Ignored ig) {
                throw new IllegalStateException("fixture input " + i + " was ignored: " + ig.detail());
            }
        }
        return s;
    }
}
