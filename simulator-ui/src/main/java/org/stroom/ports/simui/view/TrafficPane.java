package org.stroom.ports.simui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.stroom.ports.simui.viewmodel.TrafficRowViewModel;
import org.stroom.ports.simui.viewmodel.TrafficViewModel;

/**
 * Traffic per hunt group: figures so far against Erlang B, and an editor for the selected group's calls per
 * hour, fax share, voice holding time and pages per fax.
 *
 * <p>Thread-safety: FX thread only.
 */
final class TrafficPane extends VBox {
    TrafficPane(SimulatorViewModel vm) {
        super(6);
        setStyle("-fx-padding: 6;");
        TrafficViewModel t = vm.traffic();
        TableView<TrafficRowViewModel> table = new TableView<>(t.rows());
        table.setId("traffic-table");
        TableColumn<TrafficRowViewModel, String> group = new TableColumn<>("group");
        group.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        group.setPrefWidth(190);
        TableColumn<TrafficRowViewModel, String> settings = new TableColumn<>("settings");
        settings.setCellValueFactory(c -> c.getValue().settingsTextProperty());
        settings.setPrefWidth(260);
        TableColumn<TrafficRowViewModel, Number> offered = new TableColumn<>("offered");
        offered.setCellValueFactory(c -> c.getValue().offeredProperty());
        TableColumn<TrafficRowViewModel, Number> blocked = new TableColumn<>("blocked");
        blocked.setCellValueFactory(c -> c.getValue().blockedProperty());
        TableColumn<TrafficRowViewModel, String> blocking = new TableColumn<>("blocking");
        blocking.setCellValueFactory(c -> c.getValue().blockingProperty());
        blocking.setPrefWidth(170);
        TableColumn<TrafficRowViewModel, String> load = new TableColumn<>("load");
        load.setCellValueFactory(c -> c.getValue().loadProperty());
        load.setPrefWidth(130);
        table.getColumns().add(group);
        table.getColumns().add(settings);
        table.getColumns().add(offered);
        table.getColumns().add(blocked);
        table.getColumns().add(blocking);
        table.getColumns().add(load);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                t.selectedProperty().set(b);
            }
        });
        t.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        GridPane editor = new GridPane();
        editor.setHgap(6);
        editor.setVgap(4);
        editor.addRow(0, new Label("calls per hour"), field("traffic-calls", t.callsPerHourProperty()));
        editor.addRow(1, new Label("fax share %"), field("traffic-fax", t.faxPercentProperty()));
        editor.addRow(2, new Label("voice holding s"), field("traffic-holding", t.holdingSecondsProperty()));
        editor.addRow(3, new Label("pages per fax"), field("traffic-pages", t.pagesPerFaxProperty()));
        Button apply = new Button("Apply to selected group");
        apply.setId("traffic-apply");
        apply.setOnAction(e -> vm.applyTraffic());
        apply.disableProperty().bind(t.selectedProperty().isNull());
        Label error = new Label();
        error.getStyleClass().add("status-refused");
        error.textProperty().bind(t.errorProperty());
        editor.addRow(4, apply, error);
        getChildren().addAll(table, editor);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
        f.textProperty().bindBidirectional(p);
        return f;
    }
}
