package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProgress;
import org.stroom.ports.hal.brooktrout.jna.BfvLine.CallProtocol;

/**
 * The emulator's modelled D-channel and module faults (not vendor-exact): what the lines report through
 * the incoming-command callback and how Bfv calls behave meanwhile. Module 2, span 1 holds units 0..23
 * (timeslot 24, unit 23, is the PRI D-channel); span 2 starts at unit 24.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BfvEmulatorFaultsTest extends EmulatorFixture {
    private static final int T309_MS = 20_000;

    private int code(String key) {
        return code(BfvModel.Key.valueOf(key));
    }

    /** Waits until every queued callback has been delivered. */
    private void drain() {
        while (emu.emu_events_idle() != 1) {
            Thread.onSpinWait(); // bounded by @Timeout
        }
    }

    /** Lets exactly {@code lineMs} of line time pass (the gate is closed before and after). */
    private void advanceLine(long lineMs) {
        long target = emu.emu_line_now_ns() + TimeUnit.MILLISECONDS.toNanos(lineMs);
        emu.emu_advance_gate(TimeUnit.MILLISECONDS.toNanos(lineMs));
        while (emu.emu_line_now_ns() < target) {
            Thread.onSpinWait(); // bounded by @Timeout
        }
        emu.emu_set_gate(0);
        drain();
    }

    @Test
    void dChannelDownBlocksEveryBChannelOfTheSpanAndRefusesNewCallsUntilItIsUp() {
        try (BfvLine first = BfvLine.attach(natives, 0);
                BfvLine last = BfvLine.attach(natives, 22);
                BfvLine dChannelSlot = BfvLine.attach(natives, 23);
                BfvLine otherSpan = BfvLine.attach(natives, 24)) {
            RecordingSink firstSink = new RecordingSink();
            RecordingSink lastSink = new RecordingSink();
            RecordingSink quiet = new RecordingSink();
            first.onIncomingCommand(firstSink);
            last.onIncomingCommand(lastSink);
            dChannelSlot.onIncomingCommand(quiet);
            otherSpan.onIncomingCommand(quiet);

            ok(emu.emu_set_dchannel(2, 1, 0));
            BfvIncomingCommand blocked = firstSink.next();
            assertThat(blocked.kind()).isEqualTo(BfvEventKind.DCHANNEL_DOWN);
            assertThat(blocked.value()).isEqualTo(code("BLOCK_CAUSE_DCHANNEL"));
            assertThat(lastSink.next().kind()).isEqualTo(BfvEventKind.DCHANNEL_DOWN);
            assertThat(first.state()).as("a blocked B-channel is idle").isEqualTo(BfvLineState.IDLE);
            assertThatThrownBy(() -> first.originate("1", CallProtocol.FAX))
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_LINE_DOWN"));
            assertThat(emu.emu_inbound_call(0, "212", "555"))
                    .as("the far end cannot signal a call without the D-channel")
                    .isEqualTo(-1);
            assertThat(otherSpan.originate("1", CallProtocol.FAX).progress()).isEqualTo(CallProgress.FAX_TONE);

            ok(emu.emu_set_dchannel(2, 1, 1));
            assertThat(firstSink.next().kind()).isEqualTo(BfvEventKind.DCHANNEL_UP);
            assertThat(first.originate("1", CallProtocol.FAX).progress()).isEqualTo(CallProgress.FAX_TONE);
            drain();
            assertThat(quiet.commands)
                    .as("the D-channel timeslot and the other span")
                    .isEmpty();
        }
    }

    @Test
    void aCallSurvivesTheDChannelUntilT309ThenTheModuleClearsItWithCause27() {
        ok(emu.emu_model_set("TIME_T309_MS", T309_MS));
        emu.emu_set_gate(0);
        try (BfvLine line = BfvLine.attach(natives, 3)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);
            ok(emu.emu_inbound_call(3, "212", "555"));
            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.INCOMING_CALL);
            line.answer();
            ok(emu.emu_set_dchannel(2, 1, 0));
            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.DCHANNEL_DOWN);

            advanceLine(T309_MS - 1_000);
            assertThat(line.state()).as("before T309 expires").isEqualTo(BfvLineState.CONNECTED);
            assertThat(sink.commands).isEmpty();

            advanceLine(2_000);
            BfvIncomingCommand cleared = sink.next();
            assertThat(cleared.kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
            assertThat(cleared.value()).as("Q.850 cause").isEqualTo(27);
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    /** Q.931 5.8.8: only an active call waits for T309; the others are lost with the data link at once. */
    @Test
    void dChannelDownClearsCallsNotYetActiveAtOnceWithCause27AndLeavesActiveCallsToT309() throws Exception {
        ok(emu.emu_model_set("TIME_T309_MS", T309_MS));
        emu.emu_set_gate(0);
        try (BfvLine active = BfvLine.attach(natives, 0);
                BfvLine ringing = BfvLine.attach(natives, 1);
                BfvLine dialling = BfvLine.attach(natives, 2);
                BfvLine refused = BfvLine.attach(natives, 3)) {
            RecordingSink activeSink = new RecordingSink();
            RecordingSink ringingSink = new RecordingSink();
            RecordingSink diallingSink = new RecordingSink();
            RecordingSink refusedSink = new RecordingSink();
            active.onIncomingCommand(activeSink);
            ringing.onIncomingCommand(ringingSink);
            dialling.onIncomingCommand(diallingSink);
            refused.onIncomingCommand(refusedSink);
            ok(emu.emu_inbound_call(0, "212", "555"));
            assertThat(activeSink.next().kind()).isEqualTo(BfvEventKind.INCOMING_CALL);
            active.answer();
            ok(emu.emu_inbound_call(1, "212", "556"));
            assertThat(ringingSink.next().kind()).isEqualTo(BfvEventKind.INCOMING_CALL);
            ok(emu.emu_set_call_progress(3, code("CALL_PROGRESS_BUSY")));
            emu.emu_set_outbound(0, 0);
            assertThat(refused.originate("1", CallProtocol.FAX))
                    .as("a busy call left off hook, not yet terminated")
                    .isEqualTo(new BfvLine.OriginateResult(CallProgress.BUSY, BfvLineState.OFF_HOOK));
            emu.emu_set_outbound(0, -1);
            CompletableFuture<BfvLine.OriginateResult> call =
                    CompletableFuture.supplyAsync(() -> dialling.originate("1", CallProtocol.FAX));
            while (emu.emu_line_busy(2) != 1) {
                Thread.onSpinWait(); // bounded by @Timeout; line time stands still, so it dials until cleared
            }
            long before = emu.emu_line_now_ns();

            ok(emu.emu_set_dchannel(2, 1, 0));
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_LINE_DOWN"));
            for (RecordingSink sink : List.of(ringingSink, diallingSink, refusedSink)) {
                assertThat(sink.next().kind()).as("the block first").isEqualTo(BfvEventKind.DCHANNEL_DOWN);
                BfvIncomingCommand cleared = sink.next();
                assertThat(cleared.kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
                assertThat(cleared.value()).as("Q.850 cause").isEqualTo(27);
            }
            assertThat(List.of(ringing.state(), dialling.state(), refused.state()))
                    .containsOnly(BfvLineState.IDLE);
            assertThat(activeSink.next().kind()).isEqualTo(BfvEventKind.DCHANNEL_DOWN);
            drain();
            assertThat(emu.emu_line_now_ns()).as("no line time passed").isEqualTo(before);
            assertThat(activeSink.commands).as("the active call waits for T309").isEmpty();
            assertThat(active.state()).isEqualTo(BfvLineState.CONNECTED);

            advanceLine(T309_MS + 1_000);
            BfvIncomingCommand cleared = activeSink.next();
            assertThat(cleared.kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
            assertThat(cleared.value()).isEqualTo(27);
            assertThat(active.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void aDChannelBackBeforeT309KeepsTheCall() {
        ok(emu.emu_model_set("TIME_T309_MS", T309_MS));
        emu.emu_set_gate(0);
        try (BfvLine line = BfvLine.attach(natives, 3)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);
            ok(emu.emu_inbound_call(3, "212", "555"));
            line.answer();
            ok(emu.emu_set_dchannel(2, 1, 0));
            advanceLine(T309_MS / 2);
            ok(emu.emu_set_dchannel(2, 1, 1));
            advanceLine(T309_MS);
            assertThat(sink.next(BfvEventKind.DCHANNEL_UP).kind()).isEqualTo(BfvEventKind.DCHANNEL_UP);
            assertThat(sink.commands)
                    .as("nothing after the D-channel came back")
                    .isEmpty();
            assertThat(line.state()).isEqualTo(BfvLineState.CONNECTED);
        }
    }

    @Test
    void aModuleFaultCutsBlockingCallsAndRefusesBfvCallsUntilTheModuleIsReady() throws Exception {
        try (BfvLine dialling = BfvLine.attach(natives, 0);
                BfvLine idle = BfvLine.attach(natives, 30)) {
            RecordingSink sink = new RecordingSink();
            idle.onIncomingCommand(sink);
            emu.emu_set_outbound(code("CALL_PROGRESS_FAX_TONE"), 10_000_000); // rings for 10 s of real time
            CompletableFuture<BfvLine.OriginateResult> call =
                    CompletableFuture.supplyAsync(() -> dialling.originate("1", CallProtocol.FAX));
            while (emu.emu_line_busy(0) != 1) {
                Thread.onSpinWait(); // bounded by @Timeout
            }

            ok(emu.emu_module_fault(2, 7));
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_HARDWARE"));
            BfvIncomingCommand fault = sink.next();
            assertThat(fault.kind()).isEqualTo(BfvEventKind.MODULE_FAULT);
            assertThat(fault.value()).isEqualTo(7);
            assertThat(fault.text()).isEqualTo("module 2 fault 7");
            assertThat(emu.emu_module_faulted(2)).isEqualTo(1);
            assertThat(idle.state()).isEqualTo(BfvLineState.NOLOOP);
            assertThatThrownBy(idle::reset).isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.symbol())
                    .isEqualTo("BT_ERR_HARDWARE"));
            assertThatThrownBy(() -> idle.waitForCall(Duration.ofMillis(1)))
                    .isInstanceOfSatisfying(
                            VendorException.class, e -> assertThat(e.symbol()).isEqualTo("BT_ERR_HARDWARE"));
            assertThat(emu.emu_inbound_call(30, "212", "555")).isEqualTo(-1);
            assertThatThrownBy(() -> BfvLine.attach(natives, 40)).isInstanceOf(VendorException.class);

            ok(emu.emu_module_recover(2));
            assertThat(sink.next().kind()).isEqualTo(BfvEventKind.MODULE_READY);
            assertThat(idle.state()).isEqualTo(BfvLineState.IDLE);
            emu.emu_set_outbound(0, -1);
            assertThat(idle.originate("1", CallProtocol.FAX).progress()).isEqualTo(CallProgress.FAX_TONE);
        }
    }

    @Test
    void aLineOfAFailedModuleCanStillBeDetached() {
        BfvLine line = BfvLine.attach(natives, 0);
        ok(emu.emu_module_fault(2, 7));
        line.close();
        ok(emu.emu_module_recover(2));
        try (BfvLine again = BfvLine.attach(natives, 0)) {
            assertThat(again.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void anAlarmClearedDuringAModuleFaultLeavesTheLineDownUntilTheModuleIsReady() {
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink);
            ok(emu.emu_set_alarm(2, 1, code("ALARM_LOS")));
            ok(emu.emu_module_fault(2, 7));
            ok(emu.emu_set_alarm(2, 1, 0));
            assertThat(sink.next(BfvEventKind.ALARM_CLEAR).kind())
                    .as("the line interface still reports alarms")
                    .isEqualTo(BfvEventKind.ALARM_CLEAR);
            assertThat(line.state()).isEqualTo(BfvLineState.NOLOOP);
            ok(emu.emu_module_recover(2));
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }
}
