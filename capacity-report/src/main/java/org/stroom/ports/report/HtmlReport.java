package org.stroom.ports.report;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.report.ReportData.Curve;
import org.stroom.ports.report.ReportData.GroupRow;
import org.stroom.ports.report.ReportData.KindRow;
import org.stroom.ports.report.ReportData.MachineRow;
import org.stroom.ports.report.ReportData.PlanRow;
import org.stroom.ports.report.ReportData.PoolRow;
import org.stroom.ports.report.ReportData.ProofRow;
import org.stroom.ports.report.ReportData.SimModuleRow;
import org.stroom.ports.report.ReportData.SpanRow;
import org.stroom.ports.report.ReportData.SystemRow;
import org.stroom.ports.report.ReportData.VerdictRow;
import org.stroom.ports.report.ReportData.WhatIfRow;
import org.stroom.ports.report.ReportFormat.Unit;

/**
 * Renders {@link ReportData} as one self-contained XHTML document (well-formed XML, so the PDF renderer can read
 * it as is): inline CSS, inline SVG charts, no script, no external resource.
 *
 * <p>Every number is written by {@link ReportFormat#format} inside an element
 * {@code <span class="num" data-key="/json/pointer" data-unit="...">}, where {@code data-key} is the JSON Pointer
 * of the same value in {@link JsonReport}'s output and {@code data-unit} the {@link Unit} it was formatted with.
 * Sections have fixed ids: {@value #SECTIONS}.
 *
 * <p>Thread-safety: stateless.
 */
public final class HtmlReport {
    /** Ids of the report's sections, in order. */
    public static final String SECTIONS =
            "summary, inventory, groups, curves, spans, simulation, verdicts, what-if, plan, proof, notes";

    private static final String CSS = """
            @page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
              @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 8pt; color: #666; } }
            body { font-family: sans-serif; font-size: 9.5pt; color: #1d1d1d; margin: 0 auto; max-width: 1200px; }
            header, section, figure, figcaption, nav { display: block; }
            h1 { font-size: 18pt; margin: 0 0 4pt 0; color: #12365c; }
            h2 { font-size: 13pt; color: #12365c; border-bottom: 1.5pt solid #12365c; padding-bottom: 2pt;
              margin: 16pt 0 6pt 0; page-break-after: avoid; }
            h3 { font-size: 10.5pt; margin: 10pt 0 4pt 0; page-break-after: avoid; }
            p.lead { margin: 2pt 0 8pt 0; color: #444; }
            table { border-collapse: collapse; margin: 4pt 0 8pt 0; -fs-table-paginate: paginate; }
            th, td { border: 0.5pt solid #b8c2cc; padding: 2pt 4pt; vertical-align: top; text-align: left;
              font-size: 8.5pt; white-space: nowrap; }
            th { white-space: normal; }
            td.w { white-space: normal; }
            th { background: #e8eef4; font-weight: bold; }
            td.n { text-align: right; white-space: nowrap; }
            tr { page-break-inside: avoid; }
            table.meta th { width: 11em; }
            .grade { font-weight: bold; padding: 0 4pt; border-radius: 2pt; color: #fff; white-space: nowrap; }
            .PASS { background: #2a7a3a; } .DEGRADED { background: #b8860b; } .FAIL { background: #b22222; }
            .ok { color: #2a7a3a; font-weight: bold; } .bad { color: #b22222; font-weight: bold; }
            .muted { color: #666; }
            figure.chart { display: inline-block; margin: 4pt 6pt 8pt 0; page-break-inside: avoid; vertical-align: top; }
            figcaption { font-size: 8pt; color: #555; margin-top: 4pt; }
            code, pre { font-family: monospace; font-size: 8pt; }
            code.wrap { word-wrap: break-word; word-break: break-all; }
            pre { background: #f4f6f8; border: 0.5pt solid #ccd; padding: 4pt; white-space: pre-wrap;
              page-break-inside: auto; }
            ul { margin: 2pt 0 6pt 0; padding-left: 14pt; }
            div.verdict { page-break-inside: avoid; }
            @media screen { svg { max-width: 100%; height: auto; } }
            """;

    private HtmlReport() {}

