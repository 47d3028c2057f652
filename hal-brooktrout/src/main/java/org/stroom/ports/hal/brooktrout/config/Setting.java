package org.stroom.ports.hal.brooktrout.config;

import java.util.Objects;

/**
 * One {@code keyword value} (btcall.cfg) or {@code key=value} (call-control file) line, as written.
 *
 * @param keyword the keyword, as written; never null
 * @param value the value, trimmed; never null
 * @param line 1-based source line, or 0 for settings built in code
 *     <p>Thread-safety: immutable.
 */
public record Setting(String keyword, String value, int line) {

    /** Validates non-null fields. */
    public Setting {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(value, "value");
    }
}
