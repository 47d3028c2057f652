package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

class ValueCodecTest {
    @Test
    void everyJavaEnumConstantRoundTripsAndTheSchemaHasNoValueJavaLacks() {
        for (ValueCodec.EnumPair<?, ?> pair : ValueCodec.ALL_ENUMS) {
            check(pair);
        }
    }

    private static <J extends Enum<J>, P extends Enum<P> & ProtocolMessageEnum> void check(
            ValueCodec.EnumPair<J, P> pair) {
        J[] constants = pair.javaType().getEnumConstants();
        Class<P> protoType = null;
        for (J j : constants) {
            P p = pair.toProto(j);
            protoType = p.getDeclaringClass();
            assertThat(pair.toJava(p, "test")).isEqualTo(j);
        }
        // UNSPECIFIED and UNRECOGNIZED are the only extras
        assertThat(protoType.getEnumConstants()).hasSize(constants.length + 2);
    }

    @Test
    void aSoftportInventoryRoundTrips() {
        SoftBackend b = SoftBackend.builder("node7")
                .clock(new VirtualClock())
                .seed(3)
                .board(BoardModel.TR1034_4T1, LinkFixture.pri(), null, null, null)
                .board(
                        BoardModel.D480JCT_2T1,
                        SpanConfig.pri(
                                new CircuitId("C2"),
                                org.stroom.ports.t1.PriSwitch.DMS100,
                                2,
                                List.of(DidRange.parse("3125550200-3125550299"))))
                .build();
        try (b) {
            b.boards().forEach(x -> assertThat(ValueCodec.board(ValueCodec.board(x)))
                    .isEqualTo(x));
            b.spans().forEach(x -> assertThat(ValueCodec.span(ValueCodec.span(x)))
                    .isEqualTo(x));
            b.channels().forEach(x -> assertThat(ValueCodec.channel(ValueCodec.channel(x, v -> v)))
                    .isEqualTo(x));
        }
    }

    @Test
    void nullableSpanConfigFieldsSurviveAsUnset() {
        SpanConfig cas = new SpanConfig(
                null,
                null,
                null,
                null,
                Signalling.LOOP_START,
                null,
                3,
                null,
                List.of(DidRange.parse("5551000-5551099")),
                List.of(1, 2));
        assertThat(ValueCodec.spanConfig(ValueCodec.spanConfig(cas))).isEqualTo(cas);
        SpanInfo span = new SpanInfo(
                new SpanLocation("n", 1, 2),
                Optional.of(SpanConfig.pri(new CircuitId("X"), null, 0, List.of())),
                new SpanStatus(false, Set.of(Alarm.RED, Alarm.YELLOW), DChannelState.DOWN),
                new PerformanceCounters(1, 2, 3, 4, 5, 6));
        assertThat(ValueCodec.span(ValueCodec.span(span))).isEqualTo(span);
        SpanInfo empty = new SpanInfo(
                new SpanLocation("n", 1, 3),
                Optional.empty(),
                new SpanStatus(true, Set.of(), DChannelState.NOT_APPLICABLE),
                PerformanceCounters.ZERO);
        assertThat(ValueCodec.span(ValueCodec.span(empty))).isEqualTo(empty);
    }

    @Test
    void aChannelsCallIdIsMappedAndNoCallIsZero() {
        ChannelInfo busy = new ChannelInfo(
                LinkFixture.ch(3),
                Set.of(PortKind.FAX, PortKind.VOICE),
                ChannelState.CONNECTED,
                Optional.of(new org.stroom.ports.hal.api.CallId(9)));
        assertThat(ValueCodec.channel(busy, v -> v + (1L << 40)).getCall()).isEqualTo((1L << 40) + 9);
        ChannelInfo idle = new ChannelInfo(LinkFixture.ch(3), Set.of(), ChannelState.IDLE, Optional.empty());
        assertThat(ValueCodec.channel(idle, v -> v).getCall()).isZero();
        assertThat(ValueCodec.channel(ValueCodec.channel(idle, v -> v))).isEqualTo(idle);
    }
}
