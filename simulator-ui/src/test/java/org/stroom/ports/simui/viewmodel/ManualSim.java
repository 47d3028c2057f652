package org.stroom.ports.simui.viewmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.Outcome;
import org.stroom.ports.simui.sim.SimEngine;

/**
 * A view model on a manual engine: the test thread is the simulation thread, so time only passes in {@link
 * #advance} and commands only run in {@link #run}.
 */
final class ManualSim implements AutoCloseable {
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    final SimulatorViewModel vm =
            new SimulatorViewModel((d, t) -> SimEngine.open(d, t, SimEngine.Options.manual(42, START)));

    /** The embedded default: stroom-a (Server + 2 Nodes, 8 PRI) active, stroom-b passive. */
    static ManualSim defaultSystem() {
        ManualSim s = new ManualSim();
        s.vm.openDefault();
        return s;
    }

    /** The small pair of the test resources, with free positions and incompatible ones. */
    static ManualSim smallPair() {
        ManualSim s = new ManualSim();
        s.vm.load(smallPairDescription(), "small-pair.yaml");
        return s;
    }

    static SystemDescription smallPairDescription() {
        try (InputStream in = ManualSim.class.getResourceAsStream("/org/stroom/ports/simui/small-pair.yaml")) {
            return DescriptionReader.parse("small-pair.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the posted commands, applies the frame and returns the command's outcome. */
    Outcome run(CompletableFuture<Outcome> command) {
        vm.engine().runPending();
        vm.applyLatestFrame();
        if (!command.isDone()) {
            throw new AssertionError("the command did not run");
        }
        return command.join();
    }

    void advance(Duration d) {
        vm.engine().runFor(d);
        vm.applyLatestFrame();
    }

    SpanViewModel span(String key) {
        return vm.span(key);
    }

    long count(SpanViewModel span, CellState state) {
        return span.cells().stream().filter(c -> c.state() == state).count();
    }

    long busyCells() {
        return vm.spans().stream()
                .flatMap(s -> s.cells().stream())
                .filter(c -> c.state().busy())
                .count();
    }

    CounterRowViewModel counter(String scope, String name) {
        return vm.counters().stream()
                .filter(c -> c.scope().equals(scope) && c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no counter " + scope + " " + name));
    }

    @Override
    public void close() {
        vm.close();
    }
}
