package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.Dtmf;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.Q850Cause;

/**
 * The carrier's side of one T1 circuit ({@link Cable}): it offers inbound calls, hangs up, sends
 * DTMF digits and fax pages, and decides what happens to our outbound calls. It acts on whatever
 * span port the cable is plugged into at the moment.
 *
 * <p>Inbound calls are offered either on a given timeslot ({@link #offerCall}: a test that wants
 * one channel) or by DID ({@link #offerCallToDid}: the network hunts a free channel from the
 * highest timeslot down, as ISDN networks do so that the customer's outbound calls, placed from the
 * lowest timeslot up, rarely collide with them).
 *
 * <p><b>Glare.</b> Until the network has acknowledged an outbound SETUP ({@link
 * CallTimings#proceeding()}, 200 ms by default) it still believes the channel is free. An inbound
 * call offered on that channel in that window wins, as on PRI: our outbound call is cleared with
 * cause 44 ({@code CallDisconnected(farEnd = true)}) and the inbound call is offered on the channel.
 *
 * <p>Methods throw {@link IllegalStateException} when the far end could not do what is asked (cable
 * unplugged, no call on the channel, span down, channel busy) and {@link IllegalArgumentException}
 * for bad numbers or a channel of another circuit: these are mistakes in the test or simulation, not
 * telephony outcomes.
 *
 * <p>Thread-safety: safe from any thread; each call takes the lock of the backend the cable is
 * plugged into.
 */
public final class FarEnd {
    private final Cable cable;
    private final ConcurrentHashMap<String, OutboundBehaviour> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Integer> pendingFaxPages = new ConcurrentHashMap<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong carried = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private volatile OutboundBehaviour behaviour = OutboundBehaviour.answer(Duration.ofSeconds(3));
    private volatile FaxModulation faxModulation = FaxModulation.V34;

    FarEnd(Cable cable) {
        this.cable = cable;
    }

    /** @return the circuit this is the far end of */
    public Cable cable() {
        return cable;
    }

    /**
     * Offers an inbound call on one timeslot, from a caller who stays until hung up ({@link
     * Caller#ANY}).
     *
     * @see #offerCall(int, String, String, Caller)
     */
    public CallId offerCall(int ds0, String dnis, String ani) {
        return offerCall(ds0, dnis, ani, Caller.ANY);
    }

    /**
     * Offers an inbound call on one timeslot: the channel goes OFFERED and {@code CallOffered} is
     * published. If our outbound call on that channel is not yet acknowledged, this is glare: see
     * the class comment. When the backend is administratively out of service the call is refused
     * with cause 34: nothing is published and the returned id is the network's attempt.
     *
     * @param ds0 bearer timeslot of this circuit, 1..24
     * @param dnis the dialled number (DID), 1..15 digits
     * @param ani the caller's number, 0..15 digits (empty: withheld)
     * @param caller how the caller behaves once answered
     * @return the call's id
     * @throws IllegalArgumentException on a bad number or a timeslot that is not a bearer
     * @throws IllegalStateException when the cable is unplugged, the span cannot carry calls (RED,
     *     BLUE, D-channel down) or the channel is neither idle nor in the glare window
     */
    public CallId offerCall(int ds0, String dnis, String ani, Caller caller) {
        checkNumber(dnis, "dnis", 1);
        checkNumber(ani, "ani", 0);
        Objects.requireNonNull(caller, "caller");
        SoftBackend.Offered o = cable.backendOrThrow("offer a call").farOffer(cable, ds0, dnis, ani, caller);
        offered.incrementAndGet();
        (o.accepted() ? carried : blocked).incrementAndGet();
        return o.id();
    }

    /**
     * Offers an inbound call to a DID of this circuit from a caller who stays until hung up.
     *
     * @see #offerCallToDid(String, String, Caller)
     */
    public Optional<CallId> offerCallToDid(String did, String ani) {
        return offerCallToDid(did, ani, Caller.ANY);
    }

    /**
     * Offers an inbound call to a DID of this circuit on the free channel with the highest timeslot.
     *
     * @param did a number in one of the circuit's DID ranges
     * @param ani the caller's number, 0..15 digits
     * @param caller how the caller behaves once answered
     * @return the call's id, or empty when no channel could take it (all busy or out of service,
     *     span down, cable unplugged, backend out of service): the attempt counts as blocked
     * @throws IllegalArgumentException when the DID is not delivered on this circuit
     */
    public Optional<CallId> offerCallToDid(String did, String ani, Caller caller) {
        checkNumber(did, "did", 1);
        checkNumber(ani, "ani", 0);
        Objects.requireNonNull(caller, "caller");
        if (cable.dids().stream().noneMatch(r -> r.contains(did))) {
            throw new IllegalArgumentException("DID " + did + " is not delivered on circuit " + cable.circuitId()
                    + " (its ranges: " + cable.dids() + ")");
        }
        return hunt(did, ani, caller);
    }

