package org.stroom.ports.simui.view;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.viewmodel.ChannelViewModel;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * One DS0 cell: coloured by its state's style class, the fax page count or {@code D} on it, a tooltip built when
 * shown, a click selects it for the detail pane, and a context menu locks or blocks it.
 *
 * <p>Thread-safety: FX thread only.
 */
public final class ChannelCell extends Label {
    private final ChannelViewModel channel;

    ChannelCell(SimulatorViewModel vm, ChannelViewModel channel) {
        this.channel = channel;
        setId(Ids.cell(channel));
        getStyleClass().addAll("cell", channel.state().styleClass());
        textProperty().bind(channel.textProperty());
        channel.stateProperty().addListener((o, was, now) -> {
            getStyleClass().remove(was.styleClass());
            getStyleClass().add(now.styleClass());
        });
        setOnMouseEntered(e -> {
            if (getTooltip() == null) {
                Tooltip t = new Tooltip();
                t.setOnShowing(
                        ev -> t.setText(channel.tooltip(vm.simNanosProperty().get())));
                setTooltip(t);
            }
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                vm.selectChannel(channel);
            }
        });
        vm.detail().selectedProperty().addListener((o, a, b) -> {
            if (b.intValue() == channel.cell()) {
                getStyleClass().add("cell-selected");
            } else {
                getStyleClass().remove("cell-selected");
            }
        });
        MenuItem lock = new MenuItem("Lock channel");
        lock.setOnAction(e -> vm.lockChannel(channel, true));
        MenuItem unlock = new MenuItem("Unlock channel");
        unlock.setOnAction(e -> vm.lockChannel(channel, false));
        MenuItem block = new MenuItem("Block on the board");
        block.setOnAction(e -> vm.blockChannel(channel, true));
        MenuItem unblock = new MenuItem("Unblock on the board");
        unblock.setOnAction(e -> vm.blockChannel(channel, false));
        MenuItem details = new MenuItem("Show details");
        details.setOnAction(e -> vm.selectChannel(channel));
        setContextMenu(new ContextMenu(details, new SeparatorMenuItem(), lock, unlock, block, unblock));
    }

    /** @return the cell's view model */
    public ChannelViewModel channel() {
        return channel;
    }

    /** @return the state shown */
    public CellState state() {
        return channel.state();
    }
}
