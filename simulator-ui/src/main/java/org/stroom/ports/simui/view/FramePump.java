package org.stroom.ports.simui.view;

import javafx.animation.AnimationTimer;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * Applies the simulation's newest frame once per JavaFX pulse: however many events happened since the last
 * pulse, the view model is updated once (never one {@code Platform.runLater} per event).
 *
 * <p>Thread-safety: FX thread only.
 */
public final class FramePump extends AnimationTimer {
    private final SimulatorViewModel vm;

    /** @param vm the view model to update */
    public FramePump(SimulatorViewModel vm) {
        this.vm = vm;
    }

    @Override
    public void handle(long now) {
        vm.applyLatestFrame();
    }
}
