package org.stroom.ports.simui.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stroom.ports.simui.sim.Layout;

/**
 * A Stroom System of the loaded installation with its machines.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class SystemViewModel {
    private final String name;
    private final Layout.SystemRole role;
    private final List<MachineViewModel> machines;
    private final StringProperty title = new SimpleStringProperty(this, "title");

    SystemViewModel(String name, Layout.SystemRole role, List<MachineViewModel> machines) {
        this.name = name;
        this.role = role;
        this.machines = List.copyOf(machines);
        this.title.set(name + " · " + role.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return system name */
    public String name() {
        return name;
    }

    /** @return active or passive, as described */
    public Layout.SystemRole role() {
        return role;
    }

    /** @return its machines, the Server first */
    public List<MachineViewModel> machines() {
        return machines;
    }

    /** @return e.g. {@code "stroom-b · passive · promoted"} */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    void setPromoted(boolean promoted) {
        title.set(name + " · " + role.name().toLowerCase(java.util.Locale.ROOT) + (promoted ? " · promoted" : ""));
    }
}
