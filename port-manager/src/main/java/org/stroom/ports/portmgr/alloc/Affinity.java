package org.stroom.ports.portmgr.alloc;

import org.stroom.ports.t1.SpanLocation;

/**
 * Where an allocation would like (or needs) its channel: on a machine, or on one span.
 *
 * <p>Within the affinity target the group's members are searched in list order (reverse order for
 * {@link HuntStrategy#BOTTOM_UP} and {@link HuntStrategy#ROUND_ROBIN_DOWN}). A preferred affinity that
 * finds nothing falls back to the group's normal hunt; a required one is rejected instead. Channels
 * found through an affinity do not move a round-robin hunt position.
 *
 * @param machine machine name, or null for "any machine" (then {@code span} is set)
 * @param span span location, or null for "any span on {@code machine}"
 * @param required true: grant only within the target; false: prefer it
 *     <p>Thread-safety: immutable.
 */
public record Affinity(String machine, SpanLocation span, boolean required) {
    /**
     * @throws IllegalArgumentException when neither target is given, or the span is on another machine
     */
    public Affinity {
        if (machine == null && span == null) {
            throw new IllegalArgumentException("Affinity needs a machine or a span; use no affinity instead");
        }
        if (machine != null) {
            Check.name("Affinity", "machine", machine);
        }
        if (machine != null && span != null && !machine.equals(span.machine())) {
            throw new IllegalArgumentException(
                    "Affinity: span " + span + " is not on machine '" + machine + "'; give one or make them agree");
        }
    }

    /** @return an affinity for any span on {@code machine} */
    public static Affinity machine(String machine, boolean required) {
        return new Affinity(machine, null, required);
    }

    /** @return an affinity for one span */
    public static Affinity span(SpanLocation span, boolean required) {
        return new Affinity(null, span, required);
    }
}
