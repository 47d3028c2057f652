package org.stroom.ports.hal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.stroom.ports.t1.SpanLocation;

class ChannelStateMachineTest {
    private final ChannelId id = new ChannelId(new SpanLocation("server", 0, 1), 5);

    @Test
    void followsAnInboundCallAndKeepsItsHistory() {
        ChannelStateMachine m = new ChannelStateMachine(id, ChannelState.IDLE);
        m.transition(ChannelState.OFFERED, 1, "inbound");
        m.transition(ChannelState.CONNECTED, 2, "answer");
        m.transition(ChannelState.DISCONNECTING, 3, "far-end hang-up");
        m.transition(ChannelState.IDLE, 4, "released");
        assertThat(m.history())
                .extracting(StateChange::to)
                .containsExactly(
                        ChannelState.OFFERED, ChannelState.CONNECTED, ChannelState.DISCONNECTING, ChannelState.IDLE);
        assertThat(m.history().get(1))
                .isEqualTo(new StateChange(ChannelState.OFFERED, ChannelState.CONNECTED, 2, "answer"));
    }

    @Test
    void wrongStateOperationNamesTheStateAndLeavesTheChannelUnchanged() {
        ChannelStateMachine m = new ChannelStateMachine(id, ChannelState.IDLE);
        assertThatThrownBy(() -> m.require("answer", EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING)))
                .isInstanceOf(WrongStateException.class)
                .hasMessage(
                        "cannot answer on channel server/b0/s1/c5: it is IDLE; answer is allowed only when [OFFERED, ALERTING]");
        assertThat(m.state()).isEqualTo(ChannelState.IDLE);
        assertThat(m.history()).isEmpty();
    }

    @Test
    void rejectsTransitionsOutsideTheTable() {
        ChannelStateMachine m = new ChannelStateMachine(id, ChannelState.IDLE);
        assertThatThrownBy(() -> m.transition(ChannelState.CONNECTED, 1, "bug"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDLE -> CONNECTED");
        assertThat(ChannelStateMachine.allowed(ChannelState.CONNECTED, ChannelState.OFFERED))
                .isFalse();
        assertThat(ChannelStateMachine.allowed(ChannelState.OUT_OF_SERVICE, ChannelState.IDLE))
                .isTrue();
    }

    @Test
    void historyIsBounded() {
        ChannelStateMachine m = new ChannelStateMachine(id, ChannelState.IDLE);
        for (int i = 0; i < 100; i++) {
            m.transition(ChannelState.BLOCKED, i, "lock");
            m.transition(ChannelState.IDLE, i, "unlock");
        }
        assertThat(m.history()).hasSize(ChannelStateMachine.HISTORY);
    }

    @Test
    void valueTypesExplainBadInput() {
        assertThatThrownBy(() -> new ChannelId(new SpanLocation("n1", 0, 1), 25))
                .hasMessageContaining("DS0 25 is outside 1..24");
        assertThatThrownBy(() -> new DialString("555-1234"))
                .isInstanceOf(HalException.class)
                .hasMessage(
                        "number '555-1234' has unsupported character '-' at position 4; use digits, * # , and an optional leading +");
        assertThatThrownBy(() -> new DialString("")).hasMessageContaining("use 1..32");
        assertThat(new DialString("+13125550100").value()).isEqualTo("+13125550100");
        assertThatThrownBy(() -> Dtmf.check("1x", "digits")).hasMessageContaining("'x', which is not a DTMF digit");
        assertThatThrownBy(() -> new Q850Cause(0)).hasMessageContaining("outside 1..127");
        assertThat(Q850Cause.USER_BUSY.toString()).isEqualTo("17 (user busy)");
        assertThatThrownBy(() -> new FaxSendRequest(java.nio.file.Path.of("x.tif"), "123456789012345678901"))
                .hasMessageContaining("T.30 allows 20");
    }

    @Test
    void aCallIsClearableInEveryCallStateButDisconnecting() {
        for (ChannelState st : ChannelState.values()) {
            assertThat(st.clearable()).as(st.name()).isEqualTo(st.inCall() && st != ChannelState.DISCONNECTING);
        }
        assertThat(ChannelState.clearableStates())
                .containsExactlyInAnyOrder(
                        ChannelState.OFFERED, ChannelState.ALERTING, ChannelState.DIALLING, ChannelState.CONNECTED);
        assertThatThrownBy(() -> ChannelState.clearableStates().add(ChannelState.IDLE))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
