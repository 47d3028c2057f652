package org.stroom.ports.sim.moves;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

/** Test fixture: the "east" and "west" systems of {@code east-west.yaml} on one virtual clock. */
final class EastWest implements AutoCloseable {
    final VirtualClock clock = new VirtualClock();
    final SystemDescription description;
    final SimulatedSystem east;
    final SimulatedSystem west;

    EastWest(Path dir) {
        description = DescriptionReader.parse("east-west.yaml", yaml());
        east = new SimulatedSystem(description.system("east").orElseThrow(), clock, 7, dir.resolve("east"), false);
        west = new SimulatedSystem(description.system("west").orElseThrow(), clock, 8, dir.resolve("west"), false);
    }

    private static String yaml() {
        try (InputStream in = EastWest.class.getResourceAsStream("east-west.yaml")) {
            if (in == null) {
                throw new IllegalStateException("east-west.yaml is missing from the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
