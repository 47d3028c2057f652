package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.SpanLocation;

/** A T1 circuit moved from the Server's board to a Node's board, with real alarm timings. */
class SpanMoveTest {
    private final VirtualClock clock = new VirtualClock();
    private final Sim server =
            new Sim(SoftBackend.builder("server").board(BoardModel.TR1034_2T1, Sim.pri("A", 3125550100L)), clock);
    private final Sim node = new Sim(SoftBackend.builder("node1").board(BoardModel.TR1034_1T1), clock);
    private final SpanLocation serverPort = new SpanLocation("server", 0, 1);
    private final SpanLocation nodePort = new SpanLocation("node1", 0, 1);
    private final Cable cable = server.backend.cable(serverPort).orElseThrow();

    @AfterEach
    void close() {
        server.close();
        node.close();
    }

    private long ms() {
        return clock.nanos() / 1_000_000;
    }

    private static long ms(HalEvent e) {
        return e.atNanos() / 1_000_000;
    }

    @Test
    void anEmptyPortIsRedWithoutChannels() {
        SpanInfo empty = node.backend.span(nodePort);
        assertThat(empty.config()).isEmpty();
        assertThat(empty.status().alarms()).containsExactly(Alarm.RED);
        assertThat(empty.usable()).isFalse();
        assertThat(node.backend.channels()).isEmpty();
        assertThat(server.backend
                        .span(new SpanLocation("server", 0, 2))
                        .status()
                        .alarms())
                .containsExactly(Alarm.RED);
        assertThat(server.backend.channels()).hasSize(23);
        assertThat(node.events.all()).isEmpty();
    }

