package org.stroom.ports.simui.viewmodel;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.stroom.ports.simui.sim.Frame;

/**
 * Live port manager counts of one kind, machine, hunt group or span, for the counters table.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class CounterRowViewModel {
    private final String scope;
    private final String name;
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final IntegerProperty busy = new SimpleIntegerProperty(this, "busy");
    private final IntegerProperty free = new SimpleIntegerProperty(this, "free");
    private final IntegerProperty unusable = new SimpleIntegerProperty(this, "unusable");

    CounterRowViewModel(String scope, String name) {
        this.scope = scope;
        this.name = name;
    }

    /** @return {@code kind}, {@code machine}, {@code group} or {@code span} */
    public String scope() {
        return scope;
    }

    /** @return what is counted, e.g. {@code "a-node1"} */
    public String name() {
        return name;
    }

    /** @return bearer channels */
    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    /** @return busy channels */
    public ReadOnlyIntegerProperty busyProperty() {
        return busy;
    }

    /** @return free channels */
    public ReadOnlyIntegerProperty freeProperty() {
        return free;
    }

    /** @return idle but unusable channels */
    public ReadOnlyIntegerProperty unusableProperty() {
        return unusable;
    }

    void apply(Frame.CounterRow r) {
        total.set(r.total());
        busy.set(r.busy());
        free.set(r.free());
        unusable.set(r.unusable());
    }
}
