package org.stroom.ports.hal.brooktrout.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed user configuration file (conventionally {@code btcall.cfg}): fax and DTMF parameters, one
 * {@code keyword value} per line (facts §17). Comments are not kept.
 *
 * @param fileName name used in messages; never null
 * @param settings in file order, each keyword at most once; never null
 *     <p>Thread-safety: immutable.
 */
public record BtcallConfig(String fileName, List<Setting> settings) {

    /** Copies the list. */
    public BtcallConfig {
        Objects.requireNonNull(fileName, "fileName");
        settings = List.copyOf(settings);
    }

    /**
     * @param keyword a keyword, case-insensitive
     * @return its value, if set
     */
    public Optional<String> value(String keyword) {
        return settings.stream()
                .filter(s -> s.keyword().equalsIgnoreCase(keyword))
                .map(Setting::value)
                .findFirst();
    }

    /** @return canonical text: one {@code keyword value} line per setting; parses back to equal settings */
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (Setting s : settings) {
            b.append(s.keyword()).append(' ').append(s.value()).append('\n');
        }
        return b.toString();
    }
}
