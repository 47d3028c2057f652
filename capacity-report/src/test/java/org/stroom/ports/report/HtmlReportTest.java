package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> reports() {
        return Reports.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Document html(ReportData data) {
        return Jsoup.parse(HtmlReport.render(data));
    }

    private static JsonNode json(ReportData data) throws Exception {
        return JSON.readTree(JsonReport.render(data));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void hasEverySectionInOrder(String name, ReportData data) {
        Document doc = html(data);
        List<String> ids = doc.select("body > section").eachAttr("id");
        assertThat(ids).containsExactly(HtmlReport.SECTIONS.split(", "));
        for (String id : ids) {
            assertThat(doc.getElementById(id).selectFirst("h2")).as(id).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void everyTaggedNumberEqualsTheJsonValueAtItsKey(String name, ReportData data) throws Exception {
        Document doc = html(data);
        JsonNode root = json(data);
        List<Element> numbers = doc.select("[data-key]");
        assertThat(numbers).hasSizeGreaterThan(50);
        for (Element e : numbers) {
            String key = e.attr("data-key");
            ReportFormat.Unit unit =
                    ReportFormat.Unit.valueOf(e.attr("data-unit").toUpperCase(java.util.Locale.ROOT));
            JsonNode node = root.at(key);
            assertThat(node.isMissingNode()).as("JSON has %s", key).isFalse();
            String text = e.text();
            if (node.isNull()) {
                assertThat(text).as(key).isEqualTo(ReportFormat.NONE);
                continue;
            }
            assertThat(node.isNumber()).as("%s is a number in the JSON", key).isTrue();
            double value = node.asDouble();
            assertThat(text).as(key).isEqualTo(ReportFormat.format(value, unit));
            assertShownNear(key, text, value, unit);
        }
    }

    /** Independent of the formatter: the digits read back are the JSON value to the precision shown. */
    private static void assertShownNear(String key, String text, double value, ReportFormat.Unit unit) {
        String digits = text.replace(unit.suffix(), "").trim();
        double scaled = value * unit.scale();
        if (digits.startsWith("< ")) {
            assertThat(scaled).as(key).isGreaterThanOrEqualTo(0).isLessThan(Double.parseDouble(digits.substring(2)));
            return;
        }
        double shown = Double.parseDouble(digits.replace("+", ""));
        int dot = digits.indexOf('.');
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9 * Math.abs(scaled);
        assertThat(Math.abs(shown - scaled))
                .as("%s shows %s for %s", key, text, value)
                .isLessThanOrEqualTo(tolerance);
    }

    @Test
    void showsEveryNumberOfTheGroupAndWhatIfTables() throws Exception {
        ReportData data = Reports.defaultReport();
        Document doc = html(data);
        List<String> keys = doc.select("[data-key]").eachAttr("data-key");
        for (int i = 0; i < data.groups().size(); i++) {
            for (String f : List.of(
                    "busyHourErlangs", "configuredPorts", "availablePorts", "requiredPorts", "recommendedPorts")) {
                assertThat(keys).contains("/groups/" + i + "/" + f);
            }
        }
        for (int i = 0; i < data.whatIf().size(); i++) {
            for (String f : List.of("faxUsable", "voiceUsable", "faxMargin", "voiceMargin", "worstBlocking")) {
                assertThat(keys).contains("/whatIf/" + i + "/" + f);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void loadsNoResourceFromTheNetwork(String name, ReportData data) {
        String text = HtmlReport.render(data);
        Document doc = Jsoup.parse(text);
        assertThat(doc.select("script, link, iframe, object, embed, img[src^=http]"))
                .isEmpty();
        for (Element e : doc.getAllElements()) {
            for (String attr : List.of("src", "href", "xlink:href", "srcset", "action", "poster")) {
                assertThat(e.attr(attr)).as("%s %s", e.tagName(), attr).doesNotContainIgnoringCase("http");
            }
            assertThat(e.attr("style")).doesNotContain("url(http");
        }
        String css = doc.select("style").html();
        assertThat(css).doesNotContain("@import").doesNotContain("url(");
        assertThat(Pattern.compile("url\\(\\s*['\"]?https?:").matcher(text).find())
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void drawsEveryCurveAsInlineSvgWithItsCurrentPointMarked(String name, ReportData data) {
        Document doc = html(data);
        for (ReportData.Curve c : data.curves()) {
            Element figure = doc.getElementById("fig-" + c.id());
            assertThat(figure).as(c.id()).isNotNull();
            Element svg = figure.selectFirst("svg");
            assertThat(svg).as(c.id()).isNotNull();
            assertThat(svg.attr("width")).endsWith("px");
            assertThat(svg.attr("height")).endsWith("px");
            assertThat(svg.select("path"))
                    .as("JFreeChart draws the curve as a path")
                    .isNotEmpty();
            Element current = svg.getElementById(c.id() + "-current");
            assertThat(current).as("current point of %s", c.id()).isNotNull();
            assertThat(current.hasClass(Charts.CURRENT_CLASS)).isTrue();
            assertThat(current.select("ellipse")).hasSize(1);
            assertThat(current.text()).contains("configured " + c.currentPorts());
        }
        assertThat(doc.select("figure.chart svg")).hasSize(data.curves().size() + (data.simulation() == null ? 0 : 1));
    }

    @Test
    void marksEachCurrentPointAtTheConfiguredPorts() {
        ReportData data = Reports.defaultReport();
        assertThat(data.curves()).isNotEmpty();
        for (ReportData.Curve c : data.curves()) {
            ReportData.GroupRow g = data.groups().stream()
                    .filter(r -> c.id().equals(r.curve()))
                    .findFirst()
                    .orElseThrow();
            assertThat(c.currentPorts()).isEqualTo(g.availablePorts());
            assertThat(c.requiredPorts()).isEqualTo(g.requiredPorts());
            assertThat(c.points()).isNotEmpty();
            assertThat(c.points()).isSortedAccordingTo(java.util.Comparator.comparingInt(ReportData.Point::ports));
        }
    }

    @Test
    void showsTheSimulatedUtilisationChartOnlyWithASimulation() {
        assertThat(html(Reports.simulated()).getElementById("fig-utilisation")).isNotNull();
        assertThat(html(Reports.defaultReport()).getElementById("fig-utilisation"))
                .isNull();
        assertThat(html(Reports.defaultReport()).getElementById("simulation").text())
                .contains("No simulation run");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void isWellFormedXhtmlForThePdfRenderer(String name, ReportData data) {
        String xhtml = HtmlReport.render(data);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        assertThatCode(() -> f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml))))
                .doesNotThrowAnyException();
    }

    @Test
    void escapesTextFromTheDescription() {
        ReportData base = Reports.defaultReport();
        ReportData.Meta m = base.meta();
        ReportData odd = new ReportData(
                new ReportData.Meta(
                        "Q&A <b>bold</b> \"quoted\"", m.source(), m.generatedAt(), m.mode(), m.grade(), m.backups()),
                base.systems(),
                base.inventory(),
                base.groups(),
                base.curves(),
                base.spans(),
                base.simulation(),
                base.verdicts(),
                base.whatIf(),
                base.plan(),
                base.proofs(),
                List.of("a <script>alert(1)</script> note"));
        Document doc = html(odd);
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Q&A <b>bold</b> \"quoted\"");
        assertThat(doc.select("h1 b, script")).isEmpty();
        assertThat(doc.getElementById("notes").text()).contains("a <script>alert(1)</script> note");
    }

    @Test
    void showsEachProofsVerification() {
        ReportData data = Reports.defaultReport();
        Element proof = html(data).getElementById("proof");
        assertThat(data.proofs()).hasSize(1);
        ReportData.ProofRow p = data.proofs().get(0);
        assertThat(proof.text())
                .contains(p.survivor() + " takes over " + p.failed())
                .contains("verified")
                .contains("rejected")
                .contains(p.canonicalJsonSha256())
                .contains(p.keyId());
        assertThat(proof.select("pre").text()).contains("TAKEOVER PROOF");
    }

    @Test
    void listsTheNumbersOfEveryVerdict() throws Exception {
        ReportData data = Reports.examples().get("mode1.yaml");
        Document doc = html(data);
        assertThat(doc.select("#verdicts div.verdict")).hasSize(data.verdicts().size());
        List<String> grades = new ArrayList<>();
        for (Element v : doc.select("#verdicts div.verdict h3 .grade")) {
            grades.add(v.text());
        }
        assertThat(grades)
                .containsExactlyElementsOf(data.verdicts().stream()
                        .map(ReportData.VerdictRow::grade)
                        .toList());
        JsonNode root = json(data);
        assertThat(root.at("/verdicts").size()).isEqualTo(4);
        assertThat(Map.of("mode", root.at("/meta/mode").asText())).containsEntry("mode", "MODE_1");
    }
}
