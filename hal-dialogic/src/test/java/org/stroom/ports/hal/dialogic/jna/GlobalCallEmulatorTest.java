package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.event.GcEvent;

@Timeout(20)
class GlobalCallEmulatorTest {
    private EmulatorSession s;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
        s.calls.gcStart();
    }

    @Test
    void inboundCallRunsFromOfferedToReleased() {
        LineDevice line = s.openLine(1, 1);
        s.calls.gcWaitCall(line);
        long injected = s.emu.emu_inject_inbound_call(1, 1, "5551000", "4001").longValue();
        assertThat(injected).isPositive();

        Crn crn = s.next(GcEvent.Offered.class).crn();
        assertThat(crn.value()).isEqualTo(injected);
        assertThat(s.calls.gcGetAni(crn)).isEqualTo("5551000");
        assertThat(s.calls.gcGetDnis(crn)).isEqualTo("4001");
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_OFFERED);

        s.calls.gcAcceptCall(crn, 0);
        assertThat(s.next()).isEqualTo(new GcEvent.Accepted(line, crn));
        s.calls.gcAnswerCall(crn, 0);
        assertThat(s.next()).isEqualTo(new GcEvent.Answered(line, crn));
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_CONNECTED);

        assertThat(s.emu.emu_far_end_hangup(1, 1, 0).longValue()).isEqualTo(crn.value());
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, crn, GcConstants.GCRV_NORMAL));
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_DISCONNECTED);

        s.calls.gcDropCall(crn, GcConstants.GC_NORMAL_CLEARING);
        assertThat(s.next()).isEqualTo(new GcEvent.Dropped(line, crn));
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_IDLE);
        s.calls.gcReleaseCallEx(crn);
        assertThat(s.next()).isEqualTo(new GcEvent.Released(line, crn));
        s.assertQueueEmpty();
    }

    @Test
    void releasedCrnIsInvalidAndTheLineTakesTheNextCall() {
        LineDevice line = s.openLine(1, 2);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 2, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        s.calls.gcDropCall(crn, GcConstants.GC_CALL_REJECTED);
        s.next(GcEvent.Dropped.class);
        s.calls.gcReleaseCallEx(crn);
        s.next(GcEvent.Released.class);

        assertThatThrownBy(() -> s.calls.gcAnswerCall(crn, 0))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_INVCRN"));
        assertThat(s.emu.emu_inject_inbound_call(1, 2, "1", "2").longValue())
                .as("line stays armed after a call")
                .isPositive();
        assertThat(s.next(GcEvent.Offered.class).crn()).isNotEqualTo(crn);
    }

    @Test
    void answeringAConnectedCallFailsWithInvstateAndLibraryTextAndQueuesNothing() {
        LineDevice line = s.openLine(1, 3);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 3, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        s.calls.gcAnswerCall(crn, 0);
        s.next(GcEvent.Answered.class);

        assertThatThrownBy(() -> s.calls.gcAnswerCall(crn, 0)).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.vendor()).isEqualTo("dialogic");
            assertThat(e.function()).isEqualTo("gc_AnswerCall");
            assertThat(e.device()).isEqualTo("crn 0x" + Long.toHexString(crn.value()));
            assertThat(e.code()).isEqualTo(GcConstants.EGC_INVSTATE);
            assertThat(e.symbol()).isEqualTo("EGC_INVSTATE");
            assertThat(e.vendorText()).contains("state").contains("CONNECTED");
        });
        assertThat(s.calls.gcGetCallState(crn)).isEqualTo(GcConstants.GCST_CONNECTED);
        s.assertQueueEmpty();
    }

    @Test
    void releasingBeforeDroppingIsAWrongStateCall() {
        LineDevice line = s.openLine(1, 4);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 4, "1", "2");
        Crn crn = s.next(GcEvent.Offered.class).crn();
        assertThatThrownBy(() -> s.calls.gcReleaseCallEx(crn))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_INVSTATE"));
    }

    @Test
    void outboundCallAlertsThenConnects() {
        LineDevice line = s.openLine(2, 1);
        Crn crn = s.calls.gcMakeCall(line, "5551234", 0);
        assertThat(s.calls.gcGetCallState(crn)).isIn(GcConstants.GCST_DIALING, GcConstants.GCST_PROCEEDING);
        assertThat(s.next()).isEqualTo(new GcEvent.Alerting(line, crn));
        assertThat(s.next()).isEqualTo(new GcEvent.Connected(line, crn));
        assertThat(s.calls.gcGetDnis(crn)).isEqualTo("5551234");

        assertThatThrownBy(() -> s.calls.gcMakeCall(line, "5550000", 0))
                .as("one live call per line")
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_INVSTATE"));
    }

    @Test
    void busyFarEndDisconnectsWithBusyResultAndNoAlerting() {
        LineDevice line = s.openLine(2, 2);
        s.emu.emu_set_far_end("5550001", GcConstants.GCRV_BUSY, new NativeLong(500));
        Crn crn = s.calls.gcMakeCall(line, "5550001", 30);
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, crn, GcConstants.GCRV_BUSY));
    }

    @Test
    void unansweredCallTimesOutWithNoAnswer() {
        LineDevice line = s.openLine(2, 3);
        s.emu.emu_set_far_end("5550002", 0, new NativeLong(120_000));
        Crn crn = s.calls.gcMakeCall(line, "5550002", 20);
        s.next(GcEvent.Alerting.class);
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, crn, GcConstants.GCRV_NOANSWER));
    }

    @Test
    void maskedOutAlertingIsNotDeliveredAndMaskedInDialingIs() {
        LineDevice line = s.openLine(2, 4);
        s.calls.gcSetEvtMsk(line, GcConstants.GCMSK_ALERTING, GcConstants.GCACT_SUBMSK);
        s.calls.gcSetEvtMsk(line, GcConstants.GCMSK_DIALING, GcConstants.GCACT_ADDMSK);
        Crn crn = s.calls.gcMakeCall(line, "5551234", 0);
        assertThat(s.next()).isEqualTo(new GcEvent.Dialing(line, crn));
        assertThat(s.next()).isEqualTo(new GcEvent.Connected(line, crn));
    }

    @Test
    void detectedPrecedesOfferedWhenUnmasked() {
        s.emu.emu_set_default_gc_mask(new NativeLong(GcConstants.GCMSK_DETECTED | GcConstants.GCMSK_UNBLOCKED));
        LineDevice line = s.openLine(1, 5);
        s.calls.gcWaitCall(line);
        s.emu.emu_inject_inbound_call(1, 5, "1", "2");
        Crn crn = s.next(GcEvent.Detected.class).crn();
        assertThat(s.next()).isEqualTo(new GcEvent.Offered(line, crn));
    }

    @Test
    void inboundSeizureOfADiallingLineIsGlareThatTheNetworkWins() {
        LineDevice line = s.openLine(1, 12);
        s.calls.gcWaitCall(line);
        s.emu.emu_set_default_far_end(0, new NativeLong(30_000), 0);
        Crn ours = s.calls.gcMakeCall(line, "5551234", 0);
        long theirs = s.emu.emu_inject_inbound_call(1, 12, "1", "2").longValue();
        assertThat(theirs).isPositive().isNotEqualTo(ours.value());
        assertThat(s.next()).isEqualTo(new GcEvent.Disconnected(line, ours, GcConstants.GCRV_GLARE));
        assertThat(s.next()).isEqualTo(new GcEvent.Offered(line, new Crn(theirs)));
        s.calls.gcDropCall(ours, GcConstants.GC_NORMAL_CLEARING);
        s.next(GcEvent.Dropped.class);
        s.calls.gcReleaseCallEx(ours);
        s.next(GcEvent.Released.class);
        assertThat(s.calls.gcGetCallState(new Crn(theirs))).isEqualTo(GcConstants.GCST_OFFERED);
    }

    @Test
    void failureInjectedOnALineHitsOnlyThatLinesNextCall() {
        LineDevice a = s.openLine(1, 13);
        LineDevice b = s.openLine(1, 14);
        s.emu.emu_fail_next_on_line(1, 14, new NativeLong(GcConstants.EGC_NOMEM));
        Crn onA = s.calls.gcMakeCall(a, "5551234", 0);
        assertThatThrownBy(() -> s.calls.gcMakeCall(b, "5551234", 0))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_NOMEM"));
        Crn onB = s.calls.gcMakeCall(b, "5551234", 0);
        assertThat(onB).isNotEqualTo(onA);
    }

    @Test
    void unarmedLineRefusesInboundCalls() {
        s.openLine(1, 6);
        assertThat(s.emu.emu_inject_inbound_call(1, 6, "1", "2").longValue()).isEqualTo(-2);
        s.assertQueueEmpty();
    }

    @Test
    void synchronousModeIsRejectedForAsyncOnlyFunctions() {
        LineDevice line = s.openLine(1, 7);
        int rc = s.libs.gc().gc_WaitCall(new NativeLong(line.value()), null, null, 0, new NativeLong(0));
        assertThat(rc).isEqualTo(GcConstants.GC_ERROR);
        GcStructs.GC_INFO info = new GcStructs.GC_INFO();
        s.libs.gc().gc_ErrorInfo(info);
        assertThat(info.gcValue).isEqualTo(GcConstants.EGC_SYNC);
    }

    @Test
    void callsAfterStopFailWithFuncAfterStop() {
        LineDevice line = s.openLine(1, 8);
        s.calls.gcStop();
        assertThat(s.registry.kindOf(line.value())).isEqualTo(DeviceKind.UNKNOWN);
        assertThatThrownBy(() -> s.calls.gcWaitCall(line))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_GC_FUNC_AFTER_STOP"));
    }

    @Test
    void invalidDeviceNameFailsWithInvdevname() {
        assertThatThrownBy(() -> s.calls.gcOpenEx(":N_dtiB9T1:P_ISDN", true))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.symbol()).isEqualTo("EGC_INVDEVNAME");
                    assertThat(e.device()).isEqualTo(":N_dtiB9T1:P_ISDN");
                    assertThat(e.vendorText()).contains("dtiB9T1");
                });
    }

    @Test
    void injectedFailureCarriesTheRequestedCode() {
        LineDevice line = s.openLine(1, 9);
        s.emu.emu_fail_next("gc_WaitCall", new NativeLong(GcConstants.EGC_NOMEM));
        assertThatThrownBy(() -> s.calls.gcWaitCall(line))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_NOMEM"));
        s.calls.gcWaitCall(line);
    }

    @Test
    void metaEventMirrorsTheSrlEventAndEchoesTheUserAttribute() {
        NativeLongByReference ld = new NativeLongByReference();
        Pointer usr = new Pointer(0x1234);
        assertThat(s.libs.gc().gc_OpenEx(ld, ":N_dtiB1T10:P_ISDN", SrlConstants.EV_ASYNC, usr))
                .isZero();
        assertThat(s.libs.srl().sr_waitevt(new NativeLong(5000)).longValue()).isZero();
        GcStructs.METAEVENT me = new GcStructs.METAEVENT();
        assertThat(s.libs.gc().gc_GetMetaEvent(me)).isZero();
        assertThat(me.hasValidMagic()).isTrue();
        assertThat(me.isGcEvent()).isTrue();
        assertThat(me.evttype.longValue()).isEqualTo(GcConstants.GCEV_OPENEX);
        assertThat(me.evtdev.longValue()).isEqualTo(ld.getValue().longValue());
        assertThat(me.linedev.longValue()).isEqualTo(ld.getValue().longValue());
        assertThat(me.crn.longValue()).as("line-level events carry crn 0").isZero();
        assertThat(me.usrattr).isEqualTo(usr);
        assertThat(me.cclibid).isEqualTo(GcConstants.GC_ISDN_LIB);

        me.magicno = new NativeLong(0);
        GcStructs.GC_INFO info = new GcStructs.GC_INFO();
        assertThat(s.libs.gc().gc_ResultInfo(me, info)).isEqualTo(GcConstants.GC_ERROR);
        s.libs.gc().gc_ErrorInfo(info);
        assertThat(info.gcValue).isEqualTo(GcConstants.EGC_INVMETAEVENT);
    }

    @Test
    void voiceAndNetworkHandlesOfALineAreRegisteredAndForgottenWithIt() {
        LineDevice line = s.openLine(1, 11);
        VoiceDevice v = s.calls.gcVoiceDevice(line);
        DtiDevice n = s.calls.gcNetworkDevice(line);
        assertThat(s.registry.kindOf(v.value())).isEqualTo(DeviceKind.VOICE);
        assertThat(s.registry.kindOf(n.value())).isEqualTo(DeviceKind.DTI_TIMESLOT);
        assertThat(s.libs.srl().ATDV_NAMEP(new NativeLong(v.value())).getString(0))
                .isEqualTo("dxxxB3C3");
        s.calls.gcClose(line);
        assertThat(s.registry.kindOf(v.value())).isEqualTo(DeviceKind.UNKNOWN);
        assertThatThrownBy(() -> s.calls.gcWaitCall(line))
                .isInstanceOfSatisfying(
                        VendorException.class, e -> assertThat(e.symbol()).isEqualTo("EGC_INVLINEDEV"));
    }

    @Test
    void parameterBlocksAreUnalignedChainsThatGrowToAnEightKilobyteLimit() {
        PointerByReference blk = new PointerByReference();
        GcLibrary gc = s.libs.gc();
        assertThat(gc.gc_util_insert_parm_val(blk, (short) 1, (short) 2, (byte) 4, new NativeLong(0x11223344)))
                .isZero();
        assertThat(gc.gc_util_insert_parm_val(blk, (short) 3, (short) 4, (byte) 1, new NativeLong(7)))
                .isZero();
        Pointer b = blk.getValue();
        assertThat(b.getShort(0)).as("parm_data_size").isEqualTo((short) (5 + 4 + 5 + 1));
        Pointer first = gc.gc_util_next_parm(b, null);
        assertThat(Pointer.nativeValue(first) - Pointer.nativeValue(b)).isEqualTo(2);
        assertThat(first.getInt(5)).isEqualTo(0x11223344);
        Pointer second = gc.gc_util_next_parm(b, first);
        assertThat(Pointer.nativeValue(second) - Pointer.nativeValue(first))
                .as("no alignment")
                .isEqualTo(9);
        assertThat(gc.gc_util_next_parm(b, second)).isNull();
        assertThat(gc.gc_util_find_parm(b, (short) 3, (short) 4)).isEqualTo(second);
        assertThat(gc.gc_util_find_parm(b, (short) 9, (short) 9)).isNull();

        com.sun.jna.Memory big = new com.sun.jna.Memory(255);
        int rc = 0;
        for (int i = 0; i < 40 && rc == 0; i++) {
            rc = gc.gc_util_insert_parm_ref(blk, (short) 5, (short) i, (byte) 255, big);
        }
        assertThat(rc).as("insert past 8192 bytes").isEqualTo(-2);
        gc.gc_util_delete_parm_blk(blk.getValue());
    }
}
