package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stroom.ports.hal.api.VendorException;

/**
 * One attached Bfv line with typed operations. Failing returns become {@link VendorException}s through
 * {@link BfvErrors}; expected telephony outcomes (a wait that timed out, busy, a fax cut short by the far
 * end) are returned as values. Blocking operations block the calling thread, as the Bfv calls do.
 *
 * <p>The registered callback is held strongly in a static registry until the line is closed, so the
 * garbage collector can never free a callback native code still holds, even if this object is dropped
 * without {@link #close()}.
 *
 * <p>Thread-safety: one thread at a time per line (the library allows one blocking call per line; a
 * second concurrent one fails with {@code BT_ERR_BUSY}), except {@link #reset()} and {@link #close()},
 * which may be called from another thread to abort a blocking call.
 */
public final class BfvLine implements AutoCloseable {
    /** Name of the Java thread native callbacks run on (the library's thread, attached as a daemon). */
    public static final String CALLBACK_THREAD = "brooktrout-callback";

    private static final Map<BtLine, IncomingCmdFunc> CALLBACKS = new ConcurrentHashMap<>();

    private final BfvLibrary lib;
    private final BfvShimLibrary shim;
    private final BfvModel model;
    private final BtLine handle;
    private final int unit;
    private final boolean session;
    private volatile boolean closed;

    private BfvLine(BfvNative natives, BtLine handle, int unit, boolean session) {
        this.lib = natives.library();
        this.shim = natives.shim();
        this.model = natives.model();
        this.handle = handle;
        this.unit = unit;
        this.session = session;
    }

    /**
     * {@code BfvLineAttach(unit)}: the line goes IDLE.
     *
     * @param natives the loaded libraries; never null
     * @param unit system unit number, 0..n−1 across all modules
     * @return the attached line
     * @throws VendorException if the library returns NULL (unit out of range or already attached)
     */
    public static BfvLine attach(BfvNative natives, int unit) {
        BtLine lp = natives.library().BfvLineAttach(unit);
        if (lp == null) {
            throw nullHandle("BfvLineAttach", "unit " + unit);
        }
        return new BfvLine(natives, lp, unit, false);
    }

    /**
     * {@code BfvSessionAttach(module, channel)}: the line goes IDLE.
     *
     * @param natives the loaded libraries; never null
     * @param module module number; the first module is 2
     * @param channel logical work channel; the first is 2 (0 and 1 are administrative)
     * @return the attached line
     * @throws VendorException if the library returns NULL
     */
    public static BfvLine attachSession(BfvNative natives, int module, int channel) {
        BtLine lp = natives.library().BfvSessionAttach(module, channel);
        String device = "module " + module + " channel " + channel;
        if (lp == null) {
            throw nullHandle("BfvSessionAttach", device);
        }
        int unit = natives.shim().BfvShimLineUnitNum(lp);
        if (unit < 0) {
            natives.library().BfvSessionDetach(lp);
            throw BfvErrors.failure(natives.model(), unit, "BfvShimLineUnitNum", device);
        }
        return new BfvLine(natives, lp, unit, true);
    }

    private static VendorException nullHandle(String function, String device) {
        return new VendorException(
                BfvErrors.VENDOR,
                function,
                device,
                0,
                "NULL_HANDLE",
                "returned NULL: out of range, already attached, or the module is not started");
    }

    /** @return the system unit number */
    public int unit() {
        return unit;
    }

    /** @return the native handle, for the adapter and tests */
    public BtLine handle() {
        return handle;
    }

    /**
     * @return the current state ({@code LINE_STATE(lp)})
     * @throws VendorException if the handle is detached or the code is not in the model
     */
    public BfvLineState state() {
        int code = shim.BfvShimLineState(handle);
        BfvErrors.check(model, code, "BfvShimLineState", unit);
        return model.lineState(code)
                .orElseThrow(() -> new VendorException(
                        BfvErrors.VENDOR,
                        "BfvShimLineState",
                        "unit " + unit,
                        code,
                        "UNKNOWN",
                        "line-state code not in the model; set brooktrout.model.LINE_STATE_* to the SDK's values"));
    }

    /**
     * Registers the incoming-command callback; replaces a previous one. The sink is called on the
     * library's callback thread (named {@code brooktrout-callback}).
     *
     * @param sink receives decoded events; never null
     * @return the dispatcher registered, to read {@link IncomingCommandDispatcher#droppedFaults()}
     */
    public IncomingCommandDispatcher onIncomingCommand(BfvEventSink sink) {
        IncomingCommandDispatcher dispatcher = new IncomingCommandDispatcher(model, unit, sink);
        Native.setCallbackThreadInitializer(dispatcher, new CallbackThreadInitializer(true, false, CALLBACK_THREAD));
        IncomingCmdFunc previous = CALLBACKS.put(handle, dispatcher);
        BfvErrors.check(model, shim.BfvShimSetIncomingCmdFunc(handle, dispatcher), "BfvShimSetIncomingCmdFunc", unit);
        // The previous callback stays reachable until here: native code switched to the new one above.
        Reference.reachabilityFence(previous);
        return dispatcher;
    }

