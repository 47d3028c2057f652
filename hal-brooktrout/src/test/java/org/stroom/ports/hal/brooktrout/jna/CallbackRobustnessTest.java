package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CallbackRobustnessTest extends EmulatorFixture {

    @Test
    void callbacksKeepArrivingAfterGarbageCollectionsBetweenCalls() {
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            RecordingSink sink = new RecordingSink();
            line.onIncomingCommand(sink); // the dispatcher itself is not kept by this test
            for (int i = 0; i < 5; i++) {
                churnAndCollect();
                ok(emu.emu_inbound_call(0, "caller" + i, "2000"));
                assertThat(sink.next().text()).isEqualTo("caller" + i);
                churnAndCollect();
                ok(emu.emu_far_end_hangup(0));
                assertThat(sink.next().kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
            }
        }
        assertThat(BfvLine.registeredCallbacks()).isZero();
    }

    private static void churnAndCollect() {
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[64 * 1024];
        }
        assertThat(garbage[63]).hasSize(64 * 1024);
        System.gc();
    }

    @Test
    void aThrowingHandlerIsReportedAsAFaultAndLaterCallbacksStillArrive() {
        RecordingSink after = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        BfvEventSink throwsFirst = new BfvEventSink() {
            @Override
            public void onCommand(BfvIncomingCommand command) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("handler bug");
                }
                after.onCommand(command);
            }

            @Override
            public void onFault(int unit, Throwable failure) {
                after.onFault(unit, failure);
            }
        };
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            line.onIncomingCommand(throwsFirst);
            ok(emu.emu_inbound_call(0, "1", "2"));
            assertThat(after.nextFault()).hasMessage("handler bug");
            ok(emu.emu_far_end_hangup(0));
            assertThat(after.next().kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
        }
    }

    @Test
    void errorsThrownByBothHandlerAndFaultHandlerAreCountedAndDeliveryContinues() {
        RecordingSink after = new RecordingSink();
        AtomicInteger calls = new AtomicInteger();
        BfvEventSink hostile = new BfvEventSink() {
            @Override
            public void onCommand(BfvIncomingCommand command) {
                if (calls.incrementAndGet() == 1) {
                    throw new AssertionError("an Error, not an Exception");
                }
                after.onCommand(command);
            }

            @Override
            public void onFault(int unit, Throwable failure) {
                throw new IllegalStateException("fault handler bug");
            }
        };
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            IncomingCommandDispatcher dispatcher = line.onIncomingCommand(hostile);
            ok(emu.emu_inbound_call(0, "1", "2"));
            ok(emu.emu_far_end_hangup(0));
            assertThat(after.next().kind()).isEqualTo(BfvEventKind.REMOTE_DISCONNECT);
            assertThat(dispatcher.droppedFaults()).isEqualTo(1);
        }
    }

    @Test
    void noCallbackRunsAfterCloseReturns() {
        AtomicInteger afterClose = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        BfvLine line = BfvLine.attach(natives, 0);
        line.onIncomingCommand(c -> {
            if (closed.get()) {
                afterClose.incrementAndGet();
            }
        });
        line.originate("1", BfvLine.CallProtocol.VOICE);
        ok(emu.emu_inject_dtmf(0, "1234567890123456789012345678901")); // 31 callbacks queued
        line.close();
        closed.set(true);
        // A marker event on another line proves the emulator thread drained everything queued before it.
        try (BfvLine marker = BfvLine.attach(natives, 1)) {
            RecordingSink sink = new RecordingSink();
            marker.onIncomingCommand(sink);
            ok(emu.emu_inbound_call(1, "m", "m"));
            sink.next();
        }
        assertThat(afterClose).hasValue(0);
    }
}
