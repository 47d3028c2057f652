package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;

/**
 * The same simulator on the real-time clock at 1000×: inbound traffic and the simulated
 * application on the timer thread, three application threads placing and clearing calls at the
 * same time, a subscriber on its own delivery thread. Events stay in one strictly increasing
 * order, every call seen ends exactly once, and the board ends idle.
 */
@Timeout(60)
class RealTimeConcurrencyTest {
    /** Checks order and one disconnect per call on the subscriber's thread. */
    static final class OrderCheck implements HalEventListener {
        final List<String> problems = new ArrayList<>();
        final Set<CallId> seen = new HashSet<>();
        final Map<CallId, Integer> disconnects = new HashMap<>();
        long last;
        long lastAt = Long.MIN_VALUE;

        @Override
        public synchronized void onEvent(HalEvent e) {
            if (last != 0 && e.sequence() != last + 1) {
                problems.add("sequence " + e.sequence() + " after " + last);
            }
            if (e.atNanos() < lastAt) {
                problems.add("time went back at " + e);
            }
            last = e.sequence();
            lastAt = e.atNanos();
            if (e instanceof CallEvent c) {
                if (disconnects.containsKey(c.call())) {
                    problems.add(e + " after the call's disconnect");
                }
                seen.add(c.call());
            }
            if (e instanceof CallDisconnected d) {
                disconnects.merge(d.call(), 1, Integer::sum);
            }
        }
    }

    /** Waits for {@code d} of simulated time, without sleeping: a scheduled action opens a latch. */
    private static void waitSimulated(Scheduler clock, Duration d) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        clock.scheduleAfter(d, latch::countDown);
        assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void concurrentApplicationThreadsAndTrafficKeepEventsConsistent() throws Exception {
        RealTimeClock clock = new RealTimeClock(1000);
        SoftBackend backend = SoftBackend.builder("server")
                .clock(clock)
                .closeWithBackend(clock)
                .board(BoardModel.TR1034_2T1, Sim.pri("RT-A", 3125550100L), Sim.pri("RT-B", 3125550200L))
                .build();
        OrderCheck check = new OrderCheck();
        backend.subscribe(check);
        ApplicationBehaviour app = ApplicationBehaviour.builder(backend)
                .answerAfter(Duration.ofSeconds(1))
                .build();
        backend.setOutboundBehaviour(OutboundBehaviour.answer(Duration.ofSeconds(2)));
        TrafficSource traffic = TrafficSource.builder(clock)
                .group(backend.cables().toArray(Cable[]::new))
                .callsPerHour(1500)
                .faxShare(0.2)
                .voiceHolding(HoldingTime.exponential(Duration.ofSeconds(60)))
                .build();
        AtomicLong placed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        traffic.start();
        for (int w = 0; w < 3; w++) {
            int port = 1 + w % 2;
            int firstDs0 = 1 + 4 * w;
            Thread t = new Thread(
                    () -> {
                        try {
                            for (int i = 0; i < 60; i++) {
                                ChannelId ch = Sim.ch(0, port, firstDs0 + i % 4);
                                try {
                                    ChannelState s = backend.channel(ch).state();
                                    if (s == ChannelState.IDLE) {
                                        backend.placeCall(ch, OutboundCall.to("3125551000"));
                                        placed.incrementAndGet();
                                    } else if (s == ChannelState.CONNECTED) {
                                        backend.hangUp(ch, Q850Cause.NORMAL_CLEARING);
                                    }
                                } catch (HalException raced) { // the far end or the network got there first
                                    refused.incrementAndGet();
                                }
                                waitSimulated(clock, Duration.ofSeconds(1));
                            }
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    },
                    "app-" + w);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        traffic.stop();
        // outbound callees never hang up: the application clears what is still connected
        for (int i = 0; i < 60 && !allIdle(backend); i++) {
            for (ChannelInfo c : backend.channels()) {
                if (c.state() == ChannelState.CONNECTED) {
                    try {
                        backend.hangUp(c.id(), Q850Cause.NORMAL_CLEARING);
                    } catch (HalException raced) {
                        refused.incrementAndGet();
                    }
                }
            }
            waitSimulated(clock, Duration.ofMinutes(1));
        }

        assertThat(failures).isEmpty();
        assertThat(allIdle(backend)).isTrue();
        assertThat(placed.get()).isPositive();
        assertThat(traffic.stats().carried()).isPositive();
        // let the subscriber's thread drain its backlog
        waitSimulated(clock, Duration.ofSeconds(10));
        synchronized (check) {
            assertThat(check.problems).isEmpty();
            assertThat(check.seen).isNotEmpty();
            for (CallId call : check.seen) {
                assertThat(check.disconnects.get(call))
                        .as("disconnects of %s", call)
                        .isEqualTo(1);
            }
        }
        app.close();
        backend.close();
    }

    private static boolean allIdle(SoftBackend backend) {
        return backend.channels().stream().allMatch(c -> c.state() == ChannelState.IDLE);
    }
}
