package org.stroom.ports.simui.view;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.viewmodel.ChartsViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * Live charts over simulated minutes: ports busy; blocked requests per minute against Erlang B; carried erlangs
 * against Erlang B.
 *
 * <p>Thread-safety: FX thread only.
 */
final class ChartsPane extends VBox {
    ChartsPane(SimulatorViewModel vm) {
        super(4);
        ChartsViewModel c = vm.charts();
        LineChart<Number, Number> busy = chart("ports busy", "channels");
        busy.getData().add(new XYChart.Series<>("busy", c.busy()));
        LineChart<Number, Number> blocked = chart("blocked requests", "per minute");
        blocked.getData().add(new XYChart.Series<>("measured", c.blocked()));
        blocked.getData().add(new XYChart.Series<>("Erlang B", c.blockedPredicted()));
        LineChart<Number, Number> carried = chart("carried traffic", "erlangs");
        carried.getData().add(new XYChart.Series<>("measured (1 min)", c.carried()));
        carried.getData().add(new XYChart.Series<>("Erlang B", c.carriedPredicted()));
        for (LineChart<Number, Number> l : java.util.List.of(busy, blocked, carried)) {
            VBox.setVgrow(l, Priority.ALWAYS);
            getChildren().add(l);
        }
    }

    private static LineChart<Number, Number> chart(String title, String unit) {
        NumberAxis x = new NumberAxis();
        x.setLabel("simulated minutes");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        LineChart<Number, Number> l = new LineChart<>(x, y);
        l.setTitle(title);
        l.setAnimated(false);
        l.setCreateSymbols(false);
        l.setMinHeight(150);
        return l;
    }
}
