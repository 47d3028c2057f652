package org.stroom.ports.t1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlarmIntegratorTest {
    private long now;
    private final AlarmIntegrator integrator = new AlarmIntegrator(AlarmTimings.DEFAULT, () -> now);

    private void advanceMs(long ms) {
        now += ms * 1_000_000L;
    }

    @Test
    void pulledCableTurnsRedOnlyAfterTwoAndAHalfSeconds() {
        integrator.raise(Defect.LOS);
        advanceMs(2499);
        assertThat(integrator.poll()).isEmpty();
        assertThat(integrator.declared()).isEmpty();
        advanceMs(1);
        assertThat(integrator.poll()).containsExactly(new AlarmTransition(Alarm.RED, true, 2_500_000_000L));
        assertThat(integrator.declared()).containsExactly(Alarm.RED);
    }

    @Test
    void redClearsAfterTenSecondsOfCleanSignalAndFlickerRestartsTheTimer() {
        integrator.raise(Defect.LOF);
        advanceMs(3000);
        integrator.clear(Defect.LOF);
        advanceMs(9000);
        integrator.raise(Defect.LOF); // flicker
        advanceMs(100);
        integrator.clear(Defect.LOF);
        advanceMs(9999);
        assertThat(integrator.poll()).isEmpty();
        assertThat(integrator.declared()).contains(Alarm.RED);
        advanceMs(1);
        assertThat(integrator.poll()).extracting(AlarmTransition::declared).containsExactly(false);
        assertThat(integrator.declared()).isEmpty();
    }

    @Test
    void raiGivesYellowAfterHalfASecondAndAisGivesBlue() {
        integrator.setDefects(EnumSet.of(Defect.RAI, Defect.AIS));
        advanceMs(500);
        assertThat(integrator.poll()).extracting(AlarmTransition::alarm).containsExactly(Alarm.YELLOW);
        assertThat(integrator.nextDeadline()).isEqualTo(2_500_000_000L);
        advanceMs(2000);
        assertThat(integrator.poll()).extracting(AlarmTransition::alarm).containsExactly(Alarm.BLUE);
        assertThat(integrator.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void spanUsabilityNeedsServiceNoRedOrBlueAndPriDChannelUp() {
        SpanStatus ok = SpanStatus.healthy(Signalling.ISDN_PRI);
        assertThat(ok.usableForTraffic()).isTrue();
        assertThat(ok.withAlarms(Set.of(Alarm.YELLOW)).usableForTraffic()).isTrue();
        assertThat(ok.withAlarms(Set.of(Alarm.RED)).unusableReason()).isEqualTo("RED alarm");
        assertThat(ok.withAlarms(Set.of(Alarm.BLUE)).usableForTraffic()).isFalse();
        assertThat(ok.withDChannel(DChannelState.DOWN).unusableReason()).isEqualTo("D-channel down");
        assertThat(ok.withInService(false).usableForTraffic()).isFalse();
        assertThat(SpanStatus.healthy(Signalling.LOOP_START).dChannel()).isEqualTo(DChannelState.NOT_APPLICABLE);
    }

    @Test
    void performanceMonitorClassifiesErroredAndSeverelyErroredSeconds() {
        PerformanceMonitor esf = new PerformanceMonitor(Framing.ESF);
        esf.recordSecond(5, 0, 0, false); // BPVs alone do not error a second
        esf.recordSecond(0, 1, 0, false);
        esf.recordSecond(0, 320, 0, false);
        esf.recordSecond(0, 0, 0, true);
        PerformanceCounters c = esf.snapshot();
        assertThat(c).isEqualTo(new PerformanceCounters(5, 321, 0, 3, 2, 4));
        assertThat(c.erroredSecondsRatio()).isEqualTo(0.75);
        PerformanceMonitor d4 = new PerformanceMonitor(Framing.D4);
        d4.recordSecond(0, 400, 8, false);
        assertThat(d4.snapshot()).isEqualTo(new PerformanceCounters(0, 0, 8, 1, 1, 1));
        d4.reset();
        assertThat(d4.snapshot()).isEqualTo(PerformanceCounters.ZERO);
    }
}
