package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.hal.remote.proto.Event;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

class EventCodecTest {
    /** One event of every record type, built from the given ids. */
    static List<HalEvent> everyType(long seq, long at, ChannelId ch, CallId call) {
        SpanLocation span = ch.span();
        BoardId board = ch.board();
        return List.of(
                new CallOffered(seq, at, ch, call, "3125550100", "2125550000"),
                new CallAlerting(seq, at, ch, call),
                new CallConnected(seq, at, ch, call),
                new CallDisconnected(seq, at, ch, call, Q850Cause.USER_BUSY, true),
                new DigitReceived(seq, at, ch, call, '#'),
                new DigitsCollected(seq, at, ch, call, "1234", TerminationReason.MAX_DIGITS),
                new DigitsSent(seq, at, ch, call, "99*"),
                new PlayDone(seq, at, ch, call, TerminationReason.END_OF_DATA, 1234),
                new RecordDone(seq, at, ch, call, Path.of("/var/spool/rec/a.wav"), TerminationReason.SILENCE, 4321),
                new FaxPageSent(seq, at, ch, call, 2, 14_400),
                new FaxPageReceived(seq, at, ch, call, 3, 9_600),
                new FaxDone(seq, at, ch, call, FaxResult.TRAINING_FAILED, 1, 4_800, true),
                new ChannelInService(seq, at, ch),
                new ChannelOutOfService(seq, at, ch, "RED alarm"),
                new SpanAlarmRaised(seq, at, span, Alarm.BLUE),
                new SpanAlarmCleared(seq, at, span, Alarm.YELLOW),
                new DChannelUp(seq, at, span),
                new DChannelDown(seq, at, span),
                new BoardFault(seq, at, board, "DSP watchdog"),
                new BoardRecovered(seq, at, board));
    }

    static Set<Class<?>> recordTypes(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        if (type.isRecord()) {
            out.add(type);
        } else {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                out.addAll(recordTypes(sub));
            }
        }
        return out;
    }

    @Test
    void everySealedEventRecordTypeHasAMapping() {
        Set<Class<?>> sampled = everyType(1, 2, LinkFixture.ch(1), new CallId(7)).stream()
                .map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(recordTypes(HalEvent.class));
        for (HalEvent e : everyType(1, 2, LinkFixture.ch(1), new CallId(7))) {
            Event wire = EventCodec.encode(e, x -> x).build();
            assertThat(wire.getKindCase()).isNotEqualTo(Event.KindCase.KIND_NOT_SET);
        }
    }

    @Property(tries = 200)
    void everyEventSurvivesTheWireWithTheSequenceAndTimeOfItsReceiver(
            @ForAll("channels") ChannelId ch,
            @ForAll("calls") CallId call,
            @ForAll("sequences") long seq,
            @ForAll long at) {
        List<HalEvent> original = everyType(seq, at, ch, call);
        for (HalEvent e : original) {
            byte[] bytes = EventCodec.encode(e, x -> x).setSequence(99).build().toByteArray();
            HalEvent back = EventCodec.decode(parse(bytes), seq, at);
            assertThat(back).isEqualTo(e);
        }
    }

    @Test
    void callIdsAreMappedOnTheWayOut() {
        CallOffered e = new CallOffered(1, 2, LinkFixture.ch(3), new CallId(5), "1", "");
        HalEvent back = EventCodec.decode(EventCodec.encode(e, x -> x + 1000).build(), 1, 2);
        assertThat(((CallOffered) back).call()).isEqualTo(new CallId(1005));
    }

    @Test
    void anEventWithoutABodyOrWithAnInvalidValueIsAProtocolError() {
        assertThatThrownBy(() ->
                        EventCodec.decode(Event.newBuilder().setSequence(4).build(), 1, 1))
                .isInstanceOf(LinkProtocolException.class)
                .hasMessageContaining("event 4 has no body");
        Event badDs0 = EventCodec.encode(new ChannelInService(1, 1, LinkFixture.ch(1)), x -> x)
                .setSequence(5)
                .build();
        Event.Builder b = badDs0.toBuilder();
        b.getChannelInServiceBuilder().getChannelBuilder().setDs0(25);
        assertThatThrownBy(() -> EventCodec.decode(b.build(), 1, 1))
                .isInstanceOf(LinkProtocolException.class)
                .hasMessageContaining("event 5")
                .hasMessageContaining("DS0 25");
    }

    @Provide
    Arbitrary<ChannelId> channels() {
        return Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 24))
                .as((m, b, p, d) -> new ChannelId(new SpanLocation(m, b, p), d));
    }

    @Provide
    Arbitrary<CallId> calls() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).map(CallId::new);
    }

    @Provide
    Arbitrary<Long> sequences() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE);
    }

    private static Event parse(byte[] bytes) {
        try {
            return Event.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
