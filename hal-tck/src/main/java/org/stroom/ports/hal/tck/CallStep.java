package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DialString;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;

/**
 * One step of random call traffic, for the properties of {@link EventOrderingContract}. A step
 * names a channel by index into a small list; it is applied only when the channel's current state
 * lets it happen (otherwise it is a no-op), so any generated script is a legal sequence of
 * application requests and far-end signals.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface CallStep {
    /** States in which a call occupies the channel and can be cleared. */
    Set<ChannelState> CLEARABLE =
            EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING, ChannelState.DIALLING, ChannelState.CONNECTED);

    /**
     * Applies the step if the channel's state allows it.
     *
     * @param s the session
     * @param channels the channels the script runs on
     * @param inbound channel → whether its current call is inbound; updated by the step
     * @return whether the step was applied
     */
    boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound);

    /** @return the index of the channel the step acts on, or -1 */
    int channel();

    /**
     * The far end calls in.
     *
     * <p>Thread-safety: immutable.
     */
    record Offer(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            if (s.state(ch) != ChannelState.IDLE) {
                return false;
            }
            s.offer(ch);
            inbound.put(ch, true);
            return true;
        }
    }

    /**
     * We send ringback.
     *
     * <p>Thread-safety: immutable.
     */
    record Accept(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            if (s.state(ch) != ChannelState.OFFERED || !inbound.getOrDefault(ch, false)) {
                return false;
            }
            s.backend().accept(ch);
            return true;
        }
    }

    /**
     * We answer.
     *
     * <p>Thread-safety: immutable.
     */
    record Answer(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            ChannelState st = s.state(ch);
            if ((st != ChannelState.OFFERED && st != ChannelState.ALERTING) || !inbound.getOrDefault(ch, false)) {
                return false;
            }
            s.backend().answer(ch);
            return true;
        }
    }

    /**
     * We reject with cause 21.
     *
     * <p>Thread-safety: immutable.
     */
    record Reject(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            ChannelState st = s.state(ch);
            if ((st != ChannelState.OFFERED && st != ChannelState.ALERTING) || !inbound.getOrDefault(ch, false)) {
                return false;
            }
            s.backend().reject(ch, Q850Cause.CALL_REJECTED);
            return true;
        }
    }

    /**
     * We clear the call.
     *
     * <p>Thread-safety: immutable.
     */
    record HangUp(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            if (!CLEARABLE.contains(s.state(ch))) {
                return false;
            }
            s.backend().hangUp(ch, Q850Cause.NORMAL_CLEARING);
            return true;
        }
    }

    /**
     * The far end clears the call.
     *
     * <p>Thread-safety: immutable.
     */
    record FarEndHangUp(int channel) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            if (!CLEARABLE.contains(s.state(ch))) {
                return false;
            }
            s.harness().farEndHangUp(ch);
            return true;
        }
    }

    /**
     * We place a call the far end treats as {@code outcome} after 1 s; the call's answer timeout is
     * 3 s.
     *
     * <p>Thread-safety: immutable.
     */
    record Place(int channel, OutboundBehaviour.Outcome outcome) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            ChannelId ch = channels.get(channel);
            if (s.state(ch) != ChannelState.IDLE) {
                return false;
            }
            CallId id = s.place(
                    ch,
                    new OutboundBehaviour(outcome, Duration.ofSeconds(1)),
                    new OutboundCall(new DialString(TckSession.NUMBER), Optional.empty(), Duration.ofSeconds(3)));
            inbound.put(ch, false);
            return id != null;
        }
    }

    /**
     * Backend time passes.
     *
     * <p>Thread-safety: immutable.
     */
    record Advance(int millis) implements CallStep {
        @Override
        public boolean apply(TckSession s, List<ChannelId> channels, Map<ChannelId, Boolean> inbound) {
            s.advance(Duration.ofMillis(millis));
            return true;
        }

        @Override
        public int channel() {
            return -1;
        }
    }

    /**
     * @param channels how many channels scripts use
     * @return steps of every kind, weighted towards call set-up so that calls overlap
     */
    static Arbitrary<CallStep> any(int channels) {
        Arbitrary<Integer> ch = Arbitraries.integers().between(0, channels - 1);
        Arbitrary<OutboundBehaviour.Outcome> outcome = Arbitraries.of(
                OutboundBehaviour.Outcome.ANSWER,
                OutboundBehaviour.Outcome.BUSY,
                OutboundBehaviour.Outcome.NO_ANSWER,
                OutboundBehaviour.Outcome.REJECT_INVALID_NUMBER);
        List<Tuple.Tuple2<Integer, Arbitrary<CallStep>>> weighted = List.of(
                Tuple.of(4, ch.<CallStep>map(Offer::new)),
                Tuple.of(2, ch.<CallStep>map(Accept::new)),
                Tuple.of(3, ch.<CallStep>map(Answer::new)),
                Tuple.of(1, ch.<CallStep>map(Reject::new)),
                Tuple.of(2, ch.<CallStep>map(HangUp::new)),
                Tuple.of(2, ch.<CallStep>map(FarEndHangUp::new)),
                Tuple.of(3, Combinators.combine(ch, outcome).<CallStep>as(Place::new)),
                Tuple.of(3, Arbitraries.integers().between(10, 2_000).<CallStep>map(Advance::new)));
        return Arbitraries.frequencyOf(weighted);
    }
}
