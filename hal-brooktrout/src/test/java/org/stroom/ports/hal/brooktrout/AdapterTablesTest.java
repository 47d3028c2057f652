package org.stroom.ports.hal.brooktrout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.brooktrout.jna.BfvLineState;

class AdapterTablesTest {

    @Test
    void sessionChannelsStartAtTwoAndRunSpanBySpan() {
        assertThat(ChannelNumbering.sessionChannel(1, 1)).isEqualTo(2);
        assertThat(ChannelNumbering.sessionChannel(1, 24)).isEqualTo(25);
        assertThat(ChannelNumbering.sessionChannel(2, 1)).isEqualTo(26);
        assertThat(ChannelNumbering.sessionChannel(4, 24)).isEqualTo(97);
    }

    @Test
    void sessionChannelNumberingRoundTripsAndNeverCollides() {
        Set<Integer> seen = new HashSet<>();
        for (int port = 1; port <= 4; port++) {
            for (int ds0 = 1; ds0 <= 24; ds0++) {
                int ch = ChannelNumbering.sessionChannel(port, ds0);
                assertThat(seen.add(ch)).as("channel %d unique", ch).isTrue();
                assertThat(ChannelNumbering.portOf(ch)).isEqualTo(port);
                assertThat(ChannelNumbering.ds0Of(ch)).isEqualTo(ds0);
            }
        }
    }

    @Test
    void sessionChannelRejectsPortsAndTimeslotsOutsideAT1Board() {
        assertThatThrownBy(() -> ChannelNumbering.sessionChannel(5, 1)).hasMessageContaining("port 5");
        assertThatThrownBy(() -> ChannelNumbering.sessionChannel(1, 25)).hasMessageContaining("25");
    }

    @Test
    void everyLineStateMapsToAChannelStateAndFaxPhasesCountAsConnected() {
        for (BfvLineState s : BfvLineState.values()) {
            assertThat(LineStateMapping.channelState(s)).as(s.name()).isNotNull();
        }
        assertThat(LineStateMapping.channelState(BfvLineState.IDLE)).isEqualTo(ChannelState.IDLE);
        assertThat(LineStateMapping.channelState(BfvLineState.RINGING)).isEqualTo(ChannelState.OFFERED);
        assertThat(LineStateMapping.channelState(BfvLineState.OFF_HOOK)).isEqualTo(ChannelState.DIALLING);
        assertThat(LineStateMapping.channelState(BfvLineState.FAX_MODE)).isEqualTo(ChannelState.CONNECTED);
        assertThat(LineStateMapping.channelState(BfvLineState.TURNAROUND)).isEqualTo(ChannelState.CONNECTED);
        assertThat(LineStateMapping.channelState(BfvLineState.NOLOOP)).isEqualTo(ChannelState.OUT_OF_SERVICE);
    }

    @Test
    void boardModelsHave24ChannelsPerSpanAndTheSmallestFittingModelIsChosen() {
        assertThat(BoardModel.TR1034_1T1.channels()).isEqualTo(24);
        assertThat(BoardModel.TR1034_2T1.channels()).isEqualTo(48);
        assertThat(BoardModel.TR1034_4T1.channels()).isEqualTo(96);
        assertThat(BoardModel.smallestWith(3)).contains(BoardModel.TR1034_4T1);
        assertThat(BoardModel.smallestWith(5)).isEmpty();
        assertThat(BoardModel.byName("tr1034-2t1")).contains(BoardModel.TR1034_2T1);
        assertThat(BoardModel.TR1034_4T1.capabilities().faxChannels()).isEqualTo(96);
    }
}
