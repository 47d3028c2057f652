package org.stroom.ports.simui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.stroom.ports.simui.viewmodel.FailoverViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * The failover monitor's state and the latest takeover proof with its verdict, decision, plan and text.
 *
 * <p>Thread-safety: FX thread only.
 */
final class FailoverPane extends VBox {
    FailoverPane(SimulatorViewModel vm) {
        super(6);
        setStyle("-fx-padding: 8;");
        FailoverViewModel f = vm.failover();
        Label title = new Label();
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(f.titleProperty());
        Label state = new Label();
        state.setId("monitor-state");
        state.getStyleClass().add("monitor-state");
        state.textProperty().bind(Bindings.concat("monitor: ", f.stateProperty()));
        Label misses = new Label();
        misses.textProperty().bind(f.missesProperty());
        Label promoted = new Label();
        promoted.textProperty()
                .bind(Bindings.when(f.promotedProperty())
                        .then("standby PROMOTED")
                        .otherwise("standby not promoted"));
        Label server = new Label();
        server.textProperty()
                .bind(Bindings.when(f.activeServerAliveProperty())
                        .then("active Server running")
                        .otherwise("active Server DOWN"));
        Button kill = new Button("Kill active Server");
        kill.setId("kill-active");
        kill.setOnAction(e -> vm.killActiveServer());
        kill.disableProperty()
                .bind(f.availableProperty()
                        .not()
                        .or(f.activeServerAliveProperty().not()));
        Button now = new Button("Failover now");
        now.setId("failover-now");
        now.setOnAction(e -> vm.failoverNow());
        now.disableProperty().bind(f.availableProperty().not());
        CheckBox override = new CheckBox("override a FAIL proof");
        override.selectedProperty().bindBidirectional(f.overrideFailProperty());
        HBox buttons = new HBox(8, kill, now, override);

        Label grade = new Label();
        grade.setId("proof-grade");
        grade.textProperty()
                .bind(Bindings.when(f.hasProofProperty())
                        .then(Bindings.concat("proof: ", f.gradeProperty()))
                        .otherwise("no takeover proof yet"));
        f.gradeProperty().addListener((o, was, g) -> {
            grade.getStyleClass().remove("grade-" + was);
            grade.getStyleClass().add("grade-" + g);
        });
        Label cause = new Label();
        cause.setWrapText(true);
        cause.textProperty().bind(Bindings.concat(f.causeProperty(), "  ", f.createdAtProperty()));
        Label decision = new Label();
        decision.setId("proof-decision");
        decision.setWrapText(true);
        decision.textProperty().bind(f.decisionProperty());
        ListView<String> plan = new ListView<>(f.plan());
        plan.setId("proof-plan");
        plan.setPrefHeight(120);
        TextArea text = new TextArea();
        text.setId("proof-text");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        text.textProperty().bind(f.proofTextProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren()
                .addAll(
                        title,
                        state,
                        misses,
                        promoted,
                        server,
                        buttons,
                        grade,
                        cause,
                        decision,
                        new Label("plan"),
                        plan,
                        text);
    }
}
