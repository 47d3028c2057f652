package org.stroom.ports.simui.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.Outcome;
import org.stroom.ports.simui.sim.TrafficSettings;

/**
 * Per-group traffic: the rows, the selected row, and an editor (calls per hour, fax share in percent, voice
 * holding time, pages per fax) whose {@link #apply()} sends the new settings to the simulation.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class TrafficViewModel {
    private final ObservableList<TrafficRowViewModel> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TrafficRowViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty callsPerHour = new SimpleStringProperty(this, "callsPerHour", "");
    private final StringProperty faxPercent = new SimpleStringProperty(this, "faxPercent", "");
    private final StringProperty holdingSeconds = new SimpleStringProperty(this, "holdingSeconds", "");
    private final StringProperty pagesPerFax = new SimpleStringProperty(this, "pagesPerFax", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BiFunction<TrafficRowViewModel, TrafficSettings, CompletableFuture<Outcome>> sender;

    TrafficViewModel(BiFunction<TrafficRowViewModel, TrafficSettings, CompletableFuture<Outcome>> sender) {
        this.sender = sender;
        selected.addListener((o, a, row) -> {
            error.set("");
            if (row != null) {
                TrafficSettings s = row.settings();
                callsPerHour.set(num(s.callsPerHour()));
                faxPercent.set(num(s.faxShare() * 100));
                holdingSeconds.set(num(s.holdingSeconds()));
                pagesPerFax.set(num(s.pagesPerFax()));
            }
        });
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** @return one row per group and direction */
    public ObservableList<TrafficRowViewModel> rows() {
        return rows;
    }

    /** @return the row being edited (bind the table's selection to it) */
    public ObjectProperty<TrafficRowViewModel> selectedProperty() {
        return selected;
    }

    /** @return calls per hour being edited */
    public StringProperty callsPerHourProperty() {
        return callsPerHour;
    }

    /** @return fax share in percent being edited */
    public StringProperty faxPercentProperty() {
        return faxPercent;
    }

    /** @return mean voice holding seconds being edited */
    public StringProperty holdingSecondsProperty() {
        return holdingSeconds;
    }

    /** @return mean pages per fax being edited */
    public StringProperty pagesPerFaxProperty() {
        return pagesPerFax;
    }

    /** @return why the last apply was refused, or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /**
     * Sends the edited settings of the selected row.
     *
     * @return the outcome; refused without sending when no row is selected or a field is not a valid number
     */
    public CompletableFuture<Outcome> apply() {
        TrafficRowViewModel row = selected.get();
        if (row == null) {
            return refuse("select a group first");
        }
        TrafficSettings s;
        try {
            s = new TrafficSettings(
                    parse("calls per hour", callsPerHour.get()),
                    parse("fax share", faxPercent.get()) / 100.0,
                    parse("voice holding time", holdingSeconds.get()),
                    parse("pages per fax", pagesPerFax.get()));
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        error.set("");
        return sender.apply(row, s);
    }

    private CompletableFuture<Outcome> refuse(String why) {
        error.set(why);
        return CompletableFuture.completedFuture(Outcome.refused(why));
    }

    private static double parse(String field, String text) {
        try {
            return Double.parseDouble(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
        }
    }

    void apply(List<Frame.TrafficRow> frameRows) {
        if (rows.size() != frameRows.size()) {
            TrafficRowViewModel keep = selected.get();
            rows.setAll(frameRows.stream().map(TrafficRowViewModel::new).toList());
            if (keep != null) {
                rows.stream()
                        .filter(r -> r.label().equals(keep.label()))
                        .findFirst()
                        .ifPresent(selected::set);
            }
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).apply(frameRows.get(i));
        }
    }

    void clear() {
        selected.set(null);
        rows.clear();
    }
}
