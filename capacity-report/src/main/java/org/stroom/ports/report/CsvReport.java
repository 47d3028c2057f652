package org.stroom.ports.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stroom.ports.report.ReportData.GroupRow;
import org.stroom.ports.report.ReportData.KindRow;
import org.stroom.ports.report.ReportData.MachineRow;
import org.stroom.ports.report.ReportData.PlanRow;
import org.stroom.ports.report.ReportData.SpanRow;
import org.stroom.ports.report.ReportData.VerdictRow;
import org.stroom.ports.report.ReportData.WhatIfRow;

/**
 * Renders the report's tables as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break), one file per table with a header line: {@code inventory.csv} (machines),
 * {@code groups.csv}, {@code spans.csv}, {@code whatif.csv}, {@code verdicts.csv} and {@code plan.csv}. One data
 * line per element of the matching JSON array. Numbers are written in full (plain decimal), absent ones empty,
 * lists joined with {@code "; "}.
 *
 * <p>Thread-safety: stateless.
 */
public final class CsvReport {
    private CsvReport() {}

    /**
     * @param data the report
     * @return file name to CSV text, in the order listed above
     */
    public static Map<String, String> render(ReportData data) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("inventory.csv", inventory(data.inventory()));
        out.put("groups.csv", groups(data.groups()));
        out.put("spans.csv", spans(data.spans()));
        out.put("whatif.csv", whatIf(data.whatIf()));
        out.put("verdicts.csv", verdicts(data.verdicts()));
        out.put("plan.csv", plan(data.plan()));
        return out;
    }

    private static String inventory(List<MachineRow> rows) {
        return table(
                rows,
                new Cols<MachineRow>()
                        .add("system", MachineRow::system)
                        .add("machine", MachineRow::machine)
                        .add("role", MachineRow::role)
                        .add("up", MachineRow::up)
                        .add("boards", MachineRow::boards)
                        .add("spans", MachineRow::spans)
                        .add("bearer_channels", MachineRow::bearerChannels)
                        .add("usable_ports", MachineRow::usablePorts)
                        .add("fax_ports", MachineRow::faxPorts)
                        .add("voice_ports", MachineRow::voicePorts)
                        .add("free_positions", MachineRow::freePositions)
                        .map());
    }

    private static String groups(List<GroupRow> rows) {
        return table(
                rows,
                new Cols<GroupRow>()
                        .add("system", GroupRow::system)
                        .add("group", GroupRow::group)
                        .add("pool", GroupRow::pool)
                        .add("kind", GroupRow::kind)
                        .add("strategy", GroupRow::strategy)
                        .add("direction", GroupRow::direction)
                        .add("discipline", GroupRow::discipline)
                        .add("scope", GroupRow::scope)
                        .add("modules", GroupRow::modules)
                        .add("members", GroupRow::members)
                        .add("busy_hour_erlangs", GroupRow::busyHourErlangs)
                        .add("target", GroupRow::target)
                        .add("configured_ports", GroupRow::configuredPorts)
                        .add("available_ports", GroupRow::availablePorts)
                        .add("required_ports", GroupRow::requiredPorts)
                        .add("group_required_ports", GroupRow::groupRequiredPorts)
                        .add("recommended_ports", GroupRow::recommendedPorts)
                        .add("recommended_spans", GroupRow::recommendedSpans)
                        .add("blocking_at_configured", GroupRow::blockingAtConfigured)
                        .add("wait_probability_at_configured", GroupRow::waitProbabilityAtConfigured)
                        .add("mean_wait_seconds_at_configured", GroupRow::meanWaitSecondsAtConfigured)
                        .add("service_level_at_configured", GroupRow::serviceLevelAtConfigured)
                        .add("meets_target", GroupRow::meetsTarget)
                        .add("measured_blocking", GroupRow::measuredBlocking)
                        .add("measured_attempts", GroupRow::measuredAttempts)
                        .map());
    }

    private static String spans(List<SpanRow> rows) {
        return table(
                rows,
                new Cols<SpanRow>()
                        .add("system", SpanRow::system)
                        .add("machine", SpanRow::machine)
                        .add("board", SpanRow::board)
                        .add("port", SpanRow::port)
                        .add("location", SpanRow::location)
                        .add("circuit", SpanRow::circuit)
                        .add("signalling", SpanRow::signalling)
                        .add("bearer_channels", SpanRow::bearerChannels)
                        .add("usable_ports", SpanRow::usablePorts)
                        .add("status", SpanRow::status)
                        .add("ability", SpanRow::ability)
                        .add("dids", SpanRow::dids)
                        .add("groups", SpanRow::groups)
                        .add("mean_busy", SpanRow::meanBusy)
                        .add("peak_busy", SpanRow::peakBusy)
                        .add("utilisation", SpanRow::utilisation)
                        .map());
    }

    private static String whatIf(List<WhatIfRow> rows) {
        return table(
                rows,
                new Cols<WhatIfRow>()
                        .add("context", WhatIfRow::context)
                        .add("system", WhatIfRow::system)
                        .add("failure", WhatIfRow::failure)
                        .add("grade", WhatIfRow::grade)
                        .add("fax_usable", WhatIfRow::faxUsable)
                        .add("voice_usable", WhatIfRow::voiceUsable)
                        .add("fax_margin", WhatIfRow::faxMargin)
                        .add("voice_margin", WhatIfRow::voiceMargin)
                        .add("worst_blocking", WhatIfRow::worstBlocking)
                        .add("worst_mean_wait_seconds", WhatIfRow::worstMeanWaitSeconds)
                        .add("grade_of_service", WhatIfRow::gradeOfService)
                        .map());
    }

    private static String verdicts(List<VerdictRow> rows) {
        Map<String, Function<VerdictRow, Object>> cols = new Cols<VerdictRow>()
                .add("scenario", VerdictRow::scenario)
                .add("system", VerdictRow::system)
                .add("grade", VerdictRow::grade)
                .add("split_feasible", VerdictRow::splitFeasible)
                .map();
        for (String kind : List.of("FAX", "VOICE")) {
            String k = kind.toLowerCase(java.util.Locale.ROOT) + "_";
            cols.put(k + "required", v -> kind(v, kind, KindRow::required));
            cols.put(k + "usable", v -> kind(v, kind, KindRow::usable));
            cols.put(k + "dual_usable", v -> kind(v, kind, KindRow::dualUsable));
            cols.put(k + "allotted", v -> kind(v, kind, KindRow::allotted));
            cols.put(k + "margin", v -> kind(v, kind, KindRow::margin));
            cols.put(k + "worst_blocking", v -> kind(v, kind, KindRow::worstBlocking));
            cols.put(k + "worst_mean_wait_seconds", v -> kind(v, kind, KindRow::worstMeanWaitSeconds));
        }
        cols.put("reasons", VerdictRow::reasons);
        cols.put("excluded", VerdictRow::excluded);
        return table(rows, cols);
    }

    private static Object kind(VerdictRow v, String kind, Function<KindRow, Object> f) {
        return v.kinds().stream()
                .filter(k -> k.kind().equals(kind))
                .findFirst()
                .map(f)
                .orElse(null);
    }

    private static String plan(List<PlanRow> rows) {
        return table(
                rows,
                new Cols<PlanRow>()
                        .add("takeover", PlanRow::takeover)
                        .add("step", PlanRow::step)
                        .add("action", PlanRow::action)
                        .add("what", PlanRow::what)
                        .add("from", PlanRow::from)
                        .add("to", PlanRow::to)
                        .add("detail", PlanRow::detail)
                        .map());
    }

    /** Named columns in order. */
    private static final class Cols<T> {
        private final Map<String, Function<T, Object>> columns = new LinkedHashMap<>();

        Cols<T> add(String name, Function<T, Object> getter) {
            columns.put(name, getter);
            return this;
        }

        Map<String, Function<T, Object>> map() {
            return columns;
        }
    }

    private static <T> String table(List<T> rows, Map<String, Function<T, Object>> columns) {
        StringBuilder b = new StringBuilder();
        line(b, new ArrayList<>(columns.keySet()));
        for (T row : rows) {
            List<String> fields = new ArrayList<>();
            for (Function<T, Object> f : columns.values()) {
                fields.add(text(f.apply(row)));
            }
            line(b, fields);
        }
        return b.toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "";
            }
            // Plain decimals read best; tiny values (e.g. 1e-40 blocking) keep Java's exponent form.
            return d == 0.0 || Math.abs(d) >= 1e-4 ? BigDecimal.valueOf(d).toPlainString() : Double.toString(d);
        }
        if (v instanceof List<?> l) {
            return String.join("; ", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append("\r\n");
    }
}
