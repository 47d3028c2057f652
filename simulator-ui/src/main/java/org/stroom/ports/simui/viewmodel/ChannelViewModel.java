package org.stroom.ports.simui.viewmodel;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.SimTime;

/**
 * One DS0 cell of a span row: its state (the cell's colour), the text on it (fax pages, {@code D} for the
 * D-channel) and the call behind its tooltip. Updated by {@link SimulatorViewModel#applyLatestFrame()} only when
 * the frame changes it.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class ChannelViewModel {
    private final SpanViewModel span;
    private final int cell;
    private final int ds0;
    private final ObjectProperty<CellState> state = new SimpleObjectProperty<>(this, "state", CellState.NONE);
    private final IntegerProperty pages = new SimpleIntegerProperty(this, "pages");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private long callId;
    private long callStart = Long.MIN_VALUE;

    ChannelViewModel(SpanViewModel span, int cell, int ds0) {
        this.span = span;
        this.cell = cell;
        this.ds0 = ds0;
    }

    /** @return the span row it belongs to */
    public SpanViewModel span() {
        return span;
    }

    /** @return its cell index in the frame */
    public int cell() {
        return cell;
    }

    /** @return its timeslot, 1..24 */
    public int ds0() {
        return ds0;
    }

    /** @return what the cell shows */
    public ReadOnlyObjectProperty<CellState> stateProperty() {
        return state;
    }

    /** @return the state now */
    public CellState state() {
        return state.get();
    }

    /** @return fax pages done on its call */
    public ReadOnlyIntegerProperty pagesProperty() {
        return pages;
    }

    /** @return the text drawn on the cell: the page count of a fax once a page is done, {@code D} for the D-channel, else empty */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    void apply(CellState s, int p, long id, long start) {
        state.set(s);
        pages.set(p);
        callId = id;
        callStart = start;
        text.set(
                s == CellState.FAX && p > 0
                        ? Integer.toString(p)
                        : s == CellState.D_UP || s == CellState.D_DOWN ? "D" : "");
    }

    /**
     * @param simNanos the current simulation time, for the call's duration
     * @return the tooltip: channel, state, call and how long it has lasted
     */
    public String tooltip(long simNanos) {
        StringBuilder b = new StringBuilder(span.key() + " ch " + ds0);
        span.circuit().ifPresent(c -> b.append(" (circuit ").append(c).append(')'));
        CellState s = state.get();
        b.append('\n').append(s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (s == CellState.FAX) {
            b.append(", ").append(pages.get()).append(" page(s)");
        }
        if (callId != 0) {
            b.append("\ncall #").append(callId);
            if (callStart != Long.MIN_VALUE) {
                b.append(", ").append(SimTime.duration(simNanos - callStart));
            }
        }
        return b.toString();
    }
}