    @Test
    void unpluggingGoesRedAfterTwoAndAHalfSecondsAndClearsCallsWithCause38() {
        ChannelId c5 = new ChannelId(serverPort, 5);
        CallId call = cable.farEnd().offerCall(5, "3125550100", "");
        server.backend.answer(c5);
        server.events.clear();
        clock.advance(Duration.ofSeconds(1));

        cable.unplug();
        assertThat(cable.plugged()).isFalse();
        assertThat(server.backend.span(serverPort).config()).isEmpty();
        assertThat(server.backend.channels()).isEmpty();
        clock.advance(Duration.ofMillis(2499));
        assertThat(server.events.all()).isEmpty();
        assertThat(server.backend.channel(c5).state()).isEqualTo(ChannelState.CONNECTED);

        clock.advance(Duration.ofMillis(1));
        SpanAlarmRaised red = server.events.last(SpanAlarmRaised.class);
        assertThat(red.alarm()).isEqualTo(Alarm.RED);
        assertThat(ms(red)).isEqualTo(3500);
        assertThat(server.events.of(DChannelDown.class)).hasSize(1);
        CallDisconnected dropped = server.events.last(CallDisconnected.class);
        assertThat(dropped.call()).isEqualTo(call);
        assertThat(dropped.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
        assertThat(dropped.farEnd()).isTrue();
        assertThat(server.events.of(ChannelOutOfService.class)).hasSize(23);
        assertThat(server.backend.channel(c5).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        assertThat(server.backend.span(serverPort).status().dChannel()).isEqualTo(DChannelState.DOWN);
        assertThatThrownBy(() -> server.backend.farEnd(serverPort)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pluggingIntoTheNodeBringsItsChannelsUpAfterTheClearTimeAndTheDidsFollow() {
        cable.unplug();
        clock.advance(Duration.ofSeconds(60));
        long t1 = ms();
        cable.plugInto(node.backend, nodePort);

        assertThat(cable.location()).contains(nodePort);
        assertThat(node.backend.span(nodePort).config()).contains(cable.config());
        assertThat(node.backend.channels()).hasSize(23).allSatisfy(c -> assertThat(c.state())
                .isEqualTo(ChannelState.OUT_OF_SERVICE));
        clock.advance(Duration.ofMillis(9999));
        assertThat(node.events.of(ChannelInService.class)).isEmpty();
        clock.advance(Duration.ofMillis(1));

        SpanAlarmCleared cleared = node.events.last(SpanAlarmCleared.class);
        assertThat(cleared.alarm()).isEqualTo(Alarm.RED);
        assertThat(ms(cleared) - t1).isEqualTo(10_000);
        assertThat(node.events.of(DChannelUp.class)).hasSize(1);
        assertThat(node.events.of(ChannelInService.class)).hasSize(23);
        assertThat(node.backend.channels()).extracting(ChannelInfo::state).containsOnly(ChannelState.IDLE);
        assertThat(node.backend.span(nodePort).usable()).isTrue();

        CallId call = cable.farEnd().offerCallToDid("3125550150", "").orElseThrow();
        CallOffered offered = node.events.last(CallOffered.class);
        assertThat(offered.call()).isEqualTo(call);
        assertThat(offered.channel()).isEqualTo(new ChannelId(nodePort, 23));
        assertThat(server.events.of(CallOffered.class)).isEmpty();
    }

    @Test
    void reconnectingTheSameCableQuicklyKeepsCallsUp() {
        ChannelId c1 = new ChannelId(serverPort, 1);
        cable.farEnd().offerCall(1, "3125550100", "");
        server.backend.answer(c1);
        server.events.clear();

        cable.unplug();
        clock.advance(Duration.ofSeconds(2));
        cable.plugInto(server.backend, serverPort);
        clock.advance(Duration.ofSeconds(30));

        assertThat(server.events.all()).isEmpty();
        assertThat(server.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
        cable.farEnd().hangUp(c1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(server.events.last(CallDisconnected.class).farEnd()).isTrue();
    }

    @Test
    void aDifferentCircuitPluggedIntoAPortClearsTheCallsLeftThere() {
        ChannelId c1 = new ChannelId(serverPort, 1);
        cable.farEnd().offerCall(1, "3125550100", "");
        server.backend.answer(c1);
        cable.unplug();
        Cable other = new Cable(Sim.cas("B", 3125550300L));
        other.plugInto(server.backend, serverPort);

        CallDisconnected d = server.events.last(CallDisconnected.class);
        assertThat(d.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
        clock.advance(Duration.ofSeconds(30));
        List<ChannelInfo> channels = server.backend.channels();
        assertThat(channels).hasSize(24).extracting(ChannelInfo::state).containsOnly(ChannelState.IDLE);
        assertThat(server.backend.span(serverPort).status().dChannel()).isEqualTo(DChannelState.NOT_APPLICABLE);
    }

    @Test
    void anOccupiedPortRefusesACableAndTheCableStaysWhereItWas() {
        Cable other = new Cable(Sim.pri("B", 3125550300L));
        assertThatThrownBy(() -> other.plugInto(server.backend, serverPort))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds circuit A");
        other.plugInto(node.backend, nodePort);
        assertThatThrownBy(() -> other.plugInto(server.backend, serverPort)).isInstanceOf(IllegalStateException.class);
        assertThat(other.location()).contains(nodePort);
        assertThatThrownBy(() -> other.plugInto(server.backend, new SpanLocation("server", 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOldPortsChannelsStayReadableUntilAnotherCircuitArrives() {
        ChannelId c1 = new ChannelId(serverPort, 1);
        cable.plugInto(node.backend, nodePort);
        clock.advance(Duration.ofSeconds(5));

        assertThat(server.backend.channel(c1).state()).isEqualTo(ChannelState.OUT_OF_SERVICE);
        assertThatThrownBy(() -> server.backend.channel(new ChannelId(new SpanLocation("server", 0, 2), 1)))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("no circuit is plugged into");
    }

    @Test
    void closedBackendsRefuseCablesButLetThemGo() {
        node.backend.close();
        assertThatThrownBy(() -> cable.plugInto(node.backend, nodePort)).isInstanceOf(IllegalStateException.class);
        assertThat(cable.location()).contains(serverPort);
        server.backend.close();
        cable.unplug();
        assertThat(cable.plugged()).isFalse();
    }
}
