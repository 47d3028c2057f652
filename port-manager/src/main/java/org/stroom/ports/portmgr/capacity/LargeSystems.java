package org.stroom.ports.portmgr.capacity;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * Large Stroom Systems for rehearsal tests and the capacity benchmarks: a Server plus Nodes with two 4-port boards
 * each, E&amp;M wink-start T1s (24 channels), the first span of every Node delivering a block of 100 DIDs. 100
 * Nodes × 8 T1s = 19,200 channels. The allocation-side counterpart is {@code alloc.Fixtures.largeSystem()}.
 *
 * <p>Thread-safety: stateless.
 */
public final class LargeSystems {
    private LargeSystems() {}

    /**
     * @param name system name (also the machine name prefix)
     * @param nodes number of Nodes
     * @param dids whether each Node's first span delivers DIDs
     * @param sparePerNode whether the last port of each Node's second board is a free position instead of a span
     * @param didBase first DID block number (keeps two systems' numbers apart)
     * @return the system
     */
    public static InventorySystem system(String name, int nodes, boolean dids, boolean sparePerNode, int didBase) {
        List<InventoryMachine> machines = new ArrayList<>();
        machines.add(new InventoryMachine(name + "-SRV", MachineRole.SERVER, true, List.of()));
        for (int n = 0; n < nodes; n++) {
            String machine = name + "-N" + n;
            List<InventoryBoard> boards = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                List<InventorySpan> spans = new ArrayList<>();
                List<SparePort> spares = new ArrayList<>();
                for (int p = 1; p <= 4; p++) {
                    SpanLocation at = new SpanLocation(machine, b, p);
                    if (sparePerNode && b == 1 && p == 4) {
                        spares.add(new SparePort(
                                at, new LineProfile(Framing.ESF, LineCoding.B8ZS, Signalling.EM_WINK_START, null)));
                        continue;
                    }
                    List<DidRange> ranges = dids && b == 0 && p == 1 ? List.of(block(didBase + n)) : List.of();
                    SpanConfig c = SpanConfig.cas(
                            new CircuitId(machine + "-" + b + "-" + p), Signalling.EM_WINK_START, 0, ranges);
                    spans.add(InventorySpan.healthy(at, c, PortAbility.FAX_AND_VOICE));
                }
                boards.add(InventoryBoard.of(new BoardId(machine, b), 4, PortAbility.FAX_AND_VOICE, spans, spares));
            }
            machines.add(new InventoryMachine(machine, MachineRole.NODE, true, boards));
        }
        return new InventorySystem(name, machines);
    }

    /**
     * @param n block number
     * @return DIDs {@code 3125nnnn00-3125nnnn99}
     */
    public static DidRange block(int n) {
        String prefix = String.format("3125%04d", n);
        return new DidRange(prefix + "00", prefix + "99");
    }

    /**
     * A load that uses about 80 % of {@code nodes × 8} T1s: inbound fax on the DID blocks, outbound fax queued,
     * alert voice with retries.
     *
     * @param name profile name
     * @param nodes number of Nodes the load is scaled to
     * @param didBase first DID block number
     * @return the load
     */
    public static LoadProfile load(String name, int nodes, int didBase) {
        List<DidRange> blocks = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            blocks.add(block(didBase + n));
        }
        double scale = nodes / 100.0;
        return new LoadProfile(
                name,
                List.of(
                        new HuntPool("inbound-fax", PortKind.FAX, PoolScope.dids(blocks)),
                        new HuntPool("alert-voice", PortKind.VOICE, PoolScope.anySpan()),
                        new HuntPool("outbound-fax", PortKind.FAX, PoolScope.anySpan())),
                List.of(
                        Module.loss(
                                "inbound-fax",
                                ModuleKind.INBOUND_FAX,
                                "inbound-fax",
                                60_000 * scale,
                                HoldingTime.mean(90),
                                0.01),
                        Module.loss(
                                        "alert-voice",
                                        ModuleKind.ALERT_VOICE,
                                        "alert-voice",
                                        200_000 * scale,
                                        HoldingTime.mean(45),
                                        0.01)
                                .withRetryFraction(0.5),
                        Module.queued(
                                "outbound-fax",
                                ModuleKind.OUTBOUND_FAX,
                                "outbound-fax",
                                150_000 * scale,
                                HoldingTime.mean(180),
                                new Target.ServiceLevel(0.9, 60))));
    }
}
