package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.stroom.ports.report.ReportFormat.Unit;

class ReportFormatTest {
    @Test
    void showsFractionsAsPercentagesWithThreeSignificantDigits() {
        assertThat(ReportFormat.format(0.0083139, Unit.PERCENT)).isEqualTo("0.831 %");
        assertThat(ReportFormat.format(0.01, Unit.PERCENT)).isEqualTo("1 %");
        assertThat(ReportFormat.format(0.1, Unit.PERCENT)).isEqualTo("10 %");
        assertThat(ReportFormat.format(1.0, Unit.PERCENT)).isEqualTo("100 %");
        assertThat(ReportFormat.format(0.048726, Unit.PERCENT)).isEqualTo("4.87 %");
        assertThat(ReportFormat.format(0.0, Unit.PERCENT)).isEqualTo("0 %");
        assertThat(ReportFormat.format(2.3e-46, Unit.PERCENT)).isEqualTo("< 0.001 %");
    }

    @Test
    void showsCountsErlangsSecondsAndMargins() {
        assertThat(ReportFormat.format(23.0, Unit.COUNT)).isEqualTo("23");
        assertThat(ReportFormat.format(12.857142, Unit.ERLANG)).isEqualTo("12.86");
        assertThat(ReportFormat.format(18.0, Unit.ERLANG)).isEqualTo("18.00");
        assertThat(ReportFormat.format(25.335, Unit.SECONDS)).isEqualTo("25.3");
        assertThat(ReportFormat.format(1234.6, Unit.SECONDS)).isEqualTo("1235");
        assertThat(ReportFormat.format(6.5e-43, Unit.SECONDS)).isEqualTo("< 0.001");
        assertThat(ReportFormat.format(131.0, Unit.SIGNED)).isEqualTo("+131");
        assertThat(ReportFormat.format(-5.0, Unit.SIGNED)).isEqualTo("-5");
        assertThat(ReportFormat.format(0.0, Unit.SIGNED)).isEqualTo("0");
    }

    @Test
    void showsAbsentAndUnboundedNumbersAsNotApplicable() {
        assertThat(ReportFormat.format(null, Unit.PERCENT)).isEqualTo(ReportFormat.NONE);
        assertThat(ReportFormat.format(Double.POSITIVE_INFINITY, Unit.SECONDS)).isEqualTo(ReportFormat.NONE);
        assertThat(ReportFormat.format(Double.NaN, Unit.ERLANG)).isEqualTo(ReportFormat.NONE);
    }

    @Property
    void percentagesReadBackWithinHalfALastDigit(@ForAll @DoubleRange(min = 0.0, max = 1.0) double fraction) {
        String text = ReportFormat.format(fraction, Unit.PERCENT);
        String digits = text.substring(0, text.length() - 2);
        double percent = fraction * 100;
        if (digits.startsWith("< ")) {
            assertThat(percent).isLessThan(ReportFormat.SMALLEST);
            return;
        }
        assertThat(Math.abs(Double.parseDouble(digits) - percent)).isLessThanOrEqualTo(Math.max(5e-3 * percent, 0.0));
    }

    @Property
    void erlangsReadBackWithinHalfACent(@ForAll @DoubleRange(min = 0.0, max = 10_000.0) double erlangs) {
        double shown = Double.parseDouble(ReportFormat.format(erlangs, Unit.ERLANG));
        assertThat(Math.abs(shown - erlangs)).isLessThanOrEqualTo(0.005 + 1e-9);
    }
}
