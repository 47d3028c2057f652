package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;

/**
 * Inbound calls: offered with the far end's numbers, accepted (ringback), answered, rejected with
 * our cause, abandoned by the caller before answer, cleared by either side; the channel is IDLE and
 * usable after each.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface InboundCallContract extends TckContract {

    @Example
    default void offeredCallIsAcceptedAnsweredAndClearedByUs() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            assertThat(s.state(ch)).isEqualTo(ChannelState.OFFERED);
            assertThat(s.backend().channel(ch).call()).contains(call);
            s.backend().accept(ch);
            s.expect(CallAlerting.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallAlerting");
            s.awaitState(ch, ChannelState.ALERTING, TckSession.SIGNALLING);
            s.backend().answer(ch);
            CallConnected connected =
                    s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            assertThat(connected.channel()).isEqualTo(ch);
            s.awaitState(ch, ChannelState.CONNECTED, TckSession.SIGNALLING);
            CallDisconnected d = s.hangUp(ch, call);
            assertThat(d.farEnd()).as("we cleared the call").isFalse();
            assertThat(d.cause()).isEqualTo(Q850Cause.NORMAL_CLEARING);
            assertThat(s.backend().channel(ch).call()).isEmpty();
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void offeredCallCanBeAnsweredWithoutRingback() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            s.backend().answer(ch);
            s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            s.awaitState(ch, ChannelState.CONNECTED, TckSession.SIGNALLING);
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void farEndClearsAnsweredCall() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.harness().farEndHangUp(ch);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.farEnd()).as("the far end cleared the call").isTrue();
            assertThat(d.channel()).isEqualTo(ch);
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.assertUsable(ch, "a far-end clear");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void rejectedCallEndsWithOurCause() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            s.backend().reject(ch, Q850Cause.CALL_REJECTED);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.CALL_REJECTED);
            assertThat(d.farEnd()).isFalse();
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.expectNone(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            s.assertUsable(ch, "a rejected call");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void ringingCallCanBeRejectedAsBusy() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            s.backend().accept(ch);
            s.awaitState(ch, ChannelState.ALERTING, TckSession.SIGNALLING);
            s.backend().reject(ch, Q850Cause.USER_BUSY);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.USER_BUSY);
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void callerAbandonsBeforeAnswer() {
        try (TckSession s = openSession()) {
            List<ChannelId> chs = s.idleChannels(2);
            CallId offered = s.offer(chs.get(0));
            CallId ringing = s.offer(chs.get(1));
            s.backend().accept(chs.get(1));
            s.awaitState(chs.get(1), ChannelState.ALERTING, TckSession.SIGNALLING);
            s.harness().farEndHangUp(chs.get(0));
            s.harness().farEndHangUp(chs.get(1));
            for (CallId call : List.of(offered, ringing)) {
                CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
                assertThat(d.farEnd()).as("%s abandoned by the caller", call).isTrue();
                s.expectNone(CallConnected.class, e -> e.call().equals(call), java.time.Duration.ZERO, "CallConnected");
            }
            for (ChannelId ch : chs) {
                s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            }
            s.assertUsable(chs.get(0), "an abandoned call");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void withheldCallerNumberIsOfferedAsEmpty() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch, TckSession.DNIS, "");
            assertThat(s.recorder()
                            .first(CallOffered.class, e -> e.call().equals(call))
                            .orElseThrow()
                            .ani())
                    .isEmpty();
            s.harness().farEndHangUp(ch);
            s.expectDisconnected(call, TckSession.SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Property(tries = 25)
    default void offeredNumbersReachTheApplicationUnchanged(
            @ForAll("dids") String dnis, @ForAll("callers") String ani) {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch, dnis, ani); // checks dnis and ani
            s.harness().farEndHangUp(ch);
            s.expectDisconnected(call, TckSession.SIGNALLING);
        }
    }

    @Property(tries = 10)
    default void callIdsAreNeverReused(@ForAll("callCounts") int calls) {
        try (TckSession s = openSession()) {
            List<ChannelId> chs = s.idleChannels(2);
            Set<CallId> seen = new HashSet<>();
            for (int i = 0; i < calls; i++) {
                ChannelId ch = chs.get(i % 2);
                CallId call = s.offer(ch);
                assertThat(seen.add(call))
                        .as("call id %s reused on call %d", call, i + 1)
                        .isTrue();
                s.harness().farEndHangUp(ch);
                s.expectDisconnected(call, TckSession.SIGNALLING);
                s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            }
            s.clearCallsAndCheckInvariants();
        }
    }

    /** @return DID numbers: 4..15 digits */
    @Provide
    default Arbitrary<String> dids() {
        return Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(15);
    }

    /** @return caller numbers: withheld (empty) or 1..15 digits */
    @Provide
    default Arbitrary<String> callers() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15));
    }

    /** @return how many successive calls to make */
    @Provide
    default Arbitrary<Integer> callCounts() {
        return Arbitraries.integers().between(2, 8);
    }
}
