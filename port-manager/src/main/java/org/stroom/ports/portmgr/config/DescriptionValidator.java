package org.stroom.ports.portmgr.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;
import org.stroom.ports.t1.Violation;

/**
 * The rules a system description must satisfy beyond its shape: the t1-span rules for every span and
 * board, plus installation rules (names unique, one Server per system, board ports that exist, hunt
 * groups and modules that reference what exists, sensible load figures, a redundancy layout that
 * matches its mode).
 *
 * <p>Thread-safety: stateless.
 */
public final class DescriptionValidator {
    /**
     * One broken rule, with the YAML field path.
     *
     * @param field field path in the description
     * @param rule rule id
     * @param message what is wrong
     * @param fix what to do
     */
    public record Finding(String field, String rule, String message, String fix) {}

    private static final Map<String, String> T1_TO_YAML = Map.of(
            "circuitId", "circuit",
            "lineCoding", "coding",
            "signallingMode", "mode",
            "priSwitch", "switch",
            "didRanges", "dids",
            "unprovisionedTimeslots", "unprovisioned");

    private DescriptionValidator() {}

    /** @return every broken rule, in the order found */
    public static List<Finding> validate(SystemDescription d) {
        List<Finding> out = new ArrayList<>();
        if (d.systems().isEmpty()) {
            out.add(new Finding("systems", "no-system", "no system is described", "describe at least one system"));
        }
        Set<String> systemNames = new HashSet<>();
        Map<String, String> machineNames = new HashMap<>();
        List<SpanConfig> allSpans = new ArrayList<>();
        List<String> allPaths = new ArrayList<>();
        for (int s = 0; s < d.systems().size(); s++) {
            StroomSystem sys = d.systems().get(s);
            String sp = "systems[" + s + "]";
            if (!systemNames.add(sys.name())) {
                out.add(new Finding(
                        sp + ".name",
                        "duplicate-system",
                        "system name '" + sys.name() + "' is used twice",
                        "give each system its own name"));
            }
            long servers =
                    sys.machines().stream().filter(m -> m.role() == Role.SERVER).count();
            if (servers != 1) {
                out.add(new Finding(
                        sp + ".machines",
                        "one-server",
                        "system '" + sys.name() + "' has " + servers + " Server machines",
                        "mark exactly one machine 'role: server'; the others are Nodes"));
            }
            Set<String> circuits = new HashSet<>();
            Map<String, Set<PortKind>> kindsByMember = new HashMap<>();
            for (int m = 0; m < sys.machines().size(); m++) {
                Machine mach = sys.machines().get(m);
                String mp = sp + ".machines[" + m + "]";
                String earlier = machineNames.putIfAbsent(mach.name(), mp);
                if (earlier != null) {
                    out.add(new Finding(
                            mp + ".name",
                            "duplicate-machine",
                            "machine name '" + mach.name() + "' is also used at " + earlier,
                            "machine names must be unique across the installation"));
                }
                Set<PortKind> machineKinds = new HashSet<>();
                for (int b = 0; b < mach.boards().size(); b++) {
                    Board board = mach.boards().get(b);
                    String bp = mp + ".boards[" + b + "]";
                    Optional<BoardCatalogue> model = BoardCatalogue.find(board.model());
                    if (model.isEmpty()) {
                        out.add(new Finding(
                                bp + ".model",
                                "unknown-model",
                                "board model '" + board.model() + "' is not known",
                                "use one of " + java.util.Arrays.toString(BoardCatalogue.values())));
                    }
                    Set<Integer> ports = new HashSet<>();
                    List<SpanConfig> boardSpans = new ArrayList<>();
                    List<String> boardPaths = new ArrayList<>();
                    for (int i = 0; i < board.spans().size(); i++) {
                        Span span = board.spans().get(i);
                        String p = bp + ".spans[" + i + "]";
                        if (model.isPresent()
                                && (span.port() < 1 || span.port() > model.get().spans())) {
                            out.add(new Finding(
                                    p + ".port",
                                    "port-range",
                                    "port " + span.port() + " does not exist on a " + model.get() + " (ports 1.."
                                            + model.get().spans() + ")",
                                    "use a port of the board, or a board with more spans"));
                        }
                        if (!ports.add(span.port())) {
                            out.add(new Finding(
                                    p + ".port",
                                    "port-duplicate",
                                    "two circuits are plugged into port " + span.port(),
                                    "give each circuit its own port"));
                        }
                        if (model.isPresent() && !model.get().kinds().containsAll(span.kinds())) {
                            out.add(new Finding(
                                    p + ".kinds",
                                    "kind-unsupported",
                                    "a " + model.get() + " cannot do " + span.kinds(),
                                    "use kinds the board supports: "
                                            + model.get().kinds()));
                        }
                        Set<PortKind> kinds = span.kinds().isEmpty() && model.isPresent()
                                ? model.get().kinds()
                                : Set.copyOf(span.kinds());
                        machineKinds.addAll(kinds);
                        if (span.config().circuitId() != null) {
                            circuits.add(span.config().circuitId().value());
                            kindsByMember.put(span.config().circuitId().value(), kinds);
                        }
                        boardSpans.add(span.config());
                        boardPaths.add(p);
                        allSpans.add(span.config());
                        allPaths.add(p);
                    }
                    for (Violation v :
                            SpanConfigValidator.validateBoard(boardSpans, bp).violations()) {
                        out.add(t1(v));
                    }
                }
                kindsByMember.put(mach.name(), machineKinds);
            }
            Map<String, HuntGroup> groups = new HashMap<>();
            for (int g = 0; g < sys.huntGroups().size(); g++) {
                HuntGroup hg = sys.huntGroups().get(g);
                String gp = sp + ".huntGroups[" + g + "]";
                if (groups.putIfAbsent(hg.name(), hg) != null) {
                    out.add(new Finding(
                            gp + ".name",
                            "duplicate-group",
                            "hunt group '" + hg.name() + "' is defined twice",
                            "rename one"));
                }
                if (hg.members().isEmpty()) {
                    out.add(new Finding(
                            gp + ".members",
                            "group-empty",
                            "hunt group '" + hg.name() + "' has no members",
                            "list circuit ids or machine names"));
                }
                for (int i = 0; i < hg.members().size(); i++) {
                    String member = hg.members().get(i);
                    Set<PortKind> k = kindsByMember.get(member);
                    if (k == null) {
                        out.add(new Finding(
                                gp + ".members[" + i + "]",
                                "member-unknown",
                                "'" + member + "' is neither a circuit nor a machine of system '" + sys.name() + "'",
                                "use a circuit id or machine name of this system"));
                    } else if (!k.contains(hg.kind())) {
                        out.add(new Finding(
                                gp + ".members[" + i + "]",
                                "member-kind",
                                "'" + member + "' has no " + hg.kind() + " ports",
                                "remove it, or set the span's kinds to include " + hg.kind()));
                    }
                }
            }
            for (int r = 0; r < sys.reservations().size(); r++) {
                Reservation res = sys.reservations().get(r);
                if (res.minFree() < 0) {
                    out.add(new Finding(
                            sp + ".reservations[" + r + "].minFree",
                            "range",
                            "minFree " + res.minFree() + " is negative",
                            "use 0 or more"));
                }
            }
            Set<String> moduleNames = new HashSet<>();
            for (int i = 0; i < sys.modules().size(); i++) {
                module(out, sys.modules().get(i), sp + ".modules[" + i + "]", groups, moduleNames);
            }
        }
        for (Violation v :
                SpanConfigValidator.validateAcrossSpans(allSpans, allPaths).violations()) {
            out.add(t1(v));
        }
        redundancy(out, d, systemNames);
        return out;
    }

