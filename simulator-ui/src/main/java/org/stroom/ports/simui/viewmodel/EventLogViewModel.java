package org.stroom.ports.simui.viewmodel;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.stroom.ports.simui.sim.LogCategory;
import org.stroom.ports.simui.sim.LogEntry;

/**
 * The event log: the last {@value #CAPACITY} entries, filtered by category toggles and a text that must occur in
 * the line (case-insensitive). Entries arrive in batches, one per frame.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs).
 */
public final class EventLogViewModel {
    /** Entries kept. */
    public static final int CAPACITY = 2000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(entries);
    private final Map<LogCategory, BooleanProperty> shown = new EnumMap<>(LogCategory.class);
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final LongProperty dropped = new SimpleLongProperty(this, "dropped");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);

    EventLogViewModel() {
        for (LogCategory c : LogCategory.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, c.name(), true);
            p.addListener((o, a, b) -> refilter());
            shown.put(c, p);
        }
        text.addListener((o, a, b) -> refilter());
    }

    /** @return the entries that pass the filters, oldest first */
    public ObservableList<LogEntry> visible() {
        return visible;
    }

    /** @return every entry kept, oldest first */
    public ObservableList<LogEntry> entries() {
        return entries;
    }

    /** @return whether entries of the category are shown (bind a toggle to it) */
    public BooleanProperty shownProperty(LogCategory category) {
        return shown.get(category);
    }

    /** @return the text a shown entry must contain (bind a text field to it) */
    public StringProperty textProperty() {
        return text;
    }

    /** @return whether the view keeps the newest entry in sight (bind a check box to it) */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** @return entries the engine left out of frames because too many came at once */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }

    void append(List<LogEntry> batch, long droppedNow) {
        if (droppedNow > 0) {
            dropped.set(dropped.get() + droppedNow);
        }
        if (batch.isEmpty()) {
            return;
        }
        entries.addAll(batch);
        if (entries.size() > CAPACITY) {
            entries.remove(0, entries.size() - CAPACITY);
        }
    }

    void clear() {
        entries.clear();
        dropped.set(0);
    }

    private void refilter() {
        String t = text.get() == null ? "" : text.get().toLowerCase(Locale.ROOT);
        Map<LogCategory, Boolean> on = new EnumMap<>(LogCategory.class);
        shown.forEach((c, p) -> on.put(c, p.get()));
        Predicate<LogEntry> p = e -> on.get(e.category())
                && (t.isEmpty() || e.line().toLowerCase(Locale.ROOT).contains(t));
        visible.setPredicate(p);
    }
}
