package org.stroom.ports.portmgr.capacity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Human formatting of numbers in reasons and reports: locale-independent, 3 significant digits.
 *
 * <p>Thread-safety: stateless.
 */
final class Fmt {
    private Fmt() {}

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "unbounded" : "-unbounded";
        }
        if (v == 0.0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN));
        return d.stripTrailingZeros().toPlainString();
    }

    static String percent(double fraction) {
        return number(fraction * 100.0) + " %";
    }

    static String signed(int v) {
        return v > 0 ? "+" + v : Integer.toString(v);
    }
}
