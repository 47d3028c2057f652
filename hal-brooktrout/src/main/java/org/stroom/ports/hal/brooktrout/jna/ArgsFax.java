package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Structure;

/**
 * {@code struct args_fax}: T4-timer adaptation info read by {@code BfvFaxT4TimerParams}. Name and
 * fields are documented (facts §13); the layout (four unsigned ints) is modelled. Values are unsigned:
 * read them with {@link Integer#toUnsignedLong(int)}.
 *
 * <p>Thread-safety: not thread-safe; use one instance per call.
 */
@Structure.FieldOrder({"t4TimerValue", "t4Duration", "t4Attempt", "t4Timeout"})
public class ArgsFax extends Structure {
    /** Out: current T4 timer value, milliseconds (modelled unit). */
    public int t4TimerValue;
    /** Out: duration measured for the adaptation, milliseconds (modelled unit). */
    public int t4Duration;
    /** Out: attempt count. */
    public int t4Attempt;
    /** Out: T4 timeout, milliseconds (modelled unit). */
    public int t4Timeout;
}
