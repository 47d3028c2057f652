package org.stroom.ports.hal.dialogic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

class DialogicSettingsTest {
    private static DialogicSettings settings(Map<String, String> p) {
        return DialogicSettings.from(new BackendOptions(p, NanoClock.system(), "node-1"));
    }

    @Test
    void defaultsAreOneTwoSpanPriBoard() {
        DialogicSettings s = settings(Map.of());
        assertThat(s.boards()).containsExactly("D/480JCT-2T1");
        assertThat(s.signalling()).isEqualTo(Signalling.ISDN_PRI);
        assertThat(s.protocol()).isEqualTo("ISDN");
        assertThat(s.trunkCount()).isEqualTo(2);
    }

    @Test
    void trunksAreNumberedAcrossBoardsAndMapToFieldVoiceChannels() {
        DialogicSettings s = settings(Map.of("dialogic.boards", "D/240JCT-T1, D/480JCT-2T1"));
        assertThat(s.trunks()).extracting(DialogicSettings.Trunk::number).containsExactly(1, 2, 3);
        SpanLocation second = new SpanLocation("node-1", 1, 1);
        assertThat(s.trunkOf(second)).isEqualTo(2);
        ChannelId ch = new ChannelId(second, 5);
        assertThat(s.voiceChannel(ch))
                .as("k = 24 + 4 = 28 -> board 8, channel 1")
                .isEqualTo("dxxxB8C1");
        assertThat(s.lineDevice(ch)).isEqualTo(":N_dtiB2T5:P_ISDN:V_dxxxB8C1");
    }

    @Test
    void casSignallingUsesAPdkProtocolByDefault() {
        assertThat(settings(Map.of("dialogic.signalling", "EM_WINK_START")).protocol())
                .isEqualTo("pdk_us_mf_io");
    }

    @Test
    void unknownBoardModelIsRefusedNamingThePropertyAndTheModels() {
        assertThatThrownBy(() -> settings(Map.of("dialogic.boards", "D/4PCI")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("dialogic.boards")
                .hasMessageContaining("D/4PCI")
                .hasMessageContaining("D/240JCT-T1");
    }

    @Test
    void badTimeScaleIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> settings(Map.of("dialogic.timeScale", "0")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("dialogic.timeScale");
        assertThatThrownBy(() -> settings(Map.of("dialogic.timeScale", "fast")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("'fast'");
    }
}
