package org.stroom.ports.hal.tck;

import static org.stroom.ports.hal.api.ChannelState.ALERTING;
import static org.stroom.ports.hal.api.ChannelState.BLOCKED;
import static org.stroom.ports.hal.api.ChannelState.CONNECTED;
import static org.stroom.ports.hal.api.ChannelState.DIALLING;
import static org.stroom.ports.hal.api.ChannelState.IDLE;
import static org.stroom.ports.hal.api.ChannelState.OFFERED;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;

/**
 * Every channel operation of {@link HalBackend}, with the states that allow it (from the
 * {@code HalBackend} contract) and a well-formed invocation, so that a refusal can only be about
 * the channel's state or the backend being closed.
 *
 * <p>Thread-safety: immutable.
 */
public enum ChannelOperation {
    /** {@code accept}: an offered inbound call. */
    ACCEPT(null, OFFERED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.accept(c);
        }
    },
    /** {@code answer}: an offered or alerting inbound call. */
    ANSWER(null, OFFERED, ALERTING) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.answer(c);
        }
    },
    /** {@code reject}: an offered or alerting inbound call. */
    REJECT(null, OFFERED, ALERTING) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.reject(c, Q850Cause.CALL_REJECTED);
        }
    },
    /** {@code placeCall}: an idle channel. */
    PLACE_CALL(null, IDLE) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.placeCall(c, OutboundCall.to(TckSession.NUMBER));
        }
    },
    /** {@code hangUp}: any call state. */
    HANG_UP(null, OFFERED, ALERTING, DIALLING, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.hangUp(c, Q850Cause.NORMAL_CLEARING);
        }
    },
    /** {@code play}: a connected call. */
    PLAY(Capability.VOICE_PLAY, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.play(c, new PlayRequest(s.prompt(Duration.ofSeconds(1)), ""));
        }
    },
    /** {@code record}: a connected call. */
    RECORD(Capability.VOICE_RECORD, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.record(
                    c,
                    new RecordRequest(
                            s.file("rec-" + System.nanoTime() + ".wav"),
                            AudioEncoding.MULAW,
                            Duration.ofSeconds(2),
                            Duration.ZERO,
                            ""));
        }
    },
    /** {@code collectDigits}: a connected call. */
    COLLECT_DIGITS(Capability.DTMF, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.collectDigits(c, new DigitRequest(4, Duration.ofSeconds(5), Duration.ofSeconds(3), "#"));
        }
    },
    /** {@code sendDigits}: a connected call. */
    SEND_DIGITS(Capability.DTMF, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.sendDigits(c, "123#");
        }
    },
    /** {@code sendFax}: a connected call. */
    SEND_FAX(Capability.FAX, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.sendFax(c, new FaxSendRequest(s.faxDocument(1), "TCK"));
        }
    },
    /** {@code receiveFax}: a connected call. */
    RECEIVE_FAX(Capability.FAX, CONNECTED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.receiveFax(c, new FaxReceiveRequest(s.file("rx-" + System.nanoTime() + ".tif"), "TCK"));
        }
    },
    /** {@code setBlocked(true)}: an idle channel. */
    BLOCK(null, IDLE) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.setBlocked(c, true);
        }
    },
    /** {@code setBlocked(false)}: a blocked channel. */
    UNBLOCK(null, BLOCKED) {
        @Override
        void run(HalBackend b, ChannelId c, TckSession s) {
            b.setBlocked(c, false);
        }
    };

    private final Capability needs;
    private final Set<ChannelState> allowed;

    ChannelOperation(Capability needs, ChannelState first, ChannelState... rest) {
        this.needs = needs;
        this.allowed = EnumSet.of(first, rest);
    }

    /** @return the harness capability without which a board may refuse the operation outright */
    public Optional<Capability> needs() {
        return Optional.ofNullable(needs);
    }

    /**
     * @param state the channel's state
     * @param inbound whether the call on the channel (if any) is inbound
     * @return whether the {@code HalBackend} contract allows this operation there; answer, accept
     *     and reject apply to inbound calls only
     */
    public boolean allowedIn(ChannelState state, boolean inbound) {
        if (!allowed.contains(state)) {
            return false;
        }
        return inbound || (this != ACCEPT && this != ANSWER && this != REJECT);
    }

    /** @return the states that allow the operation */
    public Set<ChannelState> allowedStates() {
        return EnumSet.copyOf(allowed);
    }

    /**
     * Invokes the operation on {@code channel} with well-formed arguments (files in the session's
     * scratch directory).
     */
    public void invoke(TckSession session, ChannelId channel) {
        run(session.backend(), channel, session);
    }

    abstract void run(HalBackend backend, ChannelId channel, TckSession session);
}
