package org.stroom.ports.simui.viewmodel;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A board of a machine with its span rows.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class BoardViewModel {
    private final String machine;
    private final int board;
    private final String model;
    private final List<SpanViewModel> spans;
    private final BooleanProperty faulted = new SimpleBooleanProperty(this, "faulted");

    BoardViewModel(String machine, int board, String model, List<SpanViewModel> spans) {
        this.machine = machine;
        this.board = board;
        this.model = model;
        this.spans = List.copyOf(spans);
    }

    /** @return its machine */
    public String machine() {
        return machine;
    }

    /** @return its board number */
    public int board() {
        return board;
    }

    /** @return e.g. {@code "board 0 · TR1034-4T1"} */
    public String label() {
        return "board " + board + " · " + model;
    }

    /** @return its span rows, port 1 first */
    public List<SpanViewModel> spans() {
        return spans;
    }

    /** @return whether the tester failed it */
    public ReadOnlyBooleanProperty faultedProperty() {
        return faulted;
    }

    void setFaulted(boolean f) {
        faulted.set(f);
    }
}
