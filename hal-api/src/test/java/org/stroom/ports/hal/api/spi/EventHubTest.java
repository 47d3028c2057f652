package org.stroom.ports.hal.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.Subscription;

class EventHubTest {
    private long now = 100;
    private final EventHub hub = new EventHub("test", () -> now);
    private final BoardId board = new BoardId("server", 0);

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            hub.publish((seq, at) -> new BoardFault(seq, at, board, "fault"));
        }
    }

    @Test
    void numbersAndStampsEventsInOrderForEverySubscriber() {
        List<HalEvent> a = new CopyOnWriteArrayList<>();
        List<HalEvent> b = new CopyOnWriteArrayList<>();
        hub.subscribe(a::add, Runnable::run);
        hub.subscribe(b::add, Runnable::run);
        publish(3);
        now = 200;
        publish(1);
        assertThat(a).extracting(HalEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(a).extracting(HalEvent::atNanos).containsExactly(100L, 100L, 100L, 200L);
        assertThat(b).isEqualTo(a);
        assertThat(hub.lastSequence()).isEqualTo(4);
    }

    @Test
    @Timeout(10)
    void aSlowSubscriberDoesNotBlockThePublisherOrOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastGotAll = new CountDownLatch(1000);
        Subscription slow = hub.subscribe(e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        hub.subscribe(e -> fastGotAll.countDown());
        publish(1000); // returns although the slow listener is stuck
        assertThat(fastGotAll.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.backlog()).isGreaterThanOrEqualTo(999);
        release.countDown();
        slow.close();
        hub.close();
    }

    @Test
    @Timeout(10)
    void concurrentPublishersStillDeliverInSequenceOrder() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4000);
        hub.subscribe(e -> {
            seen.add(e.sequence());
            done.countDown();
        });
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> publish(1000));
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1L);
        }
        hub.close();
    }

    @Test
    void aThrowingListenerKeepsReceivingAndDoesNotDisturbOthers() {
        List<HalEvent> good = new CopyOnWriteArrayList<>();
        List<HalEvent> bad = new CopyOnWriteArrayList<>();
        hub.subscribe(
                e -> {
                    bad.add(e);
                    throw new IllegalStateException("listener bug");
                },
                Runnable::run);
        hub.subscribe(good::add, Runnable::run);
        publish(2);
        assertThat(bad).hasSize(2);
        assertThat(good).hasSize(2);
    }
}
