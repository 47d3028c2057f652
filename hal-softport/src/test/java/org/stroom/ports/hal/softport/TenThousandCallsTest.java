package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.TiffInfo;

/**
 * 10,000 inbound calls (20 % fax, received into files) plus outbound calls with every far-end
 * outcome, through a four-span TR1034 on virtual time: every call reaches CallDisconnected exactly
 * once, events stay consistent throughout, and the board ends idle.
 */
class TenThousandCallsTest {
    @TempDir
    Path faxes;

    @Test
    void tenThousandCallsAllEndConsistentlyOnAFourSpanBoard() throws IOException {
        VirtualClock clock = new VirtualClock();
        SoftBackend backend = SoftBackend.builder("server")
                .clock(clock)
                .seed(2024)
                .board(
                        BoardModel.TR1034_4T1,
                        Sim.pri("T1-A", 3125550100L),
                        Sim.pri("T1-B", 3125550200L),
                        Sim.pri("T1-C", 3125550300L),
                        Sim.pri("T1-D", 3125550400L))
                .build();
        EventInvariants invariants = new EventInvariants();
        backend.subscribe(invariants, Runnable::run);
        ApplicationBehaviour app = ApplicationBehaviour.builder(backend)
                .acceptFirst(true)
                .answerAfter(Duration.ofSeconds(1))
                .hangUpAfter(HoldingTime.exponential(Duration.ofSeconds(300)))
                .receiveFaxesInto(faxes)
                .seed(7)
                .build();
        TrafficSource traffic = TrafficSource.builder(clock)
                .seed(11)
                .group(backend.cables().toArray(Cable[]::new))
                .callsPerHour(2400)
                .faxShare(0.2)
                .voiceHolding(HoldingTime.lognormal(Duration.ofSeconds(150), Duration.ofSeconds(120)))
                .faxPages(PageCount.geometric(3))
                .maxCalls(10_000)
                .build();
        OutboundDriver outbound = new OutboundDriver(backend, invariants, 5, 300);

        traffic.start();
        outbound.start();
        while (traffic.running()) {
            clock.advance(Duration.ofMinutes(10));
            invariants.checkAgainst(backend);
        }
        outbound.stop();
        clock.advance(Duration.ofHours(2));
        invariants.checkAgainst(backend);

        assertThat(invariants.violations()).isEmpty();
        TrafficStats stats = traffic.stats();
        assertThat(stats.offered()).isEqualTo(10_000);
        assertThat(stats.carried() + stats.blocked()).isEqualTo(10_000);
        assertThat(stats.blocking()).isLessThan(0.05);
        assertThat(invariants.offered).isEqualTo(stats.carried());
        assertThat(invariants.placed).isGreaterThan(1000);
        assertThat(invariants.unfinished()).isEmpty();
        assertThat(invariants.disconnected).isEqualTo(invariants.started());
        assertThat(app.answered()).isEqualTo(stats.carried());
        assertThat(app.faxesReceived()).isGreaterThan(1500);
        assertThat(backend.channels())
                .hasSize(92)
                .extracting(ChannelInfo::state)
                .containsOnly(ChannelState.IDLE);
        try (Stream<Path> files = Files.list(faxes)) {
            Path any = files.findFirst().orElseThrow();
            assertThat(TiffInfo.read(any).pages()).isPositive();
        }
        app.close();
        backend.close();
    }
}
