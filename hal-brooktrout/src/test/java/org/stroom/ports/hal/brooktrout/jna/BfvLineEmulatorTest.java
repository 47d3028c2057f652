package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProgress;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProtocol;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.InboundCall;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.OriginateResult;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BfvLineEmulatorTest extends EmulatorFixture {

    @Test
    void attachByUnitLeavesTheLineIdle() {
        try (BfvLine line = BfvLine.attach(natives, 5)) {
            assertThat(line.unit()).isEqualTo(5);
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void attachBySessionMapsModuleAndWorkChannelToSystemUnit() {
        ok(emu.emu_configure(2, 48));
        try (BfvLine first = BfvLine.attachSession(natives, 2, 2);
                BfvLine secondModuleFirst = BfvLine.attachSession(natives, 3, 2);
                BfvLine secondModuleLast = BfvLine.attachSession(natives, 3, 49)) {
            assertThat(first.unit()).isZero();
            assertThat(secondModuleFirst.unit()).isEqualTo(48);
            assertThat(secondModuleLast.unit()).isEqualTo(95);
            assertThat(secondModuleLast.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void sessionAttachRejectsAdministrativeChannelsAndUnknownModules() {
        ok(emu.emu_configure(2, 48));
        assertThatThrownBy(() -> BfvLine.attachSession(natives, 2, 1))
                .isInstanceOfSatisfying(VendorException.class, e -> {
                    assertThat(e.function()).isEqualTo("BfvSessionAttach");
                    assertThat(e.device()).isEqualTo("module 2 channel 1");
                    assertThat(e.symbol()).isEqualTo("NULL_HANDLE");
                });
        assertThatThrownBy(() -> BfvLine.attachSession(natives, 2, 50)).isInstanceOf(VendorException.class);
        assertThatThrownBy(() -> BfvLine.attachSession(natives, 4, 2)).isInstanceOf(VendorException.class);
    }

    @Test
    void attachRejectsOutOfRangeAndAlreadyAttachedUnits() {
        assertThatThrownBy(() -> BfvLine.attach(natives, 96))
                .isInstanceOf(VendorException.class)
                .hasMessageContaining("BfvLineAttach(unit 96)");
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            assertThatThrownBy(() -> BfvLine.attach(natives, 0)).isInstanceOf(VendorException.class);
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void inboundCallRingsCallsBackIsAnsweredAndEndsWhenTheFarEndHangsUp() {
        try (BfvLine line = BfvLine.attach(natives, 3)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);

            ok(emu.emu_inbound_call(3, "5551234", "2001"));
            BfvIncomingCommand ring = sink.next();
            assertThat(ring.kind()).isEqualTo(BfvEventKind.INCOMING_CALL);
            assertThat(ring.unit()).isEqualTo(3);
            assertThat(ring.text()).isEqualTo("5551234");
            assertThat(ring.lineState(model)).contains(BfvLineState.RINGING);

            assertThat(line.waitForCall(Duration.ofSeconds(5))).contains(new InboundCall("5551234", "2001"));
            assertThat(line.state()).isEqualTo(BfvLineState.RINGING);
            line.answer();
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);

            ok(emu.emu_far_end_hangup(3));
            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
            assertThat(sink.threads).allMatch(name -> name.equals("brooktrout-callback"));
        }
    }

    @Test
    void waitForCallBlocksUntilACallArrivesFromAnotherThread() throws Exception {
        try (BfvLine line = BfvLine.attach(natives, 7)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);
            CompletableFuture<Optional<InboundCall>> waiting =
                    CompletableFuture.supplyAsync(() -> line.waitForCall(Duration.ZERO));
            ok(emu.emu_inbound_call(7, "100", "200"));
            assertThat(waiting.get(5, TimeUnit.SECONDS)).contains(new InboundCall("100", "200"));
        }
    }

    @Test
    void waitForCallTimeoutIsAnOutcomeAndLeavesTheLineIdle() {
        try (BfvLine line = BfvLine.attach(natives, 1)) {
            assertThat(line.waitForCall(Duration.ofMillis(20))).isEmpty();
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void originateFaxConnectsOnFaxToneAndTerminateReturnsToIdle() {
        try (BfvLine line = BfvLine.attach(natives, 2)) {
            assertThat(line.originate("5550100", CallProtocol.FAX))
                    .isEqualTo(new OriginateResult(CallProgress.FAX_TONE, BfvLineState.CONNECTED));
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
            line.terminate();
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void originateThatMeetsBusyLeavesTheLineOffHookUntilTerminated() {
        try (BfvLine line = BfvLine.attach(natives, 2)) {
            ok(emu.emu_set_call_progress(2, code(BfvModel.Key.CALL_PROGRESS_BUSY)));
            assertThat(line.originate("5550100", CallProtocol.VOICE))
                    .isEqualTo(new OriginateResult(CallProgress.BUSY, BfvLineState.OFF_HOOK));
            line.terminate();
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void answerWhileIdleFailsWithWrongStateAndKeepsTheState() {
        try (BfvLine line = BfvLine.attach(natives, 4)) {
            assertThatThrownBy(line::answer).isInstanceOfSatisfying(VendorException.class, e -> {
                assertThat(e.vendor()).isEqualTo("brooktrout");
                assertThat(e.function()).isEqualTo("BfvLineAnswer");
                assertThat(e.device()).isEqualTo("unit 4");
                assertThat(e.code()).isEqualTo(code(BfvModel.Key.BT_ERR_WRONG_STATE));
                assertThat(e.symbol()).isEqualTo("BT_ERR_WRONG_STATE");
                assertThat(e.vendorText()).contains("state");
            });
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
            assertThatThrownBy(line::terminate)
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_WRONG_STATE"));
        }
    }

    @Test
    void originateOnAConnectedLineFailsWithWrongState() {
        try (BfvLine line = BfvLine.attach(natives, 4)) {
            line.originate("1", CallProtocol.FAX);
            assertThatThrownBy(() -> line.originate("2", CallProtocol.FAX))
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_WRONG_STATE"));
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void injectedFailureIsReportedOnceWithItsCodeAndChangesNothing() {
        try (BfvLine line = BfvLine.attach(natives, 9)) {
            ok(emu.emu_inbound_call(9, "1", "2"));
            ok(emu.emu_inject_failure("BfvLineAnswer", 9, code(BfvModel.Key.BT_ERR_HARDWARE)));
            assertThatThrownBy(line::answer).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.symbol())
                    .isEqualTo("BT_ERR_HARDWARE"));
            assertThat(line.state()).isEqualTo(BfvLineState.RINGING);
            line.answer();
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void unknownNativeCodeKeepsItsNumberWithSymbolUnknown() {
        try (BfvLine line = BfvLine.attach(natives, 9)) {
            ok(emu.emu_inject_failure("BfvLineReset", 9, -4242));
            assertThatThrownBy(line::reset).isInstanceOfSatisfying(VendorException.class, e -> {
                assertThat(e.code()).isEqualTo(-4242);
                assertThat(e.symbol()).isEqualTo("UNKNOWN");
            });
        }
    }

    @Test
    void lineResetReturnsAConnectedLineToIdle() {
        try (BfvLine line = BfvLine.attach(natives, 6)) {
            line.originate("1", CallProtocol.VOICE);
            line.reset();
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
            assertThat(emu.emu_line_state(6)).isEqualTo(code(BfvModel.Key.LINE_STATE_IDLE));
        }
    }

    @Test
    void lineResetFromAnotherThreadAbortsABlockingWait() throws Exception {
        try (BfvLine line = BfvLine.attach(natives, 6)) {
            CompletableFuture<Optional<InboundCall>> waiting =
                    CompletableFuture.supplyAsync(() -> line.waitForCall(Duration.ZERO));
            while (emu.emu_line_busy(6) != 1) {
                Thread.onSpinWait(); // bounded by @Timeout; the wait starts within microseconds
            }
            line.reset();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(VendorException.class)
                    .hasMessageContaining("BfvLineWaitForCall(unit 6) failed with BT_ERR_ABORTED");
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void spanAlarmTakesLinesOutOfServiceAndClearingRestoresThem() {
        try (BfvLine onSpan1 = BfvLine.attach(natives, 23);
                BfvLine onSpan2 = BfvLine.attach(natives, 24)) {
            RecordingSink sink = new RecordingSink();
            onSpan1.onIncomingCommand(sink);
            onSpan1.originate("1", CallProtocol.FAX);

            ok(emu.emu_set_alarm(2, 1, code(BfvModel.Key.ALARM_LOF)));
            BfvIncomingCommand alarm = sink.next();
            assertThat(alarm.kind()).isEqualTo(BfvEventKind.ALARM);
            assertThat(alarm.value()).isEqualTo(code(BfvModel.Key.ALARM_LOF));
            assertThat(onSpan1.state()).isEqualTo(BfvLineState.NOLOOP);
            assertThat(onSpan2.state()).isEqualTo(BfvLineState.IDLE);
            assertThatThrownBy(() -> onSpan1.originate("1", CallProtocol.FAX))
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_LINE_DOWN"));

            ok(emu.emu_set_alarm(2, 1, 0));
            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.ALARM_CLEAR);
            assertThat(onSpan1.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void detachedHandleFailsDeterministicallyAndCloseIsIdempotent() {
        BfvLine line = BfvLine.attach(natives, 11);
        BtLine stale = line.handle();
        line.close();
        line.close();
        int badHandle = code(BfvModel.Key.BT_ERR_BAD_HANDLE);
        assertThat(natives.shim().BfvShimLineState(stale)).isEqualTo(badHandle);
        assertThat(natives.library().BfvLineAnswer(stale, new ArgsCall())).isEqualTo(badHandle);
        assertThat(natives.library().BfvLineDetach(stale)).isEqualTo(badHandle);
        assertThatThrownBy(line::state).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.symbol())
                .isEqualTo("BT_ERR_BAD_HANDLE"));
        try (BfvLine again = BfvLine.attach(natives, 11)) {
            assertThat(natives.shim().BfvShimLineState(stale)).isEqualTo(badHandle);
            assertThat(again.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void nullArgsPacketIsRejectedNotDereferenced() {
        try (BfvLine line = BfvLine.attach(natives, 12)) {
            assertThat(natives.library().BfvLineWaitForCall(line.handle(), null))
                    .isEqualTo(code(BfvModel.Key.BT_ERR_BAD_ARGUMENT));
        }
    }
}
