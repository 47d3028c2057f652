package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;

/**
 * How the far end treats an outbound call we place.
 *
 * @param outcome what happens to the call
 * @param answerDelay time from {@code placeCall} until the far end answers ({@link
 *     Outcome#ANSWER}, {@link Outcome#ANSWER_FAX}) or reports busy or an invalid number ({@link
 *     Outcome#BUSY}, {@link Outcome#REJECT_INVALID_NUMBER}); the network's call-proceeding delay
 *     ({@link CallTimings#proceeding()}) is a lower bound; ignored for {@link Outcome#NO_ANSWER};
 *     non-negative
 *     <p>Thread-safety: immutable.
 */
public record OutboundBehaviour(Outcome outcome, Duration answerDelay) {
    /**
     * What the far end does with an outbound call.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Outcome {
        /** A person answers (a voice call; a fax sent to it fails with NO_FAX_DEVICE after T1). */
        ANSWER,
        /** Busy: the call is cleared with cause 17. */
        BUSY,
        /** It rings until the call's timeout, then our side clears it with cause 19. */
        NO_ANSWER,
        /** A fax machine answers with its CED tone; faxes sent to it succeed. */
        ANSWER_FAX,
        /** The network rejects the number: cleared with cause 28 (invalid number format). */
        REJECT_INVALID_NUMBER
    }

    /** Rejects nulls and negative delays. */
    public OutboundBehaviour {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answerDelay, "answerDelay");
        if (answerDelay.isNegative()) {
            throw new IllegalArgumentException("outbound behaviour: answerDelay " + answerDelay + " is negative");
        }
    }

    /** @return a person answering after {@code delay} */
    public static OutboundBehaviour answer(Duration delay) {
        return new OutboundBehaviour(Outcome.ANSWER, delay);
    }

    /** @return a fax machine answering after {@code delay} */
    public static OutboundBehaviour answerFax(Duration delay) {
        return new OutboundBehaviour(Outcome.ANSWER_FAX, delay);
    }

    /** @return busy, reported as soon as the network has the call */
    public static OutboundBehaviour busy() {
        return new OutboundBehaviour(Outcome.BUSY, Duration.ZERO);
    }

    /** @return ringing without answer */
    public static OutboundBehaviour noAnswer() {
        return new OutboundBehaviour(Outcome.NO_ANSWER, Duration.ZERO);
    }

    /** @return the network rejecting the number */
    public static OutboundBehaviour rejectInvalidNumber() {
        return new OutboundBehaviour(Outcome.REJECT_INVALID_NUMBER, Duration.ZERO);
    }
}
