package org.stroom.ports.portmgr.capacity.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.Achieved;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventoryBoard;
import org.stroom.ports.portmgr.capacity.InventoryMachine;
import org.stroom.ports.portmgr.capacity.InventorySpan;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.KindLine;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.PoolLine;
import org.stroom.ports.portmgr.capacity.SparePort;
import org.stroom.ports.portmgr.capacity.TargetCheck;
import org.stroom.ports.portmgr.capacity.Verdict;
import org.stroom.ports.portmgr.capacity.check.TakeoverAnalysis;
import org.stroom.ports.portmgr.capacity.plan.Rollover;
import org.stroom.ports.portmgr.capacity.plan.SpanMove;

/**
 * Turns a takeover analysis into the proof's JSON tree and its readable text.
 *
 * <p>Thread-safety: stateless.
 */
final class ProofDocument {
    static final String FORMAT = "stroom-takeover-proof/1";

    private ProofDocument() {}

    static Map<String, Object> tree(
            TakeoverAnalysis a, String cause, Instant createdAt, List<String> ignoredMeasurements) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("createdAt", createdAt.toString());
        root.put("cause", cause);
        root.put("failedSystem", a.failed().name());
        root.put("survivorSystem", a.survivor().name());
        root.put("grade", a.verdict().grade());
        root.put("inventory", inventory(a.survivor()));
        Map<String, Object> load = load(a.load());
        load.put("ignoredMeasurements", ignoredMeasurements);
        root.put("load", load);
        Map<String, Object> plan = new LinkedHashMap<>();
        List<Object> moves = new ArrayList<>();
        for (SpanMove m : a.plan().moves()) {
            moves.add(Map.of(
                    "circuit", m.circuit().value(),
                    "from", m.from().toString(),
                    "to", m.to().toString(),
                    "why", m.why()));
        }
        List<Object> rollovers = new ArrayList<>();
        for (Rollover r : a.plan().rollover().rollovers()) {
            rollovers.add(Map.of(
                    "range", r.range().toString(),
                    "pool", r.pool(),
                    "fromCircuit", r.fromCircuit().value(),
                    "toCircuit", r.toCircuit().value(),
                    "toSpan", r.toSpan().toString()));
        }
        plan.put("moves", moves);
        plan.put("rollovers", rollovers);
        plan.put("missing", a.plan().missing());
        root.put("plan", plan);
        root.put("verdict", verdict(a.verdict()));
        return root;
    }

    private static Map<String, Object> inventory(InventorySystem s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("system", s.name());
        List<Object> machines = new ArrayList<>();
        for (InventoryMachine m : s.machines()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", m.name());
            mm.put("role", m.role());
            mm.put("up", m.up());
            List<Object> boards = new ArrayList<>();
            for (InventoryBoard b : m.boards()) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("id", b.id().toString());
                bm.put("up", b.up());
                bm.put("ability", b.ability());
                bm.put("channelCapacity", b.channelCapacity());
                List<Object> spans = new ArrayList<>();
                for (InventorySpan sp : b.spans()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("location", sp.location().toString());
                    sm.put("circuit", sp.circuit().value());
                    sm.put("profile", LineProfile.of(sp.config()).toString());
                    sm.put("ability", sp.ability());
                    sm.put("bearers", sp.bearerChannels());
                    sm.put("locked", sp.lockedChannels());
                    sm.put("usablePorts", m.up() && b.up() ? sp.usablePorts() : 0);
                    String why = sp.status().unusableReason();
                    sm.put("status", why.isEmpty() ? "usable" : why);
                    sm.put(
                            "alarms",
                            sp.status().alarms().stream()
                                    .map(Enum::name)
                                    .sorted()
                                    .toList());
                    sm.put(
                            "dids",
                            sp.config().didRanges().stream()
                                    .map(Object::toString)
                                    .toList());
                    spans.add(sm);
                }
                bm.put("spans", spans);
                List<Object> free = new ArrayList<>();
                for (SparePort p : b.spares()) {
                    free.add(Map.of(
                            "location",
                            p.location().toString(),
                            "profile",
                            p.profile().toString()));
                }
                bm.put("freePositions", free);
                boards.add(bm);
            }
            mm.put("boards", boards);
            machines.add(mm);
        }
        out.put("machines", machines);
        return out;
    }

    private static Map<String, Object> load(LoadProfile l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", l.name());
        List<Object> pools = new ArrayList<>();
        for (HuntPool p : l.pools()) {
            pools.add(Map.of(
                    "name", p.name(), "kind", p.kind(), "scope", p.scope().describe()));
        }
        out.put("pools", pools);
        List<Object> modules = new ArrayList<>();
        for (Module m : l.modules()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("name", m.name());
            mm.put("kind", m.kind());
            mm.put("pool", m.pool());
            mm.put("busyHourAttempts", m.busyHourAttempts());
            mm.put("holdingSeconds", m.holding().seconds());
            mm.put("offeredErlangs", m.offeredErlangs());
            mm.put("retryFraction", m.retryFraction());
            mm.put("sources", m.sources());
            mm.put("target", m.target().describe());
            mm.put("figures", m.source());
            modules.add(mm);
        }
        out.put("modules", modules);
        return out;
    }

    private static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", v.scenario());
        out.put("system", v.system());
        out.put("grade", v.grade());
        out.put("splitFeasible", v.splitFeasible());
        List<Object> kinds = new ArrayList<>();
        for (KindLine k : v.kinds()) {
            Map<String, Object> km = new LinkedHashMap<>();
            km.put("kind", k.kind());
            km.put("required", k.required());
            km.put("usable", k.usable());
            km.put("dualUsable", k.dualUsable());
            km.put("allotted", k.allotted());
            km.put("margin", k.margin());
            km.put("worstBlocking", optional(k.worstBlocking()));
            km.put("worstMeanWaitSeconds", optional(k.worstMeanWaitSeconds()));
            kinds.add(km);
        }
        out.put("kinds", kinds);
        List<Object> pools = new ArrayList<>();
        for (PoolLine p : v.pools()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("pool", p.pool());
            pm.put("kind", p.kind());
            pm.put("discipline", p.discipline());
            pm.put("offeredErlangs", p.offeredErlangs());
            pm.put("required", p.required());
            pm.put("eligible", p.eligible());
            pm.put("allotted", p.allotted());
            if (p.achieved() instanceof Achieved.Loss l) {
                pm.put("blocking", l.blocking());
            } else {
                Achieved.Queue q = (Achieved.Queue) p.achieved();
                pm.put("probabilityOfWaiting", q.probabilityOfWaiting());
                pm.put("meanWaitSeconds", finite(q.meanWaitSeconds()));
            }
            List<Object> checks = new ArrayList<>();
            for (TargetCheck c : p.checks()) {
                checks.add(Map.of("target", c.target().describe(), "achieved", finite(c.achieved()), "met", c.met()));
            }
            pm.put("checks", checks);
            pm.put("grade", p.grade());
            pools.add(pm);
        }
        out.put("pools", pools);
        out.put("reasons", v.reasons());
        out.put("excluded", v.excluded());
        return out;
    }

    private static Object optional(OptionalDouble d) {
        return d.isPresent() ? finite(d.getAsDouble()) : null;
    }

    private static Object finite(double d) {
        return Double.isInfinite(d) ? "unbounded" : d;
    }

    static String text(TakeoverAnalysis a, String cause, Instant createdAt, String keyId) {
        Verdict v = a.verdict();
        StringBuilder b = new StringBuilder();
        b.append("TAKEOVER PROOF: ")
                .append(a.survivor().name())
                .append(" takes over ")
                .append(a.failed().name())
                .append('\n');
        b.append("created ").append(createdAt).append("; cause: ").append(cause).append('\n');
        b.append("VERDICT: ").append(v.grade()).append('\n');
        b.append("Ports by kind:\n");
        for (PortKind k : PortKind.values()) {
            b.append("  ").append(v.kind(k).describe()).append('\n');
        }
        b.append("Pools:\n");
        v.pools().forEach(p -> b.append("  ").append(p.describe()).append('\n'));
        b.append("Plan:\n");
        a.plan().describe().forEach(line -> b.append("  ").append(line).append('\n'));
        b.append("Why:\n");
        v.reasons().stream()
                .filter(r -> !r.startsWith("plan: "))
                .forEach(r -> b.append("  - ").append(r).append('\n'));
        if (!v.excluded().isEmpty()) {
            b.append("Ports not counted:\n");
            v.excluded().forEach(e -> b.append("  - ").append(e).append('\n'));
        }
        b.append("Load: ")
                .append(a.load().name())
                .append(", ")
                .append(a.load().modules().size())
                .append(" modules\n");
        b.append("Signed Ed25519, key ").append(keyId).append('\n');
        return b.toString();
    }
}
