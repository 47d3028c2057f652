package org.stroom.ports.simui.view;

import java.io.File;
import java.net.URL;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * The simulator window: a toolbar (open, traffic, clock, failover, report), the installation's span rows on the
 * left, tabs on the right (channel, counters, charts, traffic, event log, failover), a status bar below. It only
 * binds to {@link SimulatorViewModel} and calls its commands.
 *
 * <p>Thread-safety: FX thread only.
 */
public final class MainView {
    /** The stylesheet, on the class path beside this class. */
    public static final String STYLESHEET = "simulator.css";

    private final BorderPane root = new BorderPane();
    private final SimulatorViewModel vm;
    private final TabPane tabs = new TabPane();

    /** @param vm the view model to show */
    public MainView(SimulatorViewModel vm) {
        this.vm = vm;
        root.setTop(toolbar());
        ScrollPane left = new ScrollPane(new SystemsPane(vm));
        left.setFitToWidth(true);
        left.setId("systems");
        tabs.getTabs()
                .addAll(
                        tab("Channel", new DetailPane(vm)),
                        tab("Counters", new CountersPane(vm)),
                        tab("Charts", new ChartsPane(vm)),
                        tab("Traffic", new TrafficPane(vm)),
                        tab("Event log", new EventLogPane(vm)),
                        tab("Failover", new FailoverPane(vm)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(left, tabs);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        root.setCenter(split);
        root.setBottom(statusBar());
        URL css = MainView.class.getResource(STYLESHEET);
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
    }

    /** @return the root node to put in a scene */
    public Parent root() {
        return root;
    }

    /**
     * Shows a tab.
     *
     * @param title its title, e.g. {@code "Failover"}
     */
    public void showTab(String title) {
        tabs.getTabs().stream()
                .filter(t -> t.getText().equals(title))
                .findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private ToolBar toolbar() {
        Button open = button("open", "Open…", () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a system description");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File f = fc.showOpenDialog(window());
            if (f != null) {
                vm.open(f.toPath());
            }
        });
        Button def = button("open-default", "Default", vm::openDefault);
        Button start = button("start-traffic", "Start traffic", vm::startTraffic);
        start.disableProperty().bind(vm.trafficRunningProperty());
        Button stop = button("stop-traffic", "Stop traffic", vm::stopTraffic);
        stop.disableProperty().bind(vm.trafficRunningProperty().not());
        Button pause = button("pause", "", vm::togglePause);
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Run").otherwise("Pause"));
        Button step = button("step", "Step", vm::step);
        step.disableProperty().bind(vm.pausedProperty().not());
        Slider speed = new Slider(0, 3, 0);
        speed.setId("speed");
        speed.setPrefWidth(150);
        speed.valueProperty().bindBidirectional(vm.speedExponentProperty());
        Label speedText = new Label();
        speedText.textProperty().bind(vm.speedTextProperty());
        Label time = new Label();
        time.getStyleClass().add("sim-time");
        time.setId("sim-time");
        time.textProperty().bind(vm.simTimeProperty());
        Button kill = button("toolbar-kill-active", "Kill active Server", vm::killActiveServer);
        kill.disableProperty().bind(vm.failover().availableProperty().not());
        Button failover = button("toolbar-failover-now", "Failover now", vm::failoverNow);
        failover.disableProperty().bind(vm.failover().availableProperty().not());
        Button report = button("export-report", "Export report…", () -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export the capacity-planning report");
            fc.setInitialFileName("capacity-report.txt");
            File f = fc.showSaveDialog(window());
            if (f != null) {
                vm.exportReport(f.toPath());
            }
        });
        return new ToolBar(
                open,
                def,
                new Separator(),
                start,
                stop,
                new Separator(),
                pause,
                step,
                new Label("speed"),
                speed,
                speedText,
                time,
                new Separator(),
                kill,
                failover,
                new Separator(),
                report);
    }

    private HBox statusBar() {
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        vm.statusRefusedProperty().addListener((o, a, b) -> SpanRow.pseudo(status, "status-refused", b));
        Label stats = new Label();
        stats.textProperty().bind(vm.engineStatsProperty());
        HBox legend = new HBox();
        legend.getStyleClass().add("legend");
        for (CellState s : new CellState[] {
            CellState.IDLE,
            CellState.RINGING,
            CellState.DIALLING,
            CellState.VOICE,
            CellState.FAX,
            CellState.CLEARING,
            CellState.BLOCKED,
            CellState.OUT_OF_SERVICE,
            CellState.LOCKED
        }) {
            javafx.scene.layout.Region cell = new javafx.scene.layout.Region();
            cell.getStyleClass().add("swatch");
            cell.setStyle(Palette.css(s));
            legend.getChildren()
                    .addAll(
                            cell,
                            new Label(
                                    s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        }
        HBox bar = new HBox(title, status, stats, legend);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
