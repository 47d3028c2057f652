package org.stroom.ports.hal.brooktrout.jna;

/**
 * Line states named by the Bfv developer guide ({@code LINE_STATE_*}, facts sheet §15). The names are
 * vendor-documented; their numeric codes are modelled and live in {@link BfvModel}.
 *
 * <p>Thread-safety: immutable.
 */
public enum BfvLineState {
    /** Attached, no call. Reached by attach, disconnect, terminate and reset. */
    IDLE,
    /** An inbound call is ringing; answer it or let it go. */
    RINGING,
    /** Off hook without a connected call: dialling, or call progress ended in busy or no answer. */
    OFF_HOOK,
    /** A call is connected (answered, or originate detected an answer). */
    CONNECTED,
    /** Fax phase B: FSK data received, waiting for training. */
    AWAIT_TRAINING,
    /** Fax phase C: training done, pages are transferred. */
    FAX_MODE,
    /** Fax direction change between pages. */
    TURNAROUND,
    /** No documented trigger; modelled as never entered. */
    HOLDUP,
    /** No loop / line out of service; modelled as the state of lines on a span in alarm. */
    NOLOOP,
    /** No documented trigger; modelled as never entered. */
    RCV_INFO,
    /** A line reset is in progress. */
    RESETTING,
    /** No documented trigger; modelled as never entered. */
    RETAIN
}
