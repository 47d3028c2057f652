package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroom.ports.hal.softport.Sim.ch;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.event.CallDisconnected;

class ApplicationBehaviourTest {
    private final Sim sim =
            new Sim(SoftBackend.builder(Sim.MACHINE).board(BoardModel.TR1034_1T1, Sim.pri("P", 3125550100L)));
    private final ChannelId c1 = ch(1);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void aRefusedHangUpIsTriedAgainUntilTheCallIsGone() {
        ApplicationBehaviour app = ApplicationBehaviour.builder(sim.backend)
                .hangUpAfter(HoldingTime.fixed(Duration.ofSeconds(30)))
                .seed(1)
                .build();
        sim.backend.farEnd(c1.span()).offerCall(c1.ds0(), "3125550100", "");
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);

        sim.backend.faults().failNextOperation(c1);
        sim.advance(Duration.ofSeconds(40));
        assertThat(app.failures()).as("the first hang-up was refused").isEqualTo(1);
        assertThat(sim.events.of(CallDisconnected.class)).singleElement().satisfies(d -> assertThat(d.farEnd())
                .isFalse());
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.IDLE);
        assertThat(app.hungUp()).isEqualTo(1);
        app.close();
    }
}
