package org.stroom.ports.simui.sim;

import java.util.Objects;

/**
 * The result of a tester's command: done, or refused with the reason.
 *
 * @param ok whether the command was carried out
 * @param message what was done, or why not
 *     <p>Thread-safety: immutable.
 */
public record Outcome(boolean ok, String message) {
    /** Checks for null. */
    public Outcome {
        Objects.requireNonNull(message, "Outcome.message");
    }

    /** @return a successful outcome */
    public static Outcome done(String message) {
        return new Outcome(true, message);
    }

    /** @return a refusal */
    public static Outcome refused(String message) {
        return new Outcome(false, message);
    }
}
