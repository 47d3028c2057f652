package org.stroom.ports.simui.viewmodel;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A machine (the Server or a Node) with its boards.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class MachineViewModel {
    private final String name;
    private final boolean server;
    private final List<BoardViewModel> boards;
    private final BooleanProperty alive = new SimpleBooleanProperty(this, "alive", true);

    MachineViewModel(String name, boolean server, List<BoardViewModel> boards) {
        this.name = name;
        this.server = server;
        this.boards = List.copyOf(boards);
    }

    /** @return machine name */
    public String name() {
        return name;
    }

    /** @return whether it is the Server */
    public boolean server() {
        return server;
    }

    /** @return e.g. {@code "a-node1 · Node"} */
    public String label() {
        return name + " · " + (server ? "Server" : "Node");
    }

    /** @return its boards */
    public List<BoardViewModel> boards() {
        return boards;
    }

    /** @return whether it runs (not killed) */
    public ReadOnlyBooleanProperty aliveProperty() {
        return alive;
    }

    void setAlive(boolean a) {
        alive.set(a);
    }
}
