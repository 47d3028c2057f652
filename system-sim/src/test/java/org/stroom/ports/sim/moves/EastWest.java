package org.stroom.ports.sim.moves;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Affinity;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.sim.SimulatedSystem;
import org.stroom.ports.t1.SpanLocation;

/** Test fixture: the "east" and "west" systems of {@link #YAML} on one virtual clock. */
final class EastWest implements AutoCloseable {
    /**
     * Two systems for span-move tests: "east" (to be failed) and "west" (the survivor) with free
     * board ports of every kind of provisioning: PRI/NI2 (west-server), voice-only Dialogic
     * (west-jct), E&amp;M ESF/B8ZS (west-cas) and PRI/5ESS (west-5ess).
     */
    static final String YAML = """
            systems:
              - name: east
                machines:
                  - name: east-server
                    role: server
                    boards:
                      - model: TR1034_2T1
                        spans:
                          - {port: 1, circuit: EAST.0001..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1, dids: ["3125550100-3125550199"]}
                          - {port: 2, circuit: EAST.0002..SW, signalling: EM_WINK_START, framing: D4, coding: AMI, clockPriority: 2, dids: ["3125550200-3125550299"]}
                  - name: east-node
                    role: node
                    boards:
                      - model: TR1034_4T1
                        spans:
                          - {port: 1, circuit: EAST.0003..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1, dids: ["3125550300-3125550399"]}
                          - {port: 2, circuit: EAST.0004..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 2}
                huntGroups:
                  - {name: fax-in, kind: FAX, strategy: BALANCE_MACHINES, members: [EAST.0001..SW, EAST.0003..SW]}
                  - {name: cas-in, kind: FAX, strategy: TOP_DOWN, members: [EAST.0002..SW]}
                  - {name: voice, kind: VOICE, strategy: TOP_DOWN, members: [EAST.0004..SW]}
              - name: west
                machines:
                  - name: west-server
                    role: server
                    boards:
                      - model: TR1034_4T1
                        spans:
                          - {port: 1, circuit: WEST.0001..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1, dids: ["3125560100-3125560199"]}
                  - name: west-jct
                    role: node
                    boards:
                      - model: D480JCT_2T1
                        spans:
                          - {port: 1, circuit: WEST.0002..SW, signalling: ISDN_PRI, switch: NI2, clockPriority: 1}
                  - name: west-cas
                    role: node
                    boards:
                      - model: TR1034_2T1
                        spans:
                          - {port: 1, circuit: WEST.0003..SW, signalling: EM_WINK_START, clockPriority: 1}
                  - name: west-5ess
                    role: node
                    boards:
                      - model: TR1034_2T1
                        spans:
                          - {port: 1, circuit: WEST.0004..SW, signalling: ISDN_PRI, switch: ATT_5ESS, clockPriority: 1}
                huntGroups:
                  - {name: fax-in, kind: FAX, strategy: ROUND_ROBIN_UP, members: [WEST.0001..SW]}
                  - {name: voice, kind: VOICE, strategy: TOP_DOWN, members: [WEST.0002..SW]}
            redundancy:
              mode: MODE_2
              backups:
                - {backup: west, covers: [east]}
            """;

    final VirtualClock clock = new VirtualClock();
    final SystemDescription description;
    final SimulatedSystem east;
    final SimulatedSystem west;

    EastWest(Path dir) {
        description = DescriptionReader.parse("east-west.yaml", YAML);
        east = new SimulatedSystem(description.system("east").orElseThrow(), clock, 7, dir.resolve("east"), false);
        west = new SimulatedSystem(description.system("west").orElseThrow(), clock, 8, dir.resolve("west"), false);
    }

    List<SimulatedSystem> both() {
        return List.of(east, west);
    }

    static SpanLocation at(String machine, int port) {
        return new SpanLocation(machine, 0, port);
    }

    SoftBackend board(String machine) {
        SoftBackend b = east.backends().get(machine);
        return b != null ? b : west.backends().get(machine);
    }

    /** @return a move of whatever circuit is plugged in at {@code from} */
    SpanMove move(SpanLocation from, SpanLocation to) {
        Cable c = board(from.machine()).cable(from).orElseThrow();
        return new SpanMove(c.circuitId(), from, to, c.config(), "test move");
    }

    static Metrics.Counts counts(SimulatedSystem sim, SpanLocation at) {
        return sim.metrics().bySpan().getOrDefault(at, Metrics.Counts.ZERO);
    }

    /** Asks for a fax port of {@code group} on exactly the span {@code at}. */
    static Result allocateOn(SimulatedSystem sim, String group, SpanLocation at) {
        return sim.portManager()
                .allocate(
                        group,
                        PortKind.FAX,
                        Direction.OUT,
                        Affinity.span(at, true),
                        PortManager.DEFAULT_PRIORITY_CLASS,
                        Duration.ofMinutes(1))
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
    }

    @Override
    public void close() {
        east.close();
        west.close();
    }
}
