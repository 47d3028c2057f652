package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.t1.SpanLocation;

class EventRecorderTest {
    private static final ChannelId CH = new ChannelId(new SpanLocation("m", 0, 1), 1);

    @Test
    @Timeout(10)
    void awaitWakesUpWhenAnotherThreadDelivers() throws InterruptedException {
        EventRecorder r = new EventRecorder();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread publisher = new Thread(() -> {
            try {
                waiting.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            r.onEvent(new ChannelOutOfService(1, 0, CH, "test"));
            r.onEvent(new ChannelInService(2, 1, CH));
        });
        publisher.start();
        waiting.countDown();
        ChannelInService got = r.await(ChannelInService.class, e -> true, Duration.ofSeconds(5), "in service");
        assertThat(got.sequence()).isEqualTo(2);
        publisher.join();
        assertThat(r.events()).hasSize(2);
        assertThat(r.since(1)).containsExactly(got);
    }

    @Test
    void awaitFailsListingWhatArrivedWhenNothingMatches() {
        EventRecorder r = new EventRecorder();
        r.onEvent(new ChannelOutOfService(1, 0, CH, "blocked"));
        assertThatThrownBy(() -> r.await(ChannelInService.class, e -> true, Duration.ZERO, "the channel back"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the channel back")
                .hasMessageContaining("ChannelOutOfService[sequence=1");
    }

    @Test
    void findsOnlyEventsOfTheAskedType() {
        EventRecorder r = new EventRecorder();
        r.onEvent(new ChannelOutOfService(1, 0, CH, "blocked"));
        assertThat(r.first(ChannelInService.class, e -> true)).isEmpty();
        assertThat(r.events(ChannelOutOfService.class)).hasSize(1);
    }
}
