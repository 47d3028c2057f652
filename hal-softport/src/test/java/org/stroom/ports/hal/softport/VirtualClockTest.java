package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private final VirtualClock clock = new VirtualClock();
    private final List<String> log = new ArrayList<>();

    private Runnable note(String what) {
        return () -> log.add(what + "@" + clock.nanos());
    }

    @Test
    void runsActionsInTimeOrderAtTheirExactTimes() {
        clock.schedule(300, note("c"));
        clock.schedule(100, note("a"));
        clock.schedule(200, note("b"));

        clock.advanceTo(250);

        assertThat(log).containsExactly("a@100", "b@200");
        assertThat(clock.nanos()).isEqualTo(250);
        clock.advance(Duration.ofNanos(50));
        assertThat(log).containsExactly("a@100", "b@200", "c@300");
    }

    @Test
    void actionsDueAtTheSameTimeRunInTheOrderScheduled() {
        for (int i = 0; i < 20; i++) {
            clock.schedule(1000, note("n" + i));
        }
        clock.advanceTo(1000);

        assertThat(log).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(log.get(i)).isEqualTo("n" + i + "@1000");
        }
    }

    @Test
    void actionsScheduledByActionsRunInTheSameAdvanceWhenDue() {
        clock.schedule(10, () -> {
            log.add("first@" + clock.nanos());
            clock.schedule(clock.nanos() + 5, note("second"));
            clock.schedule(clock.nanos(), note("same-instant"));
        });
        clock.advanceTo(100);

        assertThat(log).containsExactly("first@10", "same-instant@10", "second@15");
    }

    @Test
    void aPastTimeRunsAtTheCurrentTime() {
        clock.advanceTo(500);
        clock.schedule(100, note("late"));
        clock.advance(Duration.ZERO);

        assertThat(log).containsExactly("late@500");
    }

    @Test
    void cancelledActionsDoNotRun() {
        Scheduler.Task t = clock.schedule(100, note("cancelled"));
        clock.schedule(200, note("kept"));
        t.cancel();
        clock.advanceTo(1000);

        assertThat(log).containsExactly("kept@200");
        assertThat(t.cancelled()).isTrue();
    }

    @Test
    void runUntilIdleJumpsFromActionToActionAndStopsWhenNothingIsLeft() {
        clock.schedule(Duration.ofHours(2).toNanos(), note("late"));
        clock.schedule(Duration.ofSeconds(1).toNanos(), note("early"));

        long ran = clock.runUntilIdle(10);

        assertThat(ran).isEqualTo(2);
        assertThat(clock.nanos()).isEqualTo(Duration.ofHours(2).toNanos());
        assertThat(clock.pendingActions()).isZero();
    }

    @Test
    void runUntilIdleRefusesToRunForeverWhenASourceKeepsScheduling() {
        Runnable[] forever = new Runnable[1];
        forever[0] = () -> clock.schedule(clock.nanos() + 1, forever[0]);
        clock.schedule(1, forever[0]);

        assertThatThrownBy(() -> clock.runUntilIdle(100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pending after 100");
        assertThat(clock.nanos()).isEqualTo(100);
    }

    @Test
    void advancingFromInsideAnActionIsRefused() {
        List<Throwable> caught = new ArrayList<>();
        clock.schedule(1, () -> {
            try {
                clock.advance(Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                caught.add(e);
            }
        });
        clock.advanceTo(10);

        assertThat(caught).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("already being advanced"));
    }

    @Test
    void movingBackwardsIsRefused() {
        clock.advanceTo(100);
        assertThatThrownBy(() -> clock.advanceTo(50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActionThatThrowsFailsTheAdvanceButLeavesTheClockUsable() {
        clock.schedule(10, () -> {
            throw new IllegalStateException("boom");
        });
        clock.schedule(20, note("after"));

        assertThatThrownBy(() -> clock.advanceTo(100)).hasMessage("boom");
        clock.advanceTo(100);
        assertThat(log).containsExactly("after@20");
    }

    @Test
    void executorRunsTasksAtTheCurrentTimeOnTheAdvancingThread() {
        clock.advanceTo(42);
        clock.executor().execute(note("exec"));
        assertThat(log).isEmpty();
        clock.advance(Duration.ZERO);
        assertThat(log).containsExactly("exec@42");
    }
}
