package org.stroom.ports.simui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.stroom.ports.simui.viewmodel.SpanViewModel;
import org.stroom.ports.t1.Defect;

/**
 * A span position as a row: a drag handle (port and circuit id), the alarm badge, the D-channel state, 24 cells
 * and the busy count. Dragging the handle onto a free row requests a span move (a full press-drag-release
 * gesture, which works the same on every glass platform, headless Monocle included). The handle's context menu
 * holds the span's faults and locks.
 *
 * <p>Thread-safety: FX thread only.
 */
public final class SpanRow extends HBox {
    private final SpanViewModel span;

    SpanRow(SimulatorViewModel vm, SpanViewModel span) {
        this.span = span;
        setId(Ids.span(span));
        getStyleClass().add("span-row");

        Label port = new Label(span.portLabel());
        port.getStyleClass().add("span-port");
        Label circuit = new Label();
        circuit.getStyleClass().add("span-circuit");
        circuit.textProperty()
                .bind(Bindings.when(span.circuitProperty().isEmpty())
                        .then("— free —")
                        .otherwise(span.circuitProperty()));
        HBox handle = new HBox(4, port, circuit);
        handle.setId(Ids.handle(span.key()));
        handle.getStyleClass().add("span-handle");
        Tooltip tip = new Tooltip();
        tip.textProperty()
                .bind(Bindings.concat(
                        span.key(), "\n", span.profileProperty(), "\ndrag onto a free position to move the span"));
        Tooltip.install(handle, tip);

        Label alarm = new Label();
        alarm.setId(Ids.alarm(span.key()));
        alarm.getStyleClass()
                .addAll("alarm", "alarm-" + span.alarmColourProperty().get());
        alarm.textProperty()
                .bind(Bindings.when(span.alarmsProperty().isEmpty())
                        .then(Bindings.when(span.circuitProperty().isEmpty())
                                .then("—")
                                .otherwise("OK"))
                        .otherwise(span.alarmsProperty()));
        span.alarmColourProperty().addListener((o, was, now) -> {
            alarm.getStyleClass().remove("alarm-" + was);
            alarm.getStyleClass().add("alarm-" + now);
        });

        Label d = new Label();
        d.getStyleClass().add("dchannel");
        d.textProperty()
                .bind(Bindings.when(span.dChannelProperty().isEmpty())
                        .then("")
                        .otherwise(Bindings.concat("D ", span.dChannelProperty())));
        span.dChannelProperty().addListener((o, a, b) -> pseudo(d, "dchannel-down", "down".equals(b)));

        CellStrip cells = new CellStrip(vm, span);
        Label busy = new Label();
        busy.getStyleClass().add("span-busy");
        busy.textProperty().bind(span.busyProperty());
        getChildren().addAll(handle, alarm, d, cells, busy);
        // text rarely changes but is costly to rasterise in software; cached, a repaint only blits it
        for (javafx.scene.Node n : java.util.List.of(handle, alarm, d, busy)) {
            n.setCache(true);
        }

        span.plugProperty().addListener((o, a, b) -> plugStyle(b));
        plugStyle(span.plug());
        span.lockedProperty().addListener((o, a, b) -> pseudo(this, "span-locked", b));
        span.dragSourceProperty().addListener((o, a, b) -> pseudo(this, "drag-source", b));
        span.dropHoverProperty().addListener((o, a, b) -> pseudo(this, "drop-hover", b));

        handle.setOnDragDetected(e -> {
            vm.beginDrag(span);
            handle.startFullDrag();
            e.consume();
        });
        handle.setOnMouseReleased(e -> vm.endDrag());
        setOnMouseDragEntered(e -> vm.dragHover(span, true));
        setOnMouseDragExited(e -> vm.dragHover(span, false));
        setOnMouseDragReleased(e -> {
            if (vm.dragSourceProperty().get() != null && vm.dragSourceProperty().get() != span) {
                vm.drop(span);
            }
            e.consume();
        });
        // a secondary click opens the menu on every glass platform (headless Monocle sends no menu event)
        handle.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                menu(vm).show(handle, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        handle.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                menu(vm).show(handle, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private ContextMenu menu(SimulatorViewModel vm) {
        MenuItem pull = item("Pull cable", () -> vm.pullCable(span));
        pull.setDisable(span.plug() != Frame.Plug.PLUGGED);
        MenuItem replug = item("Re-plug cable", () -> vm.replug(span));
        replug.setDisable(span.plug() != Frame.Plug.PULLED);
        Menu inject = new Menu("Inject defect");
        for (Defect d : Defect.values()) {
            inject.getItems().add(item(d.name(), () -> vm.raiseDefect(span, d)));
        }
        MenuItem clear = item("Clear defects", () -> vm.clearDefects(span));
        MenuItem dDown = item("D-channel down", () -> vm.setDChannel(span, false));
        MenuItem dUp = item("D-channel up", () -> vm.setDChannel(span, true));
        MenuItem lock = item("Lock span", () -> vm.lockSpan(span, true));
        MenuItem unlock = item("Unlock span", () -> vm.lockSpan(span, false));
        return new ContextMenu(
                pull,
                replug,
                new SeparatorMenuItem(),
                inject,
                clear,
                new SeparatorMenuItem(),
                dDown,
                dUp,
                new SeparatorMenuItem(),
                lock,
                unlock);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private void plugStyle(Frame.Plug p) {
        pseudo(this, "span-pulled", p == Frame.Plug.PULLED);
        pseudo(this, "span-empty", p == Frame.Plug.EMPTY);
    }

    static void pseudo(javafx.scene.Node n, String styleClass, boolean on) {
        if (on && !n.getStyleClass().contains(styleClass)) {
            n.getStyleClass().add(styleClass);
        } else if (!on) {
            n.getStyleClass().remove(styleClass);
        }
    }

    /** @return the row's view model */
    public SpanViewModel span() {
        return span;
    }
}
