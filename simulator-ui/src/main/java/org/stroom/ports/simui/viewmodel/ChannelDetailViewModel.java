package org.stroom.ports.simui.viewmodel;

import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stroom.ports.simui.sim.Frame;

/**
 * The detail pane of the selected channel: its call, how long it has lasted, and its state transitions.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class ChannelDetailViewModel {
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final StringProperty title = new SimpleStringProperty(this, "title", "no channel selected");
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty call = new SimpleStringProperty(this, "call", "");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final ObservableList<String> history = FXCollections.observableArrayList();

    /** @return the selected cell index, -1 for none */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected;
    }

    /** @return e.g. {@code "a-node1/b0/s2 ch 5 (circuit DHEC.100104..SW)"} */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** @return the channel's state in words */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** @return the call on it, or {@code "none"} */
    public ReadOnlyStringProperty callProperty() {
        return call;
    }

    /** @return how long the call has lasted */
    public ReadOnlyStringProperty durationProperty() {
        return duration;
    }

    /** @return the last state transitions, oldest first */
    public ObservableList<String> history() {
        return history;
    }

    void select(int cell) {
        selected.set(cell);
        if (cell < 0) {
            title.set("no channel selected");
            state.set("");
            call.set("");
            duration.set("");
            history.clear();
        }
    }

    void apply(Optional<Frame.ChannelDetail> detail) {
        if (detail.isEmpty() || detail.get().cell() != selected.get()) {
            return;
        }
        Frame.ChannelDetail d = detail.get();
        title.set(d.title());
        state.set(d.state());
        call.set(d.call());
        duration.set(d.duration());
        if (!history.equals(d.history())) {
            history.setAll(d.history());
        }
    }
}
