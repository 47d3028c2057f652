package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.Subscription;

/**
 * Event ordering under random call traffic (jqwik generates scripts of {@link CallStep}s on three
 * channels: offers, answers, rejections, hang-ups on both sides, outbound calls with every outcome,
 * time passing): sequence numbers increase by exactly one, time never goes back, no channel is ever
 * in two calls (neither in the events nor in {@code channel()}), and every offered or placed call
 * ends with exactly one CallDisconnected. Every subscriber sees the same sequence.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface EventOrderingContract extends TckContract {

    /** Channels the traffic scripts use. */
    int CHANNELS = 3;

    // No shrinking: a shrinking try runs on jqwik's own thread under a time limit, and one cut off there leaves the
    // backend open, so every later contract of the class fails with "already open"; the failing script is reported
    // as generated, with its seed.
    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    default void randomTrafficKeepsEveryEventInvariant(@ForAll("trafficScripts") List<CallStep> script) {
        try (TckSession s = openSession()) {
            List<ChannelId> channels = s.idleChannels(CHANNELS);
            Map<ChannelId, Boolean> inbound = new HashMap<>();
            for (CallStep step : script) {
                step.apply(s, channels, inbound);
                assertChannelsHoldOneCallEach(s, step);
                EventInvariants.sequenceIncreasesByOne(s.recorder().events());
                EventInvariants.noChannelInTwoCalls(s.recorder().events());
            }
            s.clearCallsAndCheckInvariants();
            for (ChannelId ch : channels) {
                s.assertUsable(ch, "the script " + script);
            }
        }
    }

    @Example
    default void everySubscriberSeesTheSameSequence() {
        try (TckSession s = openSession()) {
            EventRecorder threaded = new EventRecorder();
            Subscription sub = s.backend().subscribe(threaded);
            try {
                List<ChannelId> chs = s.idleChannels(2);
                CallId in = s.connectInbound(chs.get(0));
                CallId out = s.connectOutbound(chs.get(1), false);
                s.harness().farEndHangUp(chs.get(0));
                s.hangUp(chs.get(1), out);
                s.expectDisconnected(in, TckSession.SIGNALLING);
                List<HalEvent> direct = s.recorder().events();
                long last = direct.get(direct.size() - 1).sequence();
                threaded.await(
                        e -> e.sequence() == last, s.harness().eventGrace().plus(Duration.ofSeconds(5)));
                List<HalEvent> other = threaded.events().stream()
                        .filter(e -> e.sequence() >= direct.get(0).sequence() && e.sequence() <= last)
                        .toList();
                assertThat(other)
                        .as("events seen by a subscriber on its own thread")
                        .isEqualTo(direct);
                EventInvariants.sequenceIncreasesByOne(threaded.events());
            } finally {
                sub.close();
            }
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void sequenceNumbersContinueAcrossCallsOnEveryChannel() {
        try (TckSession s = openSession()) {
            List<ChannelId> chs = s.idleChannels(CHANNELS);
            for (ChannelId ch : chs) {
                CallId call = s.connectInbound(ch);
                s.hangUp(ch, call);
            }
            List<HalEvent> events = s.recorder().events();
            assertThat(events.size())
                    .as("events of %d answered and cleared calls", CHANNELS)
                    .isGreaterThanOrEqualTo(3 * CHANNELS);
            s.clearCallsAndCheckInvariants();
        }
    }

    /** @return scripts of 1..25 steps on {@value #CHANNELS} channels */
    @Provide
    default Arbitrary<List<CallStep>> trafficScripts() {
        return CallStep.any(CHANNELS).list().ofMinSize(1).ofMaxSize(25);
    }

    private static void assertChannelsHoldOneCallEach(TckSession s, CallStep after) {
        Map<CallId, ChannelId> seen = new HashMap<>();
        for (ChannelInfo c : s.backend().channels()) {
            Optional<CallId> call = c.call();
            if (c.state().inCall() && call.isEmpty()) {
                throw new AssertionError("after " + after + ": " + c.id() + " is " + c.state() + " without a call");
            }
            if (!c.state().inCall() && call.isPresent()) {
                throw new AssertionError(
                        "after " + after + ": " + c.id() + " is " + c.state() + " but holds " + call.get());
            }
            if (call.isPresent()) {
                ChannelId other = seen.put(call.get(), c.id());
                if (other != null) {
                    throw new AssertionError(
                            "after " + after + ": " + call.get() + " is on two channels, " + other + " and " + c.id());
                }
            }
        }
    }
}
