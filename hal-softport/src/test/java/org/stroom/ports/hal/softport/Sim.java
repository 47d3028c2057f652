package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.List;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

/** A virtual-time backend with a recorder subscribed directly, for tests. */
final class Sim implements AutoCloseable {
    static final String MACHINE = "server";

    final VirtualClock clock;
    final SoftBackend backend;
    final Recorder events = new Recorder();

    Sim(SoftBackend.Builder builder) {
        this(builder, new VirtualClock());
    }

    Sim(SoftBackend.Builder builder, VirtualClock clock) {
        this.clock = clock;
        this.backend = builder.clock(clock).build();
        backend.subscribe(events, Runnable::run);
    }

    /** One TR1034 with one PRI span holding DIDs 3125550100-199. */
    static Sim onePri() {
        return new Sim(SoftBackend.builder(MACHINE).seed(42).board(BoardModel.TR1034_1T1, pri("C1", 3125550100L)));
    }

    static SpanConfig pri(String circuit, long firstDid) {
        return SpanConfig.pri(
                new CircuitId(circuit),
                PriSwitch.NI2,
                0,
                List.of(new DidRange(Long.toString(firstDid), Long.toString(firstDid + 99))));
    }

    static SpanConfig cas(String circuit, long firstDid) {
        return SpanConfig.cas(
                new CircuitId(circuit),
                Signalling.EM_WINK_START,
                0,
                List.of(new DidRange(Long.toString(firstDid), Long.toString(firstDid + 99))));
    }

    static SpanLocation span(int board, int port) {
        return new SpanLocation(MACHINE, board, port);
    }

    static ChannelId ch(int board, int port, int ds0) {
        return new ChannelId(span(board, port), ds0);
    }

    static ChannelId ch(int ds0) {
        return ch(0, 1, ds0);
    }

    FarEnd farEnd() {
        return backend.farEnd(span(0, 1));
    }

    void advance(Duration d) {
        clock.advance(d);
    }

    void advanceMillis(long ms) {
        clock.advance(Duration.ofMillis(ms));
    }

    long seconds() {
        return clock.nanos() / 1_000_000_000L;
    }

    @Override
    public void close() {
        backend.close();
    }
}
