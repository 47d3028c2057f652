package org.stroom.ports.simui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.sim.LogCategory;
import org.stroom.ports.simui.sim.LogEntry;
import org.stroom.ports.simui.viewmodel.EventLogViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * The event log with a toggle per category, a text filter, and following the newest entry.
 *
 * <p>Thread-safety: FX thread only.
 */
final class EventLogPane extends VBox {
    EventLogPane(SimulatorViewModel vm) {
        super(4);
        setStyle("-fx-padding: 6;");
        EventLogViewModel log = vm.log();
        FlowPane filters = new FlowPane(4, 4);
        for (LogCategory c : LogCategory.values()) {
            ToggleButton b = new ToggleButton(c.name().toLowerCase(java.util.Locale.ROOT));
            b.setId("log-" + c.name().toLowerCase(java.util.Locale.ROOT));
            b.selectedProperty().bindBidirectional(log.shownProperty(c));
            filters.getChildren().add(b);
        }
        TextField text = new TextField();
        text.setId("log-filter");
        text.setPromptText("filter text");
        text.textProperty().bindBidirectional(log.textProperty());
        CheckBox follow = new CheckBox("follow");
        follow.selectedProperty().bindBidirectional(log.followProperty());
        Label dropped = new Label();
        dropped.textProperty().bind(javafx.beans.binding.Bindings.concat(log.droppedProperty(), " not shown"));
        filters.getChildren().addAll(text, follow, dropped);
        ListView<LogEntry> list = new ListView<>(log.visible());
        list.setId("event-log");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.line());
            }
        });
        log.visible().addListener((ListChangeListener<LogEntry>) c -> {
            if (log.followProperty().get() && !log.visible().isEmpty()) {
                list.scrollTo(log.visible().size() - 1);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(filters, list);
    }
}
