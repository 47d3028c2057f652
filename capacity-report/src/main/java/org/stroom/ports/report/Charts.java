package org.stroom.ports.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.stroom.ports.report.ReportData.Curve;
import org.stroom.ports.report.ReportData.SpanRow;

/**
 * Draws the report's charts with JFreeChart onto JFreeSVG and returns inline {@code <svg>} elements (sizes in px,
 * which openhtmltopdf needs; a view box so browsers can scale them). Each curve's current point is an SVG group
 * with class {@value #CURRENT_CLASS} and id {@code <curve id>-current}.
 *
 * <p>Thread-safety: stateless; each call draws its own chart.
 */
final class Charts {
    /** SVG class of the marked current point. */
    static final String CURRENT_CLASS = "current-point";

    static final int CURVE_WIDTH = 500;
    static final int CURVE_HEIGHT = 270;
    static final int BAR_WIDTH = 980;

    private static final Color CURVE_COLOUR = new Color(0x1f, 0x5f, 0x9f);
    private static final Color CURRENT_COLOUR = new Color(0xc0, 0x30, 0x20);
    private static final Color TARGET_COLOUR = new Color(0x2a, 0x8a, 0x3a);

    private Charts() {}

    /** @return the chart of a curve as an inline SVG element */
    static String curve(Curve c) {
        XYSeries series = new XYSeries(c.metric());
        for (ReportData.Point p : c.points()) {
            series.add(p.ports(), p.value());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                c.system() + " / " + c.pool(),
                "ports",
                c.metric(),
                new XYSeriesCollection(series),
                PlotOrientation.VERTICAL,
                false,
                false,
                false);
        theme().apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        double lowest =
                c.points().stream().mapToDouble(ReportData.Point::value).min().orElse(ReportBuilder.CURVE_FLOOR);
        if (c.targetValue() != null) {
            lowest = Math.min(lowest, c.targetValue());
        }
        LogAxis y = new LogAxis(c.metric());
        y.setSmallestValue(ReportBuilder.CURVE_FLOOR);
        y.setRange(Math.max(ReportBuilder.CURVE_FLOOR, lowest / 2), 1.0);
        y.setTickUnit(new NumberTickUnit(1.0));
        y.setNumberFormatOverride(new DecimalFormat("0.####%", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        y.setLabelFont(theme().getRegularFont());
        plot.setRangeAxis(y);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        int lo = Math.min(c.currentPorts(), c.requiredPorts());
        int hi = Math.max(c.currentPorts(), c.requiredPorts());
        for (ReportData.Point p : c.points()) {
            lo = Math.min(lo, p.ports());
            hi = Math.max(hi, p.ports());
        }
        x.setRange(Math.max(0, lo - 1), hi + 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, CURVE_COLOUR);
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(r);
        if (c.targetValue() != null) {
            ValueMarker target = new ValueMarker(c.targetValue());
            target.setPaint(TARGET_COLOUR);
            target.setStroke(dashed());
            target.setLabel("target " + ReportFormat.format(c.targetValue(), ReportFormat.Unit.PERCENT));
            target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            target.setLabelPaint(TARGET_COLOUR);
            plot.addRangeMarker(target);
        }
        ValueMarker required = new ValueMarker(c.requiredPorts());
        required.setPaint(TARGET_COLOUR);
        required.setStroke(dashed());
        required.setLabel("required " + c.requiredPorts());
        required.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        required.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        required.setLabelPaint(TARGET_COLOUR);
        plot.addDomainMarker(required);
        plot.addAnnotation(new CurrentPoint(
                c.id() + "-current",
                c.currentPorts(),
                c.currentValue(),
                "configured " + c.currentPorts() + ": "
                        + ReportFormat.format(c.currentValue(), ReportFormat.Unit.PERCENT)));
        return svg(chart, c.id(), CURVE_WIDTH, CURVE_HEIGHT);
    }

    /**
     * @param id SVG element id
     * @param spans simulated spans (those with a utilisation)
     * @return a horizontal bar chart of mean and peak utilisation per span
     */
    static String utilisation(String id, List<SpanRow> spans) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SpanRow s : spans) {
            String label = s.location() + " " + s.circuit();
            data.addValue(s.utilisation() * 100.0, "mean busy", label);
            data.addValue(100.0 * s.peakBusy() / Math.max(1, s.bearerChannels()), "peak busy", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Span utilisation (simulation)",
                null,
                "% of bearer channels",
                data,
                PlotOrientation.HORIZONTAL,
                true,
                false,
                false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 100);
        CategoryAxis cats = plot.getDomainAxis();
        cats.setTickLabelFont(theme().getSmallFont());
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, CURVE_COLOUR);
        r.setSeriesPaint(1, new Color(0x9f, 0xbf, 0xdf));
        r.setItemMargin(0.0);
        int height = Math.max(200, 70 + 26 * spans.size());
        return svg(chart, id, BAR_WIDTH, height);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("report");
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        t.setChartBackgroundPaint(Color.WHITE);
        return t;
    }

    private static String svg(JFreeChart chart, String id, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height, SVGUnits.PX);
        // Deterministic and unique per chart: several SVGs share one HTML document's id space.
        g2.setDefsKeyPrefix(id + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** The configured number of ports on a curve: a filled dot and its label, grouped in the SVG. */
    private static final class CurrentPoint extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private static final double RADIUS = 5.0;

        private final String id;
        private final double ports;
        private final double value;
        private final String label;

        CurrentPoint(String id, double ports, double value, String label) {
            this.id = id;
            this.ports = ports;
            this.value = value;
            this.label = label;
        }

        @Override
        public void draw(
                Graphics2D g2,
                XYPlot plot,
                Rectangle2D dataArea,
                ValueAxis domainAxis,
                ValueAxis rangeAxis,
                int rendererIndex,
                PlotRenderingInfo info) {
            double x = domainAxis.valueToJava2D(ports, dataArea, plot.getDomainAxisEdge());
            double shown = Math.max(value, rangeAxis.getLowerBound());
            double y = rangeAxis.valueToJava2D(shown, dataArea, plot.getRangeAxisEdge());
            // Keep the whole dot inside the data area: the plot clips to it.
            x = Math.min(dataArea.getMaxX() - RADIUS, Math.max(dataArea.getMinX() + RADIUS, x));
            y = Math.min(dataArea.getMaxY() - RADIUS, Math.max(dataArea.getMinY() + RADIUS, y));
            Map<String, String> group = new LinkedHashMap<>();
            group.put("id", id);
            group.put("class", CURRENT_CLASS);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, group);
            g2.setPaint(CURRENT_COLOUR);
            g2.fill(new Ellipse2D.Double(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS));
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            float tx = (float)
                    (x + 8 + g2.getFontMetrics().stringWidth(label) > dataArea.getMaxX()
                            ? x - 8 - g2.getFontMetrics().stringWidth(label)
                            : x + 8);
            float ty = (float) (y - 8 < dataArea.getMinY() + 12 ? y + 16 : y - 8);
            g2.drawString(label, tx, ty);
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
        }
    }
}
