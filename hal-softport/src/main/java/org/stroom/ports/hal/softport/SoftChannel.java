package org.stroom.ports.hal.softport;

import java.util.Set;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.ChannelStateMachine;
import org.stroom.ports.hal.api.PortKind;

/**
 * One simulated DS0 channel.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class SoftChannel {
    /** DTMF type-ahead buffer size (Dialogic keeps 31 digits, Brooktrout similar). */
    static final int TYPE_AHEAD = 31;

    final ChannelId id;
    final SpanPort port;
    final Set<PortKind> kinds;
    final ChannelStateMachine sm;
    SoftCall call;
    Media media;
    boolean adminBlocked;
    boolean stuck;
    String failSymbol;
    long failCode;
    String failText;
    final StringBuilder typeAhead = new StringBuilder();

    SoftChannel(ChannelId id, SpanPort port, Set<PortKind> kinds, ChannelState initial) {
        this.id = id;
        this.port = port;
        this.kinds = kinds;
        this.sm = new ChannelStateMachine(id, initial);
    }

    ChannelState state() {
        return sm.state();
    }
}
