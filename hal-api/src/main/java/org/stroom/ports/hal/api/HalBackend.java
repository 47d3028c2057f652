package org.stroom.ports.hal.api;

import java.util.List;
import java.util.concurrent.Executor;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.t1.SpanLocation;

/**
 * One opened set of boards from one vendor library (or the simulator): what an application sees
 * of telephony hardware.
 *
 * <p>Operations return at once after checking the channel's state; their outcome arrives as
 * events ({@link org.stroom.ports.hal.api.event.HalEvent}). Expected telephony outcomes (busy, no
 * answer, fax failure) are events; exceptions mean the request itself was wrong:
 * {@link WrongStateException} when the channel's state does not allow the operation (channel
 * unchanged), {@link HalException} for bad arguments (a missing TIFF, an unsupported WAV, an unknown
 * channel) or a closed backend, {@link VendorException} when the vendor library refused. After any
 * of these the channel stays usable.
 *
 * <p>Thread-safety: every method may be called from any thread. Events are delivered on each
 * subscription's executor, never under a backend lock.
 */
public interface HalBackend extends AutoCloseable {
    /** @return the backend id, e.g. {@code "softport"}, {@code "dialogic"} */
    String id();

    /** @return whether the boards are simulated */
    boolean simulated();

    /** @return lifecycle state */
    BackendState state();

    /**
     * Takes the backend in or out of service. Out of service, inbound calls are refused with cause
     * 34 and outbound calls are refused with a {@link HalException}; calls in progress continue.
     *
     * @throws HalException when shut down
     */
    void setInService(boolean inService);

    /** @return every board, in board order */
    List<BoardInfo> boards();

    /** @return every span position of every board, in order */
    List<SpanInfo> spans();

    /**
     * @return the span at {@code location}
     * @throws HalException when the backend has no such span
     */
    SpanInfo span(SpanLocation location);

    /** @return every bearer channel of every span with a circuit plugged in, in order */
    List<ChannelInfo> channels();

    /**
     * @return the channel's state now
     * @throws HalException when the backend has no such channel
     */
    ChannelInfo channel(ChannelId channel);

    /**
     * @return the channel's last transitions, oldest first (at most
     *     {@link ChannelStateMachine#HISTORY})
     */
    List<StateChange> history(ChannelId channel);

    /**
     * Subscribes with a dedicated delivery thread, so a slow listener delays only itself.
     *
     * @return the subscription; close it to stop delivery
     */
    Subscription subscribe(HalEventListener listener);

    /**
     * Subscribes with events delivered by {@code executor}, one at a time, in sequence order. A
     * direct executor ({@code Runnable::run}) delivers on the backend's publishing thread: the
     * listener must then be quick and must not call back into the backend.
     */
    Subscription subscribe(HalEventListener listener, Executor executor);

    // ---- call control ----

    /** Sends ringback to the caller of an OFFERED call (→ ALERTING, event CallAlerting). */
    void accept(ChannelId channel);

    /** Answers an OFFERED or ALERTING inbound call (→ CONNECTED, event CallConnected). */
    void answer(ChannelId channel);

    /** Rejects an OFFERED or ALERTING inbound call with {@code cause} (event CallDisconnected). */
    void reject(ChannelId channel, Q850Cause cause);

    /**
     * Places an outbound call from an IDLE channel (→ DIALLING). Outcome events: CallAlerting,
     * CallConnected, or CallDisconnected with the cause (17 busy, 19 no answer, 44 glare ...).
     *
     * @return the new call's id
     */
    CallId placeCall(ChannelId channel, OutboundCall call);

    /**
     * Clears the call on the channel (event CallDisconnected, → IDLE) when it is OFFERED, ALERTING, DIALLING or
     * CONNECTED ({@link ChannelState#clearable()}). A call already DISCONNECTING is being cleared: a second
     * hang-up is refused with {@link WrongStateException}, as on a channel without a call.
     */
    void hangUp(ChannelId channel, Q850Cause cause);

    // ---- media, on CONNECTED calls ----

    /** Plays a prompt (event PlayDone). @throws HalException when the file is missing or not telephony WAV */
    void play(ChannelId channel, PlayRequest request);

    /** Records (event RecordDone). */
    void record(ChannelId channel, RecordRequest request);

    /** Collects DTMF digits (event DigitsCollected). */
    void collectDigits(ChannelId channel, DigitRequest request);

    /** Sends DTMF digits (event DigitsSent). */
    void sendDigits(ChannelId channel, String digits);

    /** Sends a fax (events FaxPageSent per page, then FaxDone). @throws HalException on a missing or non-TIFF-F file */
    void sendFax(ChannelId channel, FaxSendRequest request);

    /** Receives a fax into a TIFF file (events FaxPageReceived per page, then FaxDone). */
    void receiveFax(ChannelId channel, FaxReceiveRequest request);

    /** Stops the running media operation, if any (its done event reports STOPPED). */
    void stopMedia(ChannelId channel);

    // ---- maintenance ----

    /**
     * Blocks (maintenance lock) or unblocks an IDLE channel (→ BLOCKED / IDLE, events
     * ChannelOutOfService / ChannelInService).
     */
    void setBlocked(ChannelId channel, boolean blocked);

    /** Releases every board, thread and native resource; idempotent. State becomes SHUT_DOWN. */
    @Override
    void close();
}
