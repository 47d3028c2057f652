package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanLocation;

/** A state driven on virtual time, with a journal of everything applied, for example tests. */
final class Sys {
    static final long SECOND = 1_000_000_000L;
    static final long LEASE = 60 * SECOND;

    final PortManagerState state = new PortManagerState();
    final List<Input> journal = new ArrayList<>();
    long now;
    long nextRequestId = 1;

    Sys(List<Input> inventory) {
        for (Input i : inventory) {
            assertThat(apply(i)).isNotInstanceOf(Result.Ignored.class);
        }
    }

    static Sys small() {
        return new Sys(Fixtures.smallSystemInputs());
    }

    Result apply(Input i) {
        journal.add(i);
        return state.apply(i);
    }

    void advance(long nanos) {
        now += nanos;
    }

    Result allocate(String group, PortKind kind, Direction dir) {
        return allocate(group, kind, dir, null, "normal");
    }

    Result allocate(String group, PortKind kind, Direction dir, Affinity affinity, String cls) {
        return apply(new Input.Allocate(now, nextRequestId++, kind, dir, group, affinity, cls, LEASE));
    }

    Result.Granted grant(String group, PortKind kind, Direction dir) {
        Result r = allocate(group, kind, dir);
        assertThat(r).isInstanceOf(Result.Granted.class);
        return (Result.Granted) r;
    }

    ChannelId grantedChannel(String group, PortKind kind, Direction dir) {
        return grant(group, kind, dir).channel();
    }

    Result release(long leaseId) {
        return apply(new Input.Release(now, nextRequestId++, leaseId));
    }

    Result renew(long leaseId, long nanos) {
        return apply(new Input.Renew(now, nextRequestId++, leaseId, nanos));
    }

    Result tick() {
        return apply(new Input.Tick(now));
    }

    Result inbound(ChannelId ch, long callId) {
        return apply(new Input.CallActive(now, ch, callId, true));
    }

    Result hangUp(ChannelId ch, long callId) {
        return apply(new Input.CallEnded(now, ch, callId));
    }

    Result.Rejected rejected(Result r) {
        assertThat(r).isInstanceOf(Result.Rejected.class);
        return (Result.Rejected) r;
    }

    /** Replays the journal into a new state. */
    PortManagerState replay() {
        PortManagerState s = new PortManagerState();
        journal.forEach(s::apply);
        return s;
    }

    static ChannelId ch(SpanLocation span, int ds0) {
        return new ChannelId(span, ds0);
    }

    static SpanLocation span(String machine, int board, int port) {
        return new SpanLocation(machine, board, port);
    }

    static final SpanLocation SERVER_1 = new SpanLocation(Fixtures.SERVER, 0, 1);
    static final SpanLocation SERVER_2 = new SpanLocation(Fixtures.SERVER, 0, 2);
    static final SpanLocation NODE1_1 = new SpanLocation(Fixtures.node(1), 0, 1);
    static final SpanLocation NODE1_2 = new SpanLocation(Fixtures.node(1), 0, 2);
    static final SpanLocation NODE2_1 = new SpanLocation(Fixtures.node(2), 0, 1);
    static final SpanLocation NODE2_2 = new SpanLocation(Fixtures.node(2), 0, 2);
}
