package org.stroom.ports.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeMain;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.softport.ApplicationBehaviour;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.HoldingTime;
import org.stroom.ports.hal.softport.RealTimeClock;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.TrafficSource;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;

/**
 * A Node process with traffic, for the integration tests: {@link NodeMain}'s configuration file and serving code,
 * with a softport TR1034 with one PRI on a real-time clock {@code traffic.speed} times faster than the wall clock,
 * inbound voice calls at {@code traffic.callsPerHour} (simulated) answered on the Node and hung up by the callers
 * after an exponential holding time of mean {@code traffic.holdSeconds}.
 */
public final class TrafficNodeMain {
    private TrafficNodeMain() {}

    /**
     * @param args {@code --config FILE}
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
                                new CircuitId("SOFT-" + config.name()),
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
                .group(backend.cables().toArray(new Cable[0]))
                .build();
        NodeServer server = NodeMain.serve(config, backend, System.out);
        traffic.start();
        NodeMain.runUntilStopped(traffic::stop, app, server, backend);
    }
}
