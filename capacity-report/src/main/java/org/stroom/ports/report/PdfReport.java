package org.stroom.ports.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Renders the report's XHTML ({@link HtmlReport}) to PDF with openhtmltopdf (PDFBox) and Batik for the inline SVG
 * charts: A4 landscape, page numbers in the footer, PDF base fonts for text.
 *
 * <p>Thread-safety: safe from any thread; each call renders on its own.
 */
public final class PdfReport {
    static {
        // openhtmltopdf logs every phase through java.util.logging at INFO; a report run is not the place for it.
        XRLog.setLoggingEnabled(false);
    }

    private PdfReport() {}

    /**
     * @param data the report
     * @return the PDF document's bytes
     */
    public static byte[] render(ReportData data) {
        return renderXhtml(HtmlReport.render(data));
    }

    /**
     * @param xhtml a well-formed XHTML document without external resources
     * @return the PDF document's bytes
     * @throws UncheckedIOException when rendering fails
     */
    public static byte[] renderXhtml(String xhtml) {
        Objects.requireNonNull(xhtml, "PdfReport.renderXhtml: xhtml");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useSVGDrawer(new BatikSVGDrawer());
        // No base URI resolves anything: the document has no external resource.
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PdfReport: rendering the report to PDF failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
