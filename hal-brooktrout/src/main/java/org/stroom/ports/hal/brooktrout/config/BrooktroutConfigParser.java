package org.stroom.ports.hal.brooktrout.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.brooktrout.config.CallControlConfig.Section;
import org.stroom.ports.hal.brooktrout.config.Keywords.Context;

/**
 * Parses the Brooktrout configuration files used in the field: the user configuration file ({@code
 * btcall.cfg}, {@code keyword value} lines) and the call-control file (INI sections). Every problem in a
 * file is reported at once with its line number, e.g. {@code btcall.cfg:12: unknown keyword
 * 'line_codng' — did you mean 'line_coding'?}.
 *
 * <p>Syntax details the documentation does not give are modelled: comments start with {@code #} (both
 * files) or {@code ;} (call-control file) at the start of a line; keywords are case-insensitive;
 * section names are listed in {@link SectionName}.
 *
 * <p>Thread-safety: stateless.
 */
public final class BrooktroutConfigParser {
    private BrooktroutConfigParser() {}

    /**
     * @param fileName name used in messages, e.g. {@code "btcall.cfg"}; never null
     * @param text the file content; never null
     * @return the parsed file
     * @throws ConfigImportException listing every problem
     */
    public static BtcallConfig parseBtcall(String fileName, String text) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Setting> settings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String keyword = words[0];
            Optional<Keywords.Spec> spec =
                    Keywords.spec(keyword).filter(s -> s.contexts().contains(Context.BTCALL));
            if (spec.isEmpty()) {
                problems.add(new ConfigProblem(fileName, n, unknown(keyword, EnumSet.of(Context.BTCALL))));
                continue;
            }
            if (words.length == 1) {
                problems.add(new ConfigProblem(fileName, n, "keyword '" + keyword + "' has no value"));
                continue;
            }
            if (words.length > 2) {
                problems.add(new ConfigProblem(
                        fileName,
                        n,
                        "keyword '" + keyword + "' takes one value, found " + (words.length - 1) + ": '"
                                + line.substring(keyword.length()).strip() + "'"));
                continue;
            }
            if (duplicate(fileName, n, keyword, firstLine, problems)) {
                continue;
            }
            checkValue(fileName, n, spec.get(), keyword, words[1], problems);
            settings.add(new Setting(keyword, words[1], n));
        }
        throwIfAny(problems);
        return new BtcallConfig(fileName, settings);
    }

    /**
     * @param fileName name used in messages, e.g. {@code "callctrl.cfg"}; never null
     * @param text the file content; never null
     * @return the parsed file
     * @throws ConfigImportException listing every problem
     */
    public static CallControlConfig parseCallControl(String fileName, String text) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> sectionLines = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        String name = null;
        SectionName kind = null;
        int headerLine = 0;
        List<Setting> settings = new ArrayList<>();
        boolean skip = false;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (name != null && !skip) {
                    sections.add(checkSection(fileName, new Section(name, kind, headerLine, settings), problems));
                }
                settings = new ArrayList<>();
                name = null;
                skip = true;
                if (!line.endsWith("]")) {
                    problems.add(new ConfigProblem(
                            fileName, n, "malformed section header '" + line + "' — expected [name]"));
                    continue;
                }
                String header = line.substring(1, line.length() - 1).strip();
                Optional<SectionName> parsed = SectionName.parse(header);
                if (parsed.isEmpty()) {
                    problems.add(new ConfigProblem(fileName, n, unknownSection(header)));
                    continue;
                }
                Integer first = sectionLines.putIfAbsent(parsed.get().text(), n);
                if (first != null) {
                    problems.add(new ConfigProblem(
                            fileName, n, "duplicate section [" + header + "] (first at line " + first + ")"));
                    continue;
                }
                if (parsed.get().type() == SectionName.Type.PORT
                        && (parsed.get().port() < 1 || parsed.get().port() > SectionName.MAX_PORTS)) {
                    problems.add(new ConfigProblem(
                            fileName,
                            n,
                            "[" + header + "]: port " + parsed.get().port() + " does not exist; a TR1034 module has "
                                    + "ports 1.." + SectionName.MAX_PORTS));
                    continue;
                }
                name = header;
                kind = parsed.get();
                headerLine = n;
                skip = false;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(new ConfigProblem(fileName, n, "expected key=value or [section], found '" + line + "'"));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (name == null && !skip) {
                problems.add(new ConfigProblem(fileName, n, "keyword '" + key + "' is outside any [section]"));
                continue;
            }
            if (skip) {
                continue; // the header was already reported; its keys would only repeat the noise
            }
            if (value.isEmpty()) {
                problems.add(new ConfigProblem(fileName, n, "keyword '" + key + "' has no value"));
                continue;
            }
            settings.add(new Setting(key, value, n));
        }
        if (name != null && !skip) {
            sections.add(checkSection(fileName, new Section(name, kind, headerLine, settings), problems));
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        throwIfAny(problems);
        return new CallControlConfig(fileName, sections);
    }

    private static Section checkSection(String fileName, Section section, List<ConfigProblem> problems) {
        Set<Context> allowed;
        String protocol = null;
        switch (section.kind().type()) {
            case T38:
                allowed = EnumSet.of(Context.T38);
                break;
            case SIP:
                allowed = EnumSet.of(Context.SIP);
                break;
            default:
                allowed = EnumSet.of(Context.PORT, Context.T1_ISDN, Context.T1_RBS, Context.ANALOG, Context.BRI);
                Optional<Setting> p = section.setting("protocol");
                if (p.isEmpty()) {
                    problems.add(new ConfigProblem(
                            fileName,
                            section.line(),
                            "[" + section.name() + "] has no 'protocol'; add protocol= one of "
                                    + String.join(", ", Keywords.PROTOCOLS.keySet())));
                } else {
                    Context kind = Keywords.PROTOCOLS.get(p.get().value().toLowerCase(Locale.ROOT));
                    if (kind != null) {
                        allowed = EnumSet.of(Context.PORT, kind);
                        protocol = p.get().value();
                    }
                }
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (Setting s : section.settings()) {
            Optional<Keywords.Spec> spec = Keywords.spec(s.keyword());
            if (spec.isEmpty() || spec.get().contexts().stream().noneMatch(c -> sectionAccepts(section, c))) {
                problems.add(new ConfigProblem(fileName, s.line(), unknown(s.keyword(), sectionContexts(section))));
                continue;
            }
            if (spec.get().contexts().stream().noneMatch(allowed::contains)) {
                problems.add(new ConfigProblem(
                        fileName,
                        s.line(),
                        "keyword '" + s.keyword() + "' does not apply to protocol " + protocol + " (it is for "
                                + describe(spec.get().contexts()) + " ports)"));
                continue;
            }
            if (duplicate(fileName, s.line(), s.keyword(), firstLine, problems)) {
                continue;
            }
            checkValue(fileName, s.line(), spec.get(), s.keyword(), s.value(), problems);
        }
        return section;
    }

    private static boolean sectionAccepts(Section section, Context c) {
        return sectionContexts(section).contains(c);
    }

    private static Set<Context> sectionContexts(Section section) {
        switch (section.kind().type()) {
            case T38:
                return EnumSet.of(Context.T38);
            case SIP:
                return EnumSet.of(Context.SIP);
            default:
                return EnumSet.of(Context.PORT, Context.T1_ISDN, Context.T1_RBS, Context.ANALOG, Context.BRI);
        }
    }

    private static String describe(Set<Context> contexts) {
        List<String> kinds = new ArrayList<>();
        for (Context c : contexts) {
            kinds.add(
                    c == Context.T1_ISDN
                            ? "T1 ISDN"
                            : c == Context.T1_RBS ? "T1 RBS" : c.name().toLowerCase(Locale.ROOT));
        }
        return String.join(" or ", kinds);
    }

    private static boolean duplicate(
            String fileName, int n, String keyword, Map<String, Integer> firstLine, List<ConfigProblem> problems) {
        Integer first = firstLine.putIfAbsent(keyword.toLowerCase(Locale.ROOT), n);
        if (first != null) {
            problems.add(new ConfigProblem(
                    fileName, n, "duplicate keyword '" + keyword + "' (first set at line " + first + ")"));
            return true;
        }
        return false;
    }

    private static void checkValue(
            String fileName, int n, Keywords.Spec spec, String keyword, String value, List<ConfigProblem> problems) {
        spec.rule()
                .check(value)
                .ifPresent(why -> problems.add(new ConfigProblem(fileName, n, keyword + " '" + value + "' " + why)));
    }

    private static String unknown(String keyword, Set<Context> contexts) {
        Optional<Keywords.Spec> elsewhere = Keywords.spec(keyword);
        if (elsewhere.isPresent()) {
            return "keyword '" + keyword + "' belongs in "
                    + place(elsewhere.get().contexts()) + ", not here";
        }
        Optional<String> near = Keywords.suggest(keyword, Keywords.namesIn(contexts));
        if (near.isPresent()) {
            return "unknown keyword '" + keyword + "' — did you mean '" + near.get() + "'?";
        }
        Optional<String> far = Keywords.suggest(keyword, Keywords.namesIn(EnumSet.allOf(Context.class)));
        if (far.isPresent()) {
            Set<Context> where = Keywords.spec(far.get()).orElseThrow().contexts();
            return "unknown keyword '" + keyword + "' — did you mean '" + far.get() + "'? (it belongs in "
                    + place(where) + ")";
        }
        return "unknown keyword '" + keyword + "' — see docs/backends/brooktrout.md for the keywords this file accepts";
    }

    private static String place(Set<Context> contexts) {
        if (contexts.contains(Context.BTCALL)) {
            return "btcall.cfg";
        }
        if (contexts.contains(Context.T38)) {
            return "a [host_module.N/t38parameters] section";
        }
        if (contexts.contains(Context.SIP)) {
            return "a [host_module.N/sip] section";
        }
        return "a [module.N/port.M] section of the call-control file";
    }

    private static String unknownSection(String header) {
        return "unknown section [" + header + "] — expected [module.N/port.M], [host_module.N/t38parameters] or "
                + "[host_module.N/sip]";
    }

    private static void throwIfAny(List<ConfigProblem> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigImportException(problems);
        }
    }
}
