package org.stroom.ports.simui.viewmodel;

import java.util.Locale;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.TrafficSettings;

/**
 * One hunt group's traffic in one direction: its settings, what happened so far, and Erlang B's prediction.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class TrafficRowViewModel {
    private final String system;
    private final String group;
    private final boolean outbound;
    private final PortKind kind;
    private final StringProperty settingsText = new SimpleStringProperty(this, "settings", "");
    private final LongProperty offered = new SimpleLongProperty(this, "offered");
    private final LongProperty carried = new SimpleLongProperty(this, "carried");
    private final LongProperty blocked = new SimpleLongProperty(this, "blocked");
    private final StringProperty blocking = new SimpleStringProperty(this, "blocking", "");
    private final StringProperty load = new SimpleStringProperty(this, "load", "");
    private TrafficSettings settings;

    TrafficRowViewModel(Frame.TrafficRow r) {
        this.system = r.system();
        this.group = r.group();
        this.outbound = r.outbound();
        this.kind = r.kind();
        apply(r);
    }

    /** @return the system */
    public String system() {
        return system;
    }

    /** @return the hunt group */
    public String group() {
        return group;
    }

    /** @return whether calls are placed through the port manager (else offered by the network) */
    public boolean outbound() {
        return outbound;
    }

    /** @return e.g. {@code "stroom-a/fax-in · in · FAX"} */
    public String label() {
        return system + "/" + group + " · " + (outbound ? "out" : "in") + " · " + kind;
    }

    /** @return the current settings */
    public TrafficSettings settings() {
        return settings;
    }

    /** @return the settings in words */
    public ReadOnlyStringProperty settingsTextProperty() {
        return settingsText;
    }

    /** @return attempts so far */
    public ReadOnlyLongProperty offeredProperty() {
        return offered;
    }

    /** @return attempts that got a channel */
    public ReadOnlyLongProperty carriedProperty() {
        return carried;
    }

    /** @return attempts that found none */
    public ReadOnlyLongProperty blockedProperty() {
        return blocked;
    }

    /** @return e.g. {@code "1.20 % (Erlang B 0.95 %)"} */
    public ReadOnlyStringProperty blockingProperty() {
        return blocking;
    }

    /** @return e.g. {@code "12.9 E on 92 ports"} */
    public ReadOnlyStringProperty loadProperty() {
        return load;
    }

    void apply(Frame.TrafficRow r) {
        settings = r.settings();
        TrafficSettings s = r.settings();
        settingsText.set(String.format(
                Locale.ROOT,
                "%.0f calls/h · fax %.0f %% · voice %.0f s · %.1f pages",
                s.callsPerHour(),
                s.faxShare() * 100,
                s.holdingSeconds(),
                s.pagesPerFax()));
        offered.set(r.offered());
        carried.set(r.carried());
        blocked.set(r.blocked());
        blocking.set(String.format(
                Locale.ROOT, "%.2f %% (Erlang B %.2f %%)", r.measuredBlocking() * 100, r.predictedBlocking() * 100));
        load.set(String.format(Locale.ROOT, "%.1f E on %d ports", r.offeredErlangs(), r.usablePorts()));
    }
}
