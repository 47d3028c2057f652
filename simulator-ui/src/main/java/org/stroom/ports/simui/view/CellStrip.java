package org.stroom.ports.simui.view;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.viewmodel.ChannelViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.stroom.ports.simui.viewmodel.SpanViewModel;

/**
 * The 24 cells of a span row painted on one canvas: a cell's colour is its state ({@link Palette}), a fax shows
 * its page count, the PRI D-channel a {@code D}. One node per row instead of 24 keeps a thousand channels cheap
 * to lay out and to render; the strip repaints at most once per applied frame, and only when one of its cells
 * changed. A click selects the cell under the mouse for the detail pane; a secondary click opens its lock and
 * block menu; the tooltip describes the cell under the mouse.
 *
 * <p>Thread-safety: FX thread only.
 */
public final class CellStrip extends Canvas {
    /** Width of one cell, in pixels, including a one-pixel gap. */
    public static final double CELL = 18;
    /** Height of the strip, in pixels. */
    public static final double HEIGHT = 17;

    private static final Font FONT = Font.font("System", FontWeight.BOLD, 9);

    private final SimulatorViewModel vm;
    private final SpanViewModel span;
    private final CellState[] drawn = new CellState[24];
    private boolean dirty = true;
    private int hover = -1;

    CellStrip(SimulatorViewModel vm, SpanViewModel span) {
        super(CELL * 24, HEIGHT);
        this.vm = vm;
        this.span = span;
        setId(Ids.cells(span.key()));
        getStyleClass().add("cell-strip");
        for (ChannelViewModel c : span.cells()) {
            c.stateProperty().addListener((o, a, b) -> dirty = true);
            c.textProperty().addListener((o, a, b) -> dirty = true);
        }
        vm.detail().selectedProperty().addListener((o, a, b) -> {
            if (owns(a.intValue()) || owns(b.intValue())) {
                dirty = true;
                repaint();
            }
        });
        vm.frameSequenceProperty().addListener((o, a, b) -> repaint());
        repaint();

        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(300));
        tip.setOnShowing(e -> tip.setText(
                hover < 0
                        ? span.key()
                        : cell(hover).tooltip(vm.simNanosProperty().get())));
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> hover = index(e.getX()));
        setOnMouseExited(e -> hover = -1);
        setOnMouseClicked(e -> {
            int i = index(e.getX());
            if (i < 0) {
                return;
            }
            if (e.getButton() == MouseButton.PRIMARY) {
                vm.selectChannel(cell(i));
            } else if (e.getButton() == MouseButton.SECONDARY) {
                menu(cell(i)).show(this, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private boolean owns(int cell) {
        return cell >= 0 && cell / 24 == span.position();
    }

    private ChannelViewModel cell(int i) {
        return span.cells().get(i);
    }

    private static int index(double x) {
        int i = (int) (x / CELL);
        return i >= 0 && i < 24 ? i : -1;
    }

    private ContextMenu menu(ChannelViewModel c) {
        MenuItem details = item("Show details", () -> vm.selectChannel(c));
        MenuItem lock = item("Lock channel", () -> vm.lockChannel(c, true));
        MenuItem unlock = item("Unlock channel", () -> vm.lockChannel(c, false));
        MenuItem block = item("Block on the board", () -> vm.blockChannel(c, true));
        MenuItem unblock = item("Unblock on the board", () -> vm.blockChannel(c, false));
        return new ContextMenu(details, new SeparatorMenuItem(), lock, unlock, block, unblock);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    /** Repaints the cells if any changed since the last paint. */
    void repaint() {
        if (!dirty) {
            return;
        }
        dirty = false;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.CENTER);
        int selected = vm.detail().selectedProperty().get();
        for (int i = 0; i < 24; i++) {
            ChannelViewModel c = cell(i);
            CellState s = c.state();
            drawn[i] = s;
            double x = i * CELL;
            g.setFill(Palette.edge(s));
            g.fillRect(x, 0, CELL - 1, HEIGHT);
            g.setFill(Palette.fill(s));
            g.fillRect(x + 1, 1, CELL - 3, HEIGHT - 2);
            String text = c.textProperty().get();
            if (!text.isEmpty()) {
                g.setFill(Palette.text(s));
                g.fillText(text, x + (CELL - 1) / 2, HEIGHT - 5);
            }
            if (c.cell() == selected) {
                g.setStroke(javafx.scene.paint.Color.BLACK);
                g.setLineWidth(2);
                g.strokeRect(x + 1, 1, CELL - 3, HEIGHT - 2);
            }
        }
    }

    /**
     * @param ds0 timeslot 1..24
     * @return the state the cell was last painted in
     */
    public CellState painted(int ds0) {
        return drawn[ds0 - 1];
    }

    /** @return the span row's view model */
    public SpanViewModel span() {
        return span;
    }
}