    /**
     * @param data the report
     * @return the XHTML document
     */
    public static String render(ReportData data) {
        Objects.requireNonNull(data, "HtmlReport.render: data");
        Writer w = new Writer();
        w.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
        w.raw("<meta charset=\"UTF-8\"/>\n<title>")
                .text(data.meta().title())
                .raw("</title>\n<style>\n")
                .raw(CSS)
                .raw("</style>\n</head>\n<body>\n");
        header(w, data);
        summary(w, data);
        inventory(w, data);
        groups(w, data);
        curves(w, data);
        spans(w, data);
        simulation(w, data);
        verdicts(w, data);
        whatIf(w, data);
        plan(w, data);
        proof(w, data);
        notes(w, data);
        w.raw("</body>\n</html>\n");
        return w.toString();
    }

    private static void header(Writer w, ReportData d) {
        ReportData.Meta m = d.meta();
        w.raw("<header>\n<h1>").text(m.title()).raw("</h1>\n<table class=\"meta\">\n");
        w.raw("<tr><th>Description</th><td>")
                .text(m.source().isEmpty() ? "(not named)" : m.source())
                .raw("</td></tr>\n");
        w.raw("<tr><th>Generated</th><td>").text(m.generatedAt()).raw("</td></tr>\n");
        w.raw("<tr><th>Redundancy mode</th><td>").text(m.mode()).raw("</td></tr>\n");
        if (!m.backups().isEmpty()) {
            w.raw("<tr><th>Backups</th><td>")
                    .text(String.join("; ", m.backups()))
                    .raw("</td></tr>\n");
        }
        w.raw("<tr><th>Overall grade</th><td>").grade(m.grade()).raw("</td></tr>\n</table>\n</header>\n");
    }

    private static void summary(Writer w, ReportData d) {
        w.section("summary", "Summary");
        w.raw("<p class=\"lead\">The redundancy mode's checks and takeover proofs; details follow in the sections"
                + " below.</p>\n<ul>\n");
        for (VerdictRow v : d.verdicts()) {
            w.raw("<li>").grade(v.grade()).raw(" ").text(v.scenario()).raw("</li>\n");
        }
        for (ProofRow p : d.proofs()) {
            w.raw("<li>Takeover proof ")
                    .text(p.survivor() + " takes over " + p.failed())
                    .raw(": ")
                    .grade(p.grade())
                    .raw(", signature ")
                    .raw(p.verified() ? "<span class=\"ok\">verified</span>" : "<span class=\"bad\">NOT valid</span>")
                    .raw("</li>\n");
        }
        w.raw("</ul>\n</section>\n");
    }

