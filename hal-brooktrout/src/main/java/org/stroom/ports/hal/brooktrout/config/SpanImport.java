package org.stroom.ports.hal.brooktrout.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.stroom.ports.hal.brooktrout.config.CallControlConfig.Section;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineBuildOut;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;
import org.stroom.ports.t1.Violation;

/**
 * Turns the T1 port sections of a call-control file into t1-span {@link SpanConfig}s, and spans back
 * into sections. Analog and BRI ports are not spans and are skipped.
 *
 * <p>Mapping (keywords and values modelled, facts §17): {@code protocol} isdn → ISDN_PRI,
 * rbs_wink_start → EM_WINK_START, rbs_immediate → EM_IMMEDIATE, rbs_loop_start → LOOP_START,
 * rbs_ground_start → GROUND_START; {@code line_type} D4/ESF → framing (E1 types are rejected: t1-span
 * models T1 only); {@code line_coding} AMI/B8ZS; {@code channels} = bearer channels from timeslot 1
 * (default 23 for ISDN, 24 for RBS), the rest are unprovisioned; {@code switch_type} NI2, 4ESS, 5ESS,
 * DMS100; {@code line_build_out} (documented values) with long haul 0 dB when absent; {@code
 * circuit_id} defaults to the section name; {@code clock_priority} defaults to 0. Keywords with no
 * t1-span field (did_offset, emulation, …) are not carried into the span.
 *
 * <p>Thread-safety: stateless.
 */
public final class SpanImport {
    private SpanImport() {}

    /**
     * One imported span.
     *
     * @param port which module and interface it came from; never null
     * @param config the span; valid by {@link SpanConfigValidator}; never null
     *     <p>Thread-safety: immutable.
     */
    public record ImportedSpan(SectionName port, SpanConfig config) {
        /** Validates non-null fields. */
        public ImportedSpan {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(config, "config");
        }
    }

    private static final Map<String, Signalling> SIGNALLING = Map.of(
            "isdn", Signalling.ISDN_PRI,
            "rbs_wink_start", Signalling.EM_WINK_START,
            "rbs_immediate", Signalling.EM_IMMEDIATE,
            "rbs_loop_start", Signalling.LOOP_START,
            "rbs_ground_start", Signalling.GROUND_START);

    private static final Map<String, PriSwitch> SWITCHES = Map.of(
            "NI2", PriSwitch.NI2, "4ESS", PriSwitch.ATT_4ESS, "5ESS", PriSwitch.ATT_5ESS, "DMS100", PriSwitch.DMS100);

    private static final Map<String, LineBuildOut> BUILD_OUTS = Map.of(
            "0_133", LineBuildOut.SHORT_HAUL_0_133_FT,
            "133_266", LineBuildOut.SHORT_HAUL_133_266_FT,
            "266_399", LineBuildOut.SHORT_HAUL_266_399_FT,
            "399_533", LineBuildOut.SHORT_HAUL_399_533_FT,
            "533_655", LineBuildOut.SHORT_HAUL_533_655_FT,
            "7_5_DB", LineBuildOut.LONG_HAUL_MINUS_7_5_DB,
            "15_DB", LineBuildOut.LONG_HAUL_MINUS_15_DB,
            "22_5_DB", LineBuildOut.LONG_HAUL_MINUS_22_5_DB);

    private static final Map<String, String> FIELD_KEYWORD = Map.of(
            "framing", "line_type",
            "lineCoding", "line_coding",
            "signalling", "protocol",
            "priSwitch", "switch_type",
            "clockPriority", "clock_priority",
            "lineBuildOut", "line_build_out",
            "circuitId", "circuit_id",
            "unprovisionedTimeslots", "channels");

