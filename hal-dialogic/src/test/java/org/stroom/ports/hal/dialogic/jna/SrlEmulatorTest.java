package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLong;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SrlEmulatorTest {
    private EmulatorSession s;

    @BeforeEach
    void setUp() {
        s = new EmulatorSession();
    }

    @Test
    void waitTimesOutAfterAtLeastTheTimeoutWithEsrTmout() {
        long start = System.nanoTime();
        assertThat(s.calls.waitEvent(100)).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(100);
        assertThat(s.libs.srl().ATDV_LASTERR(new NativeLong(0)).longValue()).isEqualTo(SrlConstants.ESR_TMOUT);
        assertThat(s.calls.waitEvent(0)).as("poll").isEmpty();
    }

    @Test
    void waitExReturnsOnlyEventsOfTheListedDevicesInFifoOrder() {
        VoiceDevice a = s.calls.dxOpen("dxxxB1C1");
        VoiceDevice b = s.calls.dxOpen("dxxxB1C2");
        s.calls.putEvent(a.value(), 0x1001, new byte[] {1});
        s.calls.putEvent(b.value(), 0x1002, new byte[] {2});
        s.calls.putEvent(b.value(), 0x1003, new byte[] {3, 4});
        RawSrlEvent first = s.calls.waitEvent(new long[] {b.value()}, 1000).orElseThrow();
        RawSrlEvent second = s.calls.waitEvent(new long[] {b.value()}, 1000).orElseThrow();
        assertThat(first.type()).isEqualTo(0x1002);
        assertThat(first.data()).containsExactly(2);
        assertThat(second.type()).isEqualTo(0x1003);
        assertThat(second.data()).containsExactly(3, 4);
        assertThat(s.calls.waitEvent(new long[] {b.value()}, 0)).isEmpty();
        assertThat(s.calls.waitEvent(new long[] {a.value()}, 0).orElseThrow().type())
                .isEqualTo(0x1001);
    }

    @Test
    void catchAllHandlerRunsInsideTheWaitAndCanReleaseTheEvent() {
        List<Long> handled = new ArrayList<>();
        SrlLibrary.SrlHandler release = evt -> {
            handled.add(s.libs.srl().sr_getevttype(evt).longValue());
            return new NativeLong(0);
        };
        NativeLong anyDev = new NativeLong(SrlConstants.EV_ANYDEV);
        NativeLong anyEvt = new NativeLong(SrlConstants.EV_ANYEVT_LP64);
        assertThat(s.libs.srl().sr_enbhdlr(anyDev, anyEvt, release).longValue()).isZero();
        s.calls.putEvent(7, 0x2222, new byte[0]);
        assertThat(s.calls.waitEvent(200)).as("released by the handler").isEmpty();
        assertThat(handled).containsExactly(0x2222L);

        assertThat(s.libs.srl().sr_dishdlr(anyDev, anyEvt, release).longValue()).isZero();
        s.calls.putEvent(7, 0x3333, new byte[0]);
        assertThat(s.calls.waitEvent(1000).orElseThrow().type()).isEqualTo(0x3333);
        assertThat(handled).hasSize(1);
    }

    @Test
    void anEventFromAnotherThreadWakesABlockedWait() throws Exception {
        Thread producer = new Thread(() -> s.calls.putEvent(9, 0x4444, new byte[0]));
        producer.start();
        assertThat(s.calls.waitEvent(-1).orElseThrow().type()).isEqualTo(0x4444);
        producer.join();
    }

    @Test
    void unknownHandleHasNoLastError() {
        assertThat(s.libs.srl().ATDV_LASTERR(new NativeLong(3999)).longValue()).isEqualTo(SrlConstants.AT_FAILURE);
    }
}
