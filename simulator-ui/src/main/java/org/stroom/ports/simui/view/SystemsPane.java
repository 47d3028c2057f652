package org.stroom.ports.simui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.viewmodel.BoardViewModel;
import org.stroom.ports.simui.viewmodel.MachineViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;
import org.stroom.ports.simui.viewmodel.SpanViewModel;
import org.stroom.ports.simui.viewmodel.SystemViewModel;

/**
 * The installation: one titled pane per system, each machine with kill/revive, each board with fail/recover,
 * each span position as a {@link SpanRow}. Rebuilt when another description is loaded.
 *
 * <p>Thread-safety: FX thread only.
 */
public final class SystemsPane extends VBox {
    private final SimulatorViewModel vm;

    SystemsPane(SimulatorViewModel vm) {
        super(6);
        this.vm = vm;
        vm.systems().addListener((ListChangeListener<SystemViewModel>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        for (SystemViewModel s : vm.systems()) {
            VBox content = new VBox(2);
            for (MachineViewModel m : s.machines()) {
                content.getChildren().add(machine(m));
                for (BoardViewModel b : m.boards()) {
                    content.getChildren().add(board(b));
                    for (SpanViewModel span : b.spans()) {
                        content.getChildren().add(new SpanRow(vm, span));
                    }
                }
            }
            TitledPane pane = new TitledPane();
            pane.textProperty().bind(s.titleProperty());
            pane.setContent(content);
            pane.getStyleClass().add("system-pane");
            pane.setId("system-" + s.name());
            getChildren().add(pane);
        }
    }

    private HBox machine(MachineViewModel m) {
        Label name = new Label(m.label());
        name.getStyleClass().add("machine-name");
        Label state = new Label();
        state.getStyleClass().add("machine-state");
        state.textProperty()
                .bind(javafx.beans.binding.Bindings.when(m.aliveProperty())
                        .then("running")
                        .otherwise("KILLED"));
        Button kill = new Button("Kill");
        kill.setId("kill-" + m.name());
        kill.setOnAction(e -> vm.killMachine(m, true));
        kill.disableProperty().bind(m.aliveProperty().not());
        Button revive = new Button("Revive");
        revive.setId("revive-" + m.name());
        revive.setOnAction(e -> vm.killMachine(m, false));
        revive.disableProperty().bind(m.aliveProperty());
        HBox box = new HBox(name, state, kill, revive);
        box.setId(Ids.machine(m.name()));
        box.setCache(true);
        box.getStyleClass().add("machine-header");
        m.aliveProperty().addListener((o, a, alive) -> SpanRow.pseudo(box, "machine-killed", !alive));
        return box;
    }

    private HBox board(BoardViewModel b) {
        Label name = new Label(b.label());
        name.getStyleClass().add("board-name");
        Button fail = new Button("Fail board");
        fail.setOnAction(e -> vm.failBoard(b, true));
        fail.disableProperty().bind(b.faultedProperty());
        Button recover = new Button("Recover");
        recover.setOnAction(e -> vm.failBoard(b, false));
        recover.disableProperty().bind(b.faultedProperty().not());
        HBox box = new HBox(name, fail, recover);
        box.getStyleClass().add("board-header");
        box.setCache(true);
        b.faultedProperty().addListener((o, a, f) -> SpanRow.pseudo(box, "board-faulted", f));
        return box;
    }
}
