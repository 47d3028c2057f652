package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.t1.SpanLocation;

class EventInvariantsTest {
    private static final SpanLocation SPAN = new SpanLocation("m", 0, 1);
    private static final ChannelId C1 = new ChannelId(SPAN, 1);
    private static final ChannelId C2 = new ChannelId(SPAN, 2);
    private static final CallId A = new CallId(1);
    private static final CallId B = new CallId(2);

    private static CallOffered offered(long seq, ChannelId ch, CallId call) {
        return new CallOffered(seq, seq * 10, ch, call, "100", "");
    }

    private static CallDisconnected gone(long seq, ChannelId ch, CallId call) {
        return new CallDisconnected(seq, seq * 10, ch, call, Q850Cause.NORMAL_CLEARING, true);
    }

    @Test
    void acceptsTwoCallsOneAfterTheOtherOnOneChannel() {
        List<HalEvent> ok = List.of(offered(1, C1, A), gone(2, C1, A), offered(3, C1, B), gone(4, C1, B));
        assertThatCode(() -> EventInvariants.check(ok, Set.of(A, B))).doesNotThrowAnyException();
    }

    @Test
    void rejectsASequenceGap() {
        List<HalEvent> gap = List.of(offered(1, C1, A), gone(3, C1, A));
        assertThatThrownBy(() -> EventInvariants.sequenceIncreasesByOne(gap))
                .hasMessageContaining("1 was followed by 3");
    }

    @Test
    void rejectsTimeGoingBack() {
        List<HalEvent> back = List.of(offered(1, C1, A), new CallConnected(2, 5, C1, A));
        assertThatThrownBy(() -> EventInvariants.timeNeverGoesBack(back)).hasMessageContaining("went back");
    }

    @Test
    void rejectsAChannelInTwoCalls() {
        List<HalEvent> two = List.of(offered(1, C1, A), offered(2, C1, B));
        assertThatThrownBy(() -> EventInvariants.noChannelInTwoCalls(two)).hasMessageContaining("is in two calls");
    }

    @Test
    void rejectsACallMovingToAnotherChannel() {
        List<HalEvent> moved = List.of(offered(1, C1, A), new CallConnected(2, 20, C2, A));
        assertThatThrownBy(() -> EventInvariants.noChannelInTwoCalls(moved)).hasMessageContaining("started on");
    }

    @Test
    void rejectsEventsAfterTheDisconnect() {
        List<HalEvent> late = List.of(offered(1, C1, A), gone(2, C1, A), new CallConnected(3, 30, C1, A));
        assertThatThrownBy(() -> EventInvariants.noChannelInTwoCalls(late))
                .hasMessageContaining("after its CallDisconnected");
    }

    @Test
    void rejectsAnOfferedCallThatNeverEnds() {
        List<HalEvent> open = List.of(offered(1, C1, A));
        assertThatThrownBy(() -> EventInvariants.everyCallEndsOnce(open, Set.of()))
                .hasMessageContaining("call#1 has 0 CallDisconnected events");
    }

    @Test
    void rejectsAPlacedCallThatNeverEnds() {
        assertThatThrownBy(() -> EventInvariants.everyCallEndsOnce(List.of(), Set.of(B)))
                .hasMessageContaining("call#2 has 0 CallDisconnected events");
    }

    @Test
    void rejectsADisconnectOfAnUnknownCall() {
        assertThatThrownBy(() -> EventInvariants.everyCallEndsOnce(List.of(gone(1, C1, B)), Set.of()))
                .hasMessageContaining("never offered or placed");
    }
}
