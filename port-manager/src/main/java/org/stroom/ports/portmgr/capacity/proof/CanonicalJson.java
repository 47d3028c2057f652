package org.stroom.ports.portmgr.capacity.proof;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A small canonical JSON writer: the same value always gives the same text, on any JVM, so that the text can be
 * signed and verified later.
 *
 * <p>Rules: object keys sorted by their UTF-16 code units (as in RFC 8785); no whitespace; strings escape only
 * {@code "}, {@code \} and control characters (short escapes where JSON has them, else a six-character u-escape with lower-case hex
 * case), everything else is written as is and encoded as UTF-8. Integers ({@link Integer}, {@link Long}, {@link
 * Short}, {@link Byte}) are written in plain decimal. Doubles use one fixed rule, independent of
 * {@link Double#toString}: rounded half-even to {@value #SIGNIFICANT_DIGITS} significant digits from the exact
 * binary value, trailing zeros removed, plain decimal when 1e-6 &le; |x| &lt; 1e15 (e.g. {@code 0.00662187}, {@code
 * 92}), otherwise {@code d.ddde-N} / {@code d.ddde+N}; negative zero is {@code 0}. NaN and infinities are
 * rejected: map them to a string or null before writing.
 *
 * <p>Accepted values: null, {@link Boolean}, {@link CharSequence}, {@link Enum} (its name), the numbers above,
 * {@link Map} with {@link String} keys, {@link Collection} (in iteration order).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class CanonicalJson {
    /** Significant digits kept for doubles. */
    public static final int SIGNIFICANT_DIGITS = 9;

    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal PLAIN_LOW = new BigDecimal("1e-6");
    private static final BigDecimal PLAIN_HIGH = new BigDecimal("1e15");

    private CanonicalJson() {}

    /**
     * @param value a tree of accepted values
     * @return its canonical text
     * @throws IllegalArgumentException naming the path of a value that cannot be written
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(64 * 1024);
        try {
            write(out, value);
        } catch (IllegalArgumentException e) {
            // The fast path keeps no path; walk again to name where the bad value is.
            String where = findBad(value, "$");
            where = where == null ? "$" : where;
            throw new IllegalArgumentException("canonical JSON at " + where + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * @param d a finite double
     * @return its canonical text
     * @throws IllegalArgumentException when d is NaN or infinite
     */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    "canonical JSON: " + d + " is not a JSON number; write it as a string or null");
        }
        if (d == 0.0) {
            return "0";
        }
        BigDecimal x = new BigDecimal(d).round(ROUNDING).stripTrailingZeros();
        BigDecimal abs = x.abs();
        if (abs.compareTo(PLAIN_LOW) >= 0 && abs.compareTo(PLAIN_HIGH) < 0) {
            return x.toPlainString();
        }
        String digits = x.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - x.scale();
        StringBuilder b = new StringBuilder();
        if (x.signum() < 0) {
            b.append('-');
        }
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exponent < 0 ? "-" : "+").append(Math.abs(exponent));
        return b.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof CharSequence s) {
            string(out, s);
        } else if (v instanceof Enum<?> e) {
            string(out, e.name());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            out.append(number(((Number) v).doubleValue()));
        } else if (v instanceof Map<?, ?> m) {
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) {
                if (!(k instanceof String s)) {
                    throw new IllegalArgumentException("key " + k + " is not a String; objects need string keys");
                }
                keys.add(s);
            }
            keys.sort(null);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, keys.get(i));
                out.append(':');
                write(out, m.get(keys.get(i)));
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(out, e);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName()
                    + "; convert it to a map, list, string, number, boolean or null");
        }
    }

    /** @return the path of the first value that cannot be written, or the root path */
    private static String findBad(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    return path;
                }
                String inner = findBad(e.getValue(), path + "." + e.getKey());
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (v instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                String inner = findBad(e, path + "[" + i++ + "]");
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        boolean ok = v == null
                || v instanceof Boolean
                || v instanceof CharSequence
                || v instanceof Enum<?>
                || v instanceof Integer
                || v instanceof Long
                || v instanceof Short
                || v instanceof Byte
                || ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue()));
        return ok ? null : path;
    }

    private static void string(StringBuilder out, CharSequence s) {
        out.append('"');
        int n = s.length();
        int plain = 0;
        while (plain < n) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        out.append(s, 0, plain);
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
