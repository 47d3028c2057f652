package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.event.DtiEvent;
import org.stroom.ports.hal.dialogic.event.GcEvent;

@Timeout(20)
class AlarmEmulatorTest {
    private EmulatorSession s;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
    }

    @Test
    void enabledT1AlarmAndItsRecoveryArriveAsDtiEvents() {
        DtiDevice trunk = s.calls.dtOpen("dtiB1");
        s.calls.dtSetalrm(trunk, DtConstants.DTA_TERM);
        s.calls.dtSetevtmsk(
                trunk,
                DtConstants.DTG_T1ERREVT,
                DtConstants.DTEC_RED | DtConstants.DTEC_LOS | DtConstants.DTEC_RLOS | DtConstants.DTEC_RYEL,
                DtConstants.DTA_SETMSK);

        assertThat(s.emu.emu_raise_alarm(1, DtConstants.DTT1_RED)).isZero();
        assertThat(s.next()).isEqualTo(new DtiEvent.TrunkAlarm(trunk, DtConstants.DTT1_RED, false));
        assertThat(s.emu.emu_clear_alarm(1, DtConstants.DTT1_RED)).isZero();
        assertThat(s.next()).isEqualTo(new DtiEvent.TrunkAlarm(trunk, DtConstants.DTT1_RED, true));
    }

    @Test
    void alarmsOutsideTheMaskOrOnOtherTrunksAreNotDelivered() {
        DtiDevice trunk = s.calls.dtOpen("dtiB1");
        s.calls.dtSetevtmsk(trunk, DtConstants.DTG_T1ERREVT, DtConstants.DTEC_LOS, DtConstants.DTA_SETMSK);
        s.emu.emu_raise_alarm(1, DtConstants.DTT1_RYEL);
        s.emu.emu_raise_alarm(2, DtConstants.DTT1_LOS);
        s.assertQueueEmpty();
        s.calls.dtSetevtmsk(trunk, DtConstants.DTG_T1ERREVT, DtConstants.DTEC_RYEL, DtConstants.DTA_ADDMSK);
        s.emu.emu_clear_alarm(1, DtConstants.DTT1_RYEL);
        assertThat(s.next()).isEqualTo(new DtiEvent.TrunkAlarm(trunk, DtConstants.DTT1_RYEL, true));
    }

    @Test
    void badDtiParameterCarriesTheDeviceErrorText() {
        DtiDevice ts = s.calls.dtOpen("dtiB1T3");
        assertThatThrownBy(() -> s.calls.dtSetalrm(ts, DtConstants.DTA_TERM))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.symbol()).isEqualTo("EDT_PARAMERR");
                    assertThat(e.device()).isEqualTo("dtiB1T3");
                    assertThat(e.vendorText()).isEqualTo("invalid parameter");
                });
    }

    @Test
    void blockingAlarmBlocksLinesDisconnectsCallsAndRecoveryUnblocks() {
        s.calls.gcStart();
        LineDevice line = s.openLine(1, 1);
        s.calls.gcSetAlarmNotifyAll(line, true);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 1, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        s.calls.gcAnswerCall(crn, 0);
        s.next(GcEvent.Answered.class);

        s.emu.emu_raise_alarm(1, DtConstants.DTT1_RED);
        assertThat(s.next()).isEqualTo(new GcEvent.Alarm(line, DtConstants.DTT1_RED, false));
        assertThat(s.next()).isEqualTo(new GcEvent.Blocked(line));
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, crn, GcConstants.GCRV_ALARM));
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue())
                .as("a blocked line takes no calls")
                .isEqualTo(-4);
        s.calls.gcDropCall(crn, GcConstants.GC_NORMAL_CLEARING);
        s.next(GcEvent.Dropped.class);
        s.calls.gcReleaseCallEx(crn);
        s.next(GcEvent.Released.class);
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue()).isEqualTo(-4);
        assertThatThrownBy(() -> s.calls.gcMakeCall(line, "5551234", 0))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_ALARM"));

        s.emu.emu_clear_alarm(1, DtConstants.DTT1_RED);
        assertThat(s.next()).isEqualTo(new GcEvent.Alarm(line, DtConstants.DTT1_RED, true));
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line));
        assertThat(s.emu.emu_inject_inbound_call(1, 1, "1", "2").longValue()).isPositive();
    }

    @Test
    void alarmEventsAreOffUntilNotifyIsEnabled() {
        s.calls.gcStart();
        LineDevice line = s.openLine(2, 1);
        s.emu.emu_raise_alarm(2, DtConstants.DTT1_RYEL);
        s.assertQueueEmpty();
        s.emu.emu_raise_alarm(2, DtConstants.DTT1_LOS);
        assertThat(s.next()).as("blocking alarm still blocks").isEqualTo(new GcEvent.Blocked(line));
        s.assertQueueEmpty();
    }

    @Test
    void lineOpenedDuringAnAlarmStaysBlockedUntilRecovery() {
        s.calls.gcStart();
        s.emu.emu_raise_alarm(1, DtConstants.DTT1_LOS);
        LineDevice line = s.calls.gcOpenEx(":N_dtiB1T2:P_ISDN", true);
        assertThat(s.next()).isEqualTo(new GcEvent.Opened(line));
        s.assertQueueEmpty();
        s.emu.emu_clear_alarm(1, DtConstants.DTT1_LOS);
        assertThat(s.next()).isEqualTo(new GcEvent.Unblocked(line));
    }
}
