package org.stroom.ports.t1;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns raw receive defects into declared alarms the way T1 framers and drivers integrate them.
 *
 * <p>An alarm is declared once its condition (RED: LOS or LOF; BLUE: AIS; YELLOW: RAI) has held
 * continuously for its set time, and cleared once the condition has been absent continuously for
 * the clear time. A condition that flickers restarts its timer. Transitions carry the exact time at
 * which the integration period elapsed, even when the clock is read later.
 *
 * <p>The clock is injected; the integrator never reads the wall clock. Call {@link #poll()} when
 * the clock advances (a softport span does this on every virtual tick) to collect transitions.
 *
 * <p>Thread-safety: not thread-safe; confine to one thread (the span's owner).
 */
public final class AlarmIntegrator {
    private static final Alarm[] ALARMS = Alarm.values();

    private final AlarmTimings timings;
    private final NanoClock clock;
    private final EnumSet<Defect> defects = EnumSet.noneOf(Defect.class);
    private final boolean[] condition = new boolean[ALARMS.length];
    private final long[] since = new long[ALARMS.length];
    private final EnumSet<Alarm> declared = EnumSet.noneOf(Alarm.class);

    /**
     * Starts with clean signal, no alarm.
     *
     * @param timings set and clear times
     * @param clock time source
     */
    public AlarmIntegrator(AlarmTimings timings, NanoClock clock) {
        this.timings = Objects.requireNonNull(timings, "timings");
        this.clock = Objects.requireNonNull(clock, "clock");
        long now = clock.nanos();
        java.util.Arrays.fill(since, now);
    }

    /**
     * Records that the set of present defects changed now. Transitions due before now are
     * collected first, so they keep their exact times.
     *
     * @param present the defects present from now on
     * @return transitions that became due up to now, in time order
     */
    public List<AlarmTransition> setDefects(Set<Defect> present) {
        List<AlarmTransition> out = poll();
        long now = clock.nanos();
        defects.clear();
        defects.addAll(present);
        for (Alarm a : ALARMS) {
            boolean c = conditionOf(a);
            if (c != condition[a.ordinal()]) {
                condition[a.ordinal()] = c;
                since[a.ordinal()] = now;
            }
        }
        out.addAll(settle(now));
        return out;
    }

    /** Convenience: adds one defect. @return transitions due up to now */
    public List<AlarmTransition> raise(Defect d) {
        EnumSet<Defect> s = EnumSet.copyOf(defects.isEmpty() ? EnumSet.of(d) : defects);
        s.add(d);
        return setDefects(s);
    }

    /** Convenience: removes one defect. @return transitions due up to now */
    public List<AlarmTransition> clear(Defect d) {
        EnumSet<Defect> s = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
        s.remove(d);
        return setDefects(s);
    }

    /** @return transitions whose integration period has elapsed by the clock's current time */
    public List<AlarmTransition> poll() {
        return settle(clock.nanos());
    }

    private List<AlarmTransition> settle(long now) {
        List<AlarmTransition> out = new ArrayList<>(0);
        for (Alarm a : ALARMS) {
            int i = a.ordinal();
            if (condition[i] && !declared.contains(a) && now - since[i] >= timings.setNanos(a)) {
                declared.add(a);
                out.add(new AlarmTransition(a, true, since[i] + timings.setNanos(a)));
            } else if (!condition[i] && declared.contains(a) && now - since[i] >= timings.clearNanos()) {
                declared.remove(a);
                out.add(new AlarmTransition(a, false, since[i] + timings.clearNanos()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(AlarmTransition::atNanos));
        return out;
    }

    /**
     * @return the earliest clock time at which a pending transition becomes due, or
     *     {@link Long#MAX_VALUE} if none is pending; lets virtual-time schedulers jump straight there
     */
    public long nextDeadline() {
        long next = Long.MAX_VALUE;
        for (Alarm a : ALARMS) {
            int i = a.ordinal();
            if (condition[i] && !declared.contains(a)) {
                next = Math.min(next, since[i] + timings.setNanos(a));
            } else if (!condition[i] && declared.contains(a)) {
                next = Math.min(next, since[i] + timings.clearNanos());
            }
        }
        return next;
    }

    /** @return the declared alarms, as of the last call; a copy */
    public Set<Alarm> declared() {
        return declared.isEmpty() ? EnumSet.noneOf(Alarm.class) : EnumSet.copyOf(declared);
    }

    /** @return the raw defects present; a copy */
    public Set<Defect> defects() {
        return defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    private boolean conditionOf(Alarm a) {
        for (Defect d : defects) {
            if (a.raisedBy(d)) {
                return true;
            }
        }
        return false;
    }
}
