package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RealTimeClockTest {
    private final RealTimeClock clock = new RealTimeClock(1000);

    @AfterEach
    void close() {
        clock.close();
    }

    @Test
    void runsActionsOnTheTimerThreadOnceSimulatedTimeReachesThem() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        AtomicLong seen = new AtomicLong();
        long due = clock.nanos() + Duration.ofSeconds(5).toNanos(); // 5 ms of real time at 1000x
        clock.schedule(due, () -> {
            thread.set(Thread.currentThread().getName());
            seen.set(clock.nanos());
            ran.countDown();
        });

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.get()).isEqualTo("softport-clock");
        assertThat(seen.get()).isGreaterThanOrEqualTo(due);
    }

    @Test
    void actionsRunInTimeOrder() throws InterruptedException {
        StringBuffer order = new StringBuffer();
        CountDownLatch done = new CountDownLatch(3);
        clock.pause(); // so that none is due before all three are scheduled
        long now = clock.nanos();
        clock.schedule(now + 30_000_000L, () -> {
            order.append('c');
            done.countDown();
        });
        clock.schedule(now + 10_000_000L, () -> {
            order.append('a');
            done.countDown();
        });
        clock.schedule(now + 20_000_000L, () -> {
            order.append('b');
            done.countDown();
        });
        clock.resume();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).hasToString("abc");
    }

    @Test
    void aPausedClockStandsStillAndStepJumpsToTheNextAction() throws Exception {
        clock.pause();
        long frozen = clock.nanos();
        CountDownLatch never = new CountDownLatch(1);
        clock.schedule(frozen + Duration.ofMillis(1).toNanos(), never::countDown);
        assertThat(never.await(50, TimeUnit.MILLISECONDS)).isFalse(); // 50 s of simulated time at 1000x
        assertThat(clock.nanos()).isEqualTo(frozen);

        long inAnHour = frozen + Duration.ofHours(1).toNanos();
        AtomicLong seen = new AtomicLong();
        clock.schedule(inAnHour, () -> seen.set(clock.nanos()));
        assertThat(clock.step().get(10, TimeUnit.SECONDS))
                .hasValue(frozen + Duration.ofMillis(1).toNanos());
        assertThat(never.getCount()).isZero();
        assertThat(clock.step().get(10, TimeUnit.SECONDS)).hasValue(inAnHour);
        assertThat(seen.get()).isEqualTo(inAnHour);
        assertThat(clock.nanos()).isEqualTo(inAnHour);
        assertThat(clock.step().get(10, TimeUnit.SECONDS)).isEqualTo(OptionalLong.empty());

        clock.resume();
        assertThat(clock.paused()).isFalse();
        CountDownLatch after = new CountDownLatch(1);
        clock.schedule(clock.nanos() + 1_000_000L, after::countDown);
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.nanos()).isGreaterThan(inAnHour);
    }

    @Test
    void stepIsOnlyForAPausedClock() {
        assertThatThrownBy(clock::step)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pause");
    }

    @Test
    void speedCanChangeWhileRunningWithoutTimeJumpingOrGoingBack() {
        long before = clock.nanos();
        clock.setSpeed(1);
        long after = clock.nanos();
        assertThat(after)
                .isGreaterThanOrEqualTo(before)
                .isLessThan(before + Duration.ofSeconds(30).toNanos());
        assertThat(clock.speed()).isEqualTo(1.0);
        clock.setSpeed(1000);
        assertThat(clock.nanos()).isGreaterThanOrEqualTo(after);
    }

    @Test
    void speedsOutsideOneToAThousandAreRefused() {
        assertThatThrownBy(() -> clock.setSpeed(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setSpeed(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RealTimeClock(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActionThatThrowsDoesNotStopTheClock() throws InterruptedException {
        CountDownLatch later = new CountDownLatch(1);
        long now = clock.nanos();
        clock.schedule(now, () -> {
            throw new IllegalStateException("expected by the test");
        });
        clock.schedule(now + 1_000_000L, later::countDown);
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aClosedClockRunsNothingMore() throws InterruptedException {
        clock.close();
        CountDownLatch never = new CountDownLatch(1);
        clock.schedule(clock.nanos(), never::countDown);
        assertThat(never.await(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThatThrownBy(clock::step).isInstanceOf(IllegalStateException.class);
    }
}
