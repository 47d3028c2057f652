package org.stroom.ports.simui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.sim.DefaultSystem;
import org.stroom.ports.simui.sim.CellState;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.Layout;
import org.stroom.ports.simui.sim.Outcome;
import org.stroom.ports.simui.sim.SimEngine;
import org.stroom.ports.simui.sim.SimTime;
import org.stroom.ports.simui.sim.TrafficSettings;
import org.stroom.ports.t1.Defect;

/**
 * The simulator window's view model: the loaded installation as a tree of systems, machines, boards, span rows
 * and cells; clock, counters, charts, traffic, event log, failover monitor and channel detail; and every tester
 * action as a command method that posts to the simulation thread ({@link SimEngine}) and returns its outcome.
 *
 * <p>State only changes in {@link #applyLatestFrame()}, which the view calls once per JavaFX pulse: it takes the
 * engine's newest {@link Frame} (however many events happened since the last one) and sets only the properties
 * that changed. Tests call it directly, without a display.
 *
 * <p>Thread-safety: FX thread only (or one test thread when no toolkit runs); command outcomes complete on the
 * simulation thread.
 */
public final class SimulatorViewModel implements AutoCloseable {
    /**
     * Opens a simulation for a description.
     *
     * <p>Thread-safety: implementations are called on the FX thread.
     */
    @FunctionalInterface
    public interface EngineFactory {
        /**
         * @param description a validated description
         * @param title what to call it
         * @return a running engine
         */
        SimEngine open(SystemDescription description, String title);
    }

    /** Title of the embedded default installation. */
    public static final String DEFAULT_TITLE = "(embedded) default-system.yaml";