    private static void inventory(Writer w, ReportData d) {
        w.section("inventory", "Inventory");
        w.raw("<h3>Systems</h3>\n");
        w.head(
                "System",
                "Role",
                "Machines",
                "Boards",
                "Spans",
                "Bearer channels",
                "Usable ports",
                "Free positions",
                "Busy-hour E");
        for (int i = 0; i < d.systems().size(); i++) {
            SystemRow s = d.systems().get(i);
            String k = "/systems/" + i + "/";
            w.raw("<tr>").cell(s.system()).cell(s.role());
            w.num(s.machines(), Unit.COUNT, k + "machines")
                    .num(s.boards(), Unit.COUNT, k + "boards")
                    .num(s.spans(), Unit.COUNT, k + "spans")
                    .num(s.bearerChannels(), Unit.COUNT, k + "bearerChannels")
                    .num(s.usablePorts(), Unit.COUNT, k + "usablePorts")
                    .num(s.freePositions(), Unit.COUNT, k + "freePositions")
                    .num(s.busyHourErlangs(), Unit.ERLANG, k + "busyHourErlangs");
            w.raw("</tr>\n");
        }
        w.raw("</table>\n<h3>Machines</h3>\n");
        w.head(
                "System",
                "Machine",
                "Role",
                "Up",
                "Boards",
                "Spans",
                "Bearer channels",
                "Usable ports",
                "Fax-capable",
                "Voice-capable",
                "Free positions");
        for (int i = 0; i < d.inventory().size(); i++) {
            MachineRow m = d.inventory().get(i);
            String k = "/inventory/" + i + "/";
            w.raw("<tr>")
                    .cell(m.system())
                    .cell(m.machine())
                    .cell(m.role())
                    .cell(m.up() ? "yes" : "DOWN")
                    .cell(String.join(", ", m.boards()));
            w.num(m.spans(), Unit.COUNT, k + "spans")
                    .num(m.bearerChannels(), Unit.COUNT, k + "bearerChannels")
                    .num(m.usablePorts(), Unit.COUNT, k + "usablePorts")
                    .num(m.faxPorts(), Unit.COUNT, k + "faxPorts")
                    .num(m.voicePorts(), Unit.COUNT, k + "voicePorts")
                    .num(m.freePositions(), Unit.COUNT, k + "freePositions");
            w.raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void groups(Writer w, ReportData d) {
        w.section("groups", "Hunt groups: traffic, ports and grade of service");
        w.raw("<p class=\"lead\">Busy-hour traffic per hunt group and traffic role. <b>Configured</b>: usable ports"
                + " of the group's circuits this traffic can reach; <b>available</b>: what is left of them once the"
                + " group's other roles have their required ports; <b>required</b>: fewest ports meeting the target;"
                + " <b>recommended</b>: the group's required ports in whole spans. Grade of service is computed at"
                + " the available ports.</p>\n");
        w.head(
                "System",
                "Group / pool",
                "Kind",
                "Traffic",
                "Modules",
                "Busy-hour E",
                "Target",
                "Configured",
                "Available",
                "Required",
                "Recommended (spans)",
                "At available ports",
                "Meets target",
                "Simulated blocking");
        for (int i = 0; i < d.groups().size(); i++) {
            GroupRow g = d.groups().get(i);
            String k = "/groups/" + i + "/";
            w.raw("<tr>").cell(g.system());
            w.raw("<td>").text(g.group());
            if (g.pool() != null && !g.pool().equals(g.group())) {
                w.raw("<br/><span class=\"muted\">").text(g.pool()).raw("</span>");
            }
            w.raw("</td>").cell(g.kind());
            w.cell(g.direction() == null ? "no load" : lower(g.direction()) + ", " + lower(g.discipline()));
            w.wide(g.modules().isEmpty() ? "-" : String.join(", ", g.modules()));
            w.num(g.busyHourErlangs(), Unit.ERLANG, k + "busyHourErlangs");
            w.wide(g.target() == null ? "-" : g.target());
            w.num(g.configuredPorts(), Unit.COUNT, k + "configuredPorts")
                    .num(g.availablePorts(), Unit.COUNT, k + "availablePorts")
                    .num(g.requiredPorts(), Unit.COUNT, k + "requiredPorts");
            w.raw("<td class=\"n\">")
                    .span(g.recommendedPorts(), Unit.COUNT, k + "recommendedPorts")
                    .raw(" (")
                    .span(g.recommendedSpans(), Unit.COUNT, k + "recommendedSpans")
                    .raw(")</td>");
            w.raw("<td class=\"n\">");
            if (g.blockingAtConfigured() != null) {
                w.raw("blocking ").span(g.blockingAtConfigured(), Unit.PERCENT, k + "blockingAtConfigured");
            } else if (g.waitProbabilityAtConfigured() != null) {
                w.raw("P(wait) ")
                        .span(g.waitProbabilityAtConfigured(), Unit.PERCENT, k + "waitProbabilityAtConfigured")
                        .raw("<br/>mean wait ")
                        .span(g.meanWaitSecondsAtConfigured(), Unit.SECONDS, k + "meanWaitSecondsAtConfigured")
                        .raw(" s");
                if (g.serviceLevelAtConfigured() != null) {
                    w.raw("<br/>service level ")
                            .span(g.serviceLevelAtConfigured(), Unit.PERCENT, k + "serviceLevelAtConfigured");
                }
            } else {
                w.raw("-");
            }
            w.raw("</td>");
            w.raw(g.meetsTarget() ? "<td class=\"ok\">yes</td>" : "<td class=\"bad\">no</td>");
            if (g.measuredBlocking() != null) {
                w.raw("<td class=\"n\">")
                        .span(g.measuredBlocking(), Unit.PERCENT, k + "measuredBlocking")
                        .raw("<br/><span class=\"muted\">of ")
                        .span(g.measuredAttempts().doubleValue(), Unit.COUNT, k + "measuredAttempts")
                        .raw(" calls</span></td>");
            } else {
                w.cell("-");
            }
            w.raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void curves(Writer w, ReportData d) {
        w.section("curves", "Blocking versus ports");
        w.raw("<p class=\"lead\">Per loaded group: blocking (loss traffic) or the probability of waiting longer"
                + " than the target time (queued traffic) against the number of ports, on a logarithmic scale. The"
                + " red dot is the group's available ports; the dashed lines are the target and the required"
                + " ports.</p>\n");
        for (int i = 0; i < d.curves().size(); i++) {
            Curve c = d.curves().get(i);
            String k = "/curves/" + i + "/";
            w.raw("<figure class=\"chart\" id=\"fig-").text(c.id()).raw("\">\n");
            w.raw(Charts.curve(c)).raw("\n<figcaption>").text(c.system() + " / " + c.pool() + ": " + c.metric());
            w.raw(" at ")
                    .span(c.currentPorts(), Unit.COUNT, k + "currentPorts")
                    .raw(" ports is ")
                    .span(c.currentValue(), Unit.PERCENT, k + "currentValue");
            if (c.targetValue() != null) {
                w.raw("; target ").span(c.targetValue(), Unit.PERCENT, k + "targetValue");
            }
            w.raw("; required ")
                    .span(c.requiredPorts(), Unit.COUNT, k + "requiredPorts")
                    .raw(" ports</figcaption>\n</figure>\n");
        }
        if (d.curves().isEmpty()) {
            w.raw("<p>No group carries traffic.</p>\n");
        }
        w.raw("</section>\n");
    }

    private static void spans(Writer w, ReportData d) {
        w.section("spans", "Spans and utilisation");
        List<SpanRow> simulated =
                d.spans().stream().filter(s -> s.utilisation() != null).toList();
        if (!simulated.isEmpty()) {
            w.raw("<figure class=\"chart\" id=\"fig-utilisation\">\n")
                    .raw(Charts.utilisation("utilisation", simulated))
                    .raw("\n<figcaption>Mean and peak busy channels per span of ")
                    .text(simulated.get(0).system())
                    .raw(" in the simulation run</figcaption>\n</figure>\n");
        } else {
            w.raw("<p class=\"lead\">No simulation run: utilisation is not measured.</p>\n");
        }
        w.head(
                "System",
                "Location",
                "Circuit",
                "Signalling",
                "Bearer",
                "Usable",
                "Status",
                "Ability",
                "DIDs",
                "Groups",
                "Mean busy",
                "Peak busy",
                "Utilisation");
        for (int i = 0; i < d.spans().size(); i++) {
            SpanRow s = d.spans().get(i);
            String k = "/spans/" + i + "/";
            w.raw("<tr>").cell(s.system()).cell(s.location()).cell(s.circuit()).cell(s.signalling());
            w.num(s.bearerChannels(), Unit.COUNT, k + "bearerChannels")
                    .num(s.usablePorts(), Unit.COUNT, k + "usablePorts");
            w.cell(s.status()).cell(s.ability()).wide(s.dids().isEmpty() ? "-" : s.dids());
            w.wide(s.groups().isEmpty() ? "-" : String.join(", ", s.groups()));
            w.num(s.meanBusy(), Unit.ERLANG, k + "meanBusy")
                    .num(s.peakBusy() == null ? null : s.peakBusy().doubleValue(), Unit.COUNT, k + "peakBusy")
                    .num(s.utilisation(), Unit.PERCENT, k + "utilisation");
            w.raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void simulation(Writer w, ReportData d) {
        w.section("simulation", "Simulation run");
        ReportData.Simulation s = d.simulation();
        if (s == null) {
            w.raw("<p>No simulation run was made for this report.</p>\n</section>\n");
            return;
        }
        w.raw("<p class=\"lead\">").text(s.system()).raw(" on simulated boards in virtual time: ");
        w.span(s.hours(), Unit.NUMBER, "/simulation/hours")
                .raw(" h measured after a warm-up of ")
                .span(s.warmUpHours(), Unit.NUMBER, "/simulation/warmUpHours")
                .raw(" h, seed ")
                .span((double) s.seed(), Unit.COUNT, "/simulation/seed")
                .raw(", ")
                .span(s.samples(), Unit.COUNT, "/simulation/samples")
                .raw(" samples per span; carried traffic ")
                .span(s.carriedErlangs(), Unit.ERLANG, "/simulation/carriedErlangs")
                .raw(" E.</p>\n");
        w.head("Module", "Group", "Direction", "Offered", "Carried", "Blocked", "Measured blocking", "Model blocking");
        for (int i = 0; i < s.modules().size(); i++) {
            SimModuleRow m = s.modules().get(i);
            String k = "/simulation/modules/" + i + "/";
            w.raw("<tr>").cell(m.module()).cell(m.group()).cell(lower(m.direction()));
            w.num((double) m.offered(), Unit.COUNT, k + "offered")
                    .num((double) m.carried(), Unit.COUNT, k + "carried")
                    .num((double) m.blocked(), Unit.COUNT, k + "blocked")
                    .num(m.measuredBlocking(), Unit.PERCENT, k + "measuredBlocking")
                    .num(m.expectedBlocking(), Unit.PERCENT, k + "expectedBlocking");
            w.raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void verdicts(Writer w, ReportData d) {
        w.section("verdicts", "Redundancy mode verdicts");
        for (int i = 0; i < d.verdicts().size(); i++) {
            VerdictRow v = d.verdicts().get(i);
            String k = "/verdicts/" + i + "/";
            w.raw("<div class=\"verdict\" id=\"verdict-" + i + "\">\n<h3>")
                    .grade(v.grade())
                    .raw(" ")
                    .text(v.scenario())
                    .raw(" <span class=\"muted\">(ports of ")
                    .text(v.system())
                    .raw(")</span></h3>\n");
            w.head(
                    "Kind",
                    "Required",
                    "Usable",
                    "Dual-capable",
                    "Allotted",
                    "Margin",
                    "Worst blocking",
                    "Worst mean wait (s)");
            for (int j = 0; j < v.kinds().size(); j++) {
                KindRow kr = v.kinds().get(j);
                String kk = k + "kinds/" + j + "/";
                w.raw("<tr>").cell(kr.kind());
                w.num(kr.required(), Unit.COUNT, kk + "required")
                        .num(kr.usable(), Unit.COUNT, kk + "usable")
                        .num(kr.dualUsable(), Unit.COUNT, kk + "dualUsable")
                        .num(kr.allotted(), Unit.COUNT, kk + "allotted")
                        .num(kr.margin(), Unit.SIGNED, kk + "margin")
                        .num(kr.worstBlocking(), Unit.PERCENT, kk + "worstBlocking")
                        .num(kr.worstMeanWaitSeconds(), Unit.SECONDS, kk + "worstMeanWaitSeconds");
                w.raw("</tr>\n");
            }
            w.raw("</table>\n");
            if (!v.pools().isEmpty()) {
                w.head(
                        "Pool",
                        "Kind",
                        "Discipline",
                        "Offered E",
                        "Required",
                        "Eligible",
                        "Allotted",
                        "Blocking",
                        "P(wait)",
                        "Mean wait (s)",
                        "Grade",
                        "Targets");
                for (int j = 0; j < v.pools().size(); j++) {
                    PoolRow p = v.pools().get(j);
                    String pk = k + "pools/" + j + "/";
                    w.raw("<tr>").cell(p.pool()).cell(p.kind()).cell(lower(p.discipline()));
                    w.num(p.offeredErlangs(), Unit.ERLANG, pk + "offeredErlangs")
                            .num(p.required(), Unit.COUNT, pk + "required")
                            .num(p.eligible(), Unit.COUNT, pk + "eligible")
                            .num(p.allotted(), Unit.COUNT, pk + "allotted")
                            .num(p.blocking(), Unit.PERCENT, pk + "blocking")
                            .num(p.waitProbability(), Unit.PERCENT, pk + "waitProbability")
                            .num(p.meanWaitSeconds(), Unit.SECONDS, pk + "meanWaitSeconds");
                    w.raw("<td>").grade(p.grade()).raw("</td>").wide(p.checks());
                    w.raw("</tr>\n");
                }
                w.raw("</table>\n");
            }
            list(w, "Why", v.reasons());
            list(w, "Ports that do not count", v.excluded());
            w.raw("</div>\n");
        }
        w.raw("</section>\n");
    }

    private static void list(Writer w, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        w.raw("<p><b>").text(title).raw("</b></p>\n<ul>\n");
        for (String s : items) {
            w.raw("<li>").text(s).raw("</li>\n");
        }
        w.raw("</ul>\n");
    }

    private static void whatIf(Writer w, ReportData d) {
        w.section("what-if", "What if: every single failure");
        w.raw("<p class=\"lead\">Each machine, board and span failing alone, and the grade of service left. For a"
                + " takeover the plan is made again for every failure.</p>\n");
        w.head(
                "Situation",
                "Failure",
                "Grade",
                "Fax usable",
                "Voice usable",
                "Fax margin",
                "Voice margin",
                "Worst blocking",
                "Worst mean wait (s)",
                "Worst pool");
        for (int i = 0; i < d.whatIf().size(); i++) {
            WhatIfRow r = d.whatIf().get(i);
            String k = "/whatIf/" + i + "/";
            w.raw("<tr>").wide(r.context()).wide(r.failure());
            w.raw("<td>").grade(r.grade()).raw("</td>");
            w.num(r.faxUsable(), Unit.COUNT, k + "faxUsable")
                    .num(r.voiceUsable(), Unit.COUNT, k + "voiceUsable")
                    .num(r.faxMargin(), Unit.SIGNED, k + "faxMargin")
                    .num(r.voiceMargin(), Unit.SIGNED, k + "voiceMargin")
                    .num(r.worstBlocking(), Unit.PERCENT, k + "worstBlocking")
                    .num(r.worstMeanWaitSeconds(), Unit.SECONDS, k + "worstMeanWaitSeconds");
            w.wide(r.gradeOfService()).raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void plan(Writer w, ReportData d) {
        w.section("plan", "Takeover plan: span moves and number rollovers");
        if (d.plan().isEmpty()) {
            w.raw("<p>No takeover in this redundancy mode.</p>\n</section>\n");
            return;
        }
        w.head("Takeover", "Step", "Action", "What", "From", "To", "Detail");
        for (int i = 0; i < d.plan().size(); i++) {
            PlanRow p = d.plan().get(i);
            w.raw("<tr>").wide(p.takeover());
            w.num(p.step(), Unit.COUNT, "/plan/" + i + "/step");
            w.cell(p.action())
                    .cell(p.what())
                    .cell(p.from())
                    .cell(p.to())
                    .wide(p.detail())
                    .raw("</tr>\n");
        }
        w.raw("</table>\n</section>\n");
    }

    private static void proof(Writer w, ReportData d) {
        w.section("proof", "Takeover proofs");
        if (d.proofs().isEmpty()) {
            w.raw("<p>No takeover in this redundancy mode, so there is nothing to prove.</p>\n</section>\n");
            return;
        }
        w.raw("<p class=\"lead\">Each proof is canonical JSON signed with Ed25519 at the time stated. The report"
                + " verifies the signature with the public key below and checks that a copy with one changed"
                + " digit is rejected. The stored envelope is in report.json.</p>\n");
        for (int i = 0; i < d.proofs().size(); i++) {
            ProofRow p = d.proofs().get(i);
            String k = "/proofs/" + i + "/";
            w.raw("<h3>")
                    .grade(p.grade())
                    .raw(" ")
                    .text(p.survivor() + " takes over " + p.failed())
                    .raw("</h3>\n");
            w.raw("<table class=\"meta\">\n");
            w.raw("<tr><th>Cause</th><td>").text(p.cause()).raw("</td></tr>\n");
            w.raw("<tr><th>Created</th><td>").text(p.createdAt()).raw("</td></tr>\n");
            w.raw("<tr><th>Signature</th><td>")
                    .raw(
                            p.verified()
                                    ? "<span class=\"ok\">verified</span>"
                                    : "<span class=\"bad\">does NOT verify</span>")
                    .raw(" (")
                    .text(p.algorithm())
                    .raw(", key ")
                    .text(p.keyId())
                    .raw(")</td></tr>\n");
            w.raw("<tr><th>Tampered copy</th><td>")
                    .raw(
                            p.tamperedCopyRejected()
                                    ? "<span class=\"ok\">rejected</span>"
                                    : "<span class=\"bad\">ACCEPTED</span>")
                    .raw("</td></tr>\n");
            w.raw("<tr><th>Signed JSON</th><td>")
                    .span(p.canonicalJsonBytes(), Unit.COUNT, k + "canonicalJsonBytes")
                    .raw(" bytes, SHA-256 <code class=\"wrap\">")
                    .text(p.canonicalJsonSha256())
                    .raw("</code></td></tr>\n");
            w.raw("<tr><th>Public key</th><td><code class=\"wrap\">")
                    .text(p.publicKey())
                    .raw("</code></td></tr>\n");
            w.raw("<tr><th>Signature value</th><td><code class=\"wrap\">")
                    .text(p.signature())
                    .raw("</code></td></tr>\n</table>\n");
            w.raw("<pre>").text(p.text()).raw("</pre>\n");
        }
        w.raw("</section>\n");
    }

    private static void notes(Writer w, ReportData d) {
        w.section("notes", "Method and approximations");
        w.raw("<ul>\n");
        for (String s : List.of(
                "Loss traffic (inbound fax, IVR, alert broadcasts) is sized with Erlang B, or Extended Erlang B when"
                        + " blocked calls retry; queued outbound fax with Erlang C against its service level.",
                "Fax holding times without a configured one come from the simulator's T.30 page model at the"
                        + " module's speed (V.34 or V.17).",
                "Inbound traffic reaches only the group's circuits that deliver its DIDs. Outbound traffic may use"
                        + " any span of the system in the mode verdicts: the capacity model has no narrower scope"
                        + " than 'any span' for a hunt group's circuits.",
                "A group carrying several traffic roles (inbound and outbound, loss and queued) is sized as one"
                        + " pool per role with no sharing of ports between roles, which overstates the ports needed.",
                "Free board ports count as span-move positions provisioned like the board's first circuit.",
                "Every span is taken as healthy unless a simulation run reported otherwise.")) {
            w.raw("<li>").text(s).raw("</li>\n");
        }
        for (String s : d.approximations()) {
            w.raw("<li>").text(s).raw("</li>\n");
        }
        w.raw("</ul>\n</section>\n");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT);
    }

    /** XHTML text with escaping and numbers tagged with their JSON pointer. */
    private static final class Writer {
        private final StringBuilder b = new StringBuilder(1 << 16);

        Writer raw(String s) {
            b.append(s);
            return this;
        }

        Writer text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> {
                        if (c < 0x20 && c != '\n' && c != '\t') {
                            b.append(' ');
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return this;
        }

        Writer section(String id, String title) {
            return raw("<section id=\"" + id + "\">\n<h2>").text(title).raw("</h2>\n");
        }

        Writer head(String... titles) {
            raw("<table>\n<thead><tr>");
            for (String t : titles) {
                raw("<th>").text(t).raw("</th>");
            }
            return raw("</tr></thead>\n");
        }

        Writer cell(String s) {
            return raw("<td>").text(s).raw("</td>");
        }

        /** A cell whose text may wrap. */
        Writer wide(String s) {
            return raw("<td class=\"w\">").text(s).raw("</td>");
        }

        Writer grade(String g) {
            return raw("<span class=\"grade ").text(g).raw("\">").text(g).raw("</span>");
        }

        Writer span(double value, Unit unit, String key) {
            return span(Double.valueOf(value), unit, key);
        }

        Writer span(Double value, Unit unit, String key) {
            return raw("<span class=\"num\" data-key=\"")
                    .text(key)
                    .raw("\" data-unit=\"")
                    .raw(unit.attribute())
                    .raw("\">")
                    .text(ReportFormat.format(value, unit))
                    .raw("</span>");
        }

        Writer num(double value, Unit unit, String key) {
            return num(Double.valueOf(value), unit, key);
        }

        Writer num(Double value, Unit unit, String key) {
            return raw("<td class=\"n\">").span(value, unit, key).raw("</td>");
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }
}
