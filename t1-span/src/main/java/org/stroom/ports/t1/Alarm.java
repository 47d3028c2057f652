package org.stroom.ports.t1;

import java.util.Set;

/**
 * A declared (integrated) DS1 alarm.
 *
 * <p>Thread-safety: immutable.
 */
public enum Alarm {
    /** Red: LOS or LOF persisted. The span carries no traffic. */
    RED,
    /** Blue: AIS persisted. The span carries no traffic. */
    BLUE,
    /** Yellow: RAI persisted. Our receive side is fine; the far end is not receiving us. */
    YELLOW;

    /** @return whether an alarm in {@code alarms} takes the span out of traffic (RED or BLUE) */
    public static boolean blocksTraffic(Set<Alarm> alarms) {
        return alarms.contains(RED) || alarms.contains(BLUE);
    }

    /** @return whether {@code defect} contributes to this alarm */
    public boolean raisedBy(Defect defect) {
        return switch (this) {
            case RED -> defect == Defect.LOS || defect == Defect.LOF;
            case BLUE -> defect == Defect.AIS;
            case YELLOW -> defect == Defect.RAI;
        };
    }
}
