package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BfvIncomingCommandTest {
    private final BfvModel m = BfvModel.defaults();

    private BfvIncomingCommand decode(BfvModel.Key facility, BfvModel.Key specifier) {
        return decode(facility, specifier, 7);
    }

    private BfvIncomingCommand decode(BfvModel.Key facility, BfvModel.Key specifier, int value) {
        return BfvIncomingCommand.decode(
                m, 4, m.get(facility), m.get(BfvModel.Key.MILL_VERB_EVENT), m.get(specifier), 3, value, "x");
    }

    @Test
    void decodesTheDocumentedFaxT4AdaptationEvent() {
        BfvIncomingCommand c = decode(BfvModel.Key.MILL_FACILITY_FAX, BfvModel.Key.FAX_T4_ADAPT_INFO_EVENT);
        assertThat(c.kind()).isEqualTo(BfvEventKind.FAX_T4_ADAPT_INFO);
        assertThat(c.unit()).isEqualTo(4);
        assertThat(c.lineState(m)).contains(BfvLineState.CONNECTED);
    }

    @Test
    void everyKnownKindIsReachableFromItsFacilityAndSpecifier() {
        Set<BfvEventKind> seen = EnumSet.noneOf(BfvEventKind.class);
        seen.add(decode(BfvModel.Key.MILL_FACILITY_CALL, BfvModel.Key.CALL_INCOMING_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_CALL, BfvModel.Key.CALL_REMOTE_DISCONNECT_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_FAX, BfvModel.Key.FAX_T4_ADAPT_INFO_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_FAX, BfvModel.Key.FAX_PAGE_SENT_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_FAX, BfvModel.Key.FAX_PAGE_RECEIVED_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_VOICE, BfvModel.Key.VOICE_DTMF_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_LINE, BfvModel.Key.LINE_ALARM_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_LINE, BfvModel.Key.LINE_ALARM_CLEAR_EVENT)
                .kind());
        int dChannel = m.get(BfvModel.Key.BLOCK_CAUSE_DCHANNEL);
        seen.add(decode(BfvModel.Key.MILL_FACILITY_LINE, BfvModel.Key.LINE_BCHANNEL_BLOCKED_EVENT, dChannel)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_LINE, BfvModel.Key.LINE_BCHANNEL_UNBLOCKED_EVENT, dChannel)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_MODULE, BfvModel.Key.MODULE_FAULT_EVENT)
                .kind());
        seen.add(decode(BfvModel.Key.MILL_FACILITY_MODULE, BfvModel.Key.MODULE_READY_EVENT)
                .kind());
        assertThat(seen).isEqualTo(EnumSet.complementOf(EnumSet.of(BfvEventKind.UNKNOWN)));
    }

    @Test
    void aSpecifierUnderTheWrongFacilityIsUnknownButKeepsItsRawCodes() {
        BfvIncomingCommand c = decode(BfvModel.Key.MILL_FACILITY_VOICE, BfvModel.Key.FAX_PAGE_SENT_EVENT);
        assertThat(c.kind()).isEqualTo(BfvEventKind.UNKNOWN);
        assertThat(c.facility()).isEqualTo(m.get(BfvModel.Key.MILL_FACILITY_VOICE));
        assertThat(c.specifier()).isEqualTo(m.get(BfvModel.Key.FAX_PAGE_SENT_EVENT));
    }

    @Test
    void aBChannelBlockedForAnotherCauseIsNotADChannelReport() {
        BfvIncomingCommand c = decode(
                BfvModel.Key.MILL_FACILITY_LINE,
                BfvModel.Key.LINE_BCHANNEL_BLOCKED_EVENT,
                m.get(BfvModel.Key.BLOCK_CAUSE_DCHANNEL) + 1);
        assertThat(c.kind()).isEqualTo(BfvEventKind.UNKNOWN);
        assertThat(c.value()).isEqualTo(m.get(BfvModel.Key.BLOCK_CAUSE_DCHANNEL) + 1);
    }

    /**
     * Packets as the emulator sends them with the default model (facility, verb, specifier, unit, line
     * state, value, text), decoded.
     */
    @ParameterizedTest(name = "{7}")
    @CsvSource({
        "4, 1, 32, 5, 0, 1, '', DCHANNEL_DOWN",
        "4, 1, 33, 5, 0, 1, '', DCHANNEL_UP",
        "4, 1, 32, 5, 0, 2, '', UNKNOWN",
        "5, 1, 40, 5, 8, 7, 'module 2 fault 7', MODULE_FAULT",
        "5, 1, 41, 5, 0, 0, '', MODULE_READY",
        "1, 1, 2, 5, 0, 27, 'T309 expired', REMOTE_DISCONNECT",
        "1, 1, 2, 5, 0, 0, '', REMOTE_DISCONNECT",
        "5, 2, 40, 5, 8, 7, '', UNKNOWN"
    })
    void decodesCapturedDChannelAndModulePackets(
            int facility, int verb, int specifier, int unit, int state, int value, String text, BfvEventKind kind) {
        BfvIncomingCommand c = BfvIncomingCommand.decode(m, unit, facility, verb, specifier, state, value, text);
        assertThat(c.kind()).isEqualTo(kind);
        assertThat(c.unit()).isEqualTo(unit);
        assertThat(c.value()).isEqualTo(value);
        assertThat(c.text()).isEqualTo(text);
    }

    @Test
    void aVerbOtherThanEventIsUnknown() {
        BfvIncomingCommand c = BfvIncomingCommand.decode(
                m, 0, m.get(BfvModel.Key.MILL_FACILITY_CALL), 99, m.get(BfvModel.Key.CALL_INCOMING_EVENT), 0, 0, "");
        assertThat(c.kind()).isEqualTo(BfvEventKind.UNKNOWN);
    }
}