    /**
     * {@code BfvLineWaitForCall}: blocks until a call rings (→ RINGING).
     *
     * @param timeout how long to wait, whole milliseconds; {@link Duration#ZERO} waits forever
     * @return the call, or empty if the timeout passed first (state unchanged)
     * @throws VendorException in a wrong state or on a line failure
     */
    public Optional<InboundCall> waitForCall(Duration timeout) {
        ArgsCall a = new ArgsCall();
        a.timeout = millis(timeout, "timeout");
        int rc = lib.BfvLineWaitForCall(handle, a);
        if (rc == model.get(BfvModel.Key.BT_ERR_TIMEOUT)) {
            return Optional.empty();
        }
        BfvErrors.check(model, rc, "BfvLineWaitForCall", unit);
        return Optional.of(new InboundCall(a.callingParty(), a.calledParty()));
    }

    /** {@code BfvLineAnswer}: RINGING → CONNECTED. */
    public void answer() {
        BfvErrors.check(model, lib.BfvLineAnswer(handle, new ArgsCall()), "BfvLineAnswer", unit);
    }

    /**
     * {@code BfvLineOriginateCall}: dials and blocks through call progress.
     *
     * @param number destination digits (or SIP URI on IP channels); never null
     * @param protocol fax or voice; never null
     * @return the call-progress result and the state it left the line in (CONNECTED or OFF_HOOK)
     */
    public OriginateResult originate(String number, CallProtocol protocol) {
        return originate(number, protocol, Duration.ZERO);
    }

    /**
     * {@code BfvLineOriginateCall} with a no-answer time.
     *
     * @param number destination digits (or SIP URI on IP channels); never null
     * @param protocol fax or voice; never null
     * @param noAnswer how long the far end may ring, in line time; {@link Duration#ZERO} = the board's
     *     default
     * @return the call-progress result and the state it left the line in (CONNECTED or OFF_HOOK)
     */
    public OriginateResult originate(String number, CallProtocol protocol, Duration noAnswer) {
        ArgsCall a = new ArgsCall();
        a.timeout = millis(noAnswer, "noAnswer");
        a.setPhonenum(Objects.requireNonNull(number, "number"));
        a.call_protocol_code = model.get(
                protocol == CallProtocol.FAX ? BfvModel.Key.CALL_PROTOCOL_FAX : BfvModel.Key.CALL_PROTOCOL_VOICE);
        BfvErrors.check(model, lib.BfvLineOriginateCall(handle, a), "BfvLineOriginateCall", unit);
        return new OriginateResult(
                decode(CallProgress.class, "CALL_PROGRESS_", a.call_progress, CallProgress.UNKNOWN),
                model.lineState(a.line_state).orElse(BfvLineState.OFF_HOOK));
    }

    /** {@code BfvLineTerminateCall}: → IDLE. */
    public void terminate() {
        BfvErrors.check(model, lib.BfvLineTerminateCall(handle, new ArgsCall()), "BfvLineTerminateCall", unit);
    }

    /**
     * {@code BfvLineReset}: → RESETTING → IDLE; aborts a blocking call on this line. May be called from
     * another thread.
     */
    public void reset() {
        BfvErrors.check(model, lib.BfvLineReset(handle, new ArgsCall()), "BfvLineReset", unit);
    }

    /**
     * Sends a TIFF-F file on a CONNECTED line; page progress arrives as {@link BfvEventKind#FAX_PAGE_SENT}.
     *
     * @param tiff the file; never null
     * @return pages sent and how the session ended
     */
    public FaxResult sendFax(Path tiff) {
        ArgsFaxFile a = new ArgsFaxFile();
        a.setFname(tiff.toAbsolutePath().toString());
        BfvErrors.check(model, lib.BfvFaxSendTiff(handle, a), "BfvFaxSendTiff", unit);
        return new FaxResult(a.pages, decode(FaxStatus.class, "FAX_STATUS_", a.status, FaxStatus.UNKNOWN));
    }

    /**
     * Receives into a TIFF-F file on a CONNECTED line; page progress arrives as {@link
     * BfvEventKind#FAX_PAGE_RECEIVED}.
     *
     * @param tiff the file to write; never null
     * @return pages received and how the session ended
     */
    public FaxResult receiveFax(Path tiff) {
        ArgsFaxFile a = new ArgsFaxFile();
        a.setFname(tiff.toAbsolutePath().toString());
        BfvErrors.check(model, lib.BfvFaxReceiveTiff(handle, a), "BfvFaxReceiveTiff", unit);
        return new FaxResult(a.pages, decode(FaxStatus.class, "FAX_STATUS_", a.status, FaxStatus.UNKNOWN));
    }

