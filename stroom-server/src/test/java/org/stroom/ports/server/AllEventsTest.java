package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.remote.NodeConfig;
import org.stroom.ports.hal.remote.NodeServer;
import org.stroom.ports.hal.remote.RemoteBackend;
import org.stroom.ports.hal.remote.TlsFiles;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/** {@link RemoteBackend#subscribeAllEvents}: Node events with their sequence, made-up events with 0, in order. */
@Timeout(60)
class AllEventsTest {
    @TempDir
    Path dir;

    record Seen(long sequence, HalEvent event) {}

    @Test
    void nodeEventsCarryTheirSequenceAndEventsTheLinkMadeUpCarryZero() {
        Installation site = new Installation(dir);
        VirtualClock clock = new VirtualClock();
        SpanLocation span = new SpanLocation("a-node1", 0, 1);
        List<Seen> seen = new ArrayList<>();
        SoftBackend node = SoftBackend.builder("a-node1")
                .clock(clock)
                .board(BoardModel.TR1034_1T1, SpanConfig.pri(new CircuitId("C1"), PriSwitch.NI2, 1, List.of()))
                .build();
        NodeServer server = NodeServer.start(
                node, NodeConfig.of("a-node1", TlsFiles.in(site.tls, "a-node1"), Set.of("a-server"), dir.resolve("j")));
        try (RemoteBackend remote = RemoteBackend.builder("a-node1", "127.0.0.1", server.port())
                .serverName("a-server")
                .tls(TlsFiles.in(site.tls, "a-server"))
                .heartbeat(Duration.ofMillis(100), Duration.ofMillis(500))
                .build()) {
            remote.subscribeAllEvents((s, e) -> {
                synchronized (seen) {
                    seen.add(new Seen(s, e));
                }
            });
            assertThat(remote.awaitUp(Duration.ofSeconds(20))).isTrue();
            CallId call = node.farEnd(span).offerCall(1, "3125550100", "");
            assertThat(remote.awaitApplied(1, Duration.ofSeconds(20))).isTrue();
            server.close();
            assertThat(remote.awaitUnreachable(Duration.ofSeconds(20))).isTrue();

            List<Seen> all;
            synchronized (seen) {
                all = List.copyOf(seen);
            }
            assertThat(all.get(0)).isEqualTo(new Seen(1, all.get(0).event()));
            assertThat(all.get(0).event()).isInstanceOf(CallOffered.class);
            assertThat(all.stream().filter(x -> x.event() instanceof CallDisconnected))
                    .singleElement()
                    .satisfies(x -> {
                        assertThat(x.sequence()).isZero();
                        assertThat(((CallDisconnected) x.event()).call()).isEqualTo(call);
                    });
            assertThat(all.stream().filter(x -> x.event() instanceof ChannelOutOfService))
                    .hasSize(23)
                    .allSatisfy(x -> assertThat(x.sequence()).isZero());
        } finally {
            server.close();
            node.close();
        }
    }
}