    /**
     * @param config a parsed call-control file; never null
     * @return its T1 spans in file order
     * @throws ConfigImportException listing every port that is not a valid T1 span, with line numbers
     */
    public static List<ImportedSpan> toSpans(CallControlConfig config) {
        String file = config.fileName();
        List<ConfigProblem> problems = new ArrayList<>();
        List<ImportedSpan> spans = new ArrayList<>();
        List<Section> sources = new ArrayList<>();
        for (Section s : config.sections()) {
            if (s.kind().type() != SectionName.Type.PORT) {
                continue;
            }
            Optional<Signalling> signalling =
                    s.setting("protocol").map(p -> SIGNALLING.get(p.value().toLowerCase(Locale.ROOT)));
            if (signalling.isEmpty()) {
                continue; // analog or BRI: not a T1 span
            }
            SpanConfig span = toSpan(file, s, signalling.get(), problems);
            if (span == null) {
                continue;
            }
            for (Violation v : SpanConfigValidator.validate(span, "span").violations()) {
                String field = v.field().substring(v.field().lastIndexOf('.') + 1);
                String keyword = FIELD_KEYWORD.getOrDefault(field, field);
                problems.add(new ConfigProblem(
                        file,
                        lineOf(s, field),
                        "[" + s.name() + "] " + keyword + ": " + v.problem() + ". Fix (t1-span terms): " + v.fix()
                                + " [" + v.rule() + "]"));
            }
            spans.add(new ImportedSpan(s.kind(), span));
            sources.add(s);
        }
        checkAcrossSpans(file, spans, sources, problems);
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new ConfigImportException(problems);
        }
        return List.copyOf(spans);
    }

    private static SpanConfig toSpan(String file, Section s, Signalling signalling, List<ConfigProblem> problems) {
        int before = problems.size();
        String where = "[" + s.name() + "]";
        Framing framing = null;
        Optional<Setting> lineType = s.setting("line_type");
        if (lineType.isEmpty()) {
            problems.add(new ConfigProblem(
                    file, s.line(), where + " has no 'line_type'; a T1 span needs line_type=D4 or line_type=ESF"));
        } else if (lineType.get().value().toUpperCase(Locale.ROOT).startsWith("E1")) {
            problems.add(new ConfigProblem(
                    file,
                    lineType.get().line(),
                    "line_type " + lineType.get().value() + " is an E1 interface; only T1 spans can be imported"));
        } else {
            framing = Framing.valueOf(lineType.get().value().toUpperCase(Locale.ROOT));
        }
        LineCoding coding = null;
        Optional<Setting> lineCoding = s.setting("line_coding");
        if (lineCoding.isEmpty()) {
            problems.add(new ConfigProblem(
                    file, s.line(), where + " has no 'line_coding'; a T1 span needs line_coding=AMI or B8ZS"));
        } else if (lineCoding.get().value().equalsIgnoreCase("HDB3")) {
            problems.add(new ConfigProblem(
                    file, lineCoding.get().line(), "line_coding HDB3 is E1 coding; a T1 span needs AMI or B8ZS"));
        } else {
            coding = LineCoding.valueOf(lineCoding.get().value().toUpperCase(Locale.ROOT));
        }
        boolean pri = signalling == Signalling.ISDN_PRI;
        int bearerSlots = pri ? 23 : 24;
        int channels = bearerSlots;
        Optional<Setting> ch = s.setting("channels");
        if (ch.isPresent()) {
            channels = Integer.parseInt(ch.get().value());
            if (channels > bearerSlots) {
                problems.add(new ConfigProblem(
                        file,
                        ch.get().line(),
                        "channels " + channels + " exceeds the " + bearerSlots + " bearer channels of a T1 span with "
                                + (pri ? "ISDN (23 B + D)" : "robbed-bit signalling")));
            }
        }
        CircuitId circuit = null;
        String circuitText =
                s.setting("circuit_id").map(Setting::value).orElse(s.kind().text());
        try {
            circuit = new CircuitId(circuitText);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(
                    file, s.setting("circuit_id").map(Setting::line).orElse(s.line()), e.getMessage()));
        }
        if (problems.size() > before) {
            return null;
        }
        PriSwitch sw = s.setting("switch_type")
                .map(v -> SWITCHES.get(v.value().toUpperCase(Locale.ROOT)))
                .orElse(null);
        LineBuildOut lbo = s.setting("line_build_out")
                .map(v -> BUILD_OUTS.get(v.value().toUpperCase(Locale.ROOT)))
                .orElse(LineBuildOut.LONG_HAUL_0_DB);
        int clock = s.setting("clock_priority")
                .map(v -> Integer.parseInt(v.value()))
                .orElse(0);
        List<Integer> unprovisioned =
                IntStream.rangeClosed(channels + 1, bearerSlots).boxed().collect(Collectors.toList());
        return new SpanConfig(
                circuit, framing, coding, signalling.mode(), signalling, sw, clock, lbo, List.of(), unprovisioned);
    }

    private static void checkAcrossSpans(
            String file, List<ImportedSpan> spans, List<Section> sources, List<ConfigProblem> problems) {
        Map<String, Section> circuits = new HashMap<>();
        Map<String, Section> clocks = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            SpanConfig c = spans.get(i).config();
            Section s = sources.get(i);
            Section first = circuits.putIfAbsent(c.circuitId().value(), s);
            if (first != null) {
                problems.add(new ConfigProblem(
                        file,
                        lineOf(s, "circuitId"),
                        "circuit_id '" + c.circuitId() + "' is also used by [" + first.name() + "] (line "
                                + first.line() + "); each T1 circuit has its own carrier id"));
            }
            if (c.clockPriority() != 0) {
                Section clash = clocks.putIfAbsent(s.kind().module() + "/" + c.clockPriority(), s);
                if (clash != null) {
                    problems.add(new ConfigProblem(
                            file,
                            lineOf(s, "clockPriority"),
                            "clock_priority " + c.clockPriority() + " is also used by [" + clash.name() + "] (line "
                                    + clash.line() + "); give each clock-source span of a module its own priority,"
                                    + " or 0 for never"));
                }
            }
        }
    }

    private static int lineOf(Section s, String fieldPath) {
        String field = fieldPath.substring(fieldPath.lastIndexOf('.') + 1);
        String keyword = FIELD_KEYWORD.get(field);
        return keyword == null
                ? s.line()
                : s.setting(keyword).map(Setting::line).orElse(s.line());
    }

    /**
     * Writes spans back as call-control port sections; {@link #toSpans} of the result gives equal spans.
     *
     * @param fileName name for the new file; never null
     * @param spans spans with their ports; never null
     * @return the call-control model, ready for {@link CallControlConfig#toText()}
     */
    public static CallControlConfig toCallControl(String fileName, List<ImportedSpan> spans) {
        List<Section> sections = new ArrayList<>();
        for (ImportedSpan span : spans) {
            SpanConfig c = span.config();
            List<Setting> settings = new ArrayList<>();
            settings.add(new Setting("protocol", key(SIGNALLING, c.signalling()), 0));
            settings.add(new Setting("line_type", c.framing().name(), 0));
            settings.add(new Setting("line_coding", c.lineCoding().name(), 0));
            int bearerSlots = c.signalling() == Signalling.ISDN_PRI ? 23 : 24;
            int channels = bearerSlots - c.unprovisionedTimeslots().size();
            List<Integer> tail =
                    IntStream.rangeClosed(channels + 1, bearerSlots).boxed().collect(Collectors.toList());
            if (!c.unprovisionedTimeslots().stream()
                    .sorted()
                    .collect(Collectors.toList())
                    .equals(tail)) {
                throw new IllegalArgumentException("span " + c.circuitId() + ": unprovisioned timeslots "
                        + c.unprovisionedTimeslots() + " are not the top timeslots " + tail
                        + ", which is all 'channels=' can express; provision the span from timeslot 1 upwards");
            }
            settings.add(new Setting("channels", Integer.toString(channels), 0));
            if (c.priSwitch() != null) {
                settings.add(new Setting("switch_type", key(SWITCHES, c.priSwitch()), 0));
            }
            if (c.lineBuildOut() != LineBuildOut.LONG_HAUL_0_DB) {
                settings.add(new Setting("line_build_out", key(BUILD_OUTS, c.lineBuildOut()), 0));
            }
            settings.add(new Setting("circuit_id", c.circuitId().value(), 0));
            if (c.clockPriority() != 0) {
                settings.add(new Setting("clock_priority", Integer.toString(c.clockPriority()), 0));
            }
            sections.add(new Section(span.port().text(), span.port(), 0, settings));
        }
        return new CallControlConfig(fileName, sections);
    }

    private static <V> String key(Map<String, V> map, V value) {
        return map.entrySet().stream()
                .filter(e -> e.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(value + " has no call-control keyword value"));
    }
}