    /** @return the T4-timer adaptation info ({@code BfvFaxT4TimerParams}) */
    public T4TimerParams t4TimerParams() {
        ArgsFax a = new ArgsFax();
        BfvErrors.check(model, lib.BfvFaxT4TimerParams(handle, a), "BfvFaxT4TimerParams", unit);
        return new T4TimerParams(
                Integer.toUnsignedLong(a.t4TimerValue),
                Integer.toUnsignedLong(a.t4Duration),
                Integer.toUnsignedLong(a.t4Attempt),
                Integer.toUnsignedLong(a.t4Timeout));
    }

    /**
     * Plays a raw 8 kHz µ-law file on a CONNECTED line.
     *
     * @param file the prompt; never null
     * @param max limit in line time; {@link Duration#ZERO} = whole file
     * @param stopOnDtmf whether a received digit ends the prompt
     * @return line time played and why it ended
     */
    public VoiceResult play(Path file, Duration max, boolean stopOnDtmf) {
        return voice(file, max, stopOnDtmf, true);
    }

    /**
     * Records a raw 8 kHz µ-law file on a CONNECTED line.
     *
     * @param file the file to write; never null
     * @param max limit in line time; must be positive
     * @param stopOnDtmf whether a received digit ends the recording
     * @return line time recorded and why it ended
     */
    public VoiceResult record(Path file, Duration max, boolean stopOnDtmf) {
        return voice(file, max, stopOnDtmf, false);
    }

    private VoiceResult voice(Path file, Duration max, boolean stopOnDtmf, boolean play) {
        ArgsVoice a = new ArgsVoice();
        a.setFname(file.toAbsolutePath().toString());
        a.max_ms = millis(max, "max");
        a.stop_on_dtmf = stopOnDtmf ? 1 : 0;
        String function = play ? "BfvVoicePlay" : "BfvVoiceRecord";
        BfvErrors.check(model, play ? lib.BfvVoicePlay(handle, a) : lib.BfvVoiceRecord(handle, a), function, unit);
        return new VoiceResult(
                Duration.ofMillis(a.elapsed_ms),
                decode(VoiceTermination.class, "VOICE_TERM_", a.term_reason, VoiceTermination.UNKNOWN));
    }

    /**
     * Collects DTMF digits on a CONNECTED line.
     *
     * @param maxDigits 1..31
     * @param timeout wall-clock wait; {@link Duration#ZERO} waits forever
     * @param termDigit digit that ends collection (kept in the result), or 0 for none
     * @return the digits and why collection ended
     */
    public DigitsResult getDigits(int maxDigits, Duration timeout, char termDigit) {
        if (termDigit > 0x7f) {
            throw new IllegalArgumentException("termDigit '" + termDigit + "' is not a DTMF digit (0-9 * # A-D)");
        }
        ArgsDtmf a = new ArgsDtmf();
        a.max_digits = maxDigits;
        a.timeout = millis(timeout, "timeout");
        a.term_digit = (byte) termDigit;
        BfvErrors.check(model, lib.BfvVoiceGetDigits(handle, a), "BfvVoiceGetDigits", unit);
        return new DigitsResult(
                a.digitString(),
                decode(VoiceTermination.class, "VOICE_TERM_", a.term_reason, VoiceTermination.UNKNOWN));
    }

    /**
     * Sends DTMF digits on a CONNECTED line (modelled {@code BfvVoiceSendDigits}); blocks while they are
     * sent.
     *
     * @param digits 1..31 DTMF digits; never null
     */
    public void sendDigits(String digits) {
        ArgsDtmf a = new ArgsDtmf();
        CStrings.put(a.digits, digits, "args_dtmf.digits");
        a.max_digits = digits.length();
        BfvErrors.check(model, lib.BfvVoiceSendDigits(handle, a), "BfvVoiceSendDigits", unit);
    }

    /**
     * Stops the fax or voice operation running on this line (modelled {@code BfvStopMedia}); that
     * operation returns with a STOPPED outcome and the call stays up. May be called from another thread.
     *
     * @return true if an operation was running
     */
    public boolean stopMedia() {
        return BfvErrors.check(model, lib.BfvStopMedia(handle), "BfvStopMedia", unit) > 0;
    }

