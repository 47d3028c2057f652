package org.stroom.ports.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one function that turns a report number into text, so the HTML, the PDF and the chart labels agree.
 * Locale-independent (a dot for decimals, no grouping), so the text parses back with {@link Double#parseDouble}
 * after the unit suffix is removed.
 *
 * <p>Thread-safety: stateless.
 */
public final class ReportFormat {
    /** Shown for a number that does not apply or is unbounded (JSON null). */
    public static final String NONE = "n/a";

    /** Smallest magnitude shown with digits by the three-significant-digit units; smaller ones show as a bound. */
    public static final double SMALLEST = 1e-3;

    private static final String SMALLEST_TEXT = "0.001";

    private ReportFormat() {}

    /**
     * How a number is shown.
     *
     * <p>Thread-safety: immutable.
     */
    public enum Unit {
        /** A whole count: ports, spans, calls. */
        COUNT(1.0, ""),
        /** Erlangs with two decimals. */
        ERLANG(1.0, ""),
        /**
         * A fraction shown as a percentage with three significant digits, e.g. {@code 0.00831 -> "0.831 %"}; below
         * 0.001 % it shows {@code "< 0.001 %"}.
         */
        PERCENT(100.0, " %"),
        /** Seconds with three significant digits (whole seconds from 1000 on; {@code "< 0.001"} below 0.001). */
        SECONDS(1.0, ""),
        /** Any other quantity (e.g. hours) with three significant digits (whole from 1000 on). */
        NUMBER(1.0, ""),
        /** A signed whole count, e.g. a margin: {@code "+12"}, {@code "-3"}. */
        SIGNED(1.0, "");

        private final double scale;
        private final String suffix;

        Unit(double scale, String suffix) {
            this.scale = scale;
            this.suffix = suffix;
        }

        /** @return factor from the stored value to the shown one (100 for percentages) */
        public double scale() {
            return scale;
        }

        /** @return text after the number, e.g. {@code " %"} */
        public String suffix() {
            return suffix;
        }

        /** @return the name used in the HTML {@code data-unit} attribute */
        public String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param value the stored value, or null
     * @param unit how to show it
     * @return the text: {@link #NONE} for null, NaN or infinity
     */
    public static String format(Double value, Unit unit) {
        if (value == null || !Double.isFinite(value)) {
            return NONE;
        }
        double v = value * unit.scale();
        String digits;
        switch (unit) {
            case COUNT -> digits = Long.toString(Math.round(v));
            case SIGNED -> {
                long n = Math.round(v);
                digits = n > 0 ? "+" + n : Long.toString(n);
            }
            case ERLANG ->
                digits = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            case PERCENT, SECONDS, NUMBER -> digits = significant(v);
            default -> throw new IllegalArgumentException("ReportFormat: unit " + unit + " has no format");
        }
        return digits + unit.suffix();
    }

    private static String significant(double v) {
        if (v == 0.0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return Long.toString(Math.round(v));
        }
        if (Math.abs(v) < SMALLEST) {
            return (v < 0 ? "> -" : "< ") + SMALLEST_TEXT;
        }
        return new BigDecimal(v)
                .round(new MathContext(3, RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
    }
}
