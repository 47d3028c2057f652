package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * What a backend's test class provides so that the contracts can drive it: one opened backend,
 * the telco side (far end) of its spans, fault injection and a way to let time pass.
 *
 * <p>A contract creates one harness per check (per try for properties) through
 * {@link TckContract#createHarness()} and closes it at the end, also when the check failed. Each
 * harness owns a fresh backend, so checks never see each other's calls or alarms.
 *
 * <p>Far-end methods model the network: they return once the far end has sent its signal; the
 * backend's reaction arrives as events, possibly only after {@link #advance} let time pass. A far-end
 * method asked of a channel in a state where the real network could not do it (hanging up a channel
 * without a call) may throw {@link IllegalStateException}; contracts never ask that.
 *
 * <p>Methods behind a {@link Capability} the harness does not list throw
 * {@link UnsupportedOperationException}; contracts check {@link #capabilities()} first and fail with
 * "harness lacks X" instead of calling them.
 *
 * <p>Thread-safety: called from the test thread only. The backend it returns is itself safe from any
 * thread.
 */
public interface TckHarness extends AutoCloseable {
    /**
     * @return the backend under test: opened, in service, with at least one span plugged in, healthy
     *     (no alarm, D-channel up on PRI) and signalling ISDN PRI or a CAS protocol, every bearer
     *     channel IDLE. The same instance on every call.
     */
    HalBackend backend();

    /**
     * @return true when {@link #advance} runs backend time instantly (a virtual clock, e.g. softport):
     *     events caused by time are then published during {@code advance}; false when the backend
     *     runs in real (possibly scaled) time, e.g. a C emulator behind JNA
     */
    boolean virtualTime();

    /**
     * Lets {@code d} of backend time pass. Virtual time: runs every timer due within {@code d} and
     * returns when the clock has moved by exactly {@code d}. Real time: waits {@code d} divided by the
     * emulator's time scale, without {@code Thread.sleep} (e.g. a timed wait on a latch).
     *
     * @param d backend time, zero or positive
     */
    void advance(Duration d);

    /**
     * How long, in real time, to wait for an event that should already have happened by the end of
     * an {@link #advance}. Only waiting for a check that is about to fail costs this time.
     *
     * @return zero or positive; default zero for virtual time (events are delivered during
     *     {@code advance}) and 5 s for real time
     */
    default Duration eventGrace() {
        return virtualTime() ? Duration.ZERO : Duration.ofSeconds(5);
    }

    /**
     * Backend time by which a real-time backend's timers may fire late (thread scheduling, an
     * emulator's polling interval, multiplied by its time scale). Added to the upper bound wherever
     * a contract checks a reported length (played or recorded milliseconds, a recording's WAV
     * length).
     *
     * @return zero or positive; default zero
     */
    default Duration timingSlack() {
        return Duration.ZERO;
    }

    // ---- far end: the telco side of the spans ----

    /**
     * The far end places a call to us on {@code channel}, which must be IDLE: the backend reports
     * CallOffered (after {@code advance} if it needs time).
     *
     * @param dnis the dialled number (DID), digits only, 1..15 characters
     * @param ani the caller's number, digits only, or empty when withheld
     * @return the id the backend gives the call, as it will appear in CallOffered; when the backend
     *     refuses the call without offering it (backend out of service, glare won by us), an id that
     *     no event carries
     */
    CallId offerInbound(ChannelId channel, String dnis, String ani);

    /** The far end clears its call on {@code channel} (inbound or outbound, answered or not). */
    void farEndHangUp(ChannelId channel);

    /**
     * The far end sends DTMF {@code digits} on the connected call on {@code channel}; each digit
     * becomes a DigitReceived event and feeds any running digit collection or terminating-digit
     * check. Capability {@link Capability#DTMF}.
     */
    void farEndSendsDigits(ChannelId channel, String digits);

    /**
     * Sets how the far end treats every outbound call we place from now on (until set again).
     * Contracts set it before every outbound call they place.
     */
    void setOutboundBehaviour(OutboundBehaviour behaviour);

    /**
     * Makes the far end of the call on {@code channel} a fax machine that sends {@code pages} pages
     * when we receive a fax on that channel ({@code receiveFax}). Capability {@link Capability#FAX}.
     *
     * @param pages 1 or more
     */
    void farEndSendsFax(ChannelId channel, int pages);

    // ---- faults ----

    /** The far end (or the cable) starts causing {@code defect} on {@code span}. Capability LINE_DEFECTS. */
    void raiseDefect(SpanLocation span, Defect defect);

    /** {@code defect} stops on {@code span}; alarms clear after the clear time. Capability LINE_DEFECTS. */
    void clearDefect(SpanLocation span, Defect defect);

    /** Brings the PRI D-channel of {@code span} down or up. Capability {@link Capability#DCHANNEL}. */
    void setDChannel(SpanLocation span, boolean up);

    /** The board fails (reported as BoardFault). Capability {@link Capability#BOARD_FAULT}. */
    void boardFault(BoardId board);

    /** The failed board works again (reported as BoardRecovered). Capability BOARD_FAULT. */
    void boardRecover(BoardId board);

    /**
     * The next backend operation on {@code channel} fails in the vendor library, so the backend
     * throws a VendorException and leaves the channel as it was. Capability
     * {@link Capability#OPERATION_FAILURE}.
     */
    void failNextOperation(ChannelId channel);

    /** @return what this harness can inject; a copy or an immutable set */
    Set<Capability> capabilities();

    /**
     * Closes the backend (if the check has not already closed it) and releases the far end,
     * emulator processes and files. Idempotent; must not throw when the backend is already closed.
     */
    @Override
    void close();
}