    /**
     * Removes the callback and detaches ({@code BfvLineDetach} or {@code BfvSessionDetach}); the handle is
     * invalid afterwards. Idempotent.
     *
     * @throws VendorException if the library refuses the detach
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (CALLBACKS.containsKey(handle)) {
                shim.BfvShimSetIncomingCmdFunc(handle, null);
            }
            String function = session ? "BfvSessionDetach" : "BfvLineDetach";
            int rc = session ? lib.BfvSessionDetach(handle) : lib.BfvLineDetach(handle);
            BfvErrors.check(model, rc, function, unit);
        } finally {
            // Only now: the emulator guarantees no callback runs for a handle once detach returned.
            CALLBACKS.remove(handle);
        }
    }

    /** @return number of lines whose callback is held strongly, for tests */
    static int registeredCallbacks() {
        return CALLBACKS.size();
    }

    private <E extends Enum<E>> E decode(Class<E> type, String prefix, int code, E unknown) {
        return model.find(prefix, code)
                .map(k -> Enum.valueOf(type, k.name().substring(prefix.length())))
                .orElse(unknown);
    }

    private static int millis(Duration d, String name) {
        long ms = d.toMillis();
        if (d.isNegative() || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + "=" + d + " must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
        return (int) ms;
    }

    /** Call type selected by {@code args.call_protocol_code}. Thread-safety: immutable. */
    public enum CallProtocol {
        /** {@code CALL_PROTOCOL_FAX}. */
        FAX,
        /** {@code CALL_PROTOCOL_VOICE}. */
        VOICE
    }

    /** Originate call-progress result (HUMAN and BUSY are documented; codes modelled). Thread-safety: immutable. */
    public enum CallProgress {
        /** Fax answer tone detected. */
        FAX_TONE,
        /** A person answered. */
        HUMAN,
        /** Busy tone. */
        BUSY,
        /** Rang out without answer. */
        NO_ANSWER,
        /** No dial tone. */
        NO_DIALTONE,
        /** Special information tone: the network refuses the number. */
        INVALID_NUMBER,
        /** An inbound call seized the line while we dialled; the line now rings with it. */
        GLARE,
        /** A code not in the model. */
        UNKNOWN
    }

    /** How a fax session ended. Thread-safety: immutable. */
    public enum FaxStatus {
        /** Every page transferred. */
        COMPLETE,
        /** The far end hung up during the session. */
        REMOTE_DISCONNECT,
        /** Aborted by a line reset or detach. */
        ABORTED,
        /** The span went into alarm. */
        LINE_DOWN,
        /** Stopped by {@link BfvLine#stopMedia()}. */
        STOPPED,
        /** The far end never answered the fax handshake (a person or voice machine answered). */
        NO_FAX_DEVICE,
        /** A code not in the model. */
        UNKNOWN
    }

    /** Why a voice operation ended. Thread-safety: immutable. */
    public enum VoiceTermination {
        /** End of the file. */
        END_OF_DATA,
        /** A DTMF digit (or the terminating digit) arrived. */
        DTMF,
        /** The time limit passed. */
        MAX_TIME,
        /** The requested number of digits arrived. */
        MAX_DIGITS,
        /** The wait for digits timed out. */
        TIMEOUT,
        /** The call ended. */
        DISCONNECT,
        /** Stopped by {@link BfvLine#stopMedia()}. */
        STOPPED,
        /** A code not in the model. */
        UNKNOWN
    }

    /**
     * An inbound call returned by {@link #waitForCall}.
     *
     * @param callingParty caller number, possibly empty
     * @param calledParty dialled number (DID), possibly empty
     *     <p>Thread-safety: immutable.
     */
    public record InboundCall(String callingParty, String calledParty) {}

    /**
     * @param progress the call-progress result
     * @param state the line state after originate
     *     <p>Thread-safety: immutable.
     */
    public record OriginateResult(CallProgress progress, BfvLineState state) {}

    /**
     * @param pages pages transferred
     * @param status how the session ended
     *     <p>Thread-safety: immutable.
     */
    public record FaxResult(int pages, FaxStatus status) {}

    /**
     * @param elapsed line time played or recorded
     * @param termination why it ended
     *     <p>Thread-safety: immutable.
     */
    public record VoiceResult(Duration elapsed, VoiceTermination termination) {}

    /**
     * @param digits collected digits
     * @param termination why collection ended
     *     <p>Thread-safety: immutable.
     */
    public record DigitsResult(String digits, VoiceTermination termination) {}

    /**
     * T4-timer adaptation info, unsigned values.
     *
     * @param timerValue current T4 timer, ms (modelled unit)
     * @param duration measured duration, ms (modelled unit)
     * @param attempt attempt count
     * @param timeout T4 timeout, ms (modelled unit)
     *     <p>Thread-safety: immutable.
     */
    public record T4TimerParams(long timerValue, long duration, long attempt, long timeout) {}
}
