package org.stroom.ports.hal.brooktrout.jna;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The one place that holds every <em>modelled</em> (not vendor-exact) value of the Brooktrout Bfv API:
 * return and error codes, line-state codes, call-protocol and call-progress codes, callback facility,
 * verb and specifier codes, fax and voice outcome codes, alarm bits, emulator timings, struct layout
 * lengths and the library file names.
 *
 * <p>The vendor guide documents names, calling patterns, states and transitions but no header (facts
 * sheet Part B, tag A), so each numeric value here is an assumption. The C emulator keeps the same table
 * in {@code src/test/c/bfv_model.h}; a test checks that both agree. The modelled C signatures are the
 * methods of {@link BfvLibrary} and {@link BfvShimLibrary}; the struct layouts are the {@code Args*}
 * structures, sized by the {@code *_LEN} constants below.
 *
 * <p>Overriding: every {@link Key} can be replaced by the system property {@code
 * brooktrout.model.<KEY>} (e.g. {@code -Dbrooktrout.model.LINE_STATE_IDLE=7}); the library names by
 * {@value #LIB_PROPERTY} and {@value #SHIM_LIB_PROPERTY}. Layout lengths are compile-time constants:
 * changing them needs a matching library build.
 *
 * <p>Thread-safety: immutable.
 */
public final class BfvModel {

    /** System property naming the Bfv library (a name for {@code jna.library.path} or an absolute path). */
    public static final String LIB_PROPERTY = "brooktrout.lib";

    /** System property naming the library that exports the {@code LINE_*} macro equivalents. */
    public static final String SHIM_LIB_PROPERTY = "brooktrout.shim.lib";

    /** Prefix of the system properties that override a {@link Key}. */
    public static final String KEY_PROPERTY_PREFIX = "brooktrout.model.";

    /** Modelled default name of the Bfv library ({@code libbfv.so}); the real file name is not public. */
    public static final String DEFAULT_LIB = "bfv";

    /** Default name of the project's shim library exporting the {@code LINE_*} macro equivalents. */
    public static final String DEFAULT_SHIM_LIB = "bfvshim";

    /** Length of {@code args_call.phonenum}, bytes including the NUL. */
    public static final int PHONENUM_LEN = 64;

    /** Length of {@code args_call.calling_party} and {@code called_party}, bytes including the NUL. */
    public static final int PARTY_LEN = 64;

    /** Length of the file-name fields, bytes including the NUL. */
    public static final int FNAME_LEN = 256;

    /** Length of {@code args_dtmf.digits}, bytes including the NUL (31 digits). */
    public static final int DIGITS_LEN = 32;

    /** Length of {@code args_packet.text}, bytes including the NUL. */
    public static final int TEXT_LEN = 64;

    /**
     * Every modelled numeric value, named as in the C emulator. Group prefixes: {@code BT_} return codes
     * (0 = success, negative = error), {@code LINE_STATE_}, {@code CALL_PROTOCOL_}, {@code CALL_PROGRESS_},
     * {@code MILL_FACILITY_}, {@code MILL_VERB_}, event specifiers ({@code *_EVENT}), {@code FAX_STATUS_},
     * {@code VOICE_TERM_}, {@code ALARM_} bits, {@code BLOCK_CAUSE_} (why the module blocked a B-channel),
     * {@code TIME_} emulator timings in line milliseconds ({@code TIME_T309_MS}: how long the module keeps
     * active calls up after its span's D-channel went down, Q.931 T309).
     */
    public enum Key {
        BT_OK(0),
        BT_ERR_BAD_HANDLE(-1),
        BT_ERR_WRONG_STATE(-2),
        BT_ERR_TIMEOUT(-3),
        BT_ERR_BAD_ARGUMENT(-4),
        BT_ERR_LINE_DOWN(-5),
        BT_ERR_FILE(-6),
        BT_ERR_HARDWARE(-7),
        BT_ERR_BUSY(-8),
        BT_ERR_ABORTED(-9),
        LINE_STATE_IDLE(0),
        LINE_STATE_RINGING(1),
        LINE_STATE_OFF_HOOK(2),
        LINE_STATE_CONNECTED(3),
        LINE_STATE_AWAIT_TRAINING(4),
        LINE_STATE_FAX_MODE(5),
        LINE_STATE_TURNAROUND(6),
        LINE_STATE_HOLDUP(7),
        LINE_STATE_NOLOOP(8),
        LINE_STATE_RCV_INFO(9),
        LINE_STATE_RESETTING(10),
        LINE_STATE_RETAIN(11),
        CALL_PROTOCOL_FAX(1),
        CALL_PROTOCOL_VOICE(2),
        CALL_PROGRESS_FAX_TONE(1),
        CALL_PROGRESS_HUMAN(2),
        CALL_PROGRESS_BUSY(3),
        CALL_PROGRESS_NO_ANSWER(4),
        CALL_PROGRESS_NO_DIALTONE(5),
        CALL_PROGRESS_INVALID_NUMBER(6),
        CALL_PROGRESS_GLARE(7),
        MILL_FACILITY_CALL(1),
        MILL_FACILITY_FAX(2),
        MILL_FACILITY_VOICE(3),
        MILL_FACILITY_LINE(4),
        MILL_FACILITY_MODULE(5),
        MILL_VERB_EVENT(1),
        CALL_INCOMING_EVENT(1),
        CALL_REMOTE_DISCONNECT_EVENT(2),
        FAX_T4_ADAPT_INFO_EVENT(10),
        FAX_PAGE_SENT_EVENT(11),
        FAX_PAGE_RECEIVED_EVENT(12),
        VOICE_DTMF_EVENT(20),
        LINE_ALARM_EVENT(30),
        LINE_ALARM_CLEAR_EVENT(31),
        LINE_BCHANNEL_BLOCKED_EVENT(32),
        LINE_BCHANNEL_UNBLOCKED_EVENT(33),
        MODULE_FAULT_EVENT(40),
        MODULE_READY_EVENT(41),
        BLOCK_CAUSE_DCHANNEL(1),
        FAX_STATUS_COMPLETE(0),
        FAX_STATUS_REMOTE_DISCONNECT(1),
        FAX_STATUS_ABORTED(2),
        FAX_STATUS_LINE_DOWN(3),
        FAX_STATUS_STOPPED(4),
        FAX_STATUS_NO_FAX_DEVICE(5),
        VOICE_TERM_END_OF_DATA(1),
        VOICE_TERM_DTMF(2),
        VOICE_TERM_MAX_TIME(3),
        VOICE_TERM_MAX_DIGITS(4),
        VOICE_TERM_TIMEOUT(5),
        VOICE_TERM_DISCONNECT(6),
        VOICE_TERM_STOPPED(7),
        ALARM_LOS(1),
        ALARM_LOF(2),
        ALARM_AIS(4),
        ALARM_RAI(8),
        TIME_DIAL_MS(3000),
        TIME_TRAINING_MS(6000),
        TIME_PAGE_MS(60000),
        TIME_TURNAROUND_MS(1000),
        TIME_RESET_MS(500),
        VOICE_BYTES_PER_SECOND(8000),
        T4_TIMER_VALUE_MS(3000),
        T4_TIMEOUT_MS(15000),
        TIME_DTMF_DIGIT_MS(100),
        TIME_T309_MS(90000),
        FAX_BPS(14400);

        private final int defaultValue;

        Key(int defaultValue) {
            this.defaultValue = defaultValue;
        }

        /** @return the modelled default value */
        public int defaultValue() {
            return defaultValue;
        }

        /** @return the system property that overrides this value */
        public String property() {
            return KEY_PROPERTY_PREFIX + name();
        }

        String group() {
            String n = name();
            for (String prefix : GROUPS_WITH_DISTINCT_CODES) {
                if (n.startsWith(prefix)) {
                    return prefix;
                }
            }
            return n.endsWith("_EVENT") ? "*_EVENT" : n;
        }
    }

    private static final String[] GROUPS_WITH_DISTINCT_CODES = {
        "BT_",
        "LINE_STATE_",
        "CALL_PROTOCOL_",
        "CALL_PROGRESS_",
        "MILL_FACILITY_",
        "MILL_VERB_",
        "FAX_STATUS_",
        "VOICE_TERM_",
        "ALARM_",
        "BLOCK_CAUSE_"
    };

    private static final Map<Key, String> ERROR_TEXT = errorTexts();

    private final EnumMap<Key, Integer> values;
    private final String libraryName;
    private final String shimLibraryName;

    private BfvModel(EnumMap<Key, Integer> values, String libraryName, String shimLibraryName) {
        this.values = values;
        this.libraryName = libraryName;
        this.shimLibraryName = shimLibraryName;
        Map<String, Key> seen = new HashMap<>();
        for (Map.Entry<Key, Integer> e : values.entrySet()) {
            Key clash = seen.putIfAbsent(e.getKey().group() + "=" + e.getValue(), e.getKey());
            if (clash != null) {
                throw new IllegalArgumentException("Brooktrout model: " + e.getKey() + " and " + clash
                        + " both have value " + e.getValue() + "; codes of one group must differ (check "
                        + e.getKey().property() + " and " + clash.property() + ")");
            }
        }
    }

    /** @return the model with every default value and the default library names */
    public static BfvModel defaults() {
        return fromProperties(new Properties());
    }

    /**
     * @param properties source of {@code brooktrout.model.*}, {@value #LIB_PROPERTY} and {@value
     *     #SHIM_LIB_PROPERTY}; never null; missing entries take their defaults
     * @return the model
     * @throws IllegalArgumentException naming the property if a value is not an integer, or if two codes
     *     of one group collide
     */
    public static BfvModel fromProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        EnumMap<Key, Integer> values = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String text = properties.getProperty(key.property());
            if (text == null) {
                values.put(key, key.defaultValue());
                continue;
            }
            try {
                values.put(key, Integer.decode(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        key.property() + "='" + text + "' is not an integer; give a decimal or 0x-hex value", e);
            }
        }
        return new BfvModel(
                values,
                properties.getProperty(LIB_PROPERTY, DEFAULT_LIB),
                properties.getProperty(SHIM_LIB_PROPERTY, DEFAULT_SHIM_LIB));
    }

    /** @return the model built from {@link System#getProperties()}, read once on first use */
    public static BfvModel current() {
        return CurrentHolder.CURRENT;
    }

    private static final class CurrentHolder {
        static final BfvModel CURRENT = fromProperties(System.getProperties());
    }

    /**
     * @param key a modelled value; never null
     * @return its value in this model
     */
    public int get(Key key) {
        return values.get(key);
    }

    /** @return every key with its value in this model, in declaration order; unmodifiable */
    public Map<Key, Integer> values() {
        return Collections.unmodifiableMap(values);
    }

    /** @return the Bfv library name or path passed to JNA */
    public String libraryName() {
        return libraryName;
    }

    /** @return the shim library name or path passed to JNA (may equal {@link #libraryName()}) */
    public String shimLibraryName() {
        return shimLibraryName;
    }

    /**
     * @param prefix a group prefix such as {@code "LINE_STATE_"} or {@code "BT_ERR_"}; never null
     * @param code a native value
     * @return the key of that group with that value, if any
     */
    public Optional<Key> find(String prefix, int code) {
        return Arrays.stream(Key.values())
                .filter(k -> k.name().startsWith(prefix) && values.get(k) == code)
                .findFirst();
    }

    /**
     * @param code a native line-state code, e.g. from {@link BfvShimLibrary#BfvShimLineState}
     * @return the state, or empty if the code is not in the model
     */
    public Optional<BfvLineState> lineState(int code) {
        return find("LINE_STATE_", code).map(k -> BfvLineState.valueOf(k.name().substring("LINE_STATE_".length())));
    }

    /**
     * @param state a line state; never null
     * @return its native code in this model
     */
    public int code(BfvLineState state) {
        return get(Key.valueOf("LINE_STATE_" + state.name()));
    }

    /**
     * @param code a failing return code
     * @return its symbolic name, e.g. {@code "BT_ERR_WRONG_STATE"}, or {@code "UNKNOWN"}
     */
    public String errorSymbol(int code) {
        return find("BT_ERR_", code).map(Key::name).orElse("UNKNOWN");
    }

    /**
     * @param code a failing return code
     * @return the modelled explanation of that code, or empty if unknown
     */
    public String errorText(int code) {
        return find("BT_ERR_", code).map(ERROR_TEXT::get).orElse("");
    }

    private static Map<Key, String> errorTexts() {
        EnumMap<Key, String> m = new EnumMap<>(Key.class);
        m.put(Key.BT_ERR_BAD_HANDLE, "the line handle is not attached (detached, never attached or reset)");
        m.put(Key.BT_ERR_WRONG_STATE, "the call is not allowed in the line's current state");
        m.put(Key.BT_ERR_TIMEOUT, "the blocking wait timed out");
        m.put(Key.BT_ERR_BAD_ARGUMENT, "an args-packet field is missing or out of range");
        m.put(Key.BT_ERR_LINE_DOWN, "the line is out of service (span alarm) or went down during the call");
        m.put(Key.BT_ERR_FILE, "the file could not be read, written or is not a TIFF-F file");
        m.put(Key.BT_ERR_HARDWARE, "the module reported a hardware or firmware failure");
        m.put(Key.BT_ERR_BUSY, "another blocking call is in progress on this line");
        m.put(Key.BT_ERR_ABORTED, "the blocking call was cut short by a line reset, detach or far-end hang-up");
        return Collections.unmodifiableMap(m);
    }
}
