package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardCapabilities;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Vendor;

class BoardModelTest {
    @Test
    void brooktroutBoardsHaveV34FaxAndVoiceOnEveryChannel() {
        for (BoardModel m : EnumSet.of(BoardModel.TR1034_1T1, BoardModel.TR1034_2T1, BoardModel.TR1034_4T1)) {
            BoardCapabilities c = m.capabilities();
            assertThat(m.vendor()).isEqualTo(Vendor.BROOKTROUT);
            assertThat(c.channelCount()).isEqualTo(24 * m.spans());
            assertThat(c.faxChannels()).isEqualTo(c.channelCount());
            assertThat(c.voiceChannels()).isEqualTo(c.channelCount());
            assertThat(c.maxFaxBps()).isEqualTo(33_600);
            assertThat(c.faxModulations()).contains(FaxModulation.V34, FaxModulation.V17);
            for (int ds0 = 1; ds0 <= 24; ds0++) {
                assertThat(m.kinds(ds0)).containsExactlyInAnyOrder(PortKind.FAX, PortKind.VOICE);
            }
        }
        assertThat(BoardModel.TR1034_4T1.channels()).isEqualTo(96);
        assertThat(BoardModel.TR1034_2T1.channels()).isEqualTo(48);
        assertThat(BoardModel.TR1034_1T1.channels()).isEqualTo(24);
    }

    @Test
    void dialogicJctBoardsHaveVoiceEverywhereAndTwelveV17FaxResourcesPerSpan() {
        assertThat(BoardModel.D240JCT_T1.channels()).isEqualTo(24);
        assertThat(BoardModel.D480JCT_2T1.channels()).isEqualTo(48);
        for (BoardModel m : EnumSet.of(BoardModel.D240JCT_T1, BoardModel.D480JCT_2T1)) {
            BoardCapabilities c = m.capabilities();
            assertThat(m.vendor()).isEqualTo(Vendor.DIALOGIC);
            assertThat(c.voiceChannels()).isEqualTo(c.channelCount());
            assertThat(c.faxChannels()).isEqualTo(12 * m.spans());
            assertThat(c.maxFaxBps()).isEqualTo(14_400);
            assertThat(c.faxModulations()).doesNotContain(FaxModulation.V34);
            assertThat(m.kinds(12)).contains(PortKind.FAX);
            assertThat(m.kinds(13)).containsExactly(PortKind.VOICE);
        }
        assertThat(BoardModel.D480JCT_2T1.modelName()).isEqualTo("D/480JCT-2T1");
    }

    @Test
    void aBackendReportsBoardsSpansAndChannelKindsFromTheModels() {
        try (Sim sim = new Sim(SoftBackend.builder(Sim.MACHINE)
                .board(BoardModel.TR1034_4T1, Sim.pri("A", 3125550100L))
                .board(BoardModel.D480JCT_2T1, Sim.cas("B", 3125550300L), Sim.pri("C", 3125550500L)))) {
            assertThat(sim.backend.boards()).extracting(BoardInfo::model).containsExactly("TR1034-4T1", "D/480JCT-2T1");
            BoardInfo dialogic = sim.backend.boards().get(1);
            assertThat(dialogic.spans()).hasSize(2);
            assertThat(dialogic.serial()).startsWith("DX");
            assertThat(sim.backend.spans()).hasSize(6);
            assertThat(sim.backend.channels()).hasSize(23 + 24 + 23);
            long faxOnDialogic = sim.backend.channels().stream()
                    .filter(c -> c.id().span().board() == 1)
                    .filter(c -> c.kinds().contains(PortKind.FAX))
                    .count();
            assertThat(faxOnDialogic).isEqualTo(24);
            ChannelInfo cas24 = sim.backend.channel(Sim.ch(1, 1, 24));
            assertThat(cas24.kinds()).containsExactly(PortKind.VOICE);
        }
    }

    @Test
    void theSameSeedGivesTheSameSerialNumbers() {
        try (Sim a = new Sim(SoftBackend.builder(Sim.MACHINE).seed(7).board(BoardModel.TR1034_1T1));
                Sim b = new Sim(SoftBackend.builder(Sim.MACHINE).seed(7).board(BoardModel.TR1034_1T1));
                Sim c = new Sim(SoftBackend.builder(Sim.MACHINE).seed(8).board(BoardModel.TR1034_1T1))) {
            String serial = a.backend.boards().get(0).serial();
            assertThat(b.backend.boards().get(0).serial()).isEqualTo(serial);
            assertThat(c.backend.boards().get(0).serial()).isNotEqualTo(serial);
        }
    }
}