    private final EngineFactory factory;
    private SimEngine engine;
    private long lastSequence;
    private final ObservableList<SystemViewModel> systems = FXCollections.observableArrayList();
    private final List<SpanViewModel> spans = new ArrayList<>();
    private final Map<String, MachineViewModel> machines = new HashMap<>();
    private final Map<String, BoardViewModel> boards = new HashMap<>();
    private ChannelViewModel[] cells = new ChannelViewModel[0];
    private byte[] shownState = new byte[0];
    private short[] shownPages = new short[0];
    private long[] shownCall = new long[0];

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final LongProperty simNanos = new SimpleLongProperty(this, "simNanos");
    private final StringProperty simTime = new SimpleStringProperty(this, "simTime", SimTime.format(0));
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final DoubleProperty speedExponent = new SimpleDoubleProperty(this, "speedExponent", 0);
    private final StringProperty speedText = new SimpleStringProperty(this, "speedText", "×1");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final BooleanProperty trafficRunning = new SimpleBooleanProperty(this, "trafficRunning");
    private final StringProperty engineStats = new SimpleStringProperty(this, "engineStats", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty statusRefused = new SimpleBooleanProperty(this, "statusRefused");
    private final LongProperty applyNanos = new SimpleLongProperty(this, "applyNanos");
    private final LongProperty frameSequence = new SimpleLongProperty(this, "frameSequence");
    private final ObjectProperty<SpanViewModel> dragSource = new SimpleObjectProperty<>(this, "dragSource");
    private final ObservableList<CounterRowViewModel> counters = FXCollections.observableArrayList();
    private final Map<String, CounterRowViewModel> counterByKey = new HashMap<>();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final EventLogViewModel log = new EventLogViewModel();
    private final FailoverViewModel failover = new FailoverViewModel();
    private final ChannelDetailViewModel detail = new ChannelDetailViewModel();
    private final TrafficViewModel traffic;
    private boolean settingSpeedFromFrame;

    /** @param factory opens engines for loaded descriptions */
    public SimulatorViewModel(EngineFactory factory) {
        this.factory = Objects.requireNonNull(factory, "SimulatorViewModel: factory");
        this.traffic =
                new TrafficViewModel((row, s) -> engine().setTraffic(row.system(), row.group(), row.outbound(), s));
        speedExponent.addListener((o, a, b) -> {
            if (!settingSpeedFromFrame && engine != null) {
                engine.setSpeed(speedOf(b.doubleValue()));
            }
        });
    }

    /** @return 10^exponent rounded to a readable factor, 1..1000 */
    static double speedOf(double exponent) {
        double s = Math.pow(10, Math.max(0, Math.min(3, exponent)));
        return s < 10 ? Math.round(s * 10) / 10.0 : Math.round(s);
    }

    // ------------------------------------------------------------------ loading

    /** Loads the embedded default installation (Mode 2 pair: stroom-a active, stroom-b passive). */
    public void openDefault() {
        load(DefaultSystem.description(), DEFAULT_TITLE);
    }

    /**
     * Loads a system description file; on a problem the current simulation stays and the status says why.
     *
     * @param file a YAML system description
     * @return the outcome
     */
    public Outcome open(Path file) {
        SystemDescription d;
        try {
            d = DescriptionReader.read(file);
        } catch (RuntimeException e) {
            Outcome o = Outcome.refused("cannot open " + file + ": " + e.getMessage());
            status.set(o.message());
            statusRefused.set(true);
            return o;
        }
        load(d, file.getFileName().toString());
        return Outcome.done("opened " + file);
    }

    /**
     * Replaces the running simulation by one of {@code description}.
     *
     * @param description a validated description
     * @param name what to call it
     */
    public void load(SystemDescription description, String name) {
        SimEngine next = factory.open(description, name);
        if (engine != null) {
            engine.close();
        }
        engine = next;
        lastSequence = 0;
        build(next.layout());
        title.set(name);
        loaded.set(true);
        counters.clear();
        counterByKey.clear();
        charts.clear();
        log.clear();
        traffic.clear();
        detail.select(-1);
        applyLatestFrame();
    }

    private void build(Layout layout) {
        spans.clear();
        machines.clear();
        boards.clear();
        for (Layout.PositionInfo p : layout.positions()) {
            spans.add(new SpanViewModel(p));
        }
        List<SystemViewModel> list = new ArrayList<>();
        for (Layout.SystemInfo s : layout.systems()) {
            List<MachineViewModel> ms = new ArrayList<>();
            for (Layout.MachineInfo m : s.machines()) {
                List<BoardViewModel> bs = new ArrayList<>();
                for (Layout.BoardInfo b : m.boards()) {
                    BoardViewModel bvm = new BoardViewModel(
                            m.name(),
                            b.board(),
                            b.model(),
                            b.positions().stream().map(spans::get).toList());
                    boards.put(m.name() + "/" + b.board(), bvm);
                    bs.add(bvm);
                }
                MachineViewModel mvm = new MachineViewModel(m.name(), m.server(), bs);
                machines.put(m.name(), mvm);
                ms.add(mvm);
            }
            list.add(new SystemViewModel(s.name(), s.role(), ms));
        }
        int n = layout.cellCount();
        cells = new ChannelViewModel[n];
        for (SpanViewModel s : spans) {
            for (ChannelViewModel c : s.cells()) {
                cells[c.cell()] = c;
            }
        }
        shownState = new byte[n];
        shownPages = new short[n];
        shownCall = new long[n];
        systems.setAll(list);
    }

    // ------------------------------------------------------------------ frames

    /**
     * Applies the engine's newest frame, if it is newer than the last one applied. Call once per pulse.
     *
     * @return whether a frame was applied
     */
    public boolean applyLatestFrame() {
        if (engine == null) {
            return false;
        }
        Frame f = engine.latestFrame();
        if (f == null || f.sequence() == lastSequence) {
            return false;
        }
        long t0 = System.nanoTime();
        lastSequence = f.sequence();
        Frame.Clock c = f.clock();
        simNanos.set(c.simNanos());
        simTime.set(SimTime.format(c.simNanos()));
        if (speed.get() != c.speed()) {
            speed.set(c.speed());
            settingSpeedFromFrame = true;
            try {
                speedExponent.set(Math.log10(c.speed()));
            } finally {
                settingSpeedFromFrame = false;
            }
        }
        speedText.set("×"
                + (c.speed() < 10 ? String.format(java.util.Locale.ROOT, "%.1f", c.speed()) : Math.round(c.speed())));
        paused.set(c.paused());
        trafficRunning.set(c.trafficRunning());
        engineStats.set(String.format(
                java.util.Locale.ROOT,
                "achieved ×%.0f · %.0f events/s · frame %.2f ms",
                c.achievedSpeed(),
                f.stats().eventsPerSecond(),
                f.stats().buildNanos() / 1e6));
        for (int i = 0; i < spans.size(); i++) {
            spans.get(i).apply(f.positions().get(i));
        }
        for (int i = 0; i < cells.length; i++) {
            CellState s = f.state(i);
            int p = f.pages(i);
            long call = f.callId(i);
            if (shownState[i] != s.ordinal() || shownPages[i] != p || shownCall[i] != call) {
                shownState[i] = (byte) s.ordinal();
                shownPages[i] = (short) p;
                shownCall[i] = call;
                cells[i].apply(s, p, call, f.callStart(i));
            }
        }
        for (Frame.MachineSnap m : f.machines()) {
            MachineViewModel mvm = machines.get(m.name());
            if (mvm != null) {
                mvm.setAlive(m.alive());
                for (BoardViewModel b : mvm.boards()) {
                    b.setFaulted(m.faultedBoards().contains(b.board()));
                }
            }
        }
        applyCounters(f.counters());
        traffic.apply(f.traffic());
        f.chart().ifPresent(charts::add);
        log.append(f.log(), f.logDropped());
        failover.apply(f.failover());
        f.failover().ifPresent(fo -> systems.stream()
                .filter(s -> s.name().equals(fo.standby()))
                .forEach(s -> s.setPromoted(fo.promoted())));
        detail.apply(f.detail());
        if (!f.status().isEmpty()) {
            status.set(f.status());
            statusRefused.set(!f.statusOk());
        }
        applyNanos.set(System.nanoTime() - t0);
        frameSequence.set(f.sequence());
        return true;
    }

    private void applyCounters(List<Frame.CounterRow> rows) {
        boolean rebuild = rows.size() != counters.size();
        if (!rebuild) {
            for (int i = 0; i < rows.size(); i++) {
                CounterRowViewModel vm = counters.get(i);
                if (!vm.name().equals(rows.get(i).name())
                        || !vm.scope().equals(rows.get(i).scope())) {
                    rebuild = true;
                    break;
                }
            }
        }
        if (rebuild) {
            List<CounterRowViewModel> list = new ArrayList<>();
            counterByKey.clear();
            for (Frame.CounterRow r : rows) {
                CounterRowViewModel vm = new CounterRowViewModel(r.scope(), r.name());
                counterByKey.put(r.scope() + ":" + r.name(), vm);
                list.add(vm);
            }
            counters.setAll(list);
        }
        for (int i = 0; i < rows.size(); i++) {
            counters.get(i).apply(rows.get(i));
        }
    }

    // ------------------------------------------------------------------ structure and state

    /** @return the running engine */
    public SimEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("no simulation loaded; call openDefault() or open(file) first");
        }
        return engine;
    }

    /** @return the systems of the loaded installation */
    public ObservableList<SystemViewModel> systems() {
        return systems;
    }

    /** @return every span row, by position index */
    public List<SpanViewModel> spans() {
        return java.util.Collections.unmodifiableList(spans);
    }

    /**
     * @param key e.g. {@code "a-node1/b0/s2"}
     * @return that span row
     * @throws IllegalArgumentException when there is none
     */
    public SpanViewModel span(String key) {
        return spans.stream()
                .filter(s -> s.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no span position " + key));
    }

    /**
     * @param name machine name
     * @return its view model
     * @throws IllegalArgumentException when there is none
     */
    public MachineViewModel machine(String name) {
        MachineViewModel m = machines.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no machine " + name);
        }
        return m;
    }

    /** @return what is loaded */
    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** @return whether a simulation is loaded */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** @return simulation time in nanoseconds */
    public ReadOnlyLongProperty simNanosProperty() {
        return simNanos;
    }

    /** @return simulation time as {@code hh:mm:ss.mmm} */
    public ReadOnlyStringProperty simTimeProperty() {
        return simTime;
    }

    /** @return the clock speed the engine runs at */
    public ReadOnlyDoubleProperty speedProperty() {
        return speed;
    }

    /** @return log10 of the wanted speed, 0..3 (bind a slider to it; changing it changes the speed) */
    public DoubleProperty speedExponentProperty() {
        return speedExponent;
    }

    /** @return e.g. {@code "×100"} */
    public ReadOnlyStringProperty speedTextProperty() {
        return speedText;
    }

    /** @return whether the clock is paused */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    /** @return whether traffic is offered */
    public ReadOnlyBooleanProperty trafficRunningProperty() {
        return trafficRunning;
    }

    /** @return achieved speed, event rate and frame build time */
    public ReadOnlyStringProperty engineStatsProperty() {
        return engineStats;
    }

    /** @return the outcome of the last command */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** @return whether the last command was refused */
    public ReadOnlyBooleanProperty statusRefusedProperty() {
        return statusRefused;
    }

    /** @return real nanoseconds the last {@link #applyLatestFrame()} took */
    public ReadOnlyLongProperty applyNanosProperty() {
        return applyNanos;
    }

    /** @return the sequence number of the last frame applied (see {@link Frame#sequence()}) */
    public ReadOnlyLongProperty frameSequenceProperty() {
        return frameSequence;
    }

    /** @return the span row being dragged, or null */
    public ReadOnlyObjectProperty<SpanViewModel> dragSourceProperty() {
        return dragSource;
    }

    /** @return live counts per kind, machine, group and span */
    public ObservableList<CounterRowViewModel> counters() {
        return counters;
    }

    /** @return the charts */
    public ChartsViewModel charts() {
        return charts;
    }

    /** @return the event log */
    public EventLogViewModel log() {
        return log;
    }

    /** @return the failover monitor and proof */
    public FailoverViewModel failover() {
        return failover;
    }

    /** @return the selected channel's details */
    public ChannelDetailViewModel detail() {
        return detail;
    }

    /** @return per-group traffic */
    public TrafficViewModel traffic() {
        return traffic;
    }

    // ------------------------------------------------------------------ commands

    /** @return the outcome: every group's traffic starts */
    public CompletableFuture<Outcome> startTraffic() {
        return engine().startTraffic();
    }

    /** @return the outcome: no new calls */
    public CompletableFuture<Outcome> stopTraffic() {
        return engine().stopTraffic();
    }

    /** @return the outcome: simulated time stands still */
    public CompletableFuture<Outcome> pause() {
        return engine().pause();
    }

    /** @return the outcome: simulated time runs again */
    public CompletableFuture<Outcome> resume() {
        return engine().resume();
    }

    /** @return the outcome of pausing when running, or resuming when paused */
    public CompletableFuture<Outcome> togglePause() {
        return paused.get() ? resume() : pause();
    }

    /** @return the outcome: while paused, runs the next scheduled action */
    public CompletableFuture<Outcome> step() {
        return engine().step();
    }

    /**
     * @param factor simulated seconds per real second, 1..1000
     * @return the outcome
     */
    public CompletableFuture<Outcome> setSpeed(double factor) {
        return engine().setSpeed(factor);
    }

    /** @return the outcome: the span's cable is pulled out */
    public CompletableFuture<Outcome> pullCable(SpanViewModel span) {
        return engine().pullCable(span.position());
    }

    /** @return the outcome: the span's pulled cable is plugged back in */
    public CompletableFuture<Outcome> replug(SpanViewModel span) {
        return engine().replug(span.position());
    }

    /** @return the outcome: the defect is injected on the span */
    public CompletableFuture<Outcome> raiseDefect(SpanViewModel span, Defect defect) {
        return engine().raiseDefect(span.position(), defect);
    }

    /** @return the outcome: the span's injected defects are removed */
    public CompletableFuture<Outcome> clearDefects(SpanViewModel span) {
        return engine().clearDefects(span.position());
    }

    /** @return the outcome: the span's D-channel is forced down, or released */
    public CompletableFuture<Outcome> setDChannel(SpanViewModel span, boolean up) {
        return engine().setDChannel(span.position(), up);
    }

    /** @return the outcome: the span is locked or unlocked */
    public CompletableFuture<Outcome> lockSpan(SpanViewModel span, boolean lock) {
        return engine().lockSpan(span.position(), lock);
    }

    /** @return the outcome: the channel is locked or unlocked */
    public CompletableFuture<Outcome> lockChannel(ChannelViewModel channel, boolean lock) {
        return engine().lockChannel(channel.cell(), lock);
    }

    /** @return the outcome: the channel is blocked or unblocked on its board */
    public CompletableFuture<Outcome> blockChannel(ChannelViewModel channel, boolean block) {
        return engine().blockChannel(channel.cell(), block);
    }

    /** @return the outcome: the board is failed or recovered */
    public CompletableFuture<Outcome> failBoard(BoardViewModel board, boolean fail) {
        return engine().failBoard(board.machine(), board.board(), fail);
    }

    /** @return the outcome: the machine is killed or revived */
    public CompletableFuture<Outcome> killMachine(MachineViewModel machine, boolean kill) {
        return engine().killMachine(machine.name(), kill);
    }

    /** @return the outcome: the active system's Server is killed */
    public CompletableFuture<Outcome> killActiveServer() {
        return engine().killActiveServer();
    }

    /** @return the outcome of "failover now" (with the override when {@link FailoverViewModel#overrideFailProperty()}) */
    public CompletableFuture<Outcome> failoverNow() {
        return engine().failoverNow(failover.overrideFailProperty().get());
    }

    /**
     * @param from the span row of the circuit to move
     * @param to a free span row on another machine
     * @return the outcome; refused with the reason when the check fails
     */
    public CompletableFuture<Outcome> moveSpan(SpanViewModel from, SpanViewModel to) {
        return engine().moveSpan(from.position(), to.position());
    }

    /**
     * Shows the channel in the detail pane (and its history in the following frames).
     *
     * @param channel the channel, or null for none
     */
    public void selectChannel(ChannelViewModel channel) {
        int cell = channel == null ? -1 : channel.cell();
        detail.select(cell);
        engine().selectChannel(cell);
    }

    /** @return the outcome: the capacity-planning report of the current state is written to the file */
    public CompletableFuture<Outcome> exportReport(Path file) {
        return engine().exportReport(file);
    }

    /** @return the outcome of applying the traffic editor's settings to its selected group */
    public CompletableFuture<Outcome> applyTraffic() {
        return traffic.apply();
    }

    /**
     * @param row a traffic row
     * @param settings its new settings
     * @return the outcome
     */
    public CompletableFuture<Outcome> setTraffic(TrafficRowViewModel row, TrafficSettings settings) {
        return engine().setTraffic(row.system(), row.group(), row.outbound(), settings);
    }

    // ------------------------------------------------------------------ dragging a span

    /** A drag of a span row with a circuit starts. */
    public void beginDrag(SpanViewModel span) {
        endDrag();
        if (span.circuit().isPresent()) {
            dragSource.set(span);
            span.setDragSource(true);
        }
    }

    /**
     * @param target the row under the dragged span
     * @return whether it would accept the drop: a free row other than the source (the full check runs on drop)
     */
    public boolean canDrop(SpanViewModel target) {
        SpanViewModel src = dragSource.get();
        return src != null && target != src && target.free();
    }

    /** The dragged span enters or leaves a row. */
    public void dragHover(SpanViewModel target, boolean over) {
        target.setDropHover(over && canDrop(target));
    }

    /**
     * The dragged span is dropped on a row: the move is requested (and refused with the reason when the check
     * fails).
     *
     * @param target the row
     * @return the outcome
     */
    public CompletableFuture<Outcome> drop(SpanViewModel target) {
        SpanViewModel src = dragSource.get();
        target.setDropHover(false);
        endDrag();
        if (src == null) {
            return CompletableFuture.completedFuture(Outcome.refused("drop: no span is being dragged"));
        }
        if (src == target) {
            return CompletableFuture.completedFuture(Outcome.refused("drop: " + src.key() + " dropped on itself"));
        }
        return moveSpan(src, target);
    }

    /** The drag ends (dropped or cancelled). */
    public void endDrag() {
        SpanViewModel src = dragSource.get();
        if (src != null) {
            src.setDragSource(false);
        }
        dragSource.set(null);
        spans.forEach(s -> s.setDropHover(false));
    }

    /** Closes the running simulation. */
    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
