package org.stroom.ports.hal.softport.tck;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.t1.SpanLocation;

/**
 * A backend that behaves like the one it wraps but reports its events through a mutation (which
 * may replace an event, or drop it by returning null): a broken backend for proving that the
 * contracts notice.
 *
 * <p>Thread-safety: as the wrapped backend; the mutation must be stateless.
 */
final class MutatingBackend implements HalBackend {
    private final HalBackend inner;
    private final UnaryOperator<HalEvent> mutation;

    MutatingBackend(HalBackend inner, UnaryOperator<HalEvent> mutation) {
        this.inner = inner;
        this.mutation = mutation;
    }

    private HalEventListener mutated(HalEventListener listener) {
        return e -> {
            HalEvent m = mutation.apply(e);
            if (m != null) {
                listener.onEvent(m);
            }
        };
    }

    @Override
    public Subscription subscribe(HalEventListener listener) {
        return inner.subscribe(mutated(listener));
    }

    @Override
    public Subscription subscribe(HalEventListener listener, Executor executor) {
        return inner.subscribe(mutated(listener), executor);
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public boolean simulated() {
        return inner.simulated();
    }

    @Override
    public BackendState state() {
        return inner.state();
    }

    @Override
    public void setInService(boolean inService) {
        inner.setInService(inService);
    }

    @Override
    public List<BoardInfo> boards() {
        return inner.boards();
    }

    @Override
    public List<SpanInfo> spans() {
        return inner.spans();
    }

    @Override
    public SpanInfo span(SpanLocation location) {
        return inner.span(location);
    }

    @Override
    public List<ChannelInfo> channels() {
        return inner.channels();
    }

    @Override
    public ChannelInfo channel(ChannelId channel) {
        return inner.channel(channel);
    }

    @Override
    public List<StateChange> history(ChannelId channel) {
        return inner.history(channel);
    }

    @Override
    public void accept(ChannelId channel) {
        inner.accept(channel);
    }

    @Override
    public void answer(ChannelId channel) {
        inner.answer(channel);
    }

    @Override
    public void reject(ChannelId channel, Q850Cause cause) {
        inner.reject(channel, cause);
    }

    @Override
    public CallId placeCall(ChannelId channel, OutboundCall call) {
        return inner.placeCall(channel, call);
    }

    @Override
    public void hangUp(ChannelId channel, Q850Cause cause) {
        inner.hangUp(channel, cause);
    }

    @Override
    public void play(ChannelId channel, PlayRequest request) {
        inner.play(channel, request);
    }

    @Override
    public void record(ChannelId channel, RecordRequest request) {
        inner.record(channel, request);
    }

    @Override
    public void collectDigits(ChannelId channel, DigitRequest request) {
        inner.collectDigits(channel, request);
    }

    @Override
    public void sendDigits(ChannelId channel, String digits) {
        inner.sendDigits(channel, digits);
    }

    @Override
    public void sendFax(ChannelId channel, FaxSendRequest request) {
        inner.sendFax(channel, request);
    }

    @Override
    public void receiveFax(ChannelId channel, FaxReceiveRequest request) {
        inner.receiveFax(channel, request);
    }

    @Override
    public void stopMedia(ChannelId channel) {
        inner.stopMedia(channel);
    }

    @Override
    public void setBlocked(ChannelId channel, boolean blocked) {
        inner.setBlocked(channel, blocked);
    }

    @Override
    public void close() {
        inner.close();
    }
}
