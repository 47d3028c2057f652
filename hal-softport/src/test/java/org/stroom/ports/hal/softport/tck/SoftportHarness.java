package org.stroom.ports.hal.softport.tck;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.RealTimeClock;
import org.stroom.ports.hal.softport.Scheduler;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/**
 * The hal-tck harness over a {@link SoftBackend}: one TR1034-2T1 board with an ISDN PRI circuit and
 * an E&amp;M wink-start CAS circuit; {@link FirstSpan} says which is on port 1, where the contracts
 * take their channels from (the D-channel checks find the PRI span wherever it is). Far-end actions
 * go to the cables' {@link org.stroom.ports.hal.softport.FarEnd}s, faults to {@link
 * SoftBackend#faults()}.
 *
 * <p>Time: {@link #virtual} runs on a {@link VirtualClock}: {@link #advance} runs the clock and
 * every event is delivered during it, on the test thread. {@link #realTime} runs on a {@link
 * RealTimeClock}, paused except during {@link #advance}, which lets it run for the asked backend time
 * (at the clock's speed) and waits on a latch; events then arrive on the clock's thread, as from a
 * real-time backend, while the order of far-end and application actions stays deterministic.
 *
 * <p>Thread-safety: confined to the test thread.
 */
public final class SoftportHarness implements TckHarness {
    /** The machine name of the simulated boards. */
    public static final String MACHINE = "server";

    /** Which circuit is plugged into port 1. */
    public enum FirstSpan {
        /** ISDN PRI on port 1, CAS on port 2. */
        PRI,
        /** CAS on port 1, ISDN PRI on port 2. */
        CAS
    }

    private final VirtualClock virtual;
    private final RealTimeClock real;
    private final SoftBackend backend;

    private SoftportHarness(FirstSpan first, VirtualClock virtual, RealTimeClock real) {
        this.virtual = virtual;
        this.real = real;
        SoftBackend.Builder b = SoftBackend.builder(MACHINE).seed(42);
        if (real != null) {
            real.pause();
            b.clock(real).closeWithBackend(real);
        } else {
            b.clock(virtual);
        }
        this.backend = (first == FirstSpan.PRI
                        ? b.board(BoardModel.TR1034_2T1, pri(1), cas(2))
                        : b.board(BoardModel.TR1034_2T1, cas(1), pri(2)))
                .build();
    }

    /** @return a harness on virtual time with the PRI circuit on port 1 */
    public static SoftportHarness virtual() {
        return virtual(FirstSpan.PRI);
    }

    /** @return a harness on virtual time */
    public static SoftportHarness virtual(FirstSpan first) {
        return new SoftportHarness(first, new VirtualClock(), null);
    }

    /**
     * @param speed backend seconds per real second, 1..1000
     * @return a harness on a real-time clock, paused between {@link #advance} calls
     */
    public static SoftportHarness realTime(FirstSpan first, double speed) {
        return new SoftportHarness(first, null, new RealTimeClock(speed));
    }

    /** @return a PRI circuit with clock priority {@code clockPriority} */
    public static SpanConfig pri(int clockPriority) {
        return SpanConfig.pri(
                new CircuitId("TCK.PRI.0001"),
                PriSwitch.NI2,
                clockPriority,
                List.of(new DidRange("5550100", "5550199")));
    }

    /** @return a CAS circuit with clock priority {@code clockPriority} */
    public static SpanConfig cas(int clockPriority) {
        return SpanConfig.cas(
                new CircuitId("TCK.CAS.0002"),
                Signalling.EM_WINK_START,
                clockPriority,
                List.of(new DidRange("5550200", "5550299")));
    }

    /** @return the simulated backend, with its simulator API */
    public SoftBackend softBackend() {
        return backend;
    }

    @Override
    public HalBackend backend() {
        return backend;
    }

    @Override
    public boolean virtualTime() {
        return virtual != null;
    }

    @Override
    public void advance(Duration d) {
        if (virtual != null) {
            virtual.advance(d);
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        real.schedule(Scheduler.plus(real.nanos(), d), () -> {
            real.pause(); // runs on the clock thread after every action due before it
            reached.countDown();
        });
        real.resume();
        Duration limit = Duration.ofNanos((long) (d.toNanos() / real.speed())).plusSeconds(10);
        try {
            if (!reached.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("the real-time clock did not run " + d + " within " + limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while advancing " + d, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Real time: 30 ms of thread latency at the clock's speed (an action due at T runs, and reads
     * the clock, slightly after T); virtual time: none.
     */
    @Override
    public Duration timingSlack() {
        return real == null ? Duration.ZERO : Duration.ofNanos((long) (30_000_000L * real.speed()));
    }

    @Override
    public CallId offerInbound(ChannelId channel, String dnis, String ani) {
        return backend.farEnd(channel.span()).offerCall(channel.ds0(), dnis, ani);
    }

    @Override
    public void farEndHangUp(ChannelId channel) {
        backend.farEnd(channel.span()).hangUp(channel);
    }

    @Override
    public void farEndSendsDigits(ChannelId channel, String digits) {
        backend.farEnd(channel.span()).sendDigits(channel, digits);
    }

    @Override
    public void setOutboundBehaviour(OutboundBehaviour behaviour) {
        backend.setOutboundBehaviour(toSoftport(behaviour));
    }

    /**
     * @param behaviour the TCK's far-end behaviour for our outbound calls
     * @return the same behaviour for a softport far end (the outcomes have the same names)
     */
    public static org.stroom.ports.hal.softport.OutboundBehaviour toSoftport(OutboundBehaviour behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        return new org.stroom.ports.hal.softport.OutboundBehaviour(
                org.stroom.ports.hal.softport.OutboundBehaviour.Outcome.valueOf(
                        behaviour.outcome().name()),
                behaviour.answerDelay());
    }

    @Override
    public void farEndSendsFax(ChannelId channel, int pages) {
        backend.farEnd(channel.span()).sendFaxPages(channel, pages);
    }

    @Override
    public void raiseDefect(SpanLocation span, Defect defect) {
        backend.faults().raiseDefect(span, defect);
    }

    @Override
    public void clearDefect(SpanLocation span, Defect defect) {
        backend.faults().clearDefect(span, defect);
    }

    @Override
    public void setDChannel(SpanLocation span, boolean up) {
        backend.faults().setDChannel(span, up);
    }

    @Override
    public void boardFault(BoardId board) {
        backend.faults().boardFault(board);
    }

    @Override
    public void boardRecover(BoardId board) {
        backend.faults().boardRecover(board);
    }

    @Override
    public void failNextOperation(ChannelId channel) {
        backend.faults().failNextOperation(channel);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public void close() {
        backend.close();
    }
}
