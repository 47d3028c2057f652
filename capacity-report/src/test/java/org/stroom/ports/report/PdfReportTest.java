package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFormatIntoTheDirectory() throws Exception {
        Files.writeString(dir.resolve("proof-7.json"), "left over from an older report");
        ReportData data = Reports.simulated();
        List<Path> files = CapacityReport.write(data, dir.resolve("out"));
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "report.html",
                        "report.json",
                        "inventory.csv",
                        "groups.csv",
                        "spans.csv",
                        "whatif.csv",
                        "verdicts.csv",
                        "plan.csv",
                        "report.pdf");
        assertThat(files).allMatch(Files::isRegularFile);
        assertThat(Files.readString(dir.resolve("out/report.html"))).isEqualTo(HtmlReport.render(data));
        assertThat(Files.readString(dir.resolve("out/report.json"))).isEqualTo(JsonReport.render(data));

        byte[] pdf = Files.readAllBytes(dir.resolve("out/report.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Capacity-planning report")
                    .contains("Hunt groups")
                    .contains("What if")
                    .contains("Spans and utilisation")
                    .contains("Simulation run")
                    .doesNotContain("n/a n/a n/a n/a n/a n/a");
            ReportData.GroupRow voice = ReportBuilderTest.group(data, "stroom-main", "voice");
            assertThat(text).contains(ReportFormat.format(voice.blockingAtConfigured(), ReportFormat.Unit.PERCENT));
        }
    }

    @Test
    void writesEachTakeoverProofEnvelopeAndRemovesOlderOnes() throws Exception {
        Files.writeString(dir.resolve("proof-3.json"), "stale");
        ReportData data = Reports.examples().get("mode1.yaml");
        List<Path> files = CapacityReport.write(data, dir);
        assertThat(dir.resolve("proof-3.json")).doesNotExist();
        assertThat(files).contains(dir.resolve("proof-1.json"), dir.resolve("proof-2.json"));
        assertThat(Files.readString(dir.resolve("proof-2.json")).trim())
                .isEqualTo(data.proofs().get(1).envelope());
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(dir.resolve("report.pdf")))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Takeover proofs").contains("stroom-east takes over stroom-west");
        }
    }
}
