package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BfvModelTest {

    private static BfvModel with(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return BfvModel.fromProperties(p);
    }

    @Test
    void defaultsAreTheDeclaredModelledValues() {
        BfvModel m = BfvModel.defaults();
        for (BfvModel.Key k : BfvModel.Key.values()) {
            assertThat(m.get(k)).as(k.name()).isEqualTo(k.defaultValue());
        }
        assertThat(m.libraryName()).isEqualTo("bfv");
        assertThat(m.shimLibraryName()).isEqualTo("bfvshim");
    }

    @Test
    void aSystemPropertyStyleOverrideReplacesOneValue() {
        BfvModel m = with("brooktrout.model.LINE_STATE_IDLE", "0x20");
        assertThat(m.get(BfvModel.Key.LINE_STATE_IDLE)).isEqualTo(32);
        assertThat(m.lineState(32)).contains(BfvLineState.IDLE);
        assertThat(m.lineState(0)).isEmpty();
        assertThat(m.code(BfvLineState.IDLE)).isEqualTo(32);
    }

    @Test
    void libraryNamesComeFromTheirProperties() {
        assertThat(with("brooktrout.lib", "/opt/bt/libbfv.so").libraryName()).isEqualTo("/opt/bt/libbfv.so");
        assertThat(with("brooktrout.shim.lib", "myshim").shimLibraryName()).isEqualTo("myshim");
    }

    @Test
    void rejectsANonIntegerOverrideNamingTheProperty() {
        assertThatThrownBy(() -> with("brooktrout.model.BT_ERR_TIMEOUT", "minus three"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brooktrout.model.BT_ERR_TIMEOUT='minus three' is not an integer");
    }

    @Test
    void rejectsTwoCodesOfOneGroupWithTheSameValue() {
        assertThatThrownBy(() -> with("brooktrout.model.LINE_STATE_RINGING", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LINE_STATE_RINGING and LINE_STATE_IDLE both have value 0");
    }

    @Test
    void codesOfDifferentGroupsMayShareAValue() {
        assertThat(BfvModel.defaults().get(BfvModel.Key.MILL_VERB_EVENT))
                .isEqualTo(BfvModel.defaults().get(BfvModel.Key.CALL_INCOMING_EVENT));
    }

    @Test
    void errorSymbolsAndTextsCoverEveryErrorCodeAndUnknownCodesStayNumeric() {
        BfvModel m = BfvModel.defaults();
        for (BfvModel.Key k : BfvModel.Key.values()) {
            if (k.name().startsWith("BT_ERR_")) {
                assertThat(m.errorSymbol(m.get(k))).isEqualTo(k.name());
                assertThat(m.errorText(m.get(k))).as(k.name()).isNotEmpty();
            }
        }
        assertThat(m.errorSymbol(-999)).isEqualTo("UNKNOWN");
        assertThat(m.errorText(-999)).isEmpty();
    }

    @Test
    void everyLineStateHasACode() {
        BfvModel m = BfvModel.defaults();
        for (BfvLineState s : BfvLineState.values()) {
            assertThat(m.lineState(m.code(s))).contains(s);
        }
    }
}
