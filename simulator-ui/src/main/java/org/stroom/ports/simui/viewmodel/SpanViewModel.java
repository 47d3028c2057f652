package org.stroom.ports.simui.viewmodel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * One span position as a row: the circuit in it, its alarm (red, blue, yellow), D-channel state, locks, busy
 * count and 24 cells. A position without a circuit plugged in is a drop target for span moves.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class SpanViewModel {
    private final int position;
    private final SpanLocation location;
    private final List<ChannelViewModel> cells;
    private final StringProperty circuit = new SimpleStringProperty(this, "circuit", "");
    private final ObjectProperty<Frame.Plug> plug = new SimpleObjectProperty<>(this, "plug", Frame.Plug.EMPTY);
    private final StringProperty alarms = new SimpleStringProperty(this, "alarms", "");
    private final StringProperty alarmColour = new SimpleStringProperty(this, "alarmColour", "none");
    private final StringProperty dChannel = new SimpleStringProperty(this, "dChannel", "");
    private final BooleanProperty locked = new SimpleBooleanProperty(this, "locked");
    private final StringProperty busy = new SimpleStringProperty(this, "busy", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final BooleanProperty dragSource = new SimpleBooleanProperty(this, "dragSource");
    private final BooleanProperty dropHover = new SimpleBooleanProperty(this, "dropHover");
    private Frame.PositionSnap last;

    SpanViewModel(Layout.PositionInfo info) {
        this.position = info.index();
        this.location = info.location();
        List<ChannelViewModel> list = new ArrayList<>(24);
        for (int ds0 = 1; ds0 <= 24; ds0++) {
            list.add(new ChannelViewModel(this, Layout.cell(position, ds0), ds0));
        }
        this.cells = Collections.unmodifiableList(list);
    }

    /** @return the position index */
    public int position() {
        return position;
    }

    /** @return machine, board and port */
    public SpanLocation location() {
        return location;
    }

    /** @return e.g. {@code "a-node1/b0/s2"} */
    public String key() {
        return location.toString();
    }

    /** @return e.g. {@code "s2"} */
    public String portLabel() {
        return "s" + location.port();
    }

    /** @return the 24 cells, timeslot 1 first */
    public List<ChannelViewModel> cells() {
        return cells;
    }

    /** @return the circuit id, empty for a free never-used position */
    public ReadOnlyStringProperty circuitProperty() {
        return circuit;
    }

    /** @return the circuit id, if any */
    public Optional<String> circuit() {
        return circuit.get().isEmpty() ? Optional.empty() : Optional.of(circuit.get());
    }

    /** @return whether the circuit is plugged in, pulled out, or there is none */
    public ReadOnlyObjectProperty<Frame.Plug> plugProperty() {
        return plug;
    }

    /** @return the plug state now */
    public Frame.Plug plug() {
        return plug.get();
    }

    /** @return declared alarms, e.g. {@code "RED"}; empty when clear */
    public ReadOnlyStringProperty alarmsProperty() {
        return alarms;
    }

    /**
     * @return the alarm colour to show: {@code red}, {@code blue}, {@code yellow}, {@code none} (clear), or
     *     {@code empty} (nothing plugged in, never used)
     */
    public ReadOnlyStringProperty alarmColourProperty() {
        return alarmColour;
    }

    /** @return {@code "up"}, {@code "down"} or empty */
    public ReadOnlyStringProperty dChannelProperty() {
        return dChannel;
    }

    /** @return whether the whole span is locked */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked;
    }

    /** @return e.g. {@code "12/23 busy"} */
    public ReadOnlyStringProperty busyProperty() {
        return busy;
    }

    /** @return the circuit's line profile */
    public ReadOnlyStringProperty profileProperty() {
        return profile;
    }

    /** @return whether this row is being dragged */
    public ReadOnlyBooleanProperty dragSourceProperty() {
        return dragSource;
    }

    /** @return whether a dragged span hovers over this (free) row */
    public ReadOnlyBooleanProperty dropHoverProperty() {
        return dropHover;
    }

    /** @return whether a circuit can be dropped here: nothing is plugged in */
    public boolean free() {
        return plug.get() != Frame.Plug.PLUGGED;
    }

    void setDragSource(boolean on) {
        dragSource.set(on);
    }

    void setDropHover(boolean on) {
        dropHover.set(on);
    }

    void apply(Frame.PositionSnap s) {
        if (s.equals(last)) {
            return;
        }
        last = s;
        circuit.set(s.circuit().orElse(""));
        plug.set(s.plug());
        alarms.set(s.alarms());
        alarmColour.set(
                s.circuit().isEmpty()
                        ? "empty"
                        : s.alarms().contains("RED")
                                ? "red"
                                : s.alarms().contains("BLUE")
                                        ? "blue"
                                        : s.alarms().contains("YELLOW") ? "yellow" : "none");
        dChannel.set(s.dChannel());
        locked.set(s.spanLocked());
        busy.set(s.circuit().isEmpty() ? "" : s.busy() + "/" + s.total() + " busy");
        profile.set(s.profile());
    }
}
