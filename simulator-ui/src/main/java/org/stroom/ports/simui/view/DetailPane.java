package org.stroom.ports.simui.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.viewmodel.ChannelDetailViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * The selected channel: state, call, duration and transition history, with lock and block buttons.
 *
 * <p>Thread-safety: FX thread only.
 */
final class DetailPane extends VBox {
    DetailPane(SimulatorViewModel vm) {
        super(6);
        setStyle("-fx-padding: 8;");
        ChannelDetailViewModel d = vm.detail();
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(d.titleProperty());
        Label state = new Label();
        state.textProperty().bind(d.stateProperty());
        Label call = new Label();
        call.textProperty().bind(javafx.beans.binding.Bindings.concat(d.callProperty(), "  ", d.durationProperty()));
        ListView<String> history = new ListView<>(d.history());
        history.setId("channel-history");
        VBox.setVgrow(history, Priority.ALWAYS);
        Button lock = new Button("Lock");
        Button unlock = new Button("Unlock");
        Button block = new Button("Block on board");
        Button unblock = new Button("Unblock");
        lock.setOnAction(e -> selected(vm, true, true));
        unlock.setOnAction(e -> selected(vm, true, false));
        block.setOnAction(e -> selected(vm, false, true));
        unblock.setOnAction(e -> selected(vm, false, false));
        HBox buttons = new HBox(6, lock, unlock, block, unblock);
        buttons.disableProperty().bind(d.selectedProperty().lessThan(0));
        getChildren().addAll(title, state, call, buttons, new Label("Transitions (latest last)"), history);
    }

    private static void selected(SimulatorViewModel vm, boolean lock, boolean on) {
        int cell = vm.detail().selectedProperty().get();
        if (cell < 0) {
            return;
        }
        var c = vm.spans().get(cell / 24).cells().get(cell % 24);
        if (lock) {
            vm.lockChannel(c, on);
        } else {
            vm.blockChannel(c, on);
        }
    }
}
