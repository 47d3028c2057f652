package org.stroom.ports.simui.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.sim.DefaultSystem;

@Timeout(60)
class ThreadedEngineTest {
    private static SimEngine open() {
        return SimEngine.open(
                DefaultSystem.description(),
                "default",
                new SimEngine.Options(7, Instant.EPOCH, true, Duration.ofMillis(16), java.util.Optional.empty()));
    }

    /** Waits for the simulation thread by round-tripping harmless commands until the frame reaches the time. */
    private static Frame awaitSimTime(SimEngine e, long nanos) throws Exception {
        Frame f = e.latestFrame();
        while (f.clock().simNanos() < nanos) {
            e.selectChannel(-1).get(5, TimeUnit.SECONDS);
            f = e.latestFrame();
        }
        return f;
    }

    /** Waits until a frame newer than {@code sequence} is published. */
    private static Frame frameAfter(SimEngine e, long sequence) throws Exception {
        while (e.latestFrame().sequence() <= sequence) {
            e.selectChannel(-1).get(5, TimeUnit.SECONDS);
        }
        return e.latestFrame();
    }

    @Test
    void runsCommandsOnItsOwnThreadAndLetsSimulatedTimePassAtTheChosenSpeed() throws Exception {
        try (SimEngine e = open()) {
            assertThat(e.threaded()).isTrue();
            assertThat(e.setSpeed(1000).get(5, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(e.startTraffic().get(5, TimeUnit.SECONDS).ok()).isTrue();
            Frame f = awaitSimTime(e, Duration.ofMinutes(2).toNanos());
            assertThat(f.clock().speed()).isEqualTo(1000);
            assertThat(f.clock().trafficRunning()).isTrue();
            assertThat(f.stats().eventsTotal()).isPositive();
            long busy = 0;
            for (int i = 0; i < f.cellCount(); i++) {
                busy += f.state(i).busy() ? 1 : 0;
            }
            assertThat(busy).isPositive();
        }
    }

    @Test
    void aPausedClockStandsStillAndStepsOnlyOnRequest() throws Exception {
        try (SimEngine e = open()) {
            e.pause().get(5, TimeUnit.SECONDS);
            while (!e.latestFrame().clock().paused()) {
                e.selectChannel(-1).get(5, TimeUnit.SECONDS);
            }
            long at = e.latestFrame().clock().simNanos();
            for (int i = 0; i < 20; i++) {
                e.selectChannel(-1).get(5, TimeUnit.SECONDS);
            }
            assertThat(e.latestFrame().clock().simNanos()).isEqualTo(at);
            assertThat(e.latestFrame().clock().paused()).isTrue();
            // a step runs the next action; actions due now do not move the clock, later ones do
            long now = at;
            for (int i = 0; i < 50 && now == at; i++) {
                assertThat(e.step().get(5, TimeUnit.SECONDS).ok()).isTrue();
                now = frameAfter(e, e.latestFrame().sequence()).clock().simNanos();
                assertThat(now).isGreaterThanOrEqualTo(at);
            }
            assertThat(now).isGreaterThan(at);
        }
    }

    @Test
    void aThreadedEngineIsNotDrivenByHandAndRefusesCommandsOnceClosed() throws Exception {
        SimEngine e = open();
        assertThatThrownBy(() -> e.runFor(Duration.ofSeconds(1))).hasMessageContaining("only a manual engine");
        e.close();
        assertThat(e.pullCable(0).get(1, TimeUnit.SECONDS).message()).contains("closed");
    }
}
