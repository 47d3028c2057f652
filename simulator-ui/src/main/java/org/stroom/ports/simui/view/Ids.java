package org.stroom.ports.simui.view;

import org.stroom.ports.simui.viewmodel.SpanViewModel;

/**
 * Node ids of the simulator window, for CSS and for UI tests ({@code lookup("#span-a-node1-b0-s2")}).
 *
 * <p>Thread-safety: stateless.
 */
public final class Ids {
    private Ids() {}

    /** @return e.g. {@code "span-a-node1-b0-s2"}: the span row */
    public static String span(SpanViewModel s) {
        return span(s.key());
    }

    /** @return the span row id of a position key such as {@code "a-node1/b0/s2"} */
    public static String span(String key) {
        return "span-" + clean(key);
    }

    /** @return the drag handle of a span row: {@code "handle-" + key} */
    public static String handle(String key) {
        return "handle-" + clean(key);
    }

    /** @return the alarm badge of a span row: {@code "alarm-" + key} */
    public static String alarm(String key) {
        return "alarm-" + clean(key);
    }

    /** @return the cell strip of a span row: {@code "cells-" + key} */
    public static String cells(String key) {
        return "cells-" + clean(key);
    }

    /** @return the id of a machine's header */
    public static String machine(String name) {
        return "machine-" + clean(name);
    }

    private static String clean(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
