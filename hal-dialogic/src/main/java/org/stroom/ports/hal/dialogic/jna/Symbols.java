package org.stroom.ports.hal.dialogic.jna;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reverse lookup from a numeric Dialogic code to its symbolic name, built from the {@code public static
 * final} fields of a constants class that start with a prefix (e.g. {@code EGC_}). When several names share
 * a value (the vendor defines aliases such as {@code EGC_OPENH = EGC_DXOPEN}) the alphabetically first name
 * wins, so the answer never depends on reflection order.
 *
 * <p>Thread-safety: thread-safe; tables are built once per (class, prefix) and cached.
 */
public final class Symbols {
    /** Symbol returned for a code that is not in the table. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final Map<String, Map<Long, String>> TABLES = new ConcurrentHashMap<>();

    private Symbols() {}

    /**
     * @param holder constants class whose fields are scanned; never null
     * @param prefix field-name prefix selecting one family, e.g. {@code "GCEV_"}; never null
     * @param value the numeric code
     * @return the symbolic name, or {@link #UNKNOWN}
     */
    public static String name(Class<?> holder, String prefix, long value) {
        return TABLES.computeIfAbsent(holder.getName() + '#' + prefix, k -> build(holder, prefix))
                .getOrDefault(value, UNKNOWN);
    }

    private static Map<Long, String> build(Class<?> holder, String prefix) {
        Map<String, Long> byName = new TreeMap<>();
        for (Field f : holder.getDeclaredFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) || !Modifier.isPublic(m) || !f.getName().startsWith(prefix)) {
                continue;
            }
            try {
                Object v = f.get(null);
                if (v instanceof Number n) {
                    byName.put(f.getName(), n.longValue());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("constant " + f.getName() + " is not readable", e);
            }
        }
        Map<Long, String> byValue = new ConcurrentHashMap<>();
        byName.forEach((name, value) -> byValue.putIfAbsent(value, name));
        return byValue;
    }
}
