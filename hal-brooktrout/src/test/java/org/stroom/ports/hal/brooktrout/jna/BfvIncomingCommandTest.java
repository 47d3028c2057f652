package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BfvIncomingCommandTest {
    private final BfvModel m = BfvModel.defaults();

    private BfvIncomingCommand decode(BfvModel.Key facility, BfvModel.Key specifier) {
        return BfvIncomingCommand.decode(
                m, 4, m.get(facility), m.get(BfvModel.Key.MILL_VERB_EVENT), m.get(specifier), 3, 7, "x");
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
    void aVerbOtherThanEventIsUnknown() {
        BfvIncomingCommand c = BfvIncomingCommand.decode(
                m, 0, m.get(BfvModel.Key.MILL_FACILITY_CALL), 99, m.get(BfvModel.Key.CALL_INCOMING_EVENT), 0, 0, "");
        assertThat(c.kind()).isEqualTo(BfvEventKind.UNKNOWN);
    }
}
