package org.stroom.ports.hal.brooktrout.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed call-control configuration file (INI: {@code [section]} then {@code key=value}; facts §17).
 * Comments are not kept.
 *
 * @param fileName name used in messages; never null
 * @param sections in file order, names unique; never null
 *     <p>Thread-safety: immutable.
 */
public record CallControlConfig(String fileName, List<Section> sections) {

    /** Copies the list. */
    public CallControlConfig {
        Objects.requireNonNull(fileName, "fileName");
        sections = List.copyOf(sections);
    }

    /**
     * @param name section name without brackets, case-insensitive
     * @return the section, if present
     */
    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** @return canonical INI text; parses back to equal sections and settings */
    public String toText() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append('[').append(s.name()).append("]\n");
            for (Setting kv : s.settings()) {
                b.append(kv.keyword()).append('=').append(kv.value()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * One {@code [name]} section.
     *
     * @param name as written, without brackets; never null
     * @param kind what the name addresses; never null
     * @param line 1-based line of the header, or 0 for sections built in code
     * @param settings in file order, each keyword at most once; never null
     *     <p>Thread-safety: immutable.
     */
    public record Section(String name, SectionName kind, int line, List<Setting> settings) {

        /** Copies the list. */
        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            settings = List.copyOf(settings);
        }

        /**
         * @param keyword case-insensitive
         * @return its setting, if present
         */
        public Optional<Setting> setting(String keyword) {
            return settings.stream()
                    .filter(s -> s.keyword().equalsIgnoreCase(keyword))
                    .findFirst();
        }
    }
}
