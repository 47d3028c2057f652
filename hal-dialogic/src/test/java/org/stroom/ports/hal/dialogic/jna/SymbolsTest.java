package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolsTest {
    @Test
    void namesGlobalCallCodesFromTheirFamily() {
        assertThat(GcConstants.errorName(0x41)).isEqualTo("EGC_INVSTATE");
        assertThat(GcConstants.eventName(0x824)).isEqualTo("GCEV_OFFERED");
        assertThat(GcConstants.resultName(0x509)).isEqualTo("GCRV_BUSY");
        assertThat(GcConstants.stateName(0x04)).isEqualTo("GCST_CONNECTED");
    }

    @Test
    void aliasesResolveToTheAlphabeticallyFirstName() {
        assertThat(GcConstants.errorName(0x16)).isEqualTo("EGC_DXOPEN");
        assertThat(GcConstants.eventName(0x839)).isEqualTo("GCEV_REQMOREINFO");
    }

    @Test
    void collidingCodesAreNamedPerLibrary() {
        assertThat(DxConstants.eventName(0xA1)).isEqualTo("TDX_RESET");
        assertThat(FxConstants.eventName(0xA1)).isEqualTo("TFX_FAXSEND");
    }

    @Test
    void unknownCodesAreNamedUnknown() {
        assertThat(GcConstants.errorName(0x7777)).isEqualTo(Symbols.UNKNOWN);
        assertThat(DtConstants.alarmName(0x0E)).isEqualTo(Symbols.UNKNOWN);
    }

    @Test
    void alarmNamesMarkRecovery() {
        assertThat(DtConstants.alarmName(0x0B)).isEqualTo("DTT1_RED");
        assertThat(DtConstants.alarmName(0x1B)).isEqualTo("DTT1_REDOK");
        assertThat(FxConstants.phaseEName(199)).isEqualTo("EFX_ABORTCMD");
    }
}
