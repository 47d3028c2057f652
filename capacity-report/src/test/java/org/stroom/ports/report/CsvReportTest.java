package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportTest {
    private static final Map<String, String> TABLES = Map.of(
            "inventory.csv", "/inventory",
            "groups.csv", "/groups",
            "spans.csv", "/spans",
            "whatif.csv", "/whatIf",
            "verdicts.csv", "/verdicts",
            "plan.csv", "/plan");

    @Test
    void writesOneLinePerElementOfTheMatchingJsonArray() throws Exception {
        for (Map.Entry<String, ReportData> report : Reports.all().entrySet()) {
            Map<String, String> csv = CsvReport.render(report.getValue());
            JsonNode root = new ObjectMapper().readTree(JsonReport.render(report.getValue()));
            assertThat(csv.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.keySet());
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                List<List<String>> rows = parse(csv.get(t.getKey()));
                assertThat(rows.size() - 1)
                        .as("%s %s", report.getKey(), t.getKey())
                        .isEqualTo(root.at(t.getValue()).size());
                int columns = rows.get(0).size();
                assertThat(rows).as("%s %s", report.getKey(), t.getKey()).allMatch(r -> r.size() == columns);
            }
        }
    }

    @Test
    void quotesFieldsWithCommasAndKeepsNumbersInFull() throws Exception {
        ReportData r = Reports.defaultReport();
        List<List<String>> groups = parse(CsvReport.render(r).get("groups.csv"));
        List<String> header = groups.get(0);
        int scope = header.indexOf("scope");
        int erlangs = header.indexOf("busy_hour_erlangs");
        int required = header.indexOf("required_ports");
        for (int i = 0; i < r.groups().size(); i++) {
            ReportData.GroupRow g = r.groups().get(i);
            List<String> row = groups.get(i + 1);
            assertThat(row.get(scope)).isEqualTo(g.scope() == null ? "" : g.scope());
            assertThat(Double.parseDouble(row.get(erlangs))).isEqualTo(g.busyHourErlangs());
            assertThat(Integer.parseInt(row.get(required))).isEqualTo(g.requiredPorts());
        }
        assertThat(r.groups().get(0).scope())
                .as("the DID scope lists several ranges")
                .contains(", ");
        assertThat(CsvReport.render(r).get("groups.csv")).contains("\r\n");
    }

    @Test
    void writesTinyValuesSoTheyParseBack() {
        ReportData r = Reports.defaultReport();
        List<List<String>> groups = parse(CsvReport.render(r).get("groups.csv"));
        int blocking = groups.get(0).indexOf("blocking_at_configured");
        for (int i = 0; i < r.groups().size(); i++) {
            Double b = r.groups().get(i).blockingAtConfigured();
            String cell = groups.get(i + 1).get(blocking);
            if (b == null) {
                assertThat(cell).isEmpty();
            } else {
                assertThat(Double.parseDouble(cell)).isEqualTo(b);
            }
        }
    }

    /** RFC 4180 reader: quoted fields with doubled quotes, CRLF records. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
