package org.stroom.ports.hal.brooktrout.config;

import java.util.Objects;

/**
 * One thing a configuration file says that we do not understand or cannot accept.
 *
 * @param file file name as given to the parser, e.g. {@code "btcall.cfg"}; never null
 * @param line 1-based line number
 * @param message what is wrong and what to write instead; never null
 *     <p>Thread-safety: immutable.
 */
public record ConfigProblem(String file, int line, String message) {

    /** Validates non-null fields. */
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code "file:line: message"}, the compiler-style form editors can jump to */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
