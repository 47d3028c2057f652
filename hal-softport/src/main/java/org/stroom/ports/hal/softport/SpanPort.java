package org.stroom.ports.hal.softport;

import java.util.EnumSet;
import java.util.TreeMap;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.AlarmIntegrator;
import org.stroom.ports.t1.AlarmTimings;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.PerformanceMonitor;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * One span port of a simulated board: what is plugged in, the receive defects, the integrated
 * alarms, the D-channel and the DS0 channels.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class SpanPort {
    /** Seconds-counter period. */
    static final long SECOND = 1_000_000_000L;

    final SpanLocation location;
    final SoftBoard board;
    final ShiftedClock integratorClock;
    final AlarmIntegrator integrator;
    final EnumSet<Defect> injected = EnumSet.noneOf(Defect.class);
    final EnumSet<Alarm> declared = EnumSet.noneOf(Alarm.class);
    final TreeMap<Integer, SoftChannel> channels = new TreeMap<>();
    Cable cable;
    /** The circuit plugged in now or most recently; decides signalling after an unplug. */
    Cable lastCable;

    boolean dForcedDown;
    DChannelState dChannel = DChannelState.NOT_APPLICABLE;
    Scheduler.Task alarmTask;
    Scheduler.Task t309;
    // performance counters, caught up lazily one second at a time
    PerformanceMonitor perf;
    long perfSecondStart;
    boolean severeInSecond;
    int bpvPerSecond;
    int crcPerSecond;
    int framingPerSecond;

    SpanPort(SpanLocation location, SoftBoard board, AlarmTimings timings, NanoClock clock, long startShift) {
        this.location = location;
        this.board = board;
        this.integratorClock = new ShiftedClock(clock, startShift);
        this.integrator = new AlarmIntegrator(timings, integratorClock);
        this.perf = new PerformanceMonitor(org.stroom.ports.t1.Framing.ESF);
        this.perfSecondStart = clock.nanos();
    }

    /** @return the raw defects the framer sees: injected ones, plus LOS when nothing is plugged in */
    EnumSet<Defect> defects() {
        EnumSet<Defect> d = EnumSet.copyOf(injected.isEmpty() ? EnumSet.noneOf(Defect.class) : injected);
        if (cable == null) {
            d.add(Defect.LOS);
        }
        return d;
    }

    boolean severeNow() {
        EnumSet<Defect> d = defects();
        return d.contains(Defect.LOS) || d.contains(Defect.LOF) || d.contains(Defect.AIS);
    }

    /** @return the configuration of the circuit plugged in now, or last, or null if never */
    SpanConfig circuitConfig() {
        Cable c = cable != null ? cable : lastCable;
        return c == null ? null : c.config();
    }

    /**
     * The integrator's clock. An empty port powers up already in RED, as a framer with no signal
     * does: the integrator is started one RED set-time in the past, then the shift is removed.
     */
    static final class ShiftedClock implements NanoClock {
        private final NanoClock base;
        long shift;

        ShiftedClock(NanoClock base, long shift) {
            this.base = base;
            this.shift = shift;
        }

        @Override
        public long nanos() {
            return base.nanos() - shift;
        }
    }
}
