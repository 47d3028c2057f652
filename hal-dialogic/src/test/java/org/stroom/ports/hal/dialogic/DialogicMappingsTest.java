package org.stroom.ports.hal.dialogic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.FxConstants;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.t1.Defect;

class DialogicMappingsTest {
    @Test
    void disconnectResultsBecomeTheirQ850Causes() {
        assertThat(DialogicBackend.q850(GcConstants.GCRV_NORMAL)).isEqualTo(Q850Cause.NORMAL_CLEARING);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_BUSY)).isEqualTo(Q850Cause.USER_BUSY);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_NOANSWER)).isEqualTo(Q850Cause.NO_ANSWER);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_GLARE)).isEqualTo(Q850Cause.CHANNEL_NOT_AVAILABLE);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_CEPT)).isEqualTo(Q850Cause.INVALID_NUMBER_FORMAT);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_ALARM)).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
        assertThat(DialogicBackend.q850(GcConstants.GCRV_SIGNALLING))
                .as("D-channel failure, T309")
                .isEqualTo(new Q850Cause(27));
        assertThat(DialogicBackend.q850(GcConstants.GCRV_INTERNAL))
                .as("board fault")
                .isEqualTo(Q850Cause.TEMPORARY_FAILURE);
        assertThat(DialogicBackend.q850(0x7777)).isEqualTo(Q850Cause.NORMAL_UNSPECIFIED);
    }

    @Test
    void phaseEStatusesBecomeFaxResults() {
        assertThat(DialogicBackend.faxResult(FxConstants.ESTAT_EFX_T1EXPTX)).isEqualTo(FaxResult.NO_FAX_DEVICE);
        assertThat(DialogicBackend.faxResult(FxConstants.ESTAT_EFX_ABORTCMD)).isEqualTo(FaxResult.STOPPED);
        assertThat(DialogicBackend.faxResult(FxConstants.ESTAT_EFX_PHBDEADTX)).isEqualTo(FaxResult.TRAINING_FAILED);
        assertThat(DialogicBackend.faxResult(FxConstants.ESTAT_EFX_DCNFAXRX)).isEqualTo(FaxResult.HANG_UP);
        assertThat(DialogicBackend.faxResult(FxConstants.ESTAT_EFX_COMMERRTX)).isEqualTo(FaxResult.PROTOCOL_ERROR);
    }

    @Test
    void trunkAlarmCodesAreTheRawDefectsTheyReport() {
        assertThat(DialogicBackend.defect(DtConstants.DTT1_LOS)).isEqualTo(Defect.LOS);
        assertThat(DialogicBackend.defect(DtConstants.DTT1_OOF)).isEqualTo(Defect.LOF);
        assertThat(DialogicBackend.defect(DtConstants.DTT1_RBL)).isEqualTo(Defect.AIS);
        assertThat(DialogicBackend.defect(DtConstants.DTT1_RYEL)).isEqualTo(Defect.RAI);
        assertThat(DialogicBackend.defect(DtConstants.DTT1_BPVS))
                .as("not a defect")
                .isNull();
    }

    @Test
    void terminatingDigitsBecomeTheVendorDigitMask() {
        assertThat(DialogicBackend.mask("#")).isEqualTo(0x1000);
        assertThat(DialogicBackend.mask("1*0D")).isEqualTo(0x2 | 0x800 | 0x400 | 0x1);
        assertThat(DialogicBackend.mask("9ABC")).isEqualTo(0x200 | 0x2000 | 0x4000 | 0x8000);
    }
}
