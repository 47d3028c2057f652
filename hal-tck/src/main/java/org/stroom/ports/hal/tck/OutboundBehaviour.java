package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.Objects;

/**
 * How the far end of a span treats the outbound calls we place, from the moment it is set with
 * {@link TckHarness#setOutboundBehaviour}.
 *
 * @param outcome what the called party does
 * @param answerDelay backend time between our call reaching the far end and its response (answer,
 *     busy or rejection); the far end rings (CallAlerting) during it. Ignored for
 *     {@link Outcome#NO_ANSWER}, which rings until our call's timeout. Never negative.
 *     <p>Thread-safety: immutable.
 */
public record OutboundBehaviour(Outcome outcome, Duration answerDelay) {
    /**
     * What the called party does with an outbound call.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Outcome {
        /** A person (or voice application) answers after {@code answerDelay}. */
        ANSWER,
        /** The line is busy: the call is cleared with Q.850 cause 17. */
        BUSY,
        /** It rings until the caller gives up: the backend clears with cause 19 at the call's timeout. */
        NO_ANSWER,
        /** A fax machine answers (CED, then DIS): a fax can be sent on the connected call. */
        ANSWER_FAX,
        /** The network refuses the number: the call is cleared with cause 28 (invalid number format). */
        REJECT_INVALID_NUMBER
    }

    /**
     * @throws NullPointerException when a component is null
     * @throws IllegalArgumentException when {@code answerDelay} is negative
     */
    public OutboundBehaviour {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answerDelay, "answerDelay");
        if (answerDelay.isNegative()) {
            throw new IllegalArgumentException("outbound behaviour " + outcome + ": answerDelay " + answerDelay
                    + " is negative; use Duration.ZERO for an immediate response");
        }
    }

    /** @return a far end that answers after {@code delay} */
    public static OutboundBehaviour answer(Duration delay) {
        return new OutboundBehaviour(Outcome.ANSWER, delay);
    }

    /** @return a far end whose fax machine answers after {@code delay} */
    public static OutboundBehaviour answerFax(Duration delay) {
        return new OutboundBehaviour(Outcome.ANSWER_FAX, delay);
    }

    /** @return a busy far end, responding after {@code delay} */
    public static OutboundBehaviour busy(Duration delay) {
        return new OutboundBehaviour(Outcome.BUSY, delay);
    }

    /** @return a far end that rings and never answers */
    public static OutboundBehaviour noAnswer() {
        return new OutboundBehaviour(Outcome.NO_ANSWER, Duration.ZERO);
    }

    /** @return a network that refuses the dialled number after {@code delay} */
    public static OutboundBehaviour rejectInvalidNumber(Duration delay) {
        return new OutboundBehaviour(Outcome.REJECT_INVALID_NUMBER, delay);
    }
}
