package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stroom.ports.portmgr.config.DescriptionException;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.report.ReportBuilder;
import org.stroom.ports.report.ReportData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portman check FILE}: the capacity verdict of every redundancy mode and every single
 * failure; exit code 1 when any verdict is FAIL, so a deployment pipeline can gate on it.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check that every system has the fax and voice ports its load needs, in its redundancy mode",
            "(Mode 0/1/2, N+1) and after every single failure of a machine, board or span.",
            "Exit code 0 when nothing FAILs (DEGRADED is reported but passes), 1 on FAIL, 2 on unusable input."
        })
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "system description (YAML)")
    Path file;

    @Mixin
    Output output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SystemDescription d;
        try {
            d = DescriptionReader.read(file);
        } catch (DescriptionException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.unusable() ? Portman.UNUSABLE : Portman.FAILED;
        }
        ReportData r = ReportBuilder.build(d, Optional.empty());
        boolean fail = r.verdicts().stream().anyMatch(v -> v.grade().equals("FAIL"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("mode", d.mode().name());
        json.put("pass", !fail);
        json.put(
                "verdicts",
                r.verdicts().stream()
                        .map(v -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("scenario", v.scenario());
                            m.put("system", v.system());
                            m.put("grade", v.grade());
                            m.put(
                                    "kinds",
                                    v.kinds().stream()
                                            .map(k -> {
                                                Map<String, Object> km = new LinkedHashMap<>();
                                                km.put("kind", k.kind());
                                                km.put("required", k.required());
                                                km.put("usable", k.usable());
                                                km.put("margin", k.margin());
                                                km.put("worstBlocking", k.worstBlocking());
                                                km.put("worstMeanWaitSeconds", k.worstMeanWaitSeconds());
                                                return km;
                                            })
                                            .collect(Collectors.toList()));
                            m.put("reasons", v.reasons());
                            return m;
                        })
                        .collect(Collectors.toList()));
        Map<String, Long> whatIf = r.whatIf().stream()
                .collect(Collectors.groupingBy(ReportData.WhatIfRow::grade, LinkedHashMap::new, Collectors.counting()));
        json.put("singleFailures", whatIf);
        output.print(json, text(d, r, whatIf, fail));
        return fail ? Portman.FAILED : Portman.OK;
    }

    private String text(SystemDescription d, ReportData r, Map<String, Long> whatIf, boolean fail) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(sw);
        out.printf(
                Locale.ROOT,
                "%s: %s, %d system(s)%n",
                file,
                d.mode(),
                d.systems().size());
        for (ReportData.VerdictRow v : r.verdicts()) {
            out.printf(Locale.ROOT, "%n%-8s %s (%s)%n", v.grade(), v.scenario(), v.system());
            for (ReportData.KindRow k : v.kinds()) {
                out.printf(
                        Locale.ROOT,
                        "  %-5s required %4d  usable %4d  margin %+5d%s%n",
                        k.kind(),
                        k.required(),
                        k.usable(),
                        k.margin(),
                        k.worstBlocking() == null
                                ? ""
                                : String.format(Locale.ROOT, "  worst blocking %.2f%%", 100 * k.worstBlocking()));
            }
            for (String reason : v.reasons()) {
                out.println("  - " + reason);
            }
        }
        out.printf(
                Locale.ROOT,
                "%nSingle failures rehearsed: %d (%s)%n",
                r.whatIf().size(),
                whatIf.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")));
        List<ReportData.WhatIfRow> failing = r.whatIf().stream()
                .filter(w -> w.grade().equals("FAIL"))
                .limit(10)
                .collect(Collectors.toList());
        for (ReportData.WhatIfRow w : failing) {
            out.printf(Locale.ROOT, "  FAIL if %s fails (%s): %s%n", w.failure(), w.system(), w.gradeOfService());
        }
        out.printf(Locale.ROOT, "%n%s%n", fail ? "FAIL: at least one verdict fails" : "PASS: no verdict fails");
        out.flush();
        return sw.toString().stripTrailing();
    }
}
