package org.stroom.ports.t1;

/**
 * An alarm was declared or cleared.
 *
 * @param alarm which alarm
 * @param declared true when declared, false when cleared
 * @param atNanos clock time at which the integration period elapsed
 *     <p>Thread-safety: immutable.
 */
public record AlarmTransition(Alarm alarm, boolean declared, long atNanos) {}
