package org.stroom.ports.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a capacity-planning report in every format into one directory: {@code report.html} (self-contained,
 * opens without network), {@code report.json} (the data), one CSV per table ({@link CsvReport}),
 * {@code report.pdf}, and each takeover proof's signed envelope as {@code proof-N.json} (N from 1; older
 * {@code proof-N.json} files in the directory are removed first).
 *
 * <p>Thread-safety: safe from any thread; concurrent writes into the same directory overwrite each other.
 */
public final class CapacityReport {
    /** Name of the HTML file. */
    public static final String HTML = "report.html";
    /** Name of the JSON file. */
    public static final String JSON = "report.json";
    /** Name of the PDF file. */
    public static final String PDF = "report.pdf";

    private CapacityReport() {}

    /**
     * @param data the report
     * @param dir output directory, created if missing; existing files of the same names are replaced
     * @return the files written, HTML first
     * @throws UncheckedIOException when a file cannot be written (the message names it)
     */
    public static List<Path> write(ReportData data, Path dir) {
        Objects.requireNonNull(data, "CapacityReport.write: data");
        Objects.requireNonNull(dir, "CapacityReport.write: dir");
        List<Path> written = new ArrayList<>();
        String html = HtmlReport.render(data);
        mkdirs(dir);
        deleteOldProofs(dir);
        written.add(write(dir.resolve(HTML), html.getBytes(StandardCharsets.UTF_8)));
        written.add(write(dir.resolve(JSON), JsonReport.render(data).getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, String> csv : CsvReport.render(data).entrySet()) {
            written.add(write(dir.resolve(csv.getKey()), csv.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        written.add(write(dir.resolve(PDF), PdfReport.renderXhtml(html)));
        for (int i = 0; i < data.proofs().size(); i++) {
            written.add(write(
                    dir.resolve("proof-" + (i + 1) + ".json"),
                    (data.proofs().get(i).envelope() + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return written;
    }

    /** A proof file left from an earlier report would pass for one of this report's proofs. */
    private static void deleteOldProofs(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().matches("proof-[0-9]+\\.json")) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "CapacityReport: cannot remove old proof files from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "CapacityReport: cannot create the output directory " + dir + ": " + e.getMessage()
                            + "; choose a writable directory",
                    e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("CapacityReport: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
