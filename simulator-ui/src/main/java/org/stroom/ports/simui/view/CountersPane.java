package org.stroom.ports.simui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.stroom.ports.simui.viewmodel.CounterRowViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * Live port manager counts per kind, machine, hunt group and span.
 *
 * <p>Thread-safety: FX thread only.
 */
final class CountersPane extends TableView<CounterRowViewModel> {
    CountersPane(SimulatorViewModel vm) {
        super(vm.counters());
        setId("counters");
        TableColumn<CounterRowViewModel, String> scope = new TableColumn<>("scope");
        scope.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().scope()));
        TableColumn<CounterRowViewModel, String> name = new TableColumn<>("name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(190);
        getColumns().add(scope);
        getColumns().add(name);
        getColumns().add(number("total", r -> r.totalProperty()));
        getColumns().add(number("busy", r -> r.busyProperty()));
        getColumns().add(number("free", r -> r.freeProperty()));
        getColumns().add(number("unusable", r -> r.unusableProperty()));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<CounterRowViewModel, Number> number(
            String title,
            java.util.function.Function<CounterRowViewModel, javafx.beans.value.ObservableValue<Number>> f) {
        TableColumn<CounterRowViewModel, Number> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> f.apply(c.getValue()));
        return col;
    }
}