    /** Offers without the DID check: a trunk group overflowing onto this circuit. */
    Optional<CallId> hunt(String dnis, String ani, Caller caller) {
        offered.incrementAndGet();
        Optional<CallId> id = cable.backend().flatMap(b -> b.farHunt(cable, dnis, ani, caller));
        (id.isPresent() ? carried : blocked).incrementAndGet();
        return id;
    }

    /** The caller (or callee) hangs up with normal clearing (cause 16). */
    public void hangUp(ChannelId channel) {
        hangUp(channel, Q850Cause.NORMAL_CLEARING);
    }

    /**
     * The far end clears the call on {@code channel}: an inbound call not yet answered is abandoned,
     * an outbound call not yet answered is rejected, a connected call is hung up. {@code
     * CallDisconnected(farEnd = true)} follows after the release time. Does nothing while the call
     * is already being cleared.
     *
     * @throws IllegalStateException when there is no call on the channel
     */
    public void hangUp(ChannelId channel, Q850Cause cause) {
        Objects.requireNonNull(cause, "cause");
        cable.backendOrThrow("hang up").farHangUp(cable, channel, cause);
    }

    /**
     * The far end keys DTMF digits on a connected call: one {@code DigitReceived} per digit, each
     * {@link CallTimings#digitInterval()} after the previous (after any digits still being sent).
     *
     * @param digits DTMF digits (0-9 * # A-D), at least one
     * @throws IllegalStateException when the channel has no connected call
     */
    public void sendDigits(ChannelId channel, String digits) {
        Dtmf.check(digits, "digits");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("far end sendDigits: digits is empty");
        }
        cable.backendOrThrow("send digits").farDigits(cable, channel, digits);
    }

    /**
     * Makes the far end a fax sender of {@code pages} pages on {@code channel}: when we {@code
     * receiveFax} on the call (or already wait in one) it transmits them. Set before a call exists,
     * it applies to the next call offered on that timeslot.
     *
     * @param pages ≥ 1
     */
    public void sendFaxPages(ChannelId channel, int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("far end sendFaxPages: pages " + pages + " must be ≥ 1");
        }
        SoftBackend b = cable.backendOrThrow("send fax pages");
        if (!b.farFaxPages(cable, channel, pages)) {
            pendingFaxPages.put(channel.ds0(), pages);
        }
    }

    /**
     * The far end talks for {@code duration} from now; a recording with a silence limit ends that
     * limit after the talking stops.
     */
    public void speak(ChannelId channel, Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("far end speak: duration " + duration + " is negative");
        }
        cable.backendOrThrow("speak").farSpeak(cable, channel, duration);
    }

    /** Sets how our outbound calls over this circuit are treated from now on (any number). */
    public void setOutboundBehaviour(OutboundBehaviour b) {
        behaviour = Objects.requireNonNull(b, "behaviour");
    }

    /** Sets how outbound calls to one number are treated, overriding the default for it. */
    public void setOutboundBehaviour(String number, OutboundBehaviour b) {
        byNumber.put(Objects.requireNonNull(number, "number"), Objects.requireNonNull(b, "behaviour"));
    }

    /** @return how an outbound call to {@code number} is treated */
    public OutboundBehaviour outboundBehaviour(String number) {
        return byNumber.getOrDefault(number, behaviour);
    }

    /** Sets the fastest modulation of the far end's fax devices (default V.34). */
    public void setFaxModulation(FaxModulation m) {
        faxModulation = Objects.requireNonNull(m, "modulation");
    }

    /** @return the fastest modulation of the far end's fax devices */
    public FaxModulation faxModulation() {
        return faxModulation;
    }

    /** @return inbound attempts by this far end: offered, carried, blocked */
    public TrafficStats stats() {
        return new TrafficStats(offered.get(), carried.get(), blocked.get());
    }

    /** @return fax pages queued for the next call on {@code ds0}, consumed */
    int takePendingFaxPages(int ds0) {
        Integer p = pendingFaxPages.remove(ds0);
        return p == null ? 0 : p;
    }

    private static void checkNumber(String n, String field, int minDigits) {
        Objects.requireNonNull(n, field);
        if (n.length() < minDigits || n.length() > 15) {
            throw new IllegalArgumentException(
                    "far end: " + field + " '" + n + "' has " + n.length() + " digits; use " + minDigits + "..15");
        }
        for (int i = 0; i < n.length(); i++) {
            if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                throw new IllegalArgumentException("far end: " + field + " '" + n + "' has '" + n.charAt(i)
                        + "' at position " + (i + 1) + "; use digits only");
            }
        }
    }
}
