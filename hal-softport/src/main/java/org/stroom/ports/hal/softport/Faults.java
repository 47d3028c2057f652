package org.stroom.ports.hal.softport;

import java.util.Objects;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * Fault injection into one simulated backend ({@link SoftBackend#faults()}).
 *
 * <ul>
 *   <li><b>Raw defects</b> per span port (LOS, LOF, AIS, RAI) go through the t1-span {@link
 *       org.stroom.ports.t1.AlarmIntegrator}: RED (LOS/LOF) and BLUE (AIS) are declared after 2.5
 *       s, YELLOW (RAI) after 0.5 s, and each clears after 10 s of clean signal (the backend's
 *       {@link org.stroom.ports.t1.AlarmTimings}). RED or BLUE takes the span's channels out of
 *       service and clears its calls with cause 38; YELLOW alone changes nothing for traffic.
 *   <li><b>D-channel</b> down on a PRI span: {@code DChannelDown}, idle channels out of service at
 *       once, calls not yet active cleared at once with cause 27, active calls survive for T309
 *       (90 s) and are then cleared with cause 27 (Q.931 5.8.8).
 *   <li><b>Board fault</b>: {@code BoardFault}, every channel of the board out of service, calls
 *       cleared with cause 41; {@link #boardRecover} brings them back.
 *   <li><b>Stuck channel</b>: out of service (calls cleared with cause 41) until unstuck.
 *   <li><b>Vendor error</b>: the next operation on a channel that passes the state checks throws
 *       {@link org.stroom.ports.hal.api.VendorException} and has no effect.
 * </ul>
 *
 * <p>Thread-safety: safe from any thread; each call takes the backend's lock.
 */
public final class Faults {
    /** Symbol used by {@link #failNextOperation(ChannelId)}. */
    public static final String DEFAULT_SYMBOL = "SOFTPORT_INJECTED";

    private final SoftBackend backend;

    Faults(SoftBackend backend) {
        this.backend = backend;
    }

    /**
     * Adds a raw receive defect on a span port from now on.
     *
     * @throws org.stroom.ports.hal.api.HalException when the backend has no such span or is closed
     */
    public void raiseDefect(SpanLocation span, Defect defect) {
        backend.setDefect(span, Objects.requireNonNull(defect, "defect"), true);
    }

    /** Removes a raw receive defect from now on; the alarm clears after the clear time. */
    public void clearDefect(SpanLocation span, Defect defect) {
        backend.setDefect(span, Objects.requireNonNull(defect, "defect"), false);
    }

    /**
     * Forces the D-channel of a PRI span down, or lets it come up again.
     *
     * @throws IllegalArgumentException when no PRI circuit is plugged into the span
     */
    public void setDChannel(SpanLocation span, boolean up) {
        backend.forceDChannel(span, up);
    }

    /** Fails a board with the reason "fault injected". */
    public void boardFault(BoardId board) {
        boardFault(board, "fault injected");
    }

    /**
     * Fails a board; does nothing if it has failed already.
     *
     * @param reason carried by the {@code BoardFault} event and the channels' out-of-service reason
     */
    public void boardFault(BoardId board, String reason) {
        backend.setBoardFault(board, Objects.requireNonNull(reason, "reason"));
    }

    /** Recovers a failed board; does nothing if it has not failed. */
    public void boardRecover(BoardId board) {
        backend.setBoardFault(board, null);
    }

    /** Takes a channel out of service until {@link #unstickChannel}. */
    public void stickChannel(ChannelId channel) {
        backend.setStuck(channel, true);
    }

    /** Releases a stuck channel. */
    public void unstickChannel(ChannelId channel) {
        backend.setStuck(channel, false);
    }

    /** Arms a vendor error with symbol {@value #DEFAULT_SYMBOL} and code -1. */
    public void failNextOperation(ChannelId channel) {
        failNextOperation(channel, DEFAULT_SYMBOL);
    }

    /** Arms a vendor error with {@code symbol} and code -1. */
    public void failNextOperation(ChannelId channel, String symbol) {
        failNextOperation(channel, symbol, -1, "injected by softport Faults");
    }

    /**
     * Makes the next operation on {@code channel} that passes its state checks throw {@code
     * VendorException("softport", operation, channel, code, symbol, text)} without effect; the
     * channel stays as it was and the operation after that works. Replaces an error already armed.
     */
    public void failNextOperation(ChannelId channel, String symbol, long code, String text) {
        backend.armFailure(
                channel, Objects.requireNonNull(symbol, "symbol"), code, Objects.requireNonNull(text, "text"));
    }

    /**
     * Sets line errors counted every second on a span port (performance counters; they do not
     * raise alarms — use defects for that).
     *
     * @param bipolarViolations per second, ≥ 0
     * @param crcErrors per second, ≥ 0
     * @param framingErrors per second, ≥ 0
     */
    public void setErrorRates(SpanLocation span, int bipolarViolations, int crcErrors, int framingErrors) {
        if (bipolarViolations < 0 || crcErrors < 0 || framingErrors < 0) {
            throw new IllegalArgumentException("error rates must be ≥ 0, got bpv=" + bipolarViolations + " crc="
                    + crcErrors + " framing=" + framingErrors);
        }
        backend.setErrorRates(span, bipolarViolations, crcErrors, framingErrors);
    }
}
