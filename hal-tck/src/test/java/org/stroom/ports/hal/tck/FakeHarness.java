package org.stroom.ports.hal.tck;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * Harness over {@link FakeBackend}: virtual time, glare and operation failures; no media, no line
 * faults.
 *
 * <p>Thread-safety: confined to the test thread.
 */
final class FakeHarness implements TckHarness {
    private final FakeBackend backend;

    FakeHarness(Set<FakeBackend.Flaw> flaws) {
        this.backend = new FakeBackend(flaws);
    }

    FakeHarness() {
        this(EnumSet.noneOf(FakeBackend.Flaw.class));
    }

    @Override
    public HalBackend backend() {
        return backend;
    }

    @Override
    public boolean virtualTime() {
        return true;
    }

    @Override
    public void advance(Duration d) {
        backend.advance(d);
    }

    @Override
    public CallId offerInbound(ChannelId channel, String dnis, String ani) {
        return backend.farEndOffers(channel, dnis, ani);
    }

    @Override
    public void farEndHangUp(ChannelId channel) {
        backend.farEndHangsUp(channel);
    }

    @Override
    public void farEndSendsDigits(ChannelId channel, String digits) {
        throw new UnsupportedOperationException("fake harness has no DTMF");
    }

    @Override
    public void setOutboundBehaviour(OutboundBehaviour behaviour) {
        backend.outbound = behaviour;
    }

    @Override
    public void farEndSendsFax(ChannelId channel, int pages) {
        throw new UnsupportedOperationException("fake harness has no fax");
    }

    @Override
    public void raiseDefect(SpanLocation span, Defect defect) {
        throw new UnsupportedOperationException("fake harness has no line defects");
    }

    @Override
    public void clearDefect(SpanLocation span, Defect defect) {
        throw new UnsupportedOperationException("fake harness has no line defects");
    }

    @Override
    public void setDChannel(SpanLocation span, boolean up) {
        throw new UnsupportedOperationException("fake harness has no PRI span");
    }

    @Override
    public void boardFault(BoardId board) {
        throw new UnsupportedOperationException("fake harness has no board faults");
    }

    @Override
    public void boardRecover(BoardId board) {
        throw new UnsupportedOperationException("fake harness has no board faults");
    }

    @Override
    public void failNextOperation(ChannelId channel) {
        backend.failNext(channel);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.GLARE, Capability.OPERATION_FAILURE);
    }

    @Override
    public void close() {
        backend.close();
    }
}
