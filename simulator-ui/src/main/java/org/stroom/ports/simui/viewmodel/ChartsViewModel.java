package org.stroom.ports.simui.viewmodel;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.stroom.ports.simui.sim.Frame;

/**
 * The live charts' series over simulated minutes: ports busy, blocked requests per minute against Erlang B's
 * prediction, and carried erlangs against the prediction. Keeps the last {@value #WINDOW} points.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class ChartsViewModel {
    /** Points kept per series. */
    public static final int WINDOW = 240;

    private final ObservableList<XYChart.Data<Number, Number>> busy = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> blocked = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> blockedPredicted = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> carried = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> carriedPredicted = FXCollections.observableArrayList();

    /** @return ports busy over simulated minutes */
    public ObservableList<XYChart.Data<Number, Number>> busy() {
        return busy;
    }

    /** @return blocked attempts per simulated minute */
    public ObservableList<XYChart.Data<Number, Number>> blocked() {
        return blocked;
    }

    /** @return Erlang B's blocked attempts per minute */
    public ObservableList<XYChart.Data<Number, Number>> blockedPredicted() {
        return blockedPredicted;
    }

    /** @return carried erlangs (one simulated minute's average) */
    public ObservableList<XYChart.Data<Number, Number>> carried() {
        return carried;
    }

    /** @return Erlang B's carried erlangs */
    public ObservableList<XYChart.Data<Number, Number>> carriedPredicted() {
        return carriedPredicted;
    }

    void add(Frame.ChartSample s) {
        double t = s.simMinutes();
        push(busy, t, s.busyPorts());
        push(blocked, t, s.blockedPerMinute());
        push(blockedPredicted, t, s.predictedBlockedPerMinute());
        push(carried, t, s.carriedErlangs());
        push(carriedPredicted, t, s.predictedErlangs());
    }

    void clear() {
        busy.clear();
        blocked.clear();
        blockedPredicted.clear();
        carried.clear();
        carriedPredicted.clear();
    }

    private static void push(ObservableList<XYChart.Data<Number, Number>> series, double t, double v) {
        series.add(new XYChart.Data<>(t, v));
        if (series.size() > WINDOW) {
            series.remove(0, series.size() - WINDOW);
        }
    }
}