    private static void module(
            List<Finding> out, Module m, String p, Map<String, HuntGroup> groups, Set<String> names) {
        if (!names.add(m.name())) {
            out.add(new Finding(
                    p + ".name", "duplicate-module", "module '" + m.name() + "' is defined twice", "rename one"));
        }
        HuntGroup pool = groups.get(m.pool());
        if (pool == null) {
            out.add(new Finding(
                    p + ".pool",
                    "pool-unknown",
                    "pool '" + m.pool() + "' is not a hunt group of this system",
                    groups.isEmpty()
                            ? "define a hunt group under huntGroups"
                            : "use one of " + new java.util.TreeSet<>(groups.keySet())));
        } else if (pool.kind() != m.type().kind()) {
            out.add(new Finding(
                    p + ".pool",
                    "pool-kind",
                    "module type " + m.type() + " needs " + m.type().kind() + " ports but pool '" + m.pool() + "' is "
                            + pool.kind(),
                    "draw from a " + m.type().kind() + " hunt group"));
        }
        if (m.busyHourAttempts() < 0) {
            out.add(new Finding(
                    p + ".busyHourAttempts",
                    "range",
                    "busy-hour attempts " + m.busyHourAttempts() + " is negative",
                    "use 0 or more"));
        }
        if (m.retryFraction() < 0 || m.retryFraction() >= 1) {
            out.add(new Finding(
                    p + ".retry",
                    "range",
                    "retry fraction " + m.retryFraction() + " is outside 0..<1",
                    "give the fraction of blocked calls that retry, e.g. 0.3"));
        }
        boolean fax = m.type().kind() == PortKind.FAX;
        if (m.holdingSeconds().isEmpty() && !(fax && m.pagesPerFax() > 0)) {
            out.add(new Finding(
                    p + ".holdingSeconds",
                    "holding-missing",
                    fax ? "neither holdingSeconds nor pagesPerFax is given" : "holdingSeconds is missing",
                    fax
                            ? "give the mean holding time, or pagesPerFax to derive it from page times"
                            : "give the mean call duration in seconds"));
        }
        if (m.holdingSeconds().isPresent() && m.holdingSeconds().get() <= 0) {
            out.add(new Finding(
                    p + ".holdingSeconds",
                    "range",
                    "holding time " + m.holdingSeconds().get() + " s is not positive",
                    "use seconds > 0"));
        }
        if (fax && !m.faxSpeed().equals("V34") && !m.faxSpeed().equals("V17")) {
            out.add(new Finding(
                    p + ".faxSpeed", "value", "fax speed '" + m.faxSpeed() + "' is not known", "use V34 or V17"));
        }
        if (m.targetBlocking().isPresent() == m.targetServiceLevel().isPresent()) {
            out.add(
                    new Finding(
                            p + ".target",
                            "target",
                            "give exactly one of target.blocking or target.serviceLevel",
                            "use blocking for inbound and broadcast modules, serviceLevel with withinSeconds for queued outbound fax"));
        }
        m.targetBlocking()
                .filter(b -> b <= 0 || b >= 1)
                .ifPresent(b -> out.add(new Finding(
                        p + ".target.blocking",
                        "range",
                        "target blocking " + b + " is outside (0, 1)",
                        "write a fraction, e.g. 0.01 for 1 %")));
        m.targetServiceLevel().ifPresent(sl -> {
            if (sl <= 0 || sl >= 1) {
                out.add(new Finding(
                        p + ".target.serviceLevel",
                        "range",
                        "service level " + sl + " is outside (0, 1)",
                        "write a fraction, e.g. 0.8"));
            }
            if (m.withinSeconds() <= 0) {
                out.add(new Finding(
                        p + ".target.withinSeconds",
                        "range",
                        "withinSeconds must be positive with a service level",
                        "give the wait threshold in seconds"));
            }
            if (m.type() != ModuleType.OUTBOUND_FAX) {
                out.add(new Finding(
                        p + ".target.serviceLevel",
                        "target-kind",
                        m.type() + " calls are not queued, so a service level does not apply",
                        "use target.blocking"));
            }
        });
    }

