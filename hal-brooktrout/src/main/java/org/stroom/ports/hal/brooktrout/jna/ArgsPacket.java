package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code struct args_packet}: payload of the per-line incoming-command callback. The name and the
 * dispatch fields {@code facility}, {@code cmd_verb}, {@code cmd_specifier} are documented (facts §14);
 * the layout and the remaining fields are modelled.
 *
 * <p>Thread-safety: not thread-safe; valid only during the callback that received it.
 */
@Structure.FieldOrder({"facility", "cmd_verb", "cmd_specifier", "unit", "line_state", "value", "text"})
public class ArgsPacket extends Structure {
    /** A {@code MILL_FACILITY_*} code. */
    public int facility;
    /** A {@code MILL_VERB_*} code. */
    public int cmd_verb;
    /** An event specifier code ({@code *_EVENT}). */
    public int cmd_specifier;
    /** System unit number of the line. */
    public int unit;
    /** Line-state code when the event was raised. */
    public int line_state;
    /** Page number, DTMF digit or alarm bits, by specifier. */
    public int value;
    /** Caller number or file name, by specifier; NUL-terminated. */
    public byte[] text = new byte[BfvModel.TEXT_LEN];

    /** An empty packet, for layout checks. */
    public ArgsPacket() {
        super();
    }

    /**
     * Reads the packet the library passed to a callback.
     *
     * @param p the native {@code struct args_packet *}; never null
     */
    public ArgsPacket(Pointer p) {
        super(p);
        read();
    }

    /** @return {@link #text} as a string */
    public String textString() {
        return CStrings.get(text);
    }
}
