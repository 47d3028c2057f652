package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.stroom.ports.hal.softport.ApplicationBehaviour;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.HoldingTime;
import org.stroom.ports.hal.softport.RealTimeClock;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.TrafficSource;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;

/**
 * A Node process with traffic, for integration tests: the same configuration file and serving code
 * as {@link NodeMain}, but its backend is a softport board (one TR1034 with one PRI) on a real-time
 * clock running {@code traffic.speed} times faster than the wall clock, with inbound voice calls at
 * {@code traffic.callsPerHour} (simulated) answered on the Node and hung up by the callers after an
 * exponential holding time of mean {@code traffic.holdSeconds}. The PRI's circuit id is {@code traffic.circuit}
 * (default {@code C1}, as {@link LinkFixture#pri()}); its DIDs are 3125550100-3125550199 (no test-only class is
 * used at run time, so the stroom-server tests can run it from this module's test-jar). Shared with the
 * stroom-server integration tests through this module's test-jar.
 *
 * <p>Thread-safety: a main program.
 */
public final class TrafficNode {
    private TrafficNode() {}

    /**
     * @param args {@code --config FILE}
     * @throws IOException if the configuration cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[1]);
        NodeConfig config = NodeConfig.load(file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        RealTimeClock clock = new RealTimeClock(Double.parseDouble(p.getProperty("traffic.speed", "20")));
        long seed = Long.parseLong(p.getProperty("traffic.seed", "1"));
        SoftBackend backend = SoftBackend.builder(config.name())
                .clock(clock)
                .seed(seed)
                .board(
                        BoardModel.TR1034_1T1,
                        SpanConfig.pri(
                                new CircuitId(p.getProperty("traffic.circuit", "C1")),
                                PriSwitch.NI2,
                                1,
                                List.of(new DidRange("3125550100", "3125550199"))))
                .closeWithBackend(clock)
                .build();
        ApplicationBehaviour app =
                ApplicationBehaviour.builder(backend).seed(seed).build();
        TrafficSource traffic = TrafficSource.builder(clock)
                .seed(seed)
                .callsPerHour(Double.parseDouble(p.getProperty("traffic.callsPerHour", "3000")))
                .faxShare(0)
                .voiceHolding(HoldingTime.exponential(
                        Duration.ofSeconds(Long.parseLong(p.getProperty("traffic.holdSeconds", "20")))))
                .group(backend.cables().toArray(new org.stroom.ports.hal.softport.Cable[0]))
                .build();
        NodeServer server = NodeMain.serve(config, backend, System.out);
        traffic.start();
        NodeMain.runUntilStopped(traffic::stop, app, server, backend);
    }
}
