package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.event.DtiEvent;
import org.stroom.ports.hal.dialogic.event.GcEvent;

/**
 * The emulator's modelled PRI D-channel (GCEV_D_CHAN_STATUS, gc_GetLinedevState, T309) and board fault
 * (DTEV_OUTSERVICE), through real JNA calls. Emulated time runs 100 times faster than real time.
 */
@Timeout(20)
class DChannelAndBoardFaultEmulatorTest {
    private static final int DOWN = GcConstants.GCLS_OUT_OF_SERVICE;
    private static final int UP = GcConstants.GCLS_INSERVICE;

    private EmulatorSession s;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
        s.calls.gcStart();
    }

    private Crn offer(LineDevice line, int trunk, int ts) {
        s.calls.gcWaitCall(line);
        assertThat(s.emu.emu_inject_inbound_call(trunk, ts, "1", "2").longValue())
                .isPositive();
        return s.next(GcEvent.Offered.class).crn();
    }

    private Crn connect(LineDevice line, int trunk, int ts) {
        Crn crn = offer(line, trunk, ts);
        s.calls.gcAnswerCall(crn, 0);
        s.next(GcEvent.Answered.class);
        return crn;
    }

    @Test
    void dChannelDownBlocksIsdnLinesAndReportsItsStateUntilItIsUp() {
        LineDevice line = s.openLine(1, 1);
        s.calls.gcWaitCall(line);
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_DCHANNEL)).isEqualTo(UP);

        assertThat(s.emu.emu_set_dchannel(1, 0)).isZero();
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(line));
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_DCHANNEL)).isEqualTo(DOWN);
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_BCHANNEL)).isEqualTo(DOWN);
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue())
                .as("a line without D-channel takes no calls")
                .isEqualTo(-4);
        assertThat(s.emu.emu_set_dchannel(1, 0)).as("already down").isEqualTo(-2);
        assertThat(s.emu.emu_set_dchannel(9, 0)).as("no trunk 9").isEqualTo(-1);

        assertThat(s.emu.emu_set_dchannel(1, 1)).isZero();
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line, UP));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line));
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_BCHANNEL)).isEqualTo(UP);
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue()).isPositive();
    }

    @Test
    void dChannelFailureClearsCallsNotYetConnectedAtOnceAndConnectedCallsWhenT309Expires() {
        LineDevice offeredLine = s.openLine(1, 1);
        LineDevice connectedLine = s.openLine(1, 2);
        Crn offered = offer(offeredLine, 1, 1);
        Crn connected = connect(connectedLine, 1, 2);
        s.emu.emu_set_t309(new NativeLong(50_000)); // 0.5 s real: long enough to see the call survive it first

        s.emu.emu_set_dchannel(1, 0);
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(offeredLine, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(offeredLine));
        assertThat(s.next())
                .as("a call not yet connected is cleared at once (Q.931 5.8.8)")
                .isEqualTo(new GcEvent.Disconnected(offeredLine, offered, GcConstants.GCRV_SIGNALLING));
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(connectedLine, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(connectedLine));
        assertThat(s.calls.gcGetCallState(connected)).isEqualTo(GcConstants.GCST_CONNECTED);
        assertThat(s.next())
                .as("the connected call is cleared when T309 expires")
                .isEqualTo(new GcEvent.Disconnected(connectedLine, connected, GcConstants.GCRV_SIGNALLING));
    }

    @Test
    void connectedCallSurvivesWhenTheDChannelReturnsBeforeT309() {
        LineDevice line = s.openLine(1, 1);
        Crn crn = connect(line, 1, 1);
        s.emu.emu_set_t309(new NativeLong(3_000));

        s.emu.emu_set_dchannel(1, 0);
        s.emu.emu_set_dchannel(1, 1);
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(line));
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line, UP));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line));
        assertThat(s.calls.waitEvent(100))
                .as("no disconnect once the stale T309 (30 ms real) has passed")
                .isEmpty();
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_CONNECTED);
    }

    @Test
    void linesWithoutIsdnHaveNoDChannel() {
        LineDevice cas = s.calls.gcOpenEx(":N_dtiB1T3:P_pdk_us_mf_io:V_dxxxB1C3", true);
        s.next(GcEvent.Opened.class);
        s.next(GcEvent.Unblocked.class);

        s.emu.emu_set_dchannel(1, 0);
        s.assertQueueEmpty();
        assertThat(s.calls.gcGetLinedevState(cas, GcConstants.GCGLS_BCHANNEL)).isEqualTo(UP);
        assertThatThrownBy(() -> s.calls.gcGetLinedevState(cas, GcConstants.GCGLS_DCHANNEL))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_UNSUPPORTED"));
        assertThatThrownBy(() -> s.calls.gcGetLinedevState(cas, 7))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_INVPARM"));
    }

    @Test
    void lineOpenedWhileTheDChannelIsDownStaysBlockedUntilItIsUp() {
        s.emu.emu_set_dchannel(1, 0);
        LineDevice line = s.calls.gcOpenEx(":N_dtiB1T2:P_ISDN", true);
        assertThat(s.next()).isEqualTo(new GcEvent.Opened(line));
        s.assertQueueEmpty();
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_DCHANNEL)).isEqualTo(DOWN);
        s.emu.emu_set_dchannel(1, 1);
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line, UP));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line));
    }

    @Test
    void boardFaultTakesEveryTrunkOfTheBoardOutOfServiceUntilRecovery() {
        DtiDevice trunk1 = s.calls.dtOpen("dtiB1");
        DtiDevice trunk2 = s.calls.dtOpen("dtiB2");
        LineDevice line1 = s.openLine(1, 1);
        LineDevice line2 = s.openLine(2, 1);
        s.calls.gcWaitCall(line2);
        Crn crn = connect(line1, 1, 1);

        assertThat(s.emu.emu_board_fault(1, 2)).isZero();
        assertThat(s.next()).isEqualTo(new DtiEvent.ServiceChange(trunk1, DtConstants.EDT_FWERR));
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line1, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(line1));
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line1, crn, GcConstants.GCRV_INTERNAL));
        assertThat(s.next()).isEqualTo(new DtiEvent.ServiceChange(trunk2, DtConstants.EDT_FWERR));
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line2, DOWN));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(line2));
        assertThat(s.emu.emu_board_fault(1, 2)).as("already failed").isEqualTo(-2);
        assertThat(s.emu.emu_board_fault(2, 2)).as("no trunk 3").isEqualTo(-1);
        assertThat(s.emu.emu_inject_inbound_call(2, 1, "1", "2").longValue()).isEqualTo(-4);
        assertThatThrownBy(() -> s.calls.gcMakeCall(line2, "5551234", 0))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_ALARM"));
        s.calls.gcDropCall(crn, GcConstants.GC_NORMAL_CLEARING);
        s.next(GcEvent.Dropped.class);
        s.calls.gcReleaseCallEx(crn);
        s.next(GcEvent.Released.class);

        assertThat(s.emu.emu_board_recover(1, 2)).isZero();
        DtiEvent.ServiceChange back = s.next(DtiEvent.ServiceChange.class);
        assertThat(back).isEqualTo(new DtiEvent.ServiceChange(trunk1, DtConstants.EDT_SUCC));
        assertThat(back.inService()).isTrue();
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line1, UP));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line1));
        assertThat(s.next()).isEqualTo(new DtiEvent.ServiceChange(trunk2, DtConstants.EDT_SUCC));
        assertThat(s.next()).isEqualTo(new GcEvent.DChannelStatus(line2, UP));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line2));
        assertThat(s.emu.emu_board_recover(1, 2)).as("nothing failed").isEqualTo(-2);
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue()).isPositive();
    }

    @Test
    void recoveredBoardKeepsIsdnLinesBlockedWhileTheFarEndsDChannelIsDown() {
        DtiDevice trunk = s.calls.dtOpen("dtiB1");
        LineDevice line = s.openLine(1, 1);
        s.emu.emu_set_dchannel(1, 0);
        s.next(GcEvent.DChannelStatus.class);
        s.next(GcEvent.Blocked.class);

        s.emu.emu_board_fault(1, 1);
        assertThat(s.next())
                .as("the D-channel was already down: only the trunk reports")
                .isEqualTo(new DtiEvent.ServiceChange(trunk, DtConstants.EDT_FWERR));
        s.assertQueueEmpty();
        s.emu.emu_board_recover(1, 1);
        assertThat(s.next()).isEqualTo(new DtiEvent.ServiceChange(trunk, DtConstants.EDT_SUCC));
        s.assertQueueEmpty();
        assertThat(s.calls.gcGetLinedevState(line, GcConstants.GCGLS_BCHANNEL)).isEqualTo(DOWN);
    }
}
