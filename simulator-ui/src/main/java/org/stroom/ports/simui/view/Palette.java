package org.stroom.ports.simui.view;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.stroom.ports.simui.sim.CellState;

/**
 * The colours of the cell states, shared by the span rows' cell strips and the legend.
 *
 * <p>Thread-safety: immutable.
 */
public final class Palette {
    private static final Map<CellState, Color[]> COLOURS = new EnumMap<>(CellState.class);

    static {
        put(CellState.NONE, "#eeeeee", "#ffffff", "#000000");
        put(CellState.IDLE, "#c8d6c9", "#e8f5e9", "#000000");
        put(CellState.RINGING, "#c9a63a", "#ffd54f", "#000000");
        put(CellState.DIALLING, "#c77f2c", "#ffab40", "#000000");
        put(CellState.VOICE, "#1e6fb3", "#42a5f5", "#ffffff");
        put(CellState.FAX, "#1a7a70", "#26a69a", "#ffffff");
        put(CellState.CLEARING, "#8a78b0", "#b39ddb", "#000000");
        put(CellState.BLOCKED, "#4a4a4a", "#757575", "#ffffff");
        put(CellState.OUT_OF_SERVICE, "#c06f6f", "#ef9a9a", "#000000");
        put(CellState.LOCKED, "#3f0f5e", "#6a1b9a", "#ffffff");
        put(CellState.D_UP, "#bdbdbd", "#fafafa", "#2e7d32");
        put(CellState.D_DOWN, "#bdbdbd", "#fafafa", "#d32f2f");
    }

    private Palette() {}

    private static void put(CellState s, String edge, String fill, String text) {
        COLOURS.put(s, new Color[] {Color.web(edge), Color.web(fill), Color.web(text)});
    }

    /** @return the cell's edge colour */
    public static Color edge(CellState s) {
        return COLOURS.get(s)[0];
    }

    /** @return the cell's fill colour */
    public static Color fill(CellState s) {
        return COLOURS.get(s)[1];
    }

    /** @return the colour of the text on the cell */
    public static Color text(CellState s) {
        return COLOURS.get(s)[2];
    }

    /** @return a CSS background for a legend swatch, e.g. {@code "-fx-background-color: #c8d6c9, #e8f5e9"} */
    public static String css(CellState s) {
        return "-fx-background-color: " + web(edge(s)) + ", " + web(fill(s)) + "; -fx-background-insets: 0, 1;";
    }

    private static String web(Color c) {
        return String.format(
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
