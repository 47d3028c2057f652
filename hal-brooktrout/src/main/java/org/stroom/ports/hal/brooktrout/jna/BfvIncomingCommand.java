package org.stroom.ports.hal.brooktrout.jna;

import java.util.Objects;
import java.util.Optional;

/**
 * One decoded incoming-command callback. Raw codes are kept next to the decoded kind so that an
 * unknown combination can still be logged and matched against vendor traces.
 *
 * @param unit system unit number of the line
 * @param kind decoded meaning; {@link BfvEventKind#UNKNOWN} if the codes are not in the model
 * @param facility raw {@code args_packet.facility}
 * @param verb raw {@code args_packet.cmd_verb}
 * @param specifier raw {@code args_packet.cmd_specifier}
 * @param lineStateCode raw line-state code when the event was raised
 * @param value page number, digit, alarm bits, block cause, fault code, or the Q.850 cause of a remote
 *     disconnect (0 = not given), by kind
 * @param text caller number, file name or fault text, by kind; never null
 *     <p>Thread-safety: immutable.
 */
public record BfvIncomingCommand(
        int unit, BfvEventKind kind, int facility, int verb, int specifier, int lineStateCode, int value, String text) {

    /** Validates non-null fields. */
    public BfvIncomingCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Decodes raw callback fields with a model. Pure; never throws for unknown codes.
     *
     * @param model the code table; never null
     * @param packet the callback payload, already read; never null
     * @return the decoded command
     */
    public static BfvIncomingCommand decode(BfvModel model, ArgsPacket packet) {
        return decode(
                model,
                packet.unit,
                packet.facility,
                packet.cmd_verb,
                packet.cmd_specifier,
                packet.line_state,
                packet.value,
                packet.textString());
    }

    /**
     * Decodes raw callback fields with a model. Pure; never throws for unknown codes.
     *
     * @return the decoded command
     */
    public static BfvIncomingCommand decode(
            BfvModel model,
            int unit,
            int facility,
            int verb,
            int specifier,
            int lineStateCode,
            int value,
            String text) {
        BfvEventKind kind = BfvEventKind.UNKNOWN;
        if (verb == model.get(BfvModel.Key.MILL_VERB_EVENT)) {
            kind = kindOf(model, facility, specifier, value);
        }
        return new BfvIncomingCommand(unit, kind, facility, verb, specifier, lineStateCode, value, text);
    }

    private static BfvEventKind kindOf(BfvModel m, int facility, int specifier, int value) {
        if (facility == m.get(BfvModel.Key.MILL_FACILITY_CALL)) {
            if (specifier == m.get(BfvModel.Key.CALL_INCOMING_EVENT)) {
                return BfvEventKind.INCOMING_CALL;
            }
            if (specifier == m.get(BfvModel.Key.CALL_REMOTE_DISCONNECT_EVENT)) {
                return BfvEventKind.REMOTE_DISCONNECT;
            }
        } else if (facility == m.get(BfvModel.Key.MILL_FACILITY_FAX)) {
            if (specifier == m.get(BfvModel.Key.FAX_T4_ADAPT_INFO_EVENT)) {
                return BfvEventKind.FAX_T4_ADAPT_INFO;
            }
            if (specifier == m.get(BfvModel.Key.FAX_PAGE_SENT_EVENT)) {
                return BfvEventKind.FAX_PAGE_SENT;
            }
            if (specifier == m.get(BfvModel.Key.FAX_PAGE_RECEIVED_EVENT)) {
                return BfvEventKind.FAX_PAGE_RECEIVED;
            }
        } else if (facility == m.get(BfvModel.Key.MILL_FACILITY_VOICE)) {
            if (specifier == m.get(BfvModel.Key.VOICE_DTMF_EVENT)) {
                return BfvEventKind.DTMF;
            }
        } else if (facility == m.get(BfvModel.Key.MILL_FACILITY_LINE)) {
            if (specifier == m.get(BfvModel.Key.LINE_ALARM_EVENT)) {
                return BfvEventKind.ALARM;
            }
            if (specifier == m.get(BfvModel.Key.LINE_ALARM_CLEAR_EVENT)) {
                return BfvEventKind.ALARM_CLEAR;
            }
            // a B-channel blocked for another cause (e.g. far-end maintenance) is not a D-channel report
            if (value == m.get(BfvModel.Key.BLOCK_CAUSE_DCHANNEL)) {
                if (specifier == m.get(BfvModel.Key.LINE_BCHANNEL_BLOCKED_EVENT)) {
                    return BfvEventKind.DCHANNEL_DOWN;
                }
                if (specifier == m.get(BfvModel.Key.LINE_BCHANNEL_UNBLOCKED_EVENT)) {
                    return BfvEventKind.DCHANNEL_UP;
                }
            }
        } else if (facility == m.get(BfvModel.Key.MILL_FACILITY_MODULE)) {
            if (specifier == m.get(BfvModel.Key.MODULE_FAULT_EVENT)) {
                return BfvEventKind.MODULE_FAULT;
            }
            if (specifier == m.get(BfvModel.Key.MODULE_READY_EVENT)) {
                return BfvEventKind.MODULE_READY;
            }
        }
        return BfvEventKind.UNKNOWN;
    }

    /**
     * @param model the code table used to decode; never null
     * @return the line state when the event was raised, if the code is in the model
     */
    public Optional<BfvLineState> lineState(BfvModel model) {
        return model.lineState(lineStateCode);
    }
}
