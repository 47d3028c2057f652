package org.stroom.ports.portmgr.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.config.SystemDescription.Backup;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Module;
import org.stroom.ports.portmgr.config.SystemDescription.ModuleType;
import org.stroom.ports.portmgr.config.SystemDescription.RedundancyMode;
import org.stroom.ports.portmgr.config.SystemDescription.Reservation;
import org.stroom.ports.portmgr.config.SystemDescription.Role;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.Strategy;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineBuildOut;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SignallingMode;
import org.stroom.ports.t1.SpanConfig;

/**
 * Reads a system description YAML file into a {@link SystemDescription} and checks it with
 * {@link DescriptionValidator}, reporting every problem at once with its file, line and column.
 * Never throws anything but {@link DescriptionException} for a user mistake.
 *
 * <p>Thread-safety: each read uses its own state; safe from any thread.
 */
public final class DescriptionReader {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, int[]> positions = new HashMap<>();

    private DescriptionReader(String file) {
        this.file = file;
    }

    /**
     * Reads and validates a file.
     *
     * @throws DescriptionException with {@code unusable()} true when the file cannot be read or parsed,
     *     false when it parsed but broke rules
     */
    public static SystemDescription read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DescriptionException(
                    new Problem(path.toString(), 1, 1, "", "io", "the file does not exist", "check the path"));
        } catch (IOException e) {
            throw new DescriptionException(new Problem(
                    path.toString(),
                    1,
                    1,
                    "",
                    "io",
                    "cannot read the file: " + e.getMessage(),
                    "check the path and permissions"));
        }
        return parse(path.toString(), text);
    }

    /** Reads and validates YAML text; {@code file} names it in problems. */
    public static SystemDescription parse(String file, String text) {
        DescriptionReader r = new DescriptionReader(file);
        YamlNode root = YamlReader.read(file, text);
        SystemDescription d = r.description(root);
        if (r.problems.isEmpty()) {
            for (DescriptionValidator.Finding f : DescriptionValidator.validate(d)) {
                int[] p = r.position(f.field());
                r.problems.add(new Problem(file, p[0], p[1], f.field(), f.rule(), f.message(), f.fix()));
            }
        }
        if (!r.problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(r.problems);
            sorted.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new DescriptionException(sorted, false);
        }
        return d;
    }

    /** Longest known prefix of {@code field} → its position. */
    private int[] position(String field) {
        String f = field;
        while (true) {
            int[] p = positions.get(f);
            if (p != null) {
                return p;
            }
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            if (cut <= 0) {
                return new int[] {1, 1};
            }
            f = f.substring(0, cut);
        }
    }

    private void problem(YamlNode at, String field, String rule, String message, String fix) {
        problems.add(new Problem(file, at.line(), at.column(), field, rule, message, fix));
    }

    private void at(String path, YamlNode n) {
        positions.put(path, new int[] {n.line(), n.column()});
    }

    private boolean expectMap(YamlNode n, String path, Set<String> keys) {
        at(path, n);
        if (n.kind() != YamlNode.Kind.MAP) {
            problem(
                    n,
                    path,
                    "type",
                    "expected a mapping with " + keys + " but found " + n.describe(),
                    "write it as key: value lines");
            return false;
        }
        for (Map.Entry<String, YamlNode> e : n.fields().entrySet()) {
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            int[] kp = n.keyPosition(e.getKey());
            positions.put(p, new int[] {e.getValue().line(), e.getValue().column()});
            if (!keys.contains(e.getKey())) {
                String near = nearest(e.getKey(), keys);
                problems.add(new Problem(
                        file,
                        kp[0],
                        kp[1],
                        p,
                        "unknown-field",
                        "unknown field '" + e.getKey() + "'",
                        near == null ? "use one of " + keys : "did you mean '" + near + "'?"));
            }
        }
        return true;
    }

    private List<YamlNode> list(YamlNode parent, String key, String path, boolean required) {
        YamlNode n = parent.fields().get(key);
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            if (required) {
                problem(
                        parent,
                        path,
                        "missing",
                        "'" + key + "' is missing",
                        "add '" + key + ":' with at least one entry");
            }
            return List.of();
        }
        if (n.kind() != YamlNode.Kind.LIST) {
            problem(
                    n,
                    path,
                    "type",
                    "'" + key + "' must be a list but is " + n.describe(),
                    "write each entry on its own line starting with '- '");
            return List.of();
        }
        return n.items();
    }

    private Optional<String> text(YamlNode parent, String key, String path, boolean required) {
        YamlNode n = parent.fields().get(key);
        if (n == null || n.kind() == YamlNode.Kind.NULL) {
            if (required) {
                problem(parent, path, "missing", "'" + key + "' is missing", "add '" + key + ": ...'");
            }
            return Optional.empty();
        }
        if (n.kind() != YamlNode.Kind.SCALAR) {
            problem(
                    n,
                    path,
                    "type",
                    "'" + key + "' must be a single value but is " + n.describe(),
                    "write '" + key + ": value'");
            return Optional.empty();
        }
        return Optional.of(n.text());
    }

    private <E extends Enum<E>> Optional<E> enumValue(
            YamlNode parent, String key, String path, Class<E> type, boolean required) {
        return text(parent, key, path, required).flatMap(t -> {
            String norm = t.trim()
                    .toUpperCase(Locale.ROOT)
                    .replace('-', '_')
                    .replace(' ', '_')
                    .replace("&", "");
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(norm) || e.name().replace("_", "").equals(norm.replace("_", ""))) {
                    return Optional.of(e);
                }
            }
            problem(
                    parent.fields().get(key),
                    path,
                    "value",
                    "'" + t + "' is not a valid " + key,
                    "use one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return Optional.empty();
        });
    }

    private Optional<Double> number(YamlNode parent, String key, String path, boolean required) {
        return text(parent, key, path, required).flatMap(t -> {
            try {
                double v = Double.parseDouble(t.trim());
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                problem(
                        parent.fields().get(key),
                        path,
                        "value",
                        "'" + t + "' is not a number",
                        "write a number such as 12 or 0.01");
                return Optional.empty();
            }
        });
    }

    private Optional<Integer> integer(YamlNode parent, String key, String path, boolean required) {
        return number(parent, key, path, required).flatMap(v -> {
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                problem(
                        parent.fields().get(key),
                        path,
                        "value",
                        "'" + parent.fields().get(key).text() + "' is not a whole number",
                        "write a whole number");
                return Optional.empty();
            }
            return Optional.of((int) (double) v);
        });
    }

    private SystemDescription description(YamlNode root) {
        if (!expectMap(root, "", Set.of("systems", "redundancy"))) {
            return new SystemDescription(List.of(), RedundancyMode.MODE_0, List.of());
        }
        List<StroomSystem> systems = new ArrayList<>();
        List<YamlNode> sys = list(root, "systems", "systems", true);
        for (int i = 0; i < sys.size(); i++) {
            systems.add(system(sys.get(i), "systems[" + i + "]"));
        }
        RedundancyMode mode = RedundancyMode.MODE_0;
        List<Backup> backups = new ArrayList<>();
        YamlNode red = root.fields().get("redundancy");
        if (red != null && expectMap(red, "redundancy", Set.of("mode", "backups"))) {
            mode = enumValue(red, "mode", "redundancy.mode", RedundancyMode.class, true)
                    .orElse(RedundancyMode.MODE_0);
            List<YamlNode> bs = list(red, "backups", "redundancy.backups", false);
            for (int i = 0; i < bs.size(); i++) {
                String p = "redundancy.backups[" + i + "]";
                YamlNode b = bs.get(i);
                if (expectMap(b, p, Set.of("backup", "covers"))) {
                    String backup = text(b, "backup", p + ".backup", true).orElse("");
                    List<String> covers = strings(b, "covers", p + ".covers", s -> s);
                    backups.add(new Backup(backup, covers));
                }
            }
        }
        return new SystemDescription(systems, mode, backups);
    }

    private StroomSystem system(YamlNode n, String path) {
        if (!expectMap(n, path, Set.of("name", "machines", "huntGroups", "reservations", "modules"))) {
            return new StroomSystem("", List.of(), List.of(), List.of(), List.of());
        }
        String name = text(n, "name", path + ".name", true).orElse("");
        List<Machine> machines = new ArrayList<>();
        List<YamlNode> ms = list(n, "machines", path + ".machines", true);
        for (int i = 0; i < ms.size(); i++) {
            machines.add(machine(ms.get(i), path + ".machines[" + i + "]"));
        }
        List<HuntGroup> groups = new ArrayList<>();
        List<YamlNode> gs = list(n, "huntGroups", path + ".huntGroups", false);
        for (int i = 0; i < gs.size(); i++) {
            String p = path + ".huntGroups[" + i + "]";
            YamlNode g = gs.get(i);
            if (expectMap(g, p, Set.of("name", "kind", "strategy", "members"))) {
                groups.add(new HuntGroup(
                        text(g, "name", p + ".name", true).orElse(""),
                        enumValue(g, "kind", p + ".kind", PortKind.class, true).orElse(PortKind.FAX),
                        enumValue(g, "strategy", p + ".strategy", Strategy.class, false)
                                .orElse(Strategy.TOP_DOWN),
                        strings(g, "members", p + ".members", s -> s)));
            }
        }
        List<Reservation> reservations = new ArrayList<>();
        List<YamlNode> rs = list(n, "reservations", path + ".reservations", false);
        for (int i = 0; i < rs.size(); i++) {
            String p = path + ".reservations[" + i + "]";
            YamlNode r = rs.get(i);
            if (expectMap(r, p, Set.of("class", "kind", "minFree"))) {
                reservations.add(new Reservation(
                        text(r, "class", p + ".class", true).orElse(""),
                        enumValue(r, "kind", p + ".kind", PortKind.class, true).orElse(PortKind.VOICE),
                        integer(r, "minFree", p + ".minFree", true).orElse(0)));
            }
        }
        List<Module> modules = new ArrayList<>();
        List<YamlNode> mods = list(n, "modules", path + ".modules", false);
        for (int i = 0; i < mods.size(); i++) {
            Module m = module(mods.get(i), path + ".modules[" + i + "]");
            if (m != null) {
                modules.add(m);
            }
        }
        return new StroomSystem(name, machines, groups, reservations, modules);
    }

    private Machine machine(YamlNode n, String path) {
        if (!expectMap(n, path, Set.of("name", "role", "boards"))) {
            return new Machine("", Role.NODE, List.of());
        }
        String name = text(n, "name", path + ".name", true).orElse("");
        Role role = enumValue(n, "role", path + ".role", Role.class, true).orElse(Role.NODE);
        List<Board> boards = new ArrayList<>();
        List<YamlNode> bs = list(n, "boards", path + ".boards", false);
        for (int i = 0; i < bs.size(); i++) {
            String p = path + ".boards[" + i + "]";
            YamlNode b = bs.get(i);
            if (!expectMap(b, p, Set.of("model", "spans"))) {
                continue;
            }
            String model = text(b, "model", p + ".model", true).orElse("");
            List<Span> spans = new ArrayList<>();
            List<YamlNode> ss = list(b, "spans", p + ".spans", false);
            for (int j = 0; j < ss.size(); j++) {
                Span s = span(ss.get(j), p + ".spans[" + j + "]", j + 1);
                if (s != null) {
                    spans.add(s);
                }
            }
            boards.add(new Board(model, spans));
        }
        return new Machine(name, role, boards);
    }

    private Span span(YamlNode n, String path, int defaultPort) {
        Set<String> keys = Set.of(
                "port",
                "circuit",
                "framing",
                "coding",
                "mode",
                "signalling",
                "switch",
                "clockPriority",
                "lineBuildOut",
                "dids",
                "unprovisioned",
                "kinds");
        if (!expectMap(n, path, keys)) {
            return null;
        }
        int port = integer(n, "port", path + ".port", false).orElse(defaultPort);
        Optional<String> circuit = text(n, "circuit", path + ".circuit", true);
        CircuitId id = null;
        if (circuit.isPresent()) {
            try {
                id = new CircuitId(circuit.get());
            } catch (IllegalArgumentException e) {
                problem(
                        n.fields().get("circuit"),
                        path + ".circuit",
                        "value",
                        e.getMessage(),
                        "use the carrier's circuit id");
            }
        }
        Framing framing =
                enumValue(n, "framing", path + ".framing", Framing.class, false).orElse(Framing.ESF);
        LineCoding coding = enumValue(n, "coding", path + ".coding", LineCoding.class, false)
                .orElse(LineCoding.B8ZS);
        Optional<Signalling> sig = enumValue(n, "signalling", path + ".signalling", Signalling.class, true);
        SignallingMode mode = enumValue(n, "mode", path + ".mode", SignallingMode.class, false)
                .orElse(sig.map(Signalling::mode).orElse(SignallingMode.CCS));
        PriSwitch sw =
                enumValue(n, "switch", path + ".switch", PriSwitch.class, false).orElse(null);
        int clock = integer(n, "clockPriority", path + ".clockPriority", false).orElse(0);
        LineBuildOut lbo = enumValue(n, "lineBuildOut", path + ".lineBuildOut", LineBuildOut.class, false)
                .orElse(LineBuildOut.LONG_HAUL_0_DB);
        List<DidRange> dids = strings(n, "dids", path + ".dids", DidRange::parse);
        List<Integer> unprovisioned = strings(n, "unprovisioned", path + ".unprovisioned", s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a timeslot number");
            }
        });
        List<PortKind> kinds = strings(n, "kinds", path + ".kinds", s -> {
            try {
                return PortKind.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + s + "' is not a port kind; use FAX or VOICE");
            }
        });
        SpanConfig config =
                new SpanConfig(id, framing, coding, mode, sig.orElse(null), sw, clock, lbo, dids, unprovisioned);
        return new Span(port, config, kinds);
    }

    private Module module(YamlNode n, String path) {
        Set<String> keys = Set.of(
                "name",
                "type",
                "pool",
                "busyHourAttempts",
                "holdingSeconds",
                "pagesPerFax",
                "faxSpeed",
                "retry",
                "target");
        if (!expectMap(n, path, keys)) {
            return null;
        }
        String name = text(n, "name", path + ".name", true).orElse("");
        ModuleType type =
                enumValue(n, "type", path + ".type", ModuleType.class, true).orElse(ModuleType.IVR_VOICE);
        String pool = text(n, "pool", path + ".pool", true).orElse("");
        double attempts =
                number(n, "busyHourAttempts", path + ".busyHourAttempts", true).orElse(0.0);
        Optional<Double> holding = number(n, "holdingSeconds", path + ".holdingSeconds", false);
        double pages = number(n, "pagesPerFax", path + ".pagesPerFax", false).orElse(0.0);
        String speed =
                text(n, "faxSpeed", path + ".faxSpeed", false).orElse("V34").toUpperCase(Locale.ROOT);
        double retry = number(n, "retry", path + ".retry", false).orElse(0.0);
        Optional<Double> blocking = Optional.empty();
        Optional<Double> serviceLevel = Optional.empty();
        double within = 0;
        YamlNode t = n.fields().get("target");
        if (t == null) {
            problem(
                    n,
                    path + ".target",
                    "missing",
                    "'target' is missing",
                    "add 'target: {blocking: 0.01}' or 'target: {serviceLevel: 0.8, withinSeconds: 300}'");
        } else if (expectMap(t, path + ".target", Set.of("blocking", "serviceLevel", "withinSeconds"))) {
            blocking = number(t, "blocking", path + ".target.blocking", false);
            serviceLevel = number(t, "serviceLevel", path + ".target.serviceLevel", false);
            within = number(t, "withinSeconds", path + ".target.withinSeconds", false)
                    .orElse(0.0);
        }
        return new Module(name, type, pool, attempts, holding, pages, speed, retry, blocking, serviceLevel, within);
    }

    private <T> List<T> strings(YamlNode parent, String key, String path, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        List<YamlNode> items = list(parent, key, path, false);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String p = path + "[" + i + "]";
            at(p, item);
            if (item.kind() != YamlNode.Kind.SCALAR) {
                problem(
                        item,
                        p,
                        "type",
                        "expected a single value but found " + item.describe(),
                        "write one value per entry");
                continue;
            }
            try {
                out.add(parse.apply(item.text()));
            } catch (IllegalArgumentException e) {
                problem(item, p, "value", e.getMessage(), "correct the value");
            }
        }
        return out;
    }

    /** @return the known key closest to {@code key} (edit distance ≤ 2), or null */
    static String nearest(String key, Set<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
