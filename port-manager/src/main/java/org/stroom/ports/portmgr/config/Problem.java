package org.stroom.ports.portmgr.config;

import java.util.Objects;

/**
 * One problem in a system description file.
 *
 * @param file file name as given
 * @param line 1-based line
 * @param column 1-based column
 * @param field path of the field, e.g. {@code systems[0].machines[1].boards[0].spans[2].framing}
 * @param rule stable rule id
 * @param message what is wrong
 * @param fix what to do
 *     <p>Thread-safety: immutable.
 */
public record Problem(String file, int line, int column, String field, String rule, String message, String fix) {
    /** Rejects nulls. */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** @return {@code file:line:column: field: message. Fix: fix [rule]} */
    public String format() {
        return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message + ". Fix: "
                + fix + " [" + rule + "]";
    }

    @Override
    public String toString() {
        return format();
    }
}