    private static void redundancy(List<Finding> out, SystemDescription d, Set<String> systems) {
        int n = d.systems().size();
        RedundancyMode mode = d.mode();
        for (int i = 0; i < d.pairs().size(); i++) {
            Backup b = d.pairs().get(i);
            String p = "redundancy.backups[" + i + "]";
            if (!systems.contains(b.backup())) {
                out.add(new Finding(
                        p + ".backup",
                        "system-unknown",
                        "backup system '" + b.backup() + "' is not described",
                        "use one of " + new java.util.TreeSet<>(systems)));
            }
            for (int j = 0; j < b.covers().size(); j++) {
                String c = b.covers().get(j);
                if (!systems.contains(c)) {
                    out.add(new Finding(
                            p + ".covers[" + j + "]",
                            "system-unknown",
                            "covered system '" + c + "' is not described",
                            "use one of " + new java.util.TreeSet<>(systems)));
                } else if (c.equals(b.backup())) {
                    out.add(new Finding(
                            p + ".covers[" + j + "]",
                            "self-backup",
                            "system '" + c + "' cannot back itself up",
                            "name another system"));
                }
            }
        }
        String expect =
                switch (mode) {
                    case MODE_0 -> n == 1 && d.pairs().isEmpty() ? null : "Mode 0 is one system with no backups";
                    case MODE_1 ->
                        n == 2
                                        && d.pairs().size() == 2
                                        && d.pairs().stream()
                                                .allMatch(b -> b.covers().size() == 1)
                                ? null
                                : "Mode 1 is two active systems, each backing the other (two backups entries of one system each)";
                    case MODE_2 ->
                        n == 2
                                        && d.pairs().size() == 1
                                        && d.pairs().get(0).covers().size() == 1
                                ? null
                                : "Mode 2 is two systems: one backups entry naming the passive as backup and the active in covers";
                    case N_PLUS_1 ->
                        n >= 3
                                        && d.pairs().size() == 1
                                        && d.pairs().get(0).covers().size() == n - 1
                                ? null
                                : "N+1 is three or more systems: one backups entry naming the spare and every other system in covers";
                };
        if (expect != null) {
            out.add(new Finding(
                    "redundancy",
                    "mode-layout",
                    "the systems and backups do not match " + mode + " (" + n + " systems, "
                            + d.pairs().size() + " backups entries)",
                    expect));
        }
    }

    private static Finding t1(Violation v) {
        String field = v.field();
        int dot = field.lastIndexOf(".spans[");
        if (dot >= 0) {
            int end = field.indexOf(']', dot);
            String head = field.substring(0, end + 1);
            String tail = field.substring(end + 1);
            for (Map.Entry<String, String> e : T1_TO_YAML.entrySet()) {
                if (tail.startsWith("." + e.getKey())) {
                    tail = "." + e.getValue() + tail.substring(e.getKey().length() + 1);
                    break;
                }
            }
            field = head + tail;
        }
        String problem = v.problem();
        for (Map.Entry<String, String> e : T1_TO_YAML.entrySet()) {
            problem = problem.replace("." + e.getKey(), "." + e.getValue());
        }
        return new Finding(field, v.rule(), problem, v.fix());
    }
}
